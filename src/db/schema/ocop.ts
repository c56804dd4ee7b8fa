import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import type { AnswerValue } from '#src/domain/framework/schema.ts';
import { businesses, users } from './accounts.ts';
import { assessments } from './assessments.ts';

/** OCOP products (rated 3–5 stars); several per producer. */
export const ocopProducts = sqliteTable(
  'ocop_products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessId: integer('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    productGroup: text('product_group').notNull(),
    stars: integer('stars').notNull(),
    certificateNo: text('certificate_no').notNull(),
    certificateYear: integer('certificate_year').notNull(),
    communeCode: text('commune_code').notNull(),
    description: text('description'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // Producer pages list their products; public search filters by commune and stars.
    index('ocop_products_business_idx').on(t.businessId),
    index('ocop_products_commune_idx').on(t.communeCode, t.stars),
  ],
);

/** Ticked listing requirements per product and floor. */
export const productChecklist = sqliteTable(
  'product_checklist',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => ocopProducts.id, { onDelete: 'cascade' }),
    floorId: text('floor_id').notNull(),
    itemId: text('item_id').notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.floorId, t.itemId] })],
);

export const LISTING_STATUSES = ['not_listed', 'preparing', 'listed', 'withdrawn'] as const;

/** Listing status history: every change is a new row; the newest per (product, floor) is current. */
export const productListings = sqliteTable(
  'product_listings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => ocopProducts.id, { onDelete: 'cascade' }),
    floorId: text('floor_id').notNull(),
    status: text('status', { enum: LISTING_STATUSES }).notNull(),
    url: text('url'),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('product_listings_product_idx').on(t.productId, t.floorId, t.id)],
);

/** One-time codes with which a producer takes over the account a helper created. Only the hash is kept. */
export const accountClaims = sqliteTable('account_claims', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  businessId: integer('business_id')
    .notNull()
    .references(() => businesses.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull().unique(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Who changed which answer and when (the producer sees this history). */
export const answerEvents = sqliteTable(
  'answer_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    value: text('value', { mode: 'json' }).$type<AnswerValue>(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('answer_events_assessment_idx').on(t.assessmentId, t.at)],
);

export type OcopProduct = typeof ocopProducts.$inferSelect;
