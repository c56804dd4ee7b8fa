import { createClient, type Client } from '@libsql/client';
import Database from 'libsql';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema>;

// Wait this long for the single SQLite writer before failing with SQLITE_BUSY.
const BUSY_TIMEOUT_MS = 5_000;

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:');
}

/*
 * Every connection the client opens to a file is set up before its first statement. synchronous=NORMAL in WAL
 * mode: a commit writes to the WAL without waiting for the disk (about 5 ms an fsync here, while holding the one
 * write lock, with every other worker's writers waiting); the WAL is synced at each checkpoint. A crash of the
 * process loses nothing committed; a power loss or kernel crash may lose the last commits, never the file's
 * consistency (https://sqlite.org/pragma.html#pragma_synchronous). Reads: each connection keeps 32 MB of pages
 * instead of 2 MB. The file is not memory-mapped: when another connection has committed, SQLite drops a
 * connection's whole map at its next read (as it drops its page cache), so with two workers writing, every commit
 * cost the other worker an unmap (a TLB flush on every core) and page faults to map again what it touched; reading
 * the pages it needs with `pread` costs less (docs/architecture.md, "Where a submission's time goes"). The client's
 * pool opens connections on its own and has no setup hook, so the engine's `prepare` runs the setup once per
 * connection.
 *
 * Waiting for the one write lock: the setup turns SQLite's busy handler off (busy_timeout=0) and every statement
 * the hook prepares tries again itself while the lock is held (SQLITE_BUSY), after 0.05 ms, then 0.1, 0.2, … up to
 * 2 ms between tries, for at most BUSY_TIMEOUT_MS. SQLite's own handler sleeps 1 ms at its first retry, then 2, 5,
 * 10 ms, while another worker's write transaction holds the lock for well under a millisecond; with two workers
 * writing, those sleeps stopped each worker (its event loop with it) for about a tenth of its time. Like SQLite's
 * handler, the wait blocks the thread; a stale snapshot (SQLITE_BUSY_SNAPSHOT) is never retried, as waiting cannot
 * help it.
 *
 * The same hook keeps each connection's prepared statements, keyed by their text. The client prepares every
 * statement afresh and asks the engine for its columns twice per call (about a fifth of the CPU of a submission,
 * with drizzle's texts repeating exactly); a statement found here is reused, with its columns and whether it
 * returns rows remembered. This is safe because the client uses a statement synchronously from its preparation to
 * its last row, on the connection it was prepared on. Statements that change the schema empty the connection's
 * cache and are never kept themselves, so nothing remembered outlives the schema it was prepared against. A schema
 * change made through another connection is not seen here (SQLite re-prepares the statement, but the remembered
 * columns of a `select *` would be the old ones): migrations run before the portal serves, and queries name their
 * columns.
 */
const CONNECTION_SETUP = 'PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA busy_timeout=0';
/** Prepared statements kept per connection (least recently used first out). */
export const STATEMENT_CACHE_SIZE = 256;
const CACHEABLE = /^\s*(select|insert|update|delete|with|begin|commit|rollback|replace)\b/i;
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

