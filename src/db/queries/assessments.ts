import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { preparedQuery } from '#src/db/prepared.ts';
import { assessments, auditLog, businesses, communes, provinces, type Assessment } from '#src/db/schema/index.ts';
import {
  allColumns,
  bind,
  columnName,
  driverValues,
  fixedText,
  qualifiedColumns,
  tableName,
  tableReader,
  updateText,
} from '#src/db/fixed-statements.ts';
import type { Answers, Profile } from '#src/domain/framework/schema.ts';
import type { AssessmentResult } from '#src/domain/scoring/score.ts';

export async function assessmentsOfBusiness(db: Db, businessId: number): Promise<Assessment[]> {
  return db.select().from(assessments).where(eq(assessments.businessId, businessId)).orderBy(desc(assessments.sequence));
}

export async function assessmentById(db: Db, id: number): Promise<Assessment | undefined> {
  const rows = await db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  return rows[0];
}

export async function assessmentByShareToken(db: Db, token: string): Promise<Assessment | undefined> {
  const rows = await db.select().from(assessments).where(eq(assessments.shareToken, token)).limit(1);
  return rows[0];
}

const newestSubmittedAnswers = preparedQuery((db) =>
  db
    .select({ answers: assessments.answers, pains: assessments.pains })
    .from(assessments)
    .where(
      and(
        eq(assessments.businessId, sql.placeholder('businessId')),
        eq(assessments.status, 'submitted'),
        eq(assessments.frameworkId, sql.placeholder('frameworkId')),
      ),
    )
    .orderBy(desc(assessments.sequence))
    .limit(1)
    .prepare(),
);

/** The answers and pains of the business's newest submission with this framework (what a retake starts from). */
export async function latestSubmittedAnswers(
  db: Db,
  businessId: number,
  frameworkId: string,
): Promise<Pick<Assessment, 'answers' | 'pains'> | undefined> {
  return newestSubmittedAnswers(db).get({ businessId, frameworkId });
}

/*
 * The writes of a retake (start, profile, submit), every one of them in each of a person's sittings: their texts
 * are fixed once here (see fixed-statements.ts) instead of built by drizzle on every call. Each write to a draft
 * carries "still a draft" in its own condition, so a write racing a submit changes nothing.
 */
const A = assessments;
const DRAFT = `${columnName(A.id)} = ? and ${columnName(A.status)} = 'draft'`;
const DRAFT_EXISTS = `exists (select 1 from ${tableName(A)} where ${DRAFT})`;

// Read on every request of a questionnaire: a fixed text, its row read by position.
const NEWEST_DRAFT = fixedText(
  `select ${qualifiedColumns(A)} from ${tableName(A)} where ${columnName(A.businessId)} = ? and ${columnName(A.status)} = 'draft' ` +
    `order by ${columnName(A.sequence)} desc limit 1`,
);
const readAssessment = tableReader(A);

/** The business's draft (the newest, should there ever be two). */
export async function draftOf(db: Db, businessId: number): Promise<Assessment | undefined> {
  const [row] = await db.values(bind(NEWEST_DRAFT, [businessId]));
  return row ? readAssessment(row) : undefined;
}

const NEW_DRAFT_COLUMNS = [
  A.businessId,
  A.frameworkId,
  A.frameworkVersion,
  A.status,
  A.profile,
  A.answers,
  A.pains,
  A.currentStep,
  A.createdBy,
  A.startedAt,
  A.updatedAt,
] as const;
// Numbered in the insert itself, under the write lock: two starts at once cannot take the same number.
const INSERT_DRAFT = fixedText(
  `insert into ${tableName(A)} (${[...NEW_DRAFT_COLUMNS, A.sequence].map(columnName).join(', ')}) ` +
    `values (${NEW_DRAFT_COLUMNS.map(() => '?').join(', ')}, ` +
    `(select coalesce(max(${columnName(A.sequence)}), 0) + 1 from ${tableName(A)} where ${columnName(A.businessId)} = ?)) ` +
    `returning ${allColumns(A).map(columnName).join(', ')}`,
);

export type NewDraft = {
  businessId: number;
  frameworkId: string;
  frameworkVersion: number;
  profile: Profile | null;
  answers: Answers;
  pains: string[];
  createdBy: number;
  now: Date;
};

/** Creates a draft numbered after the business's last assessment; returns it as stored. */
export async function insertDraft(db: Db, d: NewDraft): Promise<Assessment> {
  const values = [
    d.businessId,
    d.frameworkId,
    d.frameworkVersion,
    'draft',
    d.profile,
    d.answers,
    d.pains,
    'profile',
    d.createdBy,
    d.now,
    d.now,
  ];
  const [row] = await db.values(bind(INSERT_DRAFT, [...driverValues(NEW_DRAFT_COLUMNS, values), d.businessId]));
  return readAssessment(row!);
}

const PROFILE_COLUMNS = [A.profile, A.pains, A.frameworkId, A.frameworkVersion, A.answers, A.currentStep, A.updatedAt] as const;
const UPDATE_DRAFT_PROFILE = updateText(A, PROFILE_COLUMNS, DRAFT, [A.id]);

export type DraftProfile = {
  profile: Profile;
  pains: string[];
  frameworkId: string;
  frameworkVersion: number;
  answers: Answers;
  currentStep: string;
  updatedAt: Date;
};

