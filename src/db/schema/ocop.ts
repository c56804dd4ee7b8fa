import { blob, integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
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
    /** Whole đồng; null when the producer gave no price. */
    priceVnd: integer('price_vnd'),
    /** The unit the price is for ("hộp 500 g"); only with a price. */
    priceUnit: text('price_unit'),
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

/**
 * Product photos, resized and re-encoded on upload (no camera metadata survives), kept in the database so every
 * worker and a remote libSQL server see the same files. `hash` is the content hash of the full-size bytes: it is
 * the photo's address, so a served photo never changes and may be cached for long.
 */
export const productPhotos = sqliteTable(
  'product_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => ocopProducts.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull().unique(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    thumbWidth: integer('thumb_width').notNull(),
    thumbHeight: integer('thumb_height').notNull(),
    thumb: blob('thumb', { mode: 'buffer' }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('product_photos_product_idx').on(t.productId, t.id)],
);

export type OcopProduct = typeof ocopProducts.$inferSelect;
