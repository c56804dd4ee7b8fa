/**
 * Reporting periods (quarters and years) for the province's indicators.
 *
 * Periods follow the Vietnamese calendar: Vietnam is UTC+7 all year (no
 * daylight saving), so a period starts at 00:00 ICT on its first day, which is
 * 17:00 UTC on the day before. Q1 2026 is therefore
 * [2025-12-31T17:00:00Z, 2026-03-31T17:00:00Z): an assessment submitted at
 * 23:30 ICT on 31 March 2026 (16:30 UTC) counts in Q1, one submitted at 00:10
 * ICT on 1 April (17:10 UTC on 31 March) counts in Q2. `from` is inclusive,
 * `to` exclusive, both as `Date` instants.
 *
 * Accepted ids: `2026` (a year) and `2026-Q3` / `2026-q3` (a quarter); spaces
 * around the id are ignored. Anything else gives null. Years 1000–9999 only.
 *
 * Pure module: no astro, no database, no clock (`now` is always passed in).
 */
import { VIETNAM_UTC_OFFSET_MS, vietnamWallClock } from '#src/domain/time.ts';

export type PeriodKind = 'quarter' | 'year';

export interface Period {
  /** Canonical id: `2026` or `2026-Q3`. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter, null for a year. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** First instant (00:00 ICT on the first day), inclusive. */
  from: Date;
  /** First instant of the next period, exclusive. */
  to: Date;
  label: { vi: string; en: string };
}

const PERIOD_ID = /^(\d{4})(?:-[Qq]([1-4]))?$/;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
/** Guard for `periodsBetween` (2 500 years of quarters): a larger range is a programming error. */
const MAX_PERIODS = 10_000;

/** The instant of 00:00 ICT on the first day of `month0` (0-based, may overflow into the next year). */
function vietnamMidnight(year: number, month0: number): Date {
  return new Date(Date.UTC(year, month0, 1) - VIETNAM_UTC_OFFSET_MS);
}

/** Calendar year and month (0-based) of an instant, as read on a wall clock in Vietnam. */
export function vietnamCalendar(date: Date): { year: number; month0: number; day: number } {
  const shifted = vietnamWallClock(date);
  return { year: shifted.getUTCFullYear(), month0: shifted.getUTCMonth(), day: shifted.getUTCDate() };
}

/** The period of `kind` that starts in `year` (and `quarter` for a quarter). Throws on out-of-range input. */
export function makePeriod(year: number, quarter: 1 | 2 | 3 | 4 | null): Period {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year out of range: ${year}`);
  }
  if (quarter === null) {
    return {
      id: String(year),
      kind: 'year',
      year,
      quarter: null,
      from: vietnamMidnight(year, 0),
      to: vietnamMidnight(year + 1, 0),
      label: { vi: `Năm ${year}`, en: String(year) },
    };
  }
  if (![1, 2, 3, 4].includes(quarter)) throw new RangeError(`quarter out of range: ${quarter}`);
  const month0 = (quarter - 1) * 3;
  return {
    id: `${year}-Q${quarter}`,
    kind: 'quarter',
    year,
    quarter,
    from: vietnamMidnight(year, month0),
    to: vietnamMidnight(year, month0 + 3),
    label: { vi: `Quý ${quarter}/${year}`, en: `Q${quarter} ${year}` },
  };
}

/** `2026` → the year, `2026-Q3` or `2026-q3` → the quarter; anything else → null. */
export function parsePeriod(input: unknown): Period | null {
  if (typeof input !== 'string') return null;
  const match = PERIOD_ID.exec(input.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR) return null;
  const quarter = match[2] === undefined ? null : (Number(match[2]) as 1 | 2 | 3 | 4);
  return makePeriod(year, quarter);
}

/** The period of `kind` containing the instant `date` (Vietnam calendar). */
export function periodContaining(date: Date, kind: PeriodKind): Period {
  const { year, month0 } = vietnamCalendar(date);
  return makePeriod(year, kind === 'year' ? null : ((Math.floor(month0 / 3) + 1) as 1 | 2 | 3 | 4));
}

/** The period of `kind` containing `now`. */
export function currentPeriod(now: Date, kind: PeriodKind): Period {
  return periodContaining(now, kind);
}

/** The period right after `period`, of the same kind. */
export function nextPeriod(period: Period): Period {
  if (period.kind === 'year') return makePeriod(period.year + 1, null);
  return period.quarter === 4 ? makePeriod(period.year + 1, 1) : makePeriod(period.year, (period.quarter! + 1) as 1 | 2 | 3 | 4);
}

/** The period right before `period`, of the same kind. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'year') return makePeriod(period.year - 1, null);
  return period.quarter === 1 ? makePeriod(period.year - 1, 4) : makePeriod(period.year, (period.quarter! - 1) as 1 | 2 | 3 | 4);
}

/**
 * Every period of `kind` overlapping the half-open range [from, to), in time
 * order: from the one containing `from` to the one containing the last
 * instant before `to`. Empty when `to` ≤ `from`. To span two parsed periods
 * `a`..`b` inclusive, pass `a.from, b.to`.
 */
export function periodsBetween(from: Date, to: Date, kind: PeriodKind): Period[] {
  if (!(to.getTime() > from.getTime())) return [];
  const out: Period[] = [];
  let p = periodContaining(from, kind);
  while (p.from.getTime() < to.getTime()) {
    out.push(p);
    if (out.length > MAX_PERIODS) throw new RangeError('periodsBetween: range too long');
    p = nextPeriod(p);
  }
  return out;
}
