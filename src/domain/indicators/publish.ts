/**
 * Disclosure control of the open data (the public API, its CSV and the open-data page).
 *
 * Every number the public can ask for is one cell of a cube per indicator:
 *   period slot (Q1, Q2, Q3, Q4, year) × commune (or the province) × category value (or none),
 * where the category is one of sector, size or producer type (one at a time). The cells with no
 * category are shared by the three categories. Three hierarchies link the cells: communes add up to
 * the province, the values of a category add up to the no-category cell, quarters add up to the
 * year (nearly: a business assessed in two quarters counts once in the year; treated as exact,
 * which only errs towards hiding more).
 *
 * One suppression pattern is computed for the whole cube at once, so the same cell is hidden
 * whichever request shows it (two requests cannot be differenced), and it is deterministic.
 *
 * Rules (each line is one total with its parts along one hierarchy; the quantities of a cell are its
 * businesses, and where published its numerator, its denominator and denominator − numerator):
 * 1. Primary: a cell built on fewer than MIN_CELL (5) businesses is hidden (empty cells too).
 * 2. Published total, and at least one hidden part holds a business: for every quantity whose total
 *    is non-zero, at least two hidden parts have it non-zero. So the residual "total − published
 *    parts" of a quantity is never the value of one part (subtraction), and never 0 (which would say
 *    that no hidden business has the attribute) nor the whole hidden count (every hidden business has
 *    it): the all-or-none case. A total that is itself all-or-none (0 % or 100 %) says that about
 *    every business in it; that is the total's own information.
 * 3. Hidden total: for every quantity whose total is non-zero, at least one part is hidden with it
 *    non-zero, so the total is not the sum of published parts.
 * Complements are the smallest published parts (fewest businesses, then smallest quantity, then
 * position) that make the line hold; when no part is left, the total is hidden instead. Lines are
 * revisited until nothing changes (suppression is only ever added, so this ends). Measures that
 * publish the same numbers (e.g. every indicator over all assessed businesses publishes their count
 * as its denominator) share one pattern.
 *
 * With rules 2 and 3, every line has either no hidden entry with a non-zero quantity or at least two:
 * an attacker who solves "a total with exactly one unknown part" from every published total can
 * only ever learn zeros. Not covered: bounds from several lines at once (integer programming on the
 * whole cube), and the difference between two different populations (e.g. all assessed minus SMEs).
 *
 * Pure module: no astro, no database, no clock.
 */
import { MIN_CELL, suppressGrid, type Grid } from './suppression.ts';