type Statement = {
  raw(toggle?: boolean): Statement;
  columns(): unknown[];
  safeIntegers(toggle?: boolean): Statement;
};
type Connection = object;
const connections = new WeakMap<Connection, Map<string, Statement>>();
const setUp = Symbol.for('portal.libsql.connectionSetup');
type Prepare = (this: Connection, source: string) => Statement;
type Exec = (this: Connection, source: string) => unknown;
const proto = Database.prototype as unknown as { prepare: Prepare; exec: Exec; [setUp]?: true };

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` milliseconds (fractions allowed), as SQLite's own busy handler does. */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Waits before the next attempt at a busy lock, in ms: short first, as a write transaction holds it well under 1 ms. */
const BUSY_WAITS_MS = [0.05, 0.1, 0.1, 0.2, 0.2, 0.5, 0.5, 1, 1, 2];

/** Runs `attempt` again while it fails on the database's lock being held (SQLITE_BUSY, not BUSY_SNAPSHOT). */
function whileBusy<T>(attempt: () => T): T {
  let deadline = 0;
  for (let n = 0; ; n++) {
    try {
      return attempt();
    } catch (error) {
      if ((error as { rawCode?: number }).rawCode !== 5) throw error;
      const now = performance.now();
      if (!deadline) deadline = now + BUSY_TIMEOUT_MS;
      else if (now > deadline) throw error;
      sleepSync(BUSY_WAITS_MS[Math.min(n, BUSY_WAITS_MS.length - 1)]!);
    }
  }
}

/** A statement whose runs wait for a busy lock in short steps (the connection's own busy timeout is 0). */
function retryingBusy(stmt: Statement): Statement {
  const s = stmt as Statement & { run: (...a: unknown[]) => unknown; all: (...a: unknown[]) => unknown };
  const { run, all } = s;
  s.run = (...args: unknown[]) => whileBusy(() => run.apply(stmt, args));
  s.all = (...args: unknown[]) => whileBusy(() => all.apply(stmt, args));
  return stmt;
}

/** Remembers what the client asks of a kept statement each time: its columns, its raw mode, its integer mode. */
function remembering(stmt: Statement): Statement {
  let columns: unknown[] | undefined;
  let raw: { error: unknown } | 'on' | undefined;
  let safe: boolean | undefined;
  const { columns: ownColumns, raw: ownRaw, safeIntegers: ownSafe } = stmt;
  stmt.columns = () => (columns ??= ownColumns.call(stmt));
  stmt.raw = (toggle = true) => {
    if (toggle !== true) {
      raw = undefined;
      return ownRaw.call(stmt, toggle);
    }
    if (raw === 'on') return stmt;
    if (raw) throw raw.error;
    try {
      ownRaw.call(stmt, true);
      raw = 'on';
      return stmt;
    } catch (error) {
      // "only for statements that return data": the client's way to ask, every time.
      raw = { error };
      throw error;
    }
  };
  stmt.safeIntegers = (toggle = true) => {
    if (safe !== toggle) ownSafe.call(stmt, toggle);
    safe = toggle;
    return stmt;
  };
  return stmt;
}

if (!proto[setUp]) {
  const prepare = proto.prepare;
  const exec = proto.exec;
  proto.prepare = function (this: Connection, source: string) {
    let kept = connections.get(this);
    if (!kept) {
      exec.call(this, CONNECTION_SETUP);
      kept = new Map();
      connections.set(this, kept);
    }
    const found = kept.get(source);
    if (found) {
      // Most recently used last.
      kept.delete(source);
      kept.set(source, found);
      return found;
    }
    if (SCHEMA_CHANGE.test(source)) kept.clear();
    const stmt = retryingBusy(whileBusy(() => prepare.call(this, source)));
    if (!CACHEABLE.test(source)) return stmt;
    kept.set(source, remembering(stmt));
    if (kept.size > STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
    return stmt;
  };
  // Several statements at once (migrations, scripts) may change the schema: forget what was prepared.
  proto.exec = function (this: Connection, source: string) {
    connections.get(this)?.clear();
    return exec.call(this, source);
  };
  proto[setUp] = true;
}

export function openClient(url: string, authToken?: string): Client {
  if (isFileUrl(url)) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // `timeout` sets busy_timeout on every pooled connection, including the ones transactions open, until the
  // connection's setup hands the waiting to the statements (above).
  return createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
}

export async function prepareClient(client: Client, url: string): Promise<void> {
  if (!isFileUrl(url)) return;
  // WAL is persistent in the file: readers no longer block the one writer.
  await client.execute('PRAGMA journal_mode=WAL');
  await client.execute('PRAGMA foreign_keys=ON');
}

export function createDb(client: Client): Db {
  return drizzle(client, { schema });
}
