/**
 * Disclosure control of the public outputs (the public API, its CSV, the open-data page). Officers'
 * dashboards are not concerned: they see exact numbers within their scope.
 *
 * Every public number is one cell of a cube per year:
 *   slot (Q1, Q2, Q3, Q4, the year) × row (the province, or one commune) × column (no category, or one
 *   value of one category: sector, size or producer type).
 * Three hierarchies the API offers link the cells, each as "lines" (a total and its disjoint parts):
 * communes → province, each category's values → the no-category cell, quarters → year. (The year is
 * nearly the sum of its quarters: a business assessed in two quarters counts once in the year. Treated
 * as exact, which only errs towards hiding more.)
 *
 * Rules, for the cells of one population (the businesses a measure is built on; measures on the same
 * businesses share one pattern, see `suppressCube`):
 * 1. Primary: a cell built on 1–4 businesses is hidden. An empty cell says nothing about anyone.
 * 2. A published total with hidden non-empty parts has at least two of them (counted on the
 *    businesses and on every share's denominator), so "total − published parts" is never one cell.
 * 3. All-or-none: when a published total is not itself 0 % or 100 % on an attribute, the residual
 *    group of its hidden parts is neither "none of them" nor "all of them" on it (for a categorical
 *    attribute, the level: not all in one category).
 * 4. A hidden total has, for every quantity it holds, a hidden part holding it, so it is not the sum
 *    of its published parts.
 * Rules 2–4 are met by hiding more *parts*: the smallest published sibling (fewest businesses, then
 * position) that fixes the line. A total is hidden only when no sibling can (all other parts are
 * empty, so the one hidden part equals the total), and never the headline cell (province × no
 * category × year), which stays published whenever it holds 5 businesses or more. Lines are revisited
 * until nothing changes.
 *
 * Pure module: no astro, no database, no clock.
 */
import { MIN_CELL } from './suppression.ts';
import { INDICATORS, type CounterKey } from './definitions.ts';

/** A new public snapshot needs at least this many businesses changed since the last one (docs/decisions/002). */
export const BATCH_SIZE = 5;
export const SLOT_COUNT = 5;
export const YEAR_SLOT = 4;

export type Dimension = 'sector' | 'size' | 'producerType';
export const DIMENSIONS: readonly Dimension[] = ['sector', 'size', 'producerType'];

export interface CubeShape {
  communes: readonly string[];
  values: Readonly<Record<Dimension, readonly string[]>>;
}

export interface Line {
  total: number;
  parts: readonly number[];
}

export type Column = { dim: Dimension | null; value: string | null };

/** Addresses the cells of a year's cube: index = (slot × rows + row) × columns + column. */
export class Cube {
  readonly rows: number;
  readonly cols: number;
  readonly size: number;
  readonly columns: readonly Column[];
  private readonly rowIndex: Map<string, number>;
  private readonly colIndex: Map<string, number>;
  private lineCache: Line[] | null = null;
  readonly shape: CubeShape;

  constructor(shape: CubeShape) {
    this.shape = shape;
    this.rows = 1 + shape.communes.length;
    this.columns = [{ dim: null, value: null }, ...DIMENSIONS.flatMap((dim) => shape.values[dim].map((value) => ({ dim, value })))];
    this.cols = this.columns.length;
    this.size = SLOT_COUNT * this.rows * this.cols;
    this.rowIndex = new Map(shape.communes.map((c, i) => [c, i + 1]));
    this.colIndex = new Map(this.columns.map((c, i) => [`${c.dim}\u0000${c.value}`, i]));
  }

  /** Row of a commune (null: the province); -1 when the commune is not in the cube. */
  row(commune: string | null): number {
    return commune === null ? 0 : (this.rowIndex.get(commune) ?? -1);
  }

  /** Column of a category value (null: no category); -1 when the value is not in the cube. */
  col(dim: Dimension | null, value: string | null): number {
    if (dim === null) return 0;
    return this.colIndex.get(`${dim}\u0000${value}`) ?? -1;
  }

  at(slot: number, row: number, col: number): number {
    return (slot * this.rows + row) * this.cols + col;
  }

  /** slot, row and column of an index. */
  coords(i: number): [number, number, number] {
    const col = i % this.cols;
    const r = (i - col) / this.cols;
    return [Math.floor(r / this.rows), r % this.rows, col];
  }

