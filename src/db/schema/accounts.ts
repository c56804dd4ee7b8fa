import { integer, sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { communes, provinces, vsicSections } from './reference.ts';
import { ROLES } from '#src/reference/roles.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';

export const businesses = sqliteTable(
  'businesses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Nullable: household producers may have no tax code (identified by phone + commune instead).
    taxCode: text('tax_code').unique(),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    sector: text('sector').references(() => vsicSections.code),
    employees: integer('employees'),
    revenueVnd: integer('revenue_vnd'),
    capitalVnd: integer('capital_vnd'),
    producerType: text('producer_type', { enum: PRODUCER_TYPES }).notNull().default('enterprise'),
    /** Nghị định 80/2021 size class, from the latest profile or the registry; null while unknown. */
    sizeClass: text('size_class'),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    /** Producers without a tax code are identified by a phone number within their commune. */
    contactPhone: text('contact_phone'),
    /** In the provincial business registry (imported), so it counts in the denominator. */
    inRegistry: integer('in_registry', { mode: 'boolean' }).notNull().default(false),
    employeesRegistry: integer('employees_registry'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // Officer lists and indicators filter by commune.
    index('businesses_commune_idx').on(t.communeCode),
    uniqueIndex('businesses_phone_commune_uq').on(t.contactPhone, t.communeCode),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    role: text('role', { enum: ROLES }).notNull(),
    email: text('email'),
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    businessId: integer('business_id').references(() => businesses.id, { onDelete: 'cascade' }),
    // Staff scope: a province (officer, admin) or one commune (helper, commune officer).
    scopeProvinceCode: text('scope_province_code').references(() => provinces.code),
    scopeCommuneCode: text('scope_commune_code').references(() => communes.code),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), uniqueIndex('users_phone_uq').on(t.phone)],
);

// Lucia-style sessions: the id is hex(SHA-256(token)), so a leaked table yields no usable cookie.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // "Log out everywhere" deletes by user.
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// Failed logins, counted per account and per IP for throttling; survives restarts.
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  // The throttle counts failures for one key in a time window.
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

// Consent records (Law 91/2025/QH15): one row per purpose, never pre-ticked, withdrawable.
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    businessId: integer('business_id').references(() => businesses.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['processing', 'share_province', 'share_vendors', 'publish_products'] }).notNull(),
    method: text('method', { enum: ['online_form', 'assisted_verbal', 'assisted_paper'] }).notNull(),
    /** Assisted mode: who gave consent and how they relate to the producer. */
    consentedByName: text('consented_by_name'),
    relation: text('relation'),
    recordedBy: integer('recorded_by'),
    grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull(),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('consents_business_idx').on(t.businessId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    detail: text('detail'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  // History views list one entity's changes.
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);

export type User = typeof users.$inferSelect;
export type Business = typeof businesses.$inferSelect;
export type Session = typeof sessions.$inferSelect;

// Throttle state per key (login per account+IP, login per IP, registration per IP). One row per
// key, changed only by one atomic upsert that both checks and counts (src/server/auth/throttle.ts).
export const authThrottle = sqliteTable('auth_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  firstAt: integer('first_at').notNull(),
  lastAt: integer('last_at').notNull(),
  /** Epoch ms before which the next try is refused; 0 when not blocked. */
  blockedUntil: integer('blocked_until').notNull(),
});

export const TAKEOVER_STATUSES = ['pending', 'approved', 'rejected'] as const;

// A business whose tax code someone else registered asks for it; a province officer checks the
// papers and moves the business to the requester's account.
export const takeoverRequests = sqliteTable(
  'takeover_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taxCode: text('tax_code').notNull(),
    businessName: text('business_name').notNull(),
    contactName: text('contact_name').notNull(),
    /** The account created with the request; it receives the business on approval. */
    requesterUserId: integer('requester_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    status: text('status', { enum: TAKEOVER_STATUSES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decisionNote: text('decision_note'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // Officers list pending requests; a requester sees their own.
  (t) => [index('takeover_status_idx').on(t.status, t.createdAt), index('takeover_requester_idx').on(t.requesterUserId)],
);

export type TakeoverRequest = typeof takeoverRequests.$inferSelect;
