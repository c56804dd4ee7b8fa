import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';

export const FRAMEWORK_UPLOAD_STATUSES = ['draft', 'published'] as const;

/**
 * Framework files an administrator uploaded (docs/frameworks.md, "Frameworks as data"). A draft can be
 * previewed and published; a published row is never changed again, because assessments answered with it
 * name its id and version. The JSON is stored as uploaded and validated again whenever it is loaded.
 */
export const frameworkUploads = sqliteTable(
  'framework_uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    frameworkId: text('framework_id').notNull(),
    version: integer('version').notNull(),
    /** The framework file (JSON text), as validated by FrameworkSchema. */
    data: text('data').notNull(),
    status: text('status', { enum: FRAMEWORK_UPLOAD_STATUSES }).notNull().default('draft'),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  },
  // One published row per id and version; drafts may repeat until one of them is published.
  (t) => [
    uniqueIndex('framework_uploads_published_idx')
      .on(t.frameworkId, t.version)
      .where(sql`status = 'published'`),
  ],
);

export type FrameworkUpload = typeof frameworkUploads.$inferSelect;