/** The draft's profile step, for a batch: returns the draft's id, or no row when it is no longer a draft. */
export function updateDraftProfile(db: Db, id: number, v: DraftProfile) {
  const values = [v.profile, v.pains, v.frameworkId, v.frameworkVersion, v.answers, v.currentStep, v.updatedAt];
  return db.all<{ id: number }>(bind(UPDATE_DRAFT_PROFILE, [...driverValues(PROFILE_COLUMNS, values), id]));
}

const B = businesses;
const BUSINESS_PROFILE_COLUMNS = [
  B.sector,
  B.employees,
  B.revenueVnd,
  B.capitalVnd,
  B.producerType,
  B.communeCode,
  B.sizeClass,
  B.nameSearch,
  B.updatedAt,
] as const;
const UPDATE_BUSINESS_PROFILE = updateText(B, BUSINESS_PROFILE_COLUMNS, `${columnName(B.id)} = ? and ${DRAFT_EXISTS}`);

export type BusinessProfile = {
  sector: string;
  employees: number;
  revenueVnd: number | null;
  capitalVnd: number | null;
  producerType: string;
  communeCode: string;
  sizeClass: string | null;
  nameSearch: string;
  updatedAt: Date;
};

/** The business's own profile, written with its draft's profile step (only while the draft exists), for a batch. */
export function updateBusinessProfile(db: Db, businessId: number, draftId: number, v: BusinessProfile) {
  const values = [v.sector, v.employees, v.revenueVnd, v.capitalVnd, v.producerType, v.communeCode, v.sizeClass, v.nameSearch, v.updatedAt];
  return db.run(bind(UPDATE_BUSINESS_PROFILE, [...driverValues(BUSINESS_PROFILE_COLUMNS, values), businessId, draftId]));
}

const SUBMIT_COLUMNS = [
  A.status,
  A.answers,
  A.result,
  A.score,
  A.points,
  A.level,
  A.sector,
  A.sizeClass,
  A.communeCode,
  A.currentStep,
  A.submittedAt,
  A.updatedAt,
] as const;
const SUBMIT_DRAFT = updateText(A, SUBMIT_COLUMNS, DRAFT);

export type Submission = {
  answers: Answers;
  result: AssessmentResult;
  sector: string;
  sizeClass: string | null;
  communeCode: string;
  now: Date;
};

/** Turns the draft into a submitted assessment, for a batch (changes no row when it is no longer a draft). */
export function submitDraft(db: Db, id: number, v: Submission) {
  const r = v.result;
  const values = ['submitted', v.answers, r, r.score, r.points, r.level, v.sector, v.sizeClass, v.communeCode, 'done', v.now, v.now];
  return db.run(bind(SUBMIT_DRAFT, [...driverValues(SUBMIT_COLUMNS, values), id]));
}

const L = auditLog;
const AUDIT_COLUMNS = [L.actorUserId, L.action, L.entity, L.entityId, L.detail, L.at] as const;
const AUDIT_IF_DRAFT = fixedText(
  `insert into ${tableName(L)} (${AUDIT_COLUMNS.map(columnName).join(', ')}) ` +
    `select ${AUDIT_COLUMNS.map(() => '?').join(', ')} where ${DRAFT_EXISTS}`,
);

export type DraftAudit = {
  actorUserId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: string | null;
  at: Date;
};

/** An audit entry written only while the draft exists (in the batch of the draft's write it records). */
export function auditIfDraft(db: Db, draftId: number, a: DraftAudit) {
  const values = [a.actorUserId, a.action, a.entity, a.entityId, a.detail, a.at];
  return db.run(bind(AUDIT_IF_DRAFT, [...driverValues(AUDIT_COLUMNS, values), draftId]));
}

/**
 * Scores of the newest submitted assessment of every other business in the province with the
 * same framework, sector and size class: the peer group of a benchmark.
 */
export async function peerScores(
  db: Db,
  args: {
    provinceCode: string;
    frameworkId: string;
    sector: string;
    sizeClass: string;
    excludeBusinessId: number;
    /** Like with like: households with households, co-operatives with co-operatives (missing counts as an enterprise). */
    producerType?: string;
  },
): Promise<number[]> {
  const newest = db
    .select({ businessId: assessments.businessId, seq: max(assessments.sequence).as('seq') })
    .from(assessments)
    .where(and(eq(assessments.status, 'submitted'), eq(assessments.frameworkId, args.frameworkId)))
    .groupBy(assessments.businessId)
    .as('newest');
  const rows = await db
    .select({ score: assessments.score })
    .from(assessments)
    .innerJoin(newest, and(eq(newest.businessId, assessments.businessId), eq(newest.seq, assessments.sequence)))
    .innerJoin(businesses, eq(businesses.id, assessments.businessId))
    .innerJoin(communes, eq(communes.code, businesses.communeCode))
    .where(
      and(
        eq(communes.provinceCode, args.provinceCode),
        eq(assessments.sector, args.sector),
        eq(assessments.sizeClass, args.sizeClass),
        args.producerType === undefined
          ? undefined
          : sql`coalesce(json_extract(${assessments.profile}, '$.producerType'), 'enterprise') = ${args.producerType}`,
        sql`${assessments.businessId} <> ${args.excludeBusinessId}`,
      ),
    );
  return rows.map((r) => r.score ?? 0);
}

/** The province's name, for headers (printed results). */
export async function provinceName(db: Db, code: string): Promise<string | null> {
  const rows = await db.select({ name: provinces.name }).from(provinces).where(eq(provinces.code, code)).limit(1);
  return rows[0]?.name ?? null;
}
