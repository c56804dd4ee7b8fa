import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { CONTACT_METHODS, HELP_STATUSES } from '#src/domain/help-requests.ts';
import { assessments } from './assessments.ts';
import { businesses, users } from './accounts.ts';

/**
 * The platform catalog. The whole entry is kept as validated JSON (`data`) so CSV export and
 * import round-trip exactly; the columns beside it exist for filtering and search.
 */
export const platforms = sqliteTable(
  'platforms',
  {
    id: text('id').primaryKey(),
    category: text('category').notNull(),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    searchKey: text('search_key').notNull(),
    data: text('data', { mode: 'json' }).$type<Platform>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  // Browsing lists one category at a time.
  (t) => [index('platforms_category_idx').on(t.category)],
);

export const MARK_KINDS = ['adopted', 'dismissed'] as const;

/** What a business did with a recommended need: adopted (with the platform chosen) or not suitable. */
export const recommendationMarks = sqliteTable(
  'recommendation_marks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessId: integer('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    assessmentId: integer('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
    need: text('need').notNull(),
    kind: text('kind', { enum: MARK_KINDS }).notNull(),
    platformId: text('platform_id'),
    reason: text('reason'),
    /** Whether this need was in the plan when marked (for the recommendation-adoption indicator). */
    wasRecommended: integer('was_recommended', { mode: 'boolean' }).notNull().default(true),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when the mark is withdrawn ("show dismissed items again", "undo"); history is kept. */
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
  },
  // The plan reads one business's current marks.
  (t) => [index('marks_business_idx').on(t.businessId, t.need)],
);

export { HELP_STATUSES };

/** "I want a free trial / advice": a worklist item for officers and helpers of the business's commune. */
export const helpRequests = sqliteTable(
  'help_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessId: integer('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    need: text('need').notNull(),
    platformId: text('platform_id'),
    kind: text('kind', { enum: ['trial', 'advice'] }).notNull(),
    message: text('message'),
    /** Separate, explicit consent to pass the contact to the vendor (never pre-ticked). */
    consentVendor: integer('consent_vendor', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: HELP_STATUSES }).notNull().default('new'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    handledBy: integer('handled_by').references(() => users.id, { onDelete: 'set null' }),
    /** How the business asked to be called back; kept only with its agreement (contactConsentAt). */
    contactMethod: text('contact_method', { enum: CONTACT_METHODS }),
    contactValue: text('contact_value'),
    /** When the business agreed that the staff of its commune see the contact; null: no contact kept. */
    contactConsentAt: integer('contact_consent_at', { mode: 'timestamp_ms' }),
    /** The helper of the business's commune who works on it. */
    assignedTo: integer('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    /** A Vietnamese calendar day, "YYYY-MM-DD". */
    dueDate: text('due_date'),
    /** Last status change; the business is told about it until it has seen it (businessSeenAt). */
    statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }),
    businessSeenAt: integer('business_seen_at', { mode: 'timestamp_ms' }),
  },
  // The worklist filters by status; scope joins through the business; the business lists its own.
  (t) => [index('help_status_idx').on(t.status, t.createdAt), index('help_business_idx').on(t.businessId)],
);

export type PlatformRow = typeof platforms.$inferSelect;
export type RecommendationMark = typeof recommendationMarks.$inferSelect;
export type HelpRequest = typeof helpRequests.$inferSelect;
