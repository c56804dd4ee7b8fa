import { createClient, type Client } from '@libsql/client';
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
