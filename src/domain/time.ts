/**
 * Vietnam's civil time: ICT, UTC+7 all year (no daylight saving). Periods, certificate years and
 * indicator quarters are all read on a wall clock in Vietnam, whatever the server's time zone.
 *
 * Pure module: no clock (instants are passed in).
 */

/** Vietnam's offset from UTC, in milliseconds. */
export const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instant shifted so that its UTC fields (getUTCFullYear, getUTCMonth…) read as Vietnam's wall clock. */
export function vietnamWallClock(at: Date): Date {
  return new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS);
}

/** The calendar day in Vietnam of an instant, "YYYY-MM-DD" (due dates, check days and cache days are Vietnamese days). */
export function vietnamDay(at: Date): string {
  return vietnamWallClock(at).toISOString().slice(0, 10);
}

/** A calendar date ("2026-12-31") as Vietnamese readers write it: "31/12/2026". Anything else is returned as given. */
export function formatDateVi(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** The day of an instant on Vietnam's wall clock, as dd/mm/yyyy. */
export function formatDayVi(at: Date): string {
  return formatDateVi(vietnamDay(at));
}