  /** The headline: province × no category × year. */
  get root(): number {
    return this.at(YEAR_SLOT, 0, 0);
  }

  /** Every line of the three hierarchies. */
  lines(): readonly Line[] {
    if (this.lineCache) return this.lineCache;
    const out: Line[] = [];
    const dimCols = DIMENSIONS.map((d) => this.columns.flatMap((c, i) => (c.dim === d ? [i] : [])));
    for (let s = 0; s < SLOT_COUNT; s++)
      for (let c = 0; c < this.cols; c++) {
        // communes → province
        if (this.rows > 1)
          out.push({ total: this.at(s, 0, c), parts: Array.from({ length: this.rows - 1 }, (_, r) => this.at(s, r + 1, c)) });
      }
    for (let s = 0; s < SLOT_COUNT; s++)
      for (let r = 0; r < this.rows; r++)
        for (const cols of dimCols) {
          // category values → no category
          if (cols.length) out.push({ total: this.at(s, r, 0), parts: cols.map((c) => this.at(s, r, c)) });
        }
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) {
        // quarters → year
        out.push({ total: this.at(YEAR_SLOT, r, c), parts: [0, 1, 2, 3].map((s) => this.at(s, r, c)) });
      }
    this.lineCache = out;
    return out;
  }
}

/** A binary attribute: how many of the population have it (numerator) out of how many (denominator). */
export interface Share {
  numerator: ArrayLike<number>;
  denominator: ArrayLike<number>;
}

/** The cells of one population with the attributes published on it. */
export interface PopulationClass {
  businesses: ArrayLike<number>;
  shares?: readonly Share[];
  /** Categorical attributes: per category, the count of businesses in it (the categories add up to businesses). */
  categories?: readonly (readonly ArrayLike<number>[])[];
}

/** 0: free; 1: published and fixed; 2: hidden and fixed (cells of a closed quarter, published before). */
export type Fixed = Uint8Array;

export interface LineResult {
  hidden: Uint8Array;
  /** Lines the rules could not satisfy without hiding a pinned or fixed cell (none expected; tests assert it). */
  conflicts: Line[];
}

/**
 * The suppression pattern of one population over arbitrary lines. `pinned` cells are never hidden
 * beyond rule 1; `fixed` cells keep the state given.
 */
