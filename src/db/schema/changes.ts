import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One counter per kind of public content (catalog, OCOP, indicators), bumped by every write that changes
 * what a public page shows. Each server worker reads this small table at most a few times a second to
 * drop cached public answers another worker (or a script) made stale.
 */
export const changeCounters = sqliteTable('change_counters', {
  scope: text('scope').primaryKey(),
  n: integer('n').notNull().default(0),
});
