import { and, desc, eq, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { preparedQuery } from '#src/db/prepared.ts';
import { assessments, businesses, communes, provinces, type Assessment } from '#src/db/schema/index.ts';

export async function assessmentsOfBusiness(db: Db, businessId: number): Promise<Assessment[]> {
  return db.select().from(assessments).where(eq(assessments.businessId, businessId)).orderBy(desc(assessments.sequence));
}

const newestWithStatus = preparedQuery((db) =>
  db
    .select()
    .from(assessments)
    .where(and(eq(assessments.businessId, sql.placeholder('businessId')), eq(assessments.status, sql.placeholder('status'))))
    .orderBy(desc(assessments.sequence))
    .limit(1)
    .prepare(),
);

export async function draftOf(db: Db, businessId: number): Promise<Assessment | undefined> {
  return newestWithStatus(db).get({ businessId, status: 'draft' });
}

export async function latestSubmitted(db: Db, businessId: number, frameworkId?: string): Promise<Assessment | undefined> {
  if (!frameworkId) return newestWithStatus(db).get({ businessId, status: 'submitted' });
  const conditions = [eq(assessments.businessId, businessId), eq(assessments.status, 'submitted')];
  if (frameworkId) conditions.push(eq(assessments.frameworkId, frameworkId));
  const rows = await db
    .select()
    .from(assessments)
    .where(and(...conditions))
    .orderBy(desc(assessments.sequence))
    .limit(1);
  return rows[0];
}

export async function assessmentById(db: Db, id: number): Promise<Assessment | undefined> {
  const rows = await db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  return rows[0];
}

export async function assessmentByShareToken(db: Db, token: string): Promise<Assessment | undefined> {
  const rows = await db.select().from(assessments).where(eq(assessments.shareToken, token)).limit(1);
  return rows[0];
}

/** The business's next assessment number, as a value of the INSERT that creates the assessment. */
export function nextSequenceSql(businessId: number): SQL<number> {
  return sql<number>`(select coalesce(max(${assessments.sequence}), 0) + 1 from ${assessments} where ${assessments.businessId} = ${businessId})`;
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
