// The one database handle of the server process, opened from the configuration on first use.
import type { Client } from '@libsql/client';
import { createDb, openClient, type Db } from '#src/db/client.ts';
import { getEnv } from './env.ts';

let instance: { client: Client; db: Db } | undefined;

/** The one database handle of this process. */
export function getDb(): Db {
  if (!instance) {
    const env = getEnv();
    const client = openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
    instance = { client, db: createDb(client) };
  }
  return instance.db;
}

export function getClient(): Client {
  getDb();
  return instance!.client;
}
