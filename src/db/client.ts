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
 * consistency (https://sqlite.org/pragma.html#pragma_synchronous). Reads: the file is memory-mapped (up to 256 MB)
 * and each connection keeps 32 MB of pages instead of 2 MB, so the dashboard's counters over thousands of communes
 * are read from memory rather than through a system call per page. The client's pool opens connections on its
 * own and has no setup hook, so the engine's `prepare` runs the setup once per connection.
 */
const CONNECTION_SETUP = 'PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456; PRAGMA cache_size=-32768';
const configured = new WeakSet<object>();
const setUp = Symbol.for('portal.libsql.connectionSetup');
type Prepare = (this: object, source: string) => unknown;
const proto = Database.prototype as unknown as { prepare: Prepare; exec: (this: object, source: string) => unknown; [setUp]?: true };
if (!proto[setUp]) {
  const prepare = proto.prepare;
  proto.prepare = function (this: object, source: string) {
    if (!configured.has(this)) {
      configured.add(this);
      proto.exec.call(this, CONNECTION_SETUP);
    }
    return prepare.call(this, source);
  };
  proto[setUp] = true;
}

export function openClient(url: string, authToken?: string): Client {
  if (isFileUrl(url)) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // `timeout` sets busy_timeout on every pooled connection, including the ones transactions open.
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