export const DIMENSIONS = ['sector', 'size', 'producerType'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Period slots of a year's cube: quarters 1–4 at 0–3, the year at 4. */
export const YEAR_SLOT = 4;
const SLOTS = 5;

export interface CubeShape {
  communes: readonly string[];
  /** The values of each category (e.g. sector letters, '' for unknown). */
  values: Readonly<Record<Dimension, readonly string[]>>;
}

/** A place in the cube; null commune = the province, null dim/value = no category. */
export type Address = { slot: number; commune: number | null; dim: Dimension | null; value: number | null };

/** Flat indexing of every cell of the cube, and the lines that link them. */
export class CubeIndex {
  readonly shape: CubeShape;
  readonly size: number;
  private readonly nc1: number;
  private readonly offsets: Record<Dimension, number>;
  /** Lines: `lineTotal[k]`, parts `lineParts[lineStart[k] .. lineStart[k + 1])`, kind 0 commune, 1 category, 2 period. */
  readonly lineTotal: Int32Array;
  readonly lineStart: Int32Array;
  readonly lineParts: Int32Array;
  readonly lineKind: Uint8Array;

  constructor(shape: CubeShape) {
    this.shape = shape;
    this.nc1 = shape.communes.length + 1;
    let off = SLOTS * this.nc1;
    const offsets = {} as Record<Dimension, number>;
    for (const d of DIMENSIONS) {
      offsets[d] = off;
      off += SLOTS * this.nc1 * shape.values[d].length;
    }
    this.offsets = offsets;
    this.size = off;

    const totals: number[] = [];
    const starts: number[] = [0];
    const parts: number[] = [];
    const kinds: number[] = [];
    const line = (kind: number, total: number, ps: number[]): void => {
      if (!ps.length) return;
      totals.push(total);
      parts.push(...ps);
      starts.push(parts.length);
      kinds.push(kind);
    };
    const nc = shape.communes.length;
    // Columns: the no-category column, then each category value.
    const columns: [Dimension | null, number | null][] = [[null, null]];
    for (const d of DIMENSIONS) for (let v = 0; v < shape.values[d].length; v++) columns.push([d, v]);
    for (let s = 0; s < SLOTS; s++) {
      for (const [d, v] of columns) {
        line(0, this.at({ slot: s, commune: null, dim: d, value: v }), Array.from({ length: nc }, (_, c) => this.at({ slot: s, commune: c, dim: d, value: v })));
      }
      for (let c = -1; c < nc; c++) {
        const commune = c < 0 ? null : c;
        for (const d of DIMENSIONS) {
          line(1, this.at({ slot: s, commune, dim: null, value: null }), shape.values[d].map((_, v) => this.at({ slot: s, commune, dim: d, value: v })));
        }
      }
    }
    for (let c = -1; c < nc; c++) {
      const commune = c < 0 ? null : c;
      for (const [d, v] of columns) {
        line(2, this.at({ slot: YEAR_SLOT, commune, dim: d, value: v }), [0, 1, 2, 3].map((s) => this.at({ slot: s, commune, dim: d, value: v })));
      }
    }
    this.lineTotal = Int32Array.from(totals);
    this.lineStart = Int32Array.from(starts);
    this.lineParts = Int32Array.from(parts);
    this.lineKind = Uint8Array.from(kinds);
  }

  at(a: Address): number {
    const c = a.commune ?? this.nc1 - 1;
    if (a.dim === null || a.value === null) return a.slot * this.nc1 + c;
    return this.offsets[a.dim] + (a.slot * this.nc1 + c) * this.shape.values[a.dim].length + a.value;
  }

  slotOf(i: number): number {
    if (i < SLOTS * this.nc1) return Math.floor(i / this.nc1);
    for (const d of [...DIMENSIONS].reverse()) {
      if (i >= this.offsets[d]) return Math.floor((i - this.offsets[d]) / this.shape.values[d].length / this.nc1);
    }
    throw new RangeError(String(i));
  }
}

/** Counters of one cell of the stored counter table (a period, a commune and one value of every category). */
export type CubeRow = { slot: number; commune: string; sector: string; size: string; producerType: string; counters: ArrayLike<number> };

/**
 * Adds rows up into every cell of the cube they belong to (their commune and the province, with no
 * category and with each of their category values): one Float64Array per counter.
 */
export function aggregate(cube: CubeIndex, rows: Iterable<CubeRow>, width: number): Float64Array[] {
  const out = Array.from({ length: width }, () => new Float64Array(cube.size));
  const communeIndex = new Map(cube.shape.communes.map((c, i) => [c, i]));
  const valueIndex = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map(cube.shape.values[d].map((v, i) => [v, i]))])) as Record<Dimension, Map<string, number>>;
  const targets: number[] = [];
  for (const r of rows) {
    const c = communeIndex.get(r.commune);
    if (c === undefined) continue;
    targets.length = 0;
    for (const commune of [c, null]) {
      targets.push(cube.at({ slot: r.slot, commune, dim: null, value: null }));
      for (const d of DIMENSIONS) {
        const v = valueIndex[d].get(d === 'sector' ? r.sector : d === 'size' ? r.size : r.producerType);
        if (v !== undefined) targets.push(cube.at({ slot: r.slot, commune, dim: d, value: v }));
      }
    }
    for (let k = 0; k < width; k++) {
      const x = r.counters[k]!;
      if (!x) continue;
      const arr = out[k]!;
      for (const i of targets) arr[i] = arr[i]! + x;
    }
  }
  return out;
}

/** One published measure over the cube: a Float64Array per quantity, indexed like the cube. */
export interface Measure {
  id: string;
  businesses: Float64Array;
  /** Published additive counts (null when the measure does not publish one). */
  numerator: Float64Array | null;
  denominator: Float64Array | null;
  /** Whether denominator − numerator counts businesses (a share), so all-or-none applies to it. */
  complement: boolean;
}

