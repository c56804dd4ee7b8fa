import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Secrets the server generates for itself on first start (when the environment gives none). */
export const serverSecrets = sqliteTable('server_secrets', {
  name: text('name').primaryKey(),
  /** Lower-case hex. */
  value: text('value').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