export function suppressLines(
  size: number,
  lines: readonly Line[],
  cls: PopulationClass,
  opts: { pinned?: readonly number[]; fixed?: Fixed } = {},
): LineResult {
  const b = cls.businesses;
  const shares = cls.shares ?? [];
  const categories = cls.categories ?? [];
  const fixed = opts.fixed;
  const pinned = new Set(opts.pinned ?? []);
  const hidden = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const f = fixed?.[i] ?? 0;
    hidden[i] = f === 2 ? 1 : f === 1 ? 0 : b[i]! > 0 && b[i]! < MIN_CELL ? 1 : 0;
  }
  const free = (i: number) => !hidden[i] && !(fixed?.[i] ?? 0) && !pinned.has(i);
  // The additive quantities rules 2 and 4 look at.
  const counts: ArrayLike<number>[] = [b, ...shares.map((s) => s.denominator)];
  const totalQuantities = [...counts, ...shares.map((s) => s.numerator)];
  const conflicts = new Set<Line>();

  /** Hides the smallest free part satisfying `want`, else the total if allowed and free; returns the cell hidden or -1. */
  const complement = (line: Line, want: (p: number) => boolean, totalAllowed: boolean): number => {
    let pick = -1;
    for (const p of line.parts) {
      if (!free(p) || !want(p)) continue;
      if (pick === -1 || b[p]! < b[pick]! || (b[p] === b[pick] && p < pick)) pick = p;
    }
    if (pick === -1 && totalAllowed && free(line.total)) pick = line.total;
    if (pick === -1) conflicts.add(line);
    else hidden[pick] = 1;
    return pick;
  };

  /** Applies the first unmet rule of a line; returns the cell it hid, or -1 when the line holds (or cannot be fixed). */
  const fixLine = (line: Line): number => {
    const t = line.total;
    if (hidden[t]) {
      if (!(b[t]! > 0)) return -1;
      for (const q of totalQuantities) {
        if (!(q[t]! > 0) || line.parts.some((p) => hidden[p] && q[p]! > 0)) continue;
        const c = complement(line, (p) => q[p]! > 0, false);
        if (c >= 0) return c;
      }
      return -1;
    }
    const h = line.parts.filter((p) => hidden[p] && b[p]! > 0);
    if (h.length === 0) return -1;
    for (const q of counts) {
      if (h.filter((p) => q[p]! > 0).length !== 1) continue;
      const c = complement(line, (p) => q[p]! > 0, true);
      if (c >= 0) return c;
    }
    for (const s of shares) {
      const n = s.numerator[t]!;
      const d = s.denominator[t]!;
      if (!(n > 0 && n < d)) continue;
      let sn = 0;
      let sd = 0;
      for (const p of h) {
        sn += s.numerator[p]!;
        sd += s.denominator[p]!;
      }
      if (sd === 0) continue;
      const c =
        sn === 0
          ? complement(line, (p) => s.numerator[p]! > 0, true)
          : sn === sd
            ? complement(line, (p) => s.denominator[p]! - s.numerator[p]! > 0, true)
            : -1;
      if (c >= 0) return c;
    }
    for (const cats of categories) {
      if (cats.some((k) => k[t] === b[t])) continue;
      let sb = 0;
      for (const p of h) sb += b[p]!;
      for (const k of cats) {
        let sk = 0;
        for (const p of h) sk += k[p]!;
        if (sk !== sb) continue;
        const c = complement(line, (p) => b[p]! - k[p]! > 0, true);
        if (c >= 0) return c;
      }
    }
    return -1;
  };

  // A worklist: when a cell is hidden, only the lines through it are looked at again. A last full
  // pass confirms the fixed point (and collects the lines that could not be satisfied).
  const through: number[][] = Array.from({ length: size }, () => []);
  lines.forEach((line, li) => {
    through[line.total]!.push(li);
    for (const p of line.parts) through[p]!.push(li);
  });
  const queued = new Uint8Array(lines.length);
  const queue: number[] = [];
  const push = (cell: number): void => {
    for (const li of through[cell]!) {
      if (!queued[li]) {
        queued[li] = 1;
        queue.push(li);
      }
    }
  };
  for (let li = 0; li < lines.length; li++) {
    queued[li] = 1;
    queue.push(li);
  }
  for (;;) {
    while (queue.length) {
      const li = queue.pop()!;
      queued[li] = 0;
      for (let c = fixLine(lines[li]!); c >= 0; c = fixLine(lines[li]!)) push(c);
    }
    conflicts.clear();
    for (const line of lines) {
      const c = fixLine(line);
      if (c >= 0) push(c);
    }
    if (!queue.length) break;
  }
  return { hidden, conflicts: [...conflicts] };
}

/** One published measure of the cube: an indicator, the level distribution, the pillar means of a framework. */
export interface Measure extends PopulationClass {
  id: string;
}

export interface CubePattern {
  /** Hidden cells per measure id (1: hidden). Cells with fewer than 5 businesses are hidden too. */
  hidden: Map<string, Uint8Array>;
  conflicts: Line[];
}

/**
 * The pattern of every measure over the whole cube. Measures built on the same businesses in every
 * cell share one pattern, so a cell hidden for one of them cannot be read off another. The headline
 * cell is pinned. Cells of `frozen` slots keep the state `previous` gives them (a closed quarter
 * keeps what was published at its close); a frozen cell counts as hidden for a shared pattern only if
 * every measure sharing it had it hidden, and each measure keeps its own previous state there.
 */
