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
