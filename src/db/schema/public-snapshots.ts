import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Public snapshots of a year's counters (the year and its four quarters), from which the open data
 * is published: the public answer moves on only in batches (see docs/decisions/002-public-suppression.md).
 * `cells` and `pillars` hold the counter rows as JSON arrays; `columns` names the counters of `cells`.
 */
export const publicSnapshots = sqliteTable(
  'public_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull(),
    /** Lets the batch that inserts a snapshot find it again (the insert is conditional). */
    nonce: text('nonce').notNull().unique(),
    columns: text('columns', { mode: 'json' }).$type<string[]>().notNull(),
    cells: text('cells', { mode: 'json' }).$type<unknown[][]>().notNull(),
    pillars: text('pillars', { mode: 'json' }).$type<unknown[][]>().notNull(),
  },
  (t) => [index('public_snapshots_year_idx').on(t.provinceCode, t.year, t.takenAt)],
);

/**
 * Indicator facts touched since the last public snapshot, filled by triggers on `indicator_facts`
 * (see the migration): `before` is the fact as it was at the snapshot (null: absent), `after` as it
 * is now (null: gone). A business counts as changed when the two differ.
 */
export const publicChanges = sqliteTable(
  'public_changes',
  {
    periodId: text('period_id').notNull(),
    businessId: integer('business_id').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.businessId] })],
);
