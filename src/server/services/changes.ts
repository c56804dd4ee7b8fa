// Change counters shared by every worker through the database: a write that changes a public page bumps
// its scope; each worker reads the counters at most every CHECK_INTERVAL_MS and drops what they made stale.
import type { Db } from '#src/db/client.ts';
import { bumpStatement, CHANGE_SCOPES, readChangeCounters, type ChangeScope } from '#src/db/queries/changes.ts';

export { CHANGE_SCOPES, type ChangeScope };
export type ChangeVersions = Readonly<Record<ChangeScope, number>>;

/** Another worker's edit is seen here within this delay (plus one read). */
export const CHECK_INTERVAL_MS = 250;

let known: ChangeVersions = Object.fromEntries(CHANGE_SCOPES.map((s) => [s, -1])) as ChangeVersions;
let checkedAt = -Infinity;
let reading: { gen: number; promise: Promise<ChangeVersions> } | null = null;
// Moves on with every local write: a read started before it may miss the write, so it is not trusted for long.
let generation = 0;

/**
 * The counters as last read, read again when older than CHECK_INTERVAL_MS (concurrent callers share
 * one read). A failed read keeps the last known counters, so a busy database never fails a public page.
 */
export async function changeVersions(db: Db): Promise<ChangeVersions> {
  if (performance.now() - checkedAt < CHECK_INTERVAL_MS) return known;
  if (reading?.gen === generation) return reading.promise;
  const gen = generation;
  const promise = readChangeCounters(db)
    .then((v) => {
      // Counters only grow: a slow older read must not move them back.
      known = Object.fromEntries(CHANGE_SCOPES.map((s) => [s, Math.max(known[s], v[s])])) as ChangeVersions;
      if (gen === generation) checkedAt = performance.now();
      return known;
    })
    .catch((e: unknown) => {
      console.error('change counters unreadable', e);
      return known;
    })
    .finally(() => {
      if (reading?.promise === promise) reading = null;
    });
  reading = { gen, promise };
  return promise;
}

/** The counters as last read, without reading (for caches that must not wait). */
export function knownVersions(): ChangeVersions {
  return known;
}

/** This worker's next question reads the counters again: its own writes are seen at once. */
export function forgetVersions(): void {
  generation++;
  checkedAt = -Infinity;
}

/** Statements bumping `scopes`, for the batch of the write that changes them (call `forgetVersions` after it). */
export function changeStatements(db: Db, ...scopes: ChangeScope[]) {
  return scopes.map((s) => bumpStatement(db, s));
}

/**
 * The one call after a write that changes public pages: bumps the scopes' counters so every worker's
 * cached public answers depending on them are dropped within a second, this worker's at once.
 */
export async function publicChanged(db: Db, ...scopes: ChangeScope[]): Promise<void> {
  if (scopes.length === 0) return;
  const [first, ...rest] = changeStatements(db, ...scopes);
  await db.batch([first!, ...rest]);
  forgetVersions();
}
