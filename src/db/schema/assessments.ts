import { integer, real, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import type { Answers, Profile } from '#src/domain/framework/schema.ts';
import type { AssessmentResult } from '#src/domain/scoring/score.ts';
import { businesses, users } from './accounts.ts';

export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;

/**
 * One sitting of a questionnaire. Drafts are saved page by page; a submitted assessment is a
 * read-only snapshot: it keeps the framework id and version, the profile and the result it was
 * scored with, so revising a framework never changes an old result.
 */
export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessId: integer('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    /** 1 for the business's first assessment, 2 for the second… */
    sequence: integer('sequence').notNull(),
    frameworkId: text('framework_id').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    /** Profile snapshot (JSON): sector, employees, revenue/capital, producer type, commune, size class. */
    profile: text('profile', { mode: 'json' }).$type<Profile>(),
    /** Answers by question id (JSON). */
    answers: text('answers', { mode: 'json' }).$type<Answers>().notNull(),
    /** What holds the business back most (pain ids, up to three), asked first; it orders the plan. */
    pains: text('pains', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Where the person stopped: 'profile', a page number, or 'review'. */
    currentStep: text('current_step').notNull().default('profile'),
    /** Full scoring result (JSON), set on submit. */
    result: text('result', { mode: 'json' }).$type<AssessmentResult>(),
    // Denormalised from profile/result so benchmarks and indicators filter without parsing JSON.
    score: real('score'),
    points: real('points'),
    level: integer('level'),
    sector: text('sector'),
    sizeClass: text('size_class'),
    communeCode: text('commune_code'),
    /** Unguessable id for the public share image; null while private (the owner decides). */
    shareToken: text('share_token').unique(),
    /** The public result page names the business only when the owner ticked it. */
    shareShowName: integer('share_show_name', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // History reads one business's assessments in order.
    index('assessments_business_idx').on(t.businessId, t.sequence),
    // "Resume the draft" and "the newest submission" find one row of one status, however long the history.
    index('assessments_business_status_idx').on(t.businessId, t.status, t.sequence),
    // Benchmarks pick submitted peers by framework, sector and size class.
    index('assessments_peer_idx').on(t.frameworkId, t.status, t.sector, t.sizeClass),
    // The public batch rule counts the businesses that submitted since the last public snapshot.
    index('assessments_submitted_idx').on(t.submittedAt),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