export interface Frozen {
  /** Slots already published from an earlier (final) snapshot: their pattern may not change. */
  slots: readonly boolean[];
  /** Hidden flags of the frozen cells per measure id (cube-indexed; other cells ignored). */
  hidden: ReadonlyMap<string, Uint8Array>;
}

function quantities(m: Measure, size: number): Float64Array[] {
  const qs = [m.businesses];
  if (m.numerator) qs.push(m.numerator);
  if (m.denominator) qs.push(m.denominator);
  if (m.complement && m.numerator && m.denominator) {
    const c = new Float64Array(size);
    for (let i = 0; i < size; i++) c[i] = m.denominator[i]! - m.numerator[i]!;
    qs.push(c);
  }
  return qs;
}

/**
 * Brings one line to the rules, adding suppression to `hidden` (never to frozen cells).
 * Returns whether anything changed.
 */
function fixLine(cube: CubeIndex, k: number, qs: Float64Array[], hidden: Uint8Array, frozen: Uint8Array): boolean {
  const t = cube.lineTotal[k]!;
  const from = cube.lineStart[k]!;
  const to = cube.lineStart[k + 1]!;
  const b = qs[0]!;
  let changed = false;
  for (;;) {
    let pickFor: Float64Array | null = null;
    if (!hidden[t]) {
      let active = false;
      for (let j = from; j < to; j++) {
        const p = cube.lineParts[j]!;
        if (hidden[p] && b[p]! > 0) active = true;
      }
      if (!active) return changed;
      for (const q of qs) {
        if (q[t] === 0) continue;
        let n = 0;
        for (let j = from; j < to; j++) if (hidden[cube.lineParts[j]!] && q[cube.lineParts[j]!] !== 0) n++;
        if (n < 2) {
          pickFor = q;
          break;
        }
      }
    } else {
      for (const q of qs) {
        if (q[t] === 0) continue;
        let n = 0;
        for (let j = from; j < to; j++) if (hidden[cube.lineParts[j]!] && q[cube.lineParts[j]!] !== 0) n++;
        if (n < 1) {
          pickFor = q;
          break;
        }
      }
    }
    if (!pickFor) return changed;
    let pick = -1;
    for (let j = from; j < to; j++) {
      const p = cube.lineParts[j]!;
      if (hidden[p] || frozen[p] || pickFor[p] === 0) continue;
      if (pick === -1 || b[p]! < b[pick]! || (b[p] === b[pick] && (pickFor[p]! < pickFor[pick]! || (pickFor[p] === pickFor[pick] && p < pick)))) pick = p;
    }
    if (pick !== -1) hidden[pick] = 1;
    else if (!hidden[t] && !frozen[t]) hidden[t] = 1;
    // Nothing left to hide (only frozen cells, or quarters of a non-additive year): the line is as safe as it gets.
    else return changed;
    changed = true;
  }
}

function fingerprint(v: Float64Array): number {
  let h = 2166136261;
  for (let i = 0; i < v.length; i++) h = Math.imul(h ^ (v[i]! * 1000003 + i), 16777619) >>> 0;
  return h;
}

