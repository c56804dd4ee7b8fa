import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';

/**
 * Who to call, shown on every plan: the community digital team of a commune (`scope` = its 5-digit
 * code) and the Department's contact for the whole province (`scope` = 'province'). Set by an
 * administrator; one row per scope.
 */
export const supportContacts = sqliteTable('support_contacts', {
  scope: text('scope').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  note: text('note'),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const STORY_STATUSES = ['draft', 'published'] as const;

/**
 * A business that went digital, told with its figures and the public source the story comes from.
 * Shown in plans of the same sector (matched by pain) only when published AND the business
 * consented; officers add and publish them.
 */
export const successStories = sqliteTable(
  'success_stories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class'),
    producerType: text('producer_type'),
    pains: text('pains', { mode: 'json' }).$type<string[]>().notNull().default([]),
    platforms: text('platforms', { mode: 'json' }).$type<string[]>().notNull().default([]),
    before: text('before').notNull(),
    after: text('after').notNull(),
    sourceUrl: text('source_url').notNull(),
    storyDate: text('story_date').notNull(),
    /** The business agreed to be named in other businesses' plans (never assumed). */
    consent: integer('consent', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: STORY_STATUSES }).notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // Plans read the published stories of one sector.
  (t) => [index('stories_sector_idx').on(t.sector, t.status)],
);

export type SupportContact = typeof supportContacts.$inferSelect;
export type SuccessStory = typeof successStories.$inferSelect;
