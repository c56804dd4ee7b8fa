/**
 * The officer dashboard's comparisons: a quarter-on-quarter series, the change since the previous
 * quarter, and communes (or sectors, sizes…) ranked for one indicator with a small-sample flag.
 *
 * Decisions:
 * - The trend is always over quarters (facts are kept per quarter and per year, facts.ts), whatever
 *   period the filter names: eight quarters ending at the chosen quarter, or, for a year, at its last
 *   quarter that has begun (a year still running ends at the current quarter: no empty future).
 * - The change is the latest quarter's value minus the previous quarter's, in percentage points,
 *   rounded to one decimal; unknown when either value is.
 * - A unit whose denominator is under 5 (SMALL_SAMPLE) is a small sample: with one or two businesses
 *   a share jumps between 0 % and 100 %, so it is flagged, gets no rank and is never "lagging".
 * - Lagging: not a small sample, a value and an expected value (the target's straight line today),
 *   and the value below it (gap > 0).
 * - Rank: 1 for the highest value among units that are not small samples; equal values share a
 *   rank (1, 1, 3).
 * - Sorting: `gap` (furthest behind first, the default), `value`, `count` (the denominator) and
 *   `name`, ascending or descending. Under `gap` and `value`, small samples and units without a
 *   value come after the others whatever the direction (they are not comparable); ties by name.
 *
 * Pure module: no astro, no database, no clock (`now` is passed in).
 */
import { currentPeriod, makePeriod, previousPeriod, type Period } from './periods.ts';
import { roundPoints } from './rounding.ts';

export const SMALL_SAMPLE = 5;
export const TREND_QUARTERS = 8;

export const SORT_KEYS = ['gap', 'value', 'count', 'name'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** The direction a column sorts in when first chosen: behind, high and large first; names A→Z. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = { gap: 'desc', value: 'desc', count: 'desc', name: 'asc' };

/** The `count` quarters ending at the period's quarter (see the module comment), oldest first. */
export function quarterSeries(period: Period, now: Date, count = TREND_QUARTERS): Period[] {
  const current = currentPeriod(now, 'quarter');
  const last = period.kind === 'quarter' ? period : period.year === current.year ? current : makePeriod(period.year, 4);
  const out: Period[] = [last];
  while (out.length < Math.max(1, Math.floor(count))) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** The last value minus the one before it, in percentage points; null when either is unknown. */
export function quarterChange(values: readonly (number | null)[]): number | null {
  if (values.length < 2) return null;
  const last = values[values.length - 1];
  const prev = values[values.length - 2];
  if (last === null || last === undefined || prev === null || prev === undefined) return null;
  return roundPoints(last - prev);
}

export interface UnitRow {
  key: string;
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
  /** The value expected today on the unit's target line, or null without a target. */
  expected: number | null;
}

export interface Ranked {
  smallSample: boolean;
  /** expected − value in percentage points (positive: behind), null without both. */
  gap: number | null;
  lagging: boolean;
  /** 1 = highest value; null for small samples and units without a value. */
  rank: number | null;
}

const COLLATOR = new Intl.Collator('vi');

export type RankedRow<T extends UnitRow = UnitRow> = T & Ranked;

/** Flags, ranks and sorts the units (see the module comment); extra fields of the rows are kept. */
export function rankUnits<T extends UnitRow>(rows: readonly T[], sort: SortKey = 'gap', dir: SortDir = DEFAULT_DIR[sort]): RankedRow<T>[] {
  type R = RankedRow<T>;
  const out: R[] = rows.map((r) => {
    const smallSample = r.denominator < SMALL_SAMPLE;
    const gap = r.expected !== null && r.value !== null ? roundPoints(r.expected - r.value) : null;
    return { ...r, smallSample, gap, lagging: !smallSample && gap !== null && gap > 0, rank: null };
  });
  const rankable = out.filter((r) => !r.smallSample && r.value !== null).sort((a, b) => b.value! - a.value!);
  rankable.forEach((r, i) => {
    r.rank = i > 0 && rankable[i - 1]!.value === r.value ? rankable[i - 1]!.rank : i + 1;
  });
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: R, b: R) => COLLATOR.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  // Comparable units (not a small sample, with the measure) first in either direction, then by the measure.
  const measured = (pick: (r: R) => number | null, s: number) => (a: R, b: R) => {
    const x = pick(a);
    const y = pick(b);
    const ca = !a.smallSample && x !== null;
    const cb = !b.smallSample && y !== null;
    if (ca !== cb) return ca ? -1 : 1;
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return s * (x - y);
  };
  const compare =
    sort === 'name'
      ? (a: R, b: R) => sign * byName(a, b)
      : sort === 'count'
        ? (a: R, b: R) => sign * (a.denominator - b.denominator) || byName(a, b)
        : sort === 'value'
          ? (a: R, b: R) => measured((r) => r.value, sign)(a, b) || byName(a, b)
          : // Equal gaps (or none: no target) order by value, lowest first when the furthest behind come first.
            (a: R, b: R) => measured((r) => r.gap, sign)(a, b) || measured((r) => r.value, -sign)(a, b) || byName(a, b);
  return out.sort(compare);
}
