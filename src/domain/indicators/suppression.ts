/**
 * Small-cell suppression for everything published outside the owning
 * business: public pages, officers' exports, the province dashboard.
 *
 * Rule: no published number may be built on fewer than `MIN_CELL` (5)
 * businesses, directly or by subtraction from a published total.
 *
 * Choices (pinned by tests/unit/indicators-suppression.test.ts):
 * - Primary suppression: a cell is suppressed when `businesses < MIN_CELL`.
 *   For shares of assessed businesses the denominator is that same count, so
 *   this is "denominator < 5". We do not also suppress shares whose numerator
 *   is 1–4 or whose numerator equals the denominator: a published total with
 *   "0 %" or "100 %" necessarily says something about every business in it,
 *   and suppressing every small numerator would blank most commune tables.
 *   The threshold on the number of businesses is the safeguard, as in
 *   official statistics.
 * - Complementary suppression, whenever the total is published: for each
 *   additive quantity of a cell (businesses, numerator, denominator) the
 *   suppressed rows must hold at least two rows where that quantity is
 *   non-zero. Otherwise total − Σ published rows equals a single suppressed
 *   row's quantity (and with non-negative counts a residual of 0 tells that
 *   every suppressed row is 0: "nobody in these communes uses e-contracts").
 *   For the complement, denominator − numerator, one non-zero suppressed row
 *   is enough: it only has to stop a residual of 0 from telling that every
 *   suppressed business adopts (the 100 % mirror of the 0 % case).
 *   The next smallest published row (fewest businesses, then smallest
 *   quantity, then key) with a non-zero quantity is suppressed too, and the
 *   check repeats until it holds. When no published row is left to add, the
 *   total is suppressed instead. A quantity that is 0 in every row is 0 in the
 *   published total too; that is the total's own information and not treated
 *   as a disclosure.
 * - Total below `MIN_CELL`: everything is suppressed.
 * - A suppressed cell shows nothing: value, numerator, denominator and the
 *   business count are all null.
 * - Two-way tables (breakdown rows × levels of the level distribution) are
 *   suppressed by applying the one-way rule to every row and every column,
 *   margins included, until nothing changes. This stops recovery by
 *   subtraction along any single line; it is the standard heuristic, not a
 *   proof against every linear-programming attack on a large table.
 *
 * Deterministic: the same table always gives the same suppression pattern.
 * Pure module: no astro, no database, no clock.
 */
import type { Breakdown, BreakdownBy, IndicatorResult, IndicatorValue, PillarMean } from './result.ts';
import type { IndicatorUnit, Localized, ScalarIndicatorId } from './definitions.ts';

export const MIN_CELL = 5;

