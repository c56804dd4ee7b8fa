import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import type { Scope } from '#src/domain/access.ts';
import { FACT_SHARES, type FactFlagName, type Population } from '#src/domain/indicators/definitions.ts';
import { asks } from '#src/domain/indicators/facts.ts';
import { businesses, communes, consents, helpRequests, indicatorFacts, users } from '#src/db/schema/index.ts';
import { whereInScope } from './accounts.ts';
import type { DashboardFilter } from './dashboard.ts';

/**
 * Which businesses a drill-down lists: every assessed one, those missing from the registry, or one
 * side of an assessment-based share — its numerator ("has") or the rest of its denominator ("not").
 */
export type DrillSide = { flag: 'all' } | { flag: 'notInRegistry' } | { flag: FactFlagName; side: 'has' | 'not' };

function baseParts(f: DashboardFilter): SQL[] {
  const parts: SQL[] = [eq(indicatorFacts.periodId, f.periodId), eq(communes.provinceCode, f.provinceCode)];
  if (f.communeCode) parts.push(eq(indicatorFacts.communeCode, f.communeCode));
  if (f.sector) parts.push(eq(indicatorFacts.sector, f.sector));
  if (f.sizeClass) parts.push(eq(indicatorFacts.sizeClass, f.sizeClass));
  if (f.producerType) parts.push(eq(indicatorFacts.producerType, f.producerType));
  return parts;
}

/**
 * A share's population as SQL, from the same definition the counters use (`inPopulation`): a need's
 * population is the facts whose framework asks about it, decided by the domain's `asks` per framework
 * present in the period (a handful), never by a list kept here.
 */
async function populationWhere(db: Db, p: Population, periodId: string): Promise<SQL | undefined> {
  if (p.kind === 'assessed') return undefined;
  if (p.kind === 'sme') return eq(indicatorFacts.sme, 1);
  const frameworks = await db
    .selectDistinct({ id: indicatorFacts.frameworkId })
    .from(indicatorFacts)
    .where(eq(indicatorFacts.periodId, periodId));
  const asking = frameworks.map((r) => r.id).filter((fw) => p.needs.some((n) => asks(fw, n)));
  return asking.length ? inArray(indicatorFacts.frameworkId, asking) : sql`0`;
}

function measureOf(flag: FactFlagName) {
  return FACT_SHARES.find((s) => s.measure.numerator === flag)?.measure;
}

async function sideWhere(db: Db, f: DashboardFilter, side: DrillSide): Promise<SQL[]> {
  if (side.flag === 'all') return [];
  if (side.flag === 'notInRegistry') return [eq(indicatorFacts.inRegistry, 0)];
  const m = measureOf(side.flag);
  if (!m) throw new Error(`not a share's numerator: ${side.flag}`);
  const population = await populationWhere(db, m.population, f.periodId);
  return [...(population ? [population] : []), eq(indicatorFacts[m.numerator], side.side === 'has' ? 1 : 0)];
}

const fromFacts = (db: Db, columns: Parameters<Db['select']>[0]) =>
  db
    .select(columns)
    .from(indicatorFacts)
    .innerJoin(businesses, eq(businesses.id, indicatorFacts.businessId))
    .innerJoin(communes, eq(communes.code, indicatorFacts.communeCode));

/** The two sides of a share in the actor's scope: its numerator and the rest of its denominator. */
export async function drillSideCounts(db: Db, scope: Scope, f: DashboardFilter, flag: FactFlagName): Promise<{ has: number; not: number }> {
  const m = measureOf(flag);
  if (!m) throw new Error(`not a share's numerator: ${flag}`);
  const population = await populationWhere(db, m.population, f.periodId);
  const [row] = await fromFacts(db, {
    total: sql<number>`count(*)`,
    has: sql<number>`coalesce(sum(${indicatorFacts[m.numerator]}), 0)`,
  }).where(whereInScope(scope, ...baseParts(f), population));
  const total = Number((row as { total: number } | undefined)?.total ?? 0);
  const has = Number((row as { has: number } | undefined)?.has ?? 0);
  return { has, not: total - has };
}