function sameVector(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Which measures share a pattern: those publishing an identical vector (numerator or denominator) or resting on the same businesses. */
function linkGroups(measures: readonly Measure[]): number[][] {
  const parent = measures.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const seen = new Map<number, { v: Float64Array; i: number }[]>();
  measures.forEach((m, i) => {
    for (const v of [m.businesses, m.numerator, m.denominator]) {
      if (!v) continue;
      const key = fingerprint(v);
      const j = seen.get(key)?.find((x) => sameVector(x.v, v));
      if (j === undefined) seen.set(key, [...(seen.get(key) ?? []), { v, i }]);
      else parent[find(i)] = find(j.i);
    }
  });
  const groups = new Map<number, number[]>();
  measures.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * The suppression pattern of every measure over the whole cube: 1 = hidden. Cells of frozen slots
 * keep the given pattern; the rest is computed from the rules above.
 */
export function suppressCube(cube: CubeIndex, measures: readonly Measure[], frozen?: Frozen): Map<string, Uint8Array> {
  const frozenCells = new Uint8Array(cube.size);
  if (frozen) for (let i = 0; i < cube.size; i++) if (frozen.slots[cube.slotOf(i)]) frozenCells[i] = 1;
  const out = new Map<string, Uint8Array>();
  for (const group of linkGroups(measures)) {
    const hidden = new Uint8Array(cube.size);
    const qs = group.map((i) => quantities(measures[i]!, cube.size));
    for (let i = 0; i < cube.size; i++) {
      if (frozenCells[i]) {
        // A frozen cell hidden for any measure of the group stays hidden for all (they were linked then too).
        for (const g of group) if (frozen!.hidden.get(measures[g]!.id)?.[i]) hidden[i] = 1;
      } else {
        for (const q of qs) if (q[0]![i]! < MIN_CELL) hidden[i] = 1;
      }
    }
    const lines = cube.lineTotal.length;
    let changed = true;
    while (changed) {
      changed = false;
      for (const q of qs) {
        for (let k = 0; k < lines; k++) {
          const t = cube.lineTotal[k]!;
          // A line wholly inside frozen slots was settled when those slots were published.
          if (frozenCells[t] && cube.lineKind[k] !== 2) continue;
          if (fixLine(cube, k, q, hidden, frozenCells)) changed = true;
        }
      }
    }
    for (const g of group) out.set(measures[g]!.id, hidden);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Batch snapshots
// ---------------------------------------------------------------------------

/** How many businesses must have changed before the public answer for an open period moves on. */
export const SNAPSHOT_BATCH = MIN_CELL;

/**
 * Whether a new public snapshot of a year is due. `boundaries` are the ends of the year's quarters
 * (the last one is the end of the year). Due when there is none yet, when a quarter (or the year)
 * has closed since the last one, or, while the year is open, once at least SNAPSHOT_BATCH
 * businesses changed since the last one.
 */
export function snapshotDue(args: { lastTakenAt: Date | null; changed: number; now: Date; boundaries: readonly Date[] }): boolean {
  if (!args.lastTakenAt) return true;
  const closed = lastClosedBoundary(args.boundaries, args.now);
  if (closed && args.lastTakenAt < closed) return true;
  const yearEnd = args.boundaries[args.boundaries.length - 1]!;
  return args.now < yearEnd && args.changed >= SNAPSHOT_BATCH;
}

/** The most recent quarter end of the year that has passed, or null. */
export function lastClosedBoundary(boundaries: readonly Date[], now: Date): Date | null {
  let out: Date | null = null;
  for (const b of boundaries) if (b <= now) out = b;
  return out;
}

/**
 * The snapshot a period is published from: a closed period (its end has passed) from the first
 * snapshot taken at or after its end, its final one; an open period from the newest snapshot.
 */
export function servingSnapshot<S extends { takenAt: Date }>(snapshots: readonly S[], periodEnd: Date, now: Date): S | null {
  const sorted = [...snapshots].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  if (periodEnd <= now) return sorted.find((s) => s.takenAt >= periodEnd) ?? null;
  return sorted[sorted.length - 1] ?? null;
}

// ---------------------------------------------------------------------------
// A single commune × category grid of business counts (kept for the one-way uses and its tests)
// ---------------------------------------------------------------------------

/** Which value of the grid is asked for: a commune row (or null for the province) and a column (or null for all). */
export type GridRequest = { row: number | null; col: number | null };

export function isSuppressed(grid: Grid, req: GridRequest): boolean {
  const p = suppressGrid(grid);
  if (req.row === null && req.col === null) return p.grand;
  if (req.row === null) return p.colTotals[req.col!]!;
  if (req.col === null) return p.rowTotals[req.row]!;
  return p.cells[req.row]![req.col]!;
}

/** Builds a grid from per-cell counts; margins are the sums, so rows and columns partition the total. */
export function gridOf(cells: number[][], rowKeys: string[], colKeys: string[]): Grid {
  const rowTotals = cells.map((r) => r.reduce((s, x) => s + x, 0));
  const colTotals = colKeys.map((_, c) => cells.reduce((s, r) => s + r[c]!, 0));
  return { cells, rowTotals, colTotals, grand: rowTotals.reduce((s, x) => s + x, 0), rowKeys, colKeys };
}