export interface Cell {
  key: string;
  businesses: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface PublishedCell {
  key: string;
  businesses: number | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface Table<C> {
  total: C;
  rows: C[];
}

// ---------------------------------------------------------------------------
// One-way tables
// ---------------------------------------------------------------------------

type Quantity = (c: Cell) => number | null;

/** Additive quantities, each with how many suppressed rows must hold a non-zero value of it. */
const QUANTITIES: readonly { q: Quantity; min: number }[] = [
  { q: (c) => c.businesses, min: 2 },
  { q: (c) => c.numerator, min: 2 },
  { q: (c) => c.denominator, min: 2 },
  { q: (c) => (c.numerator === null || c.denominator === null ? null : c.denominator - c.numerator), min: 1 },
];

function isPrimary(cell: Cell): boolean {
  return !(cell.businesses >= MIN_CELL);
}

function hide(cell: Cell): PublishedCell {
  return { key: cell.key, businesses: null, numerator: null, denominator: null, value: null, suppressed: true };
}

function show(cell: Cell): PublishedCell {
  return { ...cell, suppressed: false };
}

/** A standalone cell (no total, no siblings): primary suppression only. */
export function suppressCell(cell: Cell): PublishedCell {
  return isPrimary(cell) ? hide(cell) : show(cell);
}

interface Pattern {
  total: boolean;
  rows: boolean[];
}

/**
 * The suppression pattern of a one-way table, starting from cells already
 * suppressed (`preset`, used by the two-way iteration). Only adds suppression.
 */
function pattern(table: Table<Cell>, preset?: Pattern): Pattern {
  const rows = table.rows;
  if (isPrimary(table.total) || preset?.total) {
    // Without a published total nothing can be recovered by subtraction, but
    // a total below the threshold takes every row with it (each is smaller).
    const all = isPrimary(table.total);
    return { total: true, rows: rows.map((r, i) => all || isPrimary(r) || (preset?.rows[i] ?? false)) };
  }
  const hidden = rows.map((r, i) => isPrimary(r) || (preset?.rows[i] ?? false));
  let totalHidden = false;
  let changed = true;
  while (changed && !totalHidden) {
    changed = false;
    // Hidden rows with no business at all reveal nothing: only real small cells need company.
    if (!rows.some((r, i) => hidden[i] && r.businesses > 0)) break;
    for (const { q, min } of QUANTITIES) {
      if (q(table.total) === null || rows.some((r) => q(r) === null)) continue;
      const nonZeroHidden = rows.filter((r, i) => hidden[i] && q(r)! !== 0).length;
      if (nonZeroHidden >= min) continue;
      let pick = -1;
      for (let i = 0; i < rows.length; i++) {
        if (hidden[i] || q(rows[i]!) === 0) continue;
        if (pick === -1 || smaller(rows[i]!, rows[pick]!, q)) pick = i;
      }
      if (pick !== -1) {
        hidden[pick] = true;
        changed = true;
        break;
      }
      if (nonZeroHidden >= 1) {
        totalHidden = true;
        break;
      }
      // nonZeroHidden === 0 and nothing left with a non-zero quantity: the
      // quantity is 0 everywhere, which the total itself says.
    }
  }
  return { total: totalHidden, rows: hidden };
}

function smaller(a: Cell, b: Cell, q: Quantity): boolean {
  if (a.businesses !== b.businesses) return a.businesses < b.businesses;
  const qa = q(a)!;
  const qb = q(b)!;
  if (qa !== qb) return qa < qb;
  return a.key < b.key;
}

function apply(table: Table<Cell>, p: Pattern): Table<PublishedCell> {
  return {
    total: p.total ? hide(table.total) : show(table.total),
    rows: table.rows.map((r, i) => (p.rows[i] ? hide(r) : show(r))),
  };
}

/**
 * Suppresses a table of one total and its rows (the rows must add up to the
 * total: a breakdown of the total's businesses into disjoint groups).
 */
export function suppress(table: Table<Cell>): Table<PublishedCell> {
  return apply(table, pattern(table));
}

// ---------------------------------------------------------------------------
// Two-way tables
// ---------------------------------------------------------------------------

/**
 * A table of counts: `cells[r][c]` with row totals, column totals and a grand
 * total (rows and columns each partition the grand total). Every count is a
 * number of businesses. Returns which cells and margins to suppress.
 */
export interface GridPattern {
  cells: boolean[][];
  rowTotals: boolean[];
  colTotals: boolean[];
  grand: boolean;
}

export interface Grid {
  cells: readonly (readonly number[])[];
  rowTotals: readonly number[];
  colTotals: readonly number[];
  grand: number;
  /** Keys for tie-breaking (default: indices), so a grid row picks the same complement as a one-way table of the same rows. */
  rowKeys?: readonly string[];
  colKeys?: readonly string[];
}

export function suppressGrid(grid: Grid, preset?: Partial<GridPattern>): GridPattern {
  const nr = grid.rowTotals.length;
  const nc = grid.colTotals.length;
  const count = (key: string, n: number): Cell => ({ key, businesses: n, numerator: null, denominator: null, value: null });
  const w = String(Math.max(nr, nc)).length;
  const rowKey = (i: number): string => grid.rowKeys?.[i] ?? String(i).padStart(w, '0');
  const colKey = (i: number): string => grid.colKeys?.[i] ?? String(i).padStart(w, '0');
  const state: GridPattern = {
    cells: grid.cells.map((row, r) => row.map((_, c) => preset?.cells?.[r]?.[c] ?? false)),
    rowTotals: grid.rowTotals.map((_, r) => preset?.rowTotals?.[r] ?? false),
    colTotals: grid.colTotals.map((_, c) => preset?.colTotals?.[c] ?? false),
    grand: preset?.grand ?? false,
  };
  let changed = true;
  while (changed) {
    changed = false;
    const merge = (current: boolean, next: boolean): boolean => {
      if (next && !current) changed = true;
      return current || next;
    };
    // Margins against the grand total.
    {
      const t = { total: count('grand', grid.grand), rows: grid.rowTotals.map((n, i) => count(rowKey(i), n)) };
      const p = pattern(t, { total: state.grand, rows: state.rowTotals });
      state.grand = merge(state.grand, p.total);
      state.rowTotals = state.rowTotals.map((s, i) => merge(s, p.rows[i]!));
    }
    {
      const t = { total: count('grand', grid.grand), rows: grid.colTotals.map((n, i) => count(colKey(i), n)) };
      const p = pattern(t, { total: state.grand, rows: state.colTotals });
      state.grand = merge(state.grand, p.total);
      state.colTotals = state.colTotals.map((s, i) => merge(s, p.rows[i]!));
    }
    for (let r = 0; r < nr; r++) {
      const t = { total: count('row', grid.rowTotals[r]!), rows: grid.cells[r]!.map((n, c) => count(colKey(c), n)) };
      const p = pattern(t, { total: state.rowTotals[r]!, rows: state.cells[r]! });
      state.rowTotals[r] = merge(state.rowTotals[r]!, p.total);
      state.cells[r] = state.cells[r]!.map((s, c) => merge(s, p.rows[c]!));
    }
    for (let c = 0; c < nc; c++) {
      const t = { total: count('col', grid.colTotals[c]!), rows: grid.cells.map((row, r) => count(rowKey(r), row[c]!)) };
      const p = pattern(t, { total: state.colTotals[c]!, rows: grid.cells.map((_, r) => state.cells[r]![c]!) });
      state.colTotals[c] = merge(state.colTotals[c]!, p.total);
      for (let r = 0; r < nr; r++) state.cells[r]![c] = merge(state.cells[r]![c]!, p.rows[r]!);
    }
  }
  return state;
}

// ---------------------------------------------------------------------------
// Indicator results and breakdowns
// ---------------------------------------------------------------------------

export interface PublishedIndicator {
  id: ScalarIndicatorId;
  unit: IndicatorUnit;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  businesses: number | null;
  suppressed: boolean;
}

export interface PublishedLevelDistribution {
  /** null where suppressed. */
  counts: (number | null)[];
  businesses: number | null;
  suppressed: boolean;
}

export interface PublishedPillarMean {
  frameworkId: string;
  id: string;
  mean: number | null;
  n: number | null;
  suppressed: boolean;
}

export interface PublishedResult {
  indicators: PublishedIndicator[];
  levelDistribution: PublishedLevelDistribution;
  pillarMeans: PublishedPillarMean[];
  assessed: number | null;
}

export interface PublishedRow {
  key: string;
  label?: Localized;
  result: PublishedResult;
}

export interface PublishedBreakdown {
  by: BreakdownBy;
  total: PublishedRow;
  rows: PublishedRow[];
}

function indicatorCell(key: string, v: IndicatorValue): Cell {
  return { key, businesses: v.businesses, numerator: v.numerator, denominator: v.denominator, value: v.value };
}

function publishIndicator(v: IndicatorValue, p: PublishedCell): PublishedIndicator {
  return {
    id: v.id,
    unit: v.unit,
    numerator: p.numerator,
    denominator: p.denominator,
    value: p.value,
    businesses: p.businesses,
    suppressed: p.suppressed,
  };
}

function pillarKey(m: { frameworkId: string; id: string }): string {
  return `${m.frameworkId}\u0000${m.id}`;
}

function pillarCell(key: string, m: PillarMean | undefined): Cell {
  if (!m) return { key, businesses: 0, numerator: 0, denominator: 0, value: null };
  // The sum of scores is what adds up across rows; the mean is sum ÷ n.
  return { key, businesses: m.n, numerator: m.mean * m.n, denominator: m.n, value: m.mean };
}

function levelGrid(results: readonly IndicatorResult[], total: IndicatorResult) {
  return {
    cells: results.map((r) => r.levelDistribution.counts),
    rowTotals: results.map((r) => r.levelDistribution.businesses),
    colTotals: total.levelDistribution.counts,
    grand: total.levelDistribution.businesses,
  };
}

function publishLevels(
  counts: readonly number[],
  businesses: number,
  cellHidden: readonly boolean[],
  totalHidden: boolean,
): PublishedLevelDistribution {
  return {
    counts: counts.map((n, i) => (cellHidden[i] ? null : n)),
    businesses: totalHidden ? null : businesses,
    suppressed: totalHidden || cellHidden.some(Boolean),
  };
}

/**
 * Suppresses a whole breakdown for publication: every scalar indicator as a
 * one-way table (total and rows), the pillar means per pillar likewise, and
 * the level distribution as a two-way table (rows × levels).
 *
 * Linked tables: tables built on the same businesses in every row (same
 * business counts, e.g. digital-technology adoption, coverage and the level
 * distribution all rest on the assessed businesses) get the same row
 * pattern, iterated to a fixed point; otherwise a row hidden in one table to
 * protect another row could be read off a second table. Tables on different
 * populations (SMEs only, businesses asked about a need) are linked only
 * within their own population; the difference between two populations
 * (assessed minus SMEs, say) is not protected beyond the ≥ 5 rule.
 *
 * A period breakdown's total is not exactly the sum of its rows (a business
 * assessed in two quarters counts once in the year), but it nearly is, so it
 * is treated the same way: safe, at the cost of some extra suppression.
 */
export function suppressBreakdown(b: Breakdown): PublishedBreakdown {
  const rowResults = b.rows.map((r) => r.result);
  const total = b.total.result;
  const rowKeys = b.rows.map((r) => r.key);

  const tables: Table<Cell>[] = [];
  for (const tv of total.indicators) {
    tables.push({
      total: indicatorCell('total', tv),
      rows: b.rows.map((r) =>
        indicatorCell(
          r.key,
          r.result.indicators.find((v) => v.id === tv.id)!,
        ),
      ),
    });
  }
  const nIndicators = tables.length;
  for (const tm of total.pillarMeans) {
    tables.push({
      total: pillarCell('total', tm),
      rows: b.rows.map((r) =>
        pillarCell(
          r.key,
          r.result.pillarMeans.find((m) => pillarKey(m) === pillarKey(tm)),
        ),
      ),
    });
  }
  const grid: Grid = { ...levelGrid(rowResults, total), rowKeys, colKeys: total.levelDistribution.counts.map((_, i) => String(i)) };

  const population = (businesses: readonly number[]): string => businesses.join(',');
  const tableKeys = tables.map((t) => population([t.total.businesses, ...t.rows.map((r) => r.businesses)]));
  const gridKey = population([grid.grand, ...grid.rowTotals]);

  let patterns: Pattern[] = tables.map((t) => pattern(t));
  let gridPattern = suppressGrid(grid);
  for (;;) {
    const union = new Map<string, boolean[]>();
    const add = (key: string, rows: readonly boolean[]): void => {
      const u = union.get(key) ?? rows.map(() => false);
      union.set(
        key,
        u.map((h, i) => h || rows[i]!),
      );
    };
    patterns.forEach((p, i) => add(tableKeys[i]!, p.rows));
    add(gridKey, gridPattern.rowTotals);
    const nextPatterns = tables.map((t, i) => pattern(t, { total: patterns[i]!.total, rows: union.get(tableKeys[i]!)! }));
    const nextGrid = suppressGrid(grid, { ...gridPattern, rowTotals: union.get(gridKey)! });
    const same =
      nextPatterns.every((p, i) => p.total === patterns[i]!.total && p.rows.every((h, r) => h === patterns[i]!.rows[r])) &&
      nextGrid.grand === gridPattern.grand &&
      nextGrid.rowTotals.every((h, r) => h === gridPattern.rowTotals[r]) &&
      nextGrid.colTotals.every((h, c) => h === gridPattern.colTotals[c]) &&
      nextGrid.cells.every((row, r) => row.every((h, c) => h === gridPattern.cells[r]![c]));
    patterns = nextPatterns;
    gridPattern = nextGrid;
    if (same) break;
  }
  const published = tables.map((t, i) => apply(t, patterns[i]!));

  const publishResult = (result: IndicatorResult, rowIndex: number | null): PublishedResult => {
    const pick = (t: Table<PublishedCell>): PublishedCell => (rowIndex === null ? t.total : t.rows[rowIndex]!);
    const levelsHidden = rowIndex === null ? gridPattern.colTotals : gridPattern.cells[rowIndex]!;
    const marginHidden = rowIndex === null ? gridPattern.grand : gridPattern.rowTotals[rowIndex]!;
    return {
      indicators: result.indicators.map((v, i) => publishIndicator(v, pick(published[i]!))),
      levelDistribution: publishLevels(result.levelDistribution.counts, result.levelDistribution.businesses, levelsHidden, marginHidden),
      pillarMeans: total.pillarMeans.flatMap((tm, i) => {
        if (!result.pillarMeans.some((m) => pillarKey(m) === pillarKey(tm))) return [];
        const p = pick(published[nIndicators + i]!);
        return [{ frameworkId: tm.frameworkId, id: tm.id, mean: p.value, n: p.businesses, suppressed: p.suppressed }];
      }),
      assessed: marginHidden ? null : result.assessed,
    };
  };

  const withLabel = (key: string, label: Localized | undefined, result: PublishedResult): PublishedRow =>
    label ? { key, label, result } : { key, result };
  return {
    by: b.by,
    total: withLabel(b.total.key, b.total.label, publishResult(total, null)),
    rows: b.rows.map((r, i) => withLabel(r.key, r.label, publishResult(r.result, i))),
  };
}

/**
 * One cell published on its own (no sibling rows, e.g. a commune page):
 * primary suppression of each indicator and pillar mean, and the level
 * distribution as a one-way table against the cell's own total.
 */
export function suppressResult(result: IndicatorResult): PublishedResult {
  const levels = pattern({
    total: { key: 'total', businesses: result.levelDistribution.businesses, numerator: null, denominator: null, value: null },
    rows: result.levelDistribution.counts.map((n, i) => ({
      key: String(i),
      businesses: n,
      numerator: null,
      denominator: null,
      value: null,
    })),
  });
  return {
    indicators: result.indicators.map((v) => publishIndicator(v, suppressCell(indicatorCell(v.id, v)))),
    levelDistribution: publishLevels(result.levelDistribution.counts, result.levelDistribution.businesses, levels.rows, levels.total),
    pillarMeans: result.pillarMeans.map((m) => {
      const p = suppressCell(pillarCell(pillarKey(m), m));
      return { frameworkId: m.frameworkId, id: m.id, mean: p.value, n: p.businesses, suppressed: p.suppressed };
    }),
    assessed: levels.total ? null : result.assessed,
  };
}