/** Agreed to be contacted by the Department ("share_province" consent, not withdrawn). */
const contactConsent = sql<number>`exists (select 1 from ${consents} cc where cc.business_id = ${businesses.id}
  and cc.purpose = 'share_province' and cc.withdrawn_at is null)`;
const ownerPhone = sql<
  string | null
>`(select u.phone from ${users} u where u.business_id = ${businesses.id} and u.role = 'business' order by u.id limit 1)`;
const ownerEmail = sql<
  string | null
>`(select u.email from ${users} u where u.business_id = ${businesses.id} and u.role = 'business' order by u.id limit 1)`;

const ROW_COLUMNS = {
  businessId: indicatorFacts.businessId,
  name: businesses.name,
  taxCode: businesses.taxCode,
  communeCode: businesses.communeCode,
  communeName: communes.name,
  sector: indicatorFacts.sector,
  sizeClass: indicatorFacts.sizeClass,
  producerType: indicatorFacts.producerType,
  level: indicatorFacts.level,
  score: indicatorFacts.score,
  inRegistry: indicatorFacts.inRegistry,
  submittedAt: indicatorFacts.submittedAt,
  contactConsent,
  // The contact leaves the database only for a business that agreed to be contacted.
  phone: sql<string | null>`case when ${contactConsent} then coalesce(${businesses.contactPhone}, ${ownerPhone}) end`,
  email: sql<string | null>`case when ${contactConsent} then ${ownerEmail} end`,
};

export type DrillRow = {
  businessId: number;
  name: string;
  taxCode: string | null;
  communeCode: string;
  communeName: string;
  sector: string;
  sizeClass: string;
  producerType: string;
  level: number;
  score: number;
  inRegistry: number;
  submittedAt: Date;
  contactConsent: boolean;
  phone: string | null;
  email: string | null;
};

/**
 * The businesses behind a number, limited to the actor's scope by where each business is now: a
 * business that moved since its assessment still counts where it was assessed, but is listed only
 * to those who may open it. One page (by name, then id, so pages never overlap) and the total.
 */
export async function drillDownPage(
  db: Db,
  scope: Scope,
  f: DashboardFilter,
  side: DrillSide,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: DrillRow[] }> {
  const where = whereInScope(scope, ...baseParts(f), ...(await sideWhere(db, f, side)));
  const [[totalRow], rows] = await Promise.all([
    fromFacts(db, { n: sql<number>`count(*)` }).where(where),
    fromFacts(db, ROW_COLUMNS).where(where).orderBy(asc(businesses.nameSearch), asc(businesses.id)).limit(page.limit).offset(page.offset),
  ]);
  return {
    total: Number((totalRow as { n: number } | undefined)?.n ?? 0),
    rows: (rows as unknown as DrillRow[]).map((r) => ({ ...r, contactConsent: Boolean(r.contactConsent) })),
  };
}

/** Of these businesses, those with a request for `need` that is not done yet. */
export async function businessesWithOpenRequest(db: Db, ids: number[], need: string): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: helpRequests.businessId })
    .from(helpRequests)
    .where(and(inArray(helpRequests.businessId, ids), eq(helpRequests.need, need), sql`${helpRequests.status} <> 'done'`));
  return new Set(rows.map((r) => r.id));
}

/** Businesses by id with their current commune and province (the selection's scope check). */
export async function businessesWithCommune(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: businesses.id, communeCode: businesses.communeCode, provinceCode: communes.provinceCode })
    .from(businesses)
    .innerJoin(communes, eq(communes.code, businesses.communeCode))
    .where(inArray(businesses.id, ids));
}

/** An active helper, with their commune. */
export async function activeHelper(db: Db, id: number) {
  const [row] = await db
    .select({ id: users.id, communeCode: users.scopeCommuneCode, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'helper'), isNull(users.disabledAt)))
    .limit(1);
  return row;
}
