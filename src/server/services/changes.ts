// Change counters shared by every worker through the database: a write that changes a public page bumps
// its scope; each worker reads the counters at most every CHECK_INTERVAL_MS and drops what they made stale.
import type { Db } from '#src/db/client.ts';
import {
  bumpStatement,
  CHANGE_SCOPES,
  changeCountersRead,
  countersFrom,
  readChangeCounters,
  type ChangeScope,
} from '#src/db/queries/changes.ts';

export { CHANGE_SCOPES, type ChangeScope };
export type ChangeVersions = Readonly<Record<ChangeScope, number>>;

/** Another worker's edit is seen here within this delay (plus one read). */
export const CHECK_INTERVAL_MS = 250;

/** What a worker knows of one database's counters (tests open several databases in one process). */
type Known = {
  versions: ChangeVersions;
  checkedAt: number;
  /** The local-write generation the last completed read started in. */
  checkedIn: number;
  reading: { gen: number; promise: Promise<ChangeVersions> } | null;
};
const NONE = Object.fromEntries(CHANGE_SCOPES.map((s) => [s, -1])) as ChangeVersions;
const knownBy = new WeakMap<Db, Known>();
// Moves on with every local write: a read started before it may miss the write, so it is not trusted for long.
let generation = 0;

/** Counters only grow: a slow older read must not move them back. */
function merge(k: Known, v: Record<ChangeScope, number>): void {
  k.versions = Object.fromEntries(CHANGE_SCOPES.map((s) => [s, Math.max(k.versions[s], v[s])])) as ChangeVersions;
}

function knownOf(db: Db): Known {
  let k = knownBy.get(db);
  if (!k) knownBy.set(db, (k = { versions: NONE, checkedAt: -Infinity, checkedIn: -1, reading: null }));
  return k;
}

/**
 * The counters as last read, read again when older than CHECK_INTERVAL_MS or when this worker wrote since (concurrent
 * callers share one read). A failed read keeps the last known counters, so a busy database never fails a public page.
 */
export async function changeVersions(db: Db): Promise<ChangeVersions> {
  const k = knownOf(db);
  if (k.checkedIn === generation && performance.now() - k.checkedAt < CHECK_INTERVAL_MS) return k.versions;
  if (k.reading?.gen === generation) return k.reading.promise;
  const gen = generation;
  const promise = readChangeCounters(db)
    .then((v) => {
      merge(k, v);
      if (gen === generation) {
        k.checkedAt = performance.now();
        k.checkedIn = gen;
      }
      return k.versions;
    })
    .catch((e: unknown) => {
      console.error('change counters unreadable', e);
      return k.versions;
    })
    .finally(() => {
      if (k.reading?.promise === promise) k.reading = null;
    });
  k.reading = { gen, promise };
  return promise;
}

/** The counters as last read, without reading (for caches that must not wait). */
export function knownVersions(db: Db): ChangeVersions {
  return knownOf(db).versions;
}

/** This worker's next question reads the counters again: its own writes are seen at once. */
export function forgetVersions(): void {
  generation++;
}

/**
 * The bumps of `scopes` and, last, a read of every counter, for the end of a write's batch: the read sees the
 * write and everything committed before it, so `learnVersions` with the batch's last answer replaces a read of
 * the counters on this worker's next question.
 */
export function bumpAndReadStatements(db: Db, ...scopes: ChangeScope[]) {
  return [...changeStatements(db, ...scopes), changeCountersRead(db)] as const;
}

/** Takes the counters read at the end of this worker's write (see `bumpAndReadStatements`) as the latest known. */
export function learnVersions(db: Db, rows: readonly { scope: string; n: number }[]): void {
  // Reads already under way may have missed the write: they are no longer trusted for the recency check.
  generation++;
  const k = knownOf(db);
  merge(k, countersFrom(rows));
  k.checkedAt = performance.now();
  k.checkedIn = generation;
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