export function suppressCube(
  cube: Cube,
  measures: readonly Measure[],
  frozen?: { slots: readonly boolean[]; previous: (measureId: string, index: number) => boolean | null },
): CubePattern {
  const groups = new Map<string, Measure[]>();
  for (const m of measures) {
    const key = Array.prototype.join.call(m.businesses, ',');
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const hidden = new Map<string, Uint8Array>();
  const conflicts: Line[] = [];
  const frozenCells: number[] = [];
  if (frozen) for (let i = 0; i < cube.size; i++) if (frozen.slots[cube.coords(i)[0]]) frozenCells.push(i);
  for (const group of groups.values()) {
    let fixed: Fixed | undefined;
    if (frozen) {
      fixed = new Uint8Array(cube.size);
      for (const i of frozenCells) fixed[i] = group.every((m) => frozen.previous(m.id, i) ?? false) ? 2 : 1;
    }
    const r = suppressLines(
      cube.size,
      cube.lines(),
      {
        businesses: group[0]!.businesses,
        shares: group.flatMap((m) => m.shares ?? []),
        categories: group.flatMap((m) => m.categories ?? []),
      },
      { pinned: [cube.root], fixed },
    );
    conflicts.push(...r.conflicts);
    for (const m of group) {
      const own = Uint8Array.from(r.hidden);
      if (frozen) for (const i of frozenCells) own[i] = (frozen.previous(m.id, i) ?? own[i] === 1) ? 1 : 0;
      hidden.set(m.id, own);
    }
  }
  return { hidden, conflicts };
}

// ---------------------------------------------------------------------------
// Batches: when the public answer of a year may move on
// ---------------------------------------------------------------------------

/**
 * Whether a new public snapshot of a year is due. `boundaries` are the ends of Q1–Q4 (the last is the
 * end of the year). Due when there is none yet, when the definitions changed, when a quarter (or the
 * year) has closed since the last one, or once at least BATCH_SIZE businesses changed since the last
 * one (`changed`: submissions since, or bulk additions and removals). A closed year receives no
 * submissions, so it stays as its final snapshot unless 5 or more businesses are removed from it.
 */
export function snapshotDue(input: {
  last: { takenAt: Date; version: string } | null;
  version: string;
  changed: number;
  now: Date;
  boundaries: readonly Date[];
}): boolean {
  const { last, now, boundaries } = input;
  if (!last) return true;
  if (last.version !== input.version) return true;
  if (boundaries.some((b) => last.takenAt < b && b <= now)) return true;
  return input.changed >= BATCH_SIZE;
}

/** The latest period end that has passed by `now` (null: none yet). */
export function lastClosedBoundary(boundaries: readonly Date[], now: Date): Date | null {
  let out: Date | null = null;
  for (const b of boundaries) if (b <= now) out = b;
  return out;
}

/** Slots whose data a new snapshot copies from the previous one: quarters that had closed before it was taken. */
export function frozenSlots(previousTakenAt: Date | null, boundaries: readonly Date[]): boolean[] {
  const slots = [false, false, false, false, false];
  if (!previousTakenAt) return slots;
  for (let q = 0; q < 4; q++) slots[q] = boundaries[q]! <= previousTakenAt;
  // A closed year is never re-taken (unless the definitions change, which recomputes everything).
  return slots[3] ? [false, false, false, false, false] : slots;
}

/** Bit sets as hex strings (compact storage of a pattern). */
export function toHex(bits: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 4) {
    out += ((bits[i] ? 1 : 0) | (bits[i + 1] ? 2 : 0) | (bits[i + 2] ? 4 : 0) | (bits[i + 3] ? 8 : 0)).toString(16);
  }
  return out;
}

export function fromHex(hex: string, size: number): Uint8Array {
  const bits = new Uint8Array(size);
  for (let i = 0; i < size; i++) bits[i] = (parseInt(hex[i >> 2] ?? '0', 16) >> (i & 3)) & 1;
  return bits;
}

/**
 * The measures of the cube from its counters, one array per counter (`registered`: known businesses,
 * the coverage denominator): every scalar indicator of the definition table except OCOP (products, no
 * period or category), with the same numerator, denominator and businesses as `indicatorValues`
 * (dashboard.ts), computed array-wise; and the level distribution.
 */
export function cubeMeasures(values: (key: CounterKey | 'registered') => ArrayLike<number>, size: number): Measure[] {
  const n = values('n');
  const out: Measure[] = [];
  for (const d of INDICATORS) {
    const m = d.measure;
    if (!m || m.basis === 'ocop') continue;
    let share: Share;
    let businesses: ArrayLike<number>;
    if (m.basis === 'facts') {
      businesses = values(m.counters.population);
      share = { numerator: values(m.counters.numerator), denominator: businesses };
    } else if (m.basis === 'registry') {
      const registered = values('registered');
      businesses = n;
      share = { numerator: n, denominator: Float64Array.from({ length: size }, (_, i) => Math.max(registered[i]!, n[i]!)) };
    } else {
      businesses = n;
      share = { numerator: values('adoptedRecommended'), denominator: values('recommended') };
    }
    out.push({ id: d.id, businesses, shares: [share] });
  }
  out.push({ id: 'levels', businesses: n, categories: [(['l0', 'l1', 'l2', 'l3', 'l4', 'l5'] as const).map((k) => values(k))] });
  return out;
}
