import { migrate } from 'drizzle-orm/libsql/migrator';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { createDb } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/**
 * Applies pending drizzle-kit migrations. The libSQL client turns foreign keys off around the
 * migration batch (so table rebuilds cannot cascade-delete child rows); we then verify integrity.
 */
export async function runMigrations(client: Client): Promise<void> {
  await migrate(createDb(client), { migrationsFolder: MIGRATIONS_FOLDER });
  const broken = await client.execute('PRAGMA foreign_key_check');
  if (broken.rows.length > 0) {
    throw new Error(`Migration left ${broken.rows.length} rows violating foreign keys`);
  }
}
