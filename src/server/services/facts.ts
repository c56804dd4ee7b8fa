import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  assessments,
  businesses,
  communes,
  provinceCells,
  provincePillarCells,
  indicatorCells,
  indicatorFacts,
  pillarCells,
  recommendationMarks,
  type Assessment,
  type IndicatorFact,
} from '#src/db/schema/index.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { coveredNeeds, factFlags } from '#src/domain/indicators/facts.ts';
import { recommend } from '#src/domain/recommendations/engine.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { vietnamWallClock } from '#src/domain/time.ts';

/** The quarter and year (Vietnam calendar, UTC+7) a moment belongs to: ["2026-Q3", "2026"]. */
export function periodIdsFor(at: Date): [string, string] {
  const local = vietnamWallClock(at);
  const year = local.getUTCFullYear();
  return [`${year}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`, String(year)];
}

type NewFact = Omit<IndicatorFact, 'periodId'>;

function cellDelta(f: NewFact | IndicatorFact, sign: 1 | -1) {
  const b = (v: number | boolean) => (v ? sign : 0);
  return {
    n: sign,
    nSme: b(f.sme),
    nSmePlatform: b(f.sme && f.platform),
    nPlatform: b(f.platform),
    nDigital: b(f.digital),
    nEinvoice: b(f.einvoice),
    nEpayment: b(f.epayment),
    nEcontract: b(f.econtract),
    nEcommerce: b(f.ecommerce),
    nNotInRegistry: b(!f.inRegistry),
    l0: b(f.level === 0),
    l1: b(f.level === 1),
    l2: b(f.level === 2),
    l3: b(f.level === 3),
    l4: b(f.level === 4),
    l5: b(f.level === 5),
    scoreSum: sign * f.score,
    recommended: sign * f.recommended,
    adoptedRecommended: sign * f.adoptedRecommended,
  };
}

const COUNTERS = [
  'n', 'nSme', 'nSmePlatform', 'nPlatform', 'nDigital', 'nEinvoice', 'nEpayment', 'nEcontract', 'nEcommerce', 'nNotInRegistry',
  'l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'scoreSum', 'recommended', 'adoptedRecommended',
] as const;

function cellStatements(db: Db, periodId: string, provinceCode: string, f: NewFact | IndicatorFact, sign: 1 | -1) {
  const key = { periodId, communeCode: f.communeCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType };
  const delta = cellDelta(f, sign);
  const set = Object.fromEntries(COUNTERS.map((c) => [c, sql`${indicatorCells[c]} + excluded.${sql.raw(indicatorCells[c].name)}`]));
  const provinceSet = Object.fromEntries(COUNTERS.map((c) => [c, sql`${provinceCells[c]} + excluded.${sql.raw(provinceCells[c].name)}`]));
  const out = [
    db.insert(indicatorCells).values({ ...key, ...delta }).onConflictDoUpdate({ target: [indicatorCells.periodId, indicatorCells.communeCode, indicatorCells.sector, indicatorCells.sizeClass, indicatorCells.producerType], set }),
    db
      .insert(provinceCells)
      .values({ periodId, provinceCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType, ...delta })
      .onConflictDoUpdate({ target: [provinceCells.periodId, provinceCells.provinceCode, provinceCells.sector, provinceCells.sizeClass, provinceCells.producerType], set: provinceSet }) as never,
  ];
  for (const p of f.pillars) {
    out.push(
      db
        .insert(provincePillarCells)
        .values({ periodId, provinceCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType, frameworkId: f.frameworkId, pillarId: p.id, n: sign, scoreSum: sign * p.score })
        .onConflictDoUpdate({
          target: [provincePillarCells.periodId, provincePillarCells.provinceCode, provincePillarCells.sector, provincePillarCells.sizeClass, provincePillarCells.producerType, provincePillarCells.frameworkId, provincePillarCells.pillarId],
          set: { n: sql`${provincePillarCells.n} + excluded.n`, scoreSum: sql`${provincePillarCells.scoreSum} + excluded.score_sum` },
        }) as never,
    );
    out.push(
      db
        .insert(pillarCells)
        .values({ ...key, frameworkId: f.frameworkId, pillarId: p.id, n: sign, scoreSum: sign * p.score })
        .onConflictDoUpdate({
          target: [pillarCells.periodId, pillarCells.communeCode, pillarCells.sector, pillarCells.sizeClass, pillarCells.producerType, pillarCells.frameworkId, pillarCells.pillarId],
          set: { n: sql`${pillarCells.n} + excluded.n`, scoreSum: sql`${pillarCells.scoreSum} + excluded.score_sum` },
        }) as never,
    );
  }
  return out;
}

