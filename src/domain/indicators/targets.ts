/**
 * Early warning against targets ("brakes that let you drive faster"): is an
 * indicator on its way from a baseline to a target?
 *
 * The expected value at a date lies on the straight line from the baseline
 * (date, value) to the target (date, value), held at the baseline value
 * before the baseline date and at the target value after the target date.
 *
 * Status of a current value, in this order:
 * - `no_data`: no current value, no baseline value or no target value (null
 *   or not a finite number);
 * - `achieved`: current ≥ target value;
 * - `off_track` when the target date has passed (current date after it)
 *   without the target being reached: a missed deadline is not "at risk";
 * - `on_track`: current ≥ expected;
 * - `at_risk`: expected − current ≤ tolerance (percentage points, default 5);
 * - `off_track` otherwise.
 *
 * Decisions:
 * - Higher is always better (every indicator in the catalogue is an adoption
 *   share or a count). A target below its baseline is therefore "achieved" as
 *   soon as current ≥ target; lower-is-better indicators would need their own
 *   status function, not a flag here.
 * - Baseline and target on the same date: the line is a step, the expected
 *   value is the baseline value before that date and the target value from it.
 * - Comparisons allow 1e-9 of floating-point noise, so a value exactly on the
 *   line or exactly at the tolerance counts as on the line / within it.
 * - The target's comparator ("> 50 %") is not applied here: pass a target of
 *   50 for "more than 50 %" and the status says when 50 is reached; the
 *   dashboard words it.
 *
 * Pure module: no astro, no database, no clock (the current date is an input).
 */

export const TARGET_STATUSES = ['on_track', 'at_risk', 'off_track', 'achieved', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export interface DatedValue {
  date: Date;
  value: number | null;
}

export interface TargetStatusInput {
  baseline: DatedValue;
  target: DatedValue;
  current: DatedValue | null;
  /** Percentage points below the expected value still counted as "at risk" (default 5). */
  tolerance?: number;
}

export const DEFAULT_TOLERANCE = 5;
const EPSILON = 1e-9;

function time(date: Date, what: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${what}: invalid date`);
  return t;
}

function known(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The expected value at `date` on the line from baseline to target (see the
 * module comment). Throws when either value is missing.
 */
export function expectedAt(baseline: DatedValue, target: DatedValue, date: Date): number {
  if (!known(baseline.value) || !known(target.value)) throw new RangeError('expectedAt: baseline and target need values');
  const t0 = time(baseline.date, 'baseline');
  const t1 = time(target.date, 'target');
  const t = time(date, 'date');
  if (t1 <= t0) return t < t1 ? baseline.value : target.value;
  if (t <= t0) return baseline.value;
  if (t >= t1) return target.value;
  return baseline.value + ((target.value - baseline.value) * (t - t0)) / (t1 - t0);
}

export function targetStatus(input: TargetStatusInput): TargetStatus {
  const { baseline, target, current } = input;
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0)) throw new RangeError('tolerance must be ≥ 0');
  if (!current || !known(current.value) || !known(baseline.value) || !known(target.value)) return 'no_data';
  if (current.value >= target.value - EPSILON) return 'achieved';
  if (time(current.date, 'current') > time(target.date, 'target')) return 'off_track';
  const expected = expectedAt(baseline, target, current.date);
  if (current.value >= expected - EPSILON) return 'on_track';
  if (expected - current.value <= tolerance + EPSILON) return 'at_risk';
  return 'off_track';
}

export interface GapRow {
  key: string;
  expected: number | null;
  current: number | null;
}

export interface Gap {
  key: string;
  expected: number;
  current: number;
  /** expected − current, > 0. */
  gap: number;
}

/**
 * The `n` rows furthest behind their expected value (communes, say): only
 * rows with both values and a positive gap, by gap descending, ties by key
 * ascending. Gaps are cleaned of floating-point noise (10 decimals) so equal
 * gaps tie.
 */
export function furthestBehind(rows: readonly GapRow[], n: number): Gap[] {
  const gaps: Gap[] = [];
  for (const r of rows) {
    if (!known(r.expected) || !known(r.current)) continue;
    const gap = Number((r.expected - r.current).toFixed(10));
    if (gap > 0) gaps.push({ key: r.key, expected: r.expected, current: r.current, gap });
  }
  gaps.sort((a, b) => b.gap - a.gap || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return gaps.slice(0, Math.max(0, Math.floor(n)));
}