/** Derives a fact from a submitted assessment (pure apart from its inputs). */
export function buildFact(
  a: Assessment,
  business: { producerType: string; communeCode: string; inRegistry: boolean },
  adopted: string[],
  catalog: readonly Platform[],
): NewFact | null {
  const framework = getFramework(a.frameworkId, a.frameworkVersion);
  const { profile, result } = a;
  if (!framework || !profile || !result || !a.submittedAt) return null;
  const answers = a.answers;
  const covered = coveredNeeds(framework, profile, answers, adopted);
  // What the plan recommended before any mark: the denominator of the recommendation-adoption indicator.
  const planned = recommend({ framework, profile, answers, catalog }).items.map((i) => i.need as string);
  const flags = factFlags({ sizeClass: profile.sizeClass, level: result.level, covered });
  return {
    businessId: a.businessId,
    assessmentId: a.id,
    submittedAt: a.submittedAt,
    frameworkId: a.frameworkId,
    communeCode: profile.communeCode ?? business.communeCode,
    sector: profile.sector ?? '',
    sizeClass: profile.sizeClass ?? '',
    producerType: profile.producerType ?? business.producerType,
    level: result.level,
    score: result.score,
    pillars: result.pillars.filter((p) => (framework.pillars.find((x) => x.id === p.id)?.weight ?? 0) > 0).map((p) => ({ id: p.id, score: p.score })),
    sme: flags.sme ? 1 : 0,
    platform: flags.platform ? 1 : 0,
    digital: flags.digital ? 1 : 0,
    einvoice: flags.einvoice ? 1 : 0,
    epayment: flags.epayment ? 1 : 0,
    econtract: flags.econtract ? 1 : 0,
    ecommerce: flags.ecommerce ? 1 : 0,
    inRegistry: business.inRegistry ? 1 : 0,
    recommended: planned.length,
    adoptedRecommended: adopted.filter((n) => planned.includes(n)).length,
  };
}

/** Bumped whenever counters change in this process, so cached public answers can tell they are stale. */
let version = 0;
export function factsVersion(): number {
  return version;
}

/**
 * Brings the business's contribution up to date for the periods of its newest submitted assessment
 * (after a submit, an adoption mark, or a registry import): old counters out, new ones in, atomically.
 */
export async function refreshBusinessFacts(db: Db, businessId: number, catalog: readonly Platform[]): Promise<void> {
  const [newest] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.businessId, businessId), eq(assessments.status, 'submitted')))
    .orderBy(desc(assessments.submittedAt), desc(assessments.id))
    .limit(1);
  if (!newest?.submittedAt) return;
  const [biz] = await db.select().from(businesses).where(eq(businesses.id, businessId)).limit(1);
  if (!biz) return;
  const marks = await db
    .select({ need: recommendationMarks.need, kind: recommendationMarks.kind, id: recommendationMarks.id })
    .from(recommendationMarks)
    .where(and(eq(recommendationMarks.businessId, businessId), isNull(recommendationMarks.withdrawnAt)));
  const latest = new Map<string, string>();
  for (const m of marks.sort((x, y) => x.id - y.id)) latest.set(m.need, m.kind);
  const adopted = [...latest].filter(([, k]) => k === 'adopted').map(([n]) => n);
  const fact = buildFact(newest, { producerType: biz.producerType, communeCode: biz.communeCode, inRegistry: biz.inRegistry }, adopted, catalog);
  if (!fact) return;
  const [place] = await db.select({ provinceCode: communes.provinceCode }).from(communes).where(eq(communes.code, fact.communeCode)).limit(1);
  const provinceCode = place?.provinceCode ?? '';
  const statements = [];
  for (const periodId of periodIdsFor(newest.submittedAt)) {
    const [old] = await db
      .select()
      .from(indicatorFacts)
      .where(and(eq(indicatorFacts.periodId, periodId), eq(indicatorFacts.businessId, businessId)))
      .limit(1);
    if (old) {
      const [oldPlace] = await db.select({ provinceCode: communes.provinceCode }).from(communes).where(eq(communes.code, old.communeCode)).limit(1);
      statements.push(...cellStatements(db, periodId, oldPlace?.provinceCode ?? '', old, -1));
      statements.push(db.delete(indicatorFacts).where(and(eq(indicatorFacts.periodId, periodId), eq(indicatorFacts.businessId, businessId))));
    }
    statements.push(db.insert(indicatorFacts).values({ periodId, ...fact }));
    statements.push(...cellStatements(db, periodId, provinceCode, fact, 1));
  }
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  version++;
}

/** Takes a business out of every counter (before its data is erased). */
export async function removeBusinessFacts(db: Db, businessId: number): Promise<void> {
  const facts = await db.select().from(indicatorFacts).where(eq(indicatorFacts.businessId, businessId));
  if (!facts.length) return;
  const statements = [];
  for (const f of facts) {
    const [place] = await db.select({ provinceCode: communes.provinceCode }).from(communes).where(eq(communes.code, f.communeCode)).limit(1);
    statements.push(...cellStatements(db, f.periodId, place?.provinceCode ?? '', f, -1));
  }
  statements.push(db.delete(indicatorFacts).where(eq(indicatorFacts.businessId, businessId)));
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  version++;
}
