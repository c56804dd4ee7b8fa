/**
 * The maintained counters against the reference model (tests/oracle/indicators-oracle.ts), on a
 * real libSQL temp file driven through the services: random event sequences (submissions, retakes
 * inside and outside the period, moves between communes, adoption marks, registry flags, registry
 * import and re-import, helpers and staff changing a business's commune or profile, OCOP products
 * and listings, erasure) compared for every indicator (shares, coverage, OCOP, level distribution,
 * pillar means) × unit × category × period; and, separately, a crash injected between any two
 * writes (of a submission, a registry import, a staff change, an adoption mark, an erasure)
 * followed by a restart and the start-up check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Client } from '@libsql/client';
import { prepareDatabase } from '../../scripts/seed/boot.ts';
import { mulberry32 } from '../../scripts/seed/demo-data.ts';
import { getEnv } from '#src/server/config/env.ts';
import { createDb, openClient, prepareClient, type Db } from '#src/db/client.ts';
import {
  assessments,
  businesses,
  communes,
  indicatorCells,
  ocopProducts,
  productListings,
  recommendationMarks,
  users,
  type Assessment,
} from '#src/db/schema/index.ts';
import { OCOP_FLOORS } from '#src/content/ocop/floors.ts';
import { createRegistryImport } from '#src/server/services/registry-import.ts';
import { computeBreakdown, computeTrend, computeView } from '#src/server/services/indicators.ts';
import { taxCodeFrom } from '../helpers/http.ts';
import { businessById } from '#src/db/queries/accounts.ts';
import { catalogSnapshot } from '#src/db/queries/platforms.ts';
import { levelsByFramework, registeredGrid, sumCells } from '#src/db/queries/dashboard.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { allQuestions, type AnswerValue, type Answers, type Framework, type Profile } from '#src/domain/framework/schema.ts';
import { FACT_SHARES, emptyCounters } from '#src/domain/indicators/definitions.ts';
import { indicatorValues, levelDistribution } from '#src/domain/indicators/dashboard.ts';
import { appliesDigitalTechnology, coveredNeeds, usesPlatformBeyondMandatory } from '#src/domain/indicators/facts.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';
import { NEED_IDS, type NeedId } from '#src/domain/platforms/schema.ts';
import { recommend } from '#src/domain/recommendations/engine.ts';
import { startOrResume, saveProfile, submitAssessment, draftFor } from '#src/server/services/assessments.ts';
import { applyPlanAction, OTHER_PLATFORM } from '#src/server/services/plan.ts';
import { isMandatoryNeed } from '#src/domain/recommendations/first-actions.ts';
import { eraseBusiness } from '#src/server/services/personal-data.ts';
import { batchWithFacts, periodIdsFor, registryFlagStatements } from '#src/server/services/facts.ts';
import { checkIndicators, ensureIndicatorsConsistent, rebuildIndicators } from '#src/server/services/indicator-maintenance.ts';
import {
  computeIndicators,
  indicatorOf,
  newestPerBusiness,
  type AssessmentFact,
  type Filters,
  type OcopProductFact,
  type RecommendationFact,
  type RegisteredCount,
} from '../oracle/indicators-oracle.ts';
import type { Actor } from '#src/server/auth/guards.ts';

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const PROVINCE = '37';
const SECTORS = ['A', 'C', 'G'] as const;
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
const TYPES = ['enterprise', 'enterprise', 'household', 'cooperative'] as const;

type Env = { db: Db; client: Client; dir: string; url: string; admin: Actor; helper: Actor; communes: string[]; nextTaxCode: number };

async function openEnv(): Promise<Env> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-pipeline-'));
  const url = `file:${join(dir, 'portal.db')}`;
  await prepareDatabase(
    getEnv({
      DATABASE_URL: url,
      SEED_DEMO: '0',
      ADMIN_EMAIL: 'admin@pipeline.example.vn',
      ADMIN_PASSWORD: 'admin-pipeline-password',
      PROVINCE_CODE: PROVINCE,
    }),
    new Date(),
    () => {},
  );
  const client = openClient(url);
  await prepareClient(client, url);
  const db = createDb(client);
  const [row] = await db.select().from(users).where(eq(users.role, 'admin')).limit(1);
  const { passwordHash: _hidden, ...admin } = row!;
  const codes = (
    await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, PROVINCE)).orderBy(communes.code).limit(3)
  ).map((c) => c.code);
  // A community digital team member of the first commune (helpers change profiles of businesses there).
  const [h] = await db
    .insert(users)
    .values({
      role: 'helper',
      email: 'helper@pipeline.example.vn',
      displayName: 'Tổ công nghệ số',
      passwordHash: 'not-used',
      scopeProvinceCode: PROVINCE,
      scopeCommuneCode: codes[0]!,
      createdAt: new Date(),
    })
    .returning();
  const { passwordHash: _unused, ...helper } = h!;
  return { db, client, dir, url, admin: admin as Actor, helper: helper as Actor, communes: codes, nextTaxCode: 0 };
}

/** A restart: the connection goes, a new one opens the same file (what was committed stays). */
async function reopen(env: Env): Promise<void> {
  env.client.close();
  env.client = openClient(env.url);
  await prepareClient(env.client, env.url);
  env.db = createDb(env.client);
}

/**
 * A restart onto a copy of the database taken earlier (the state just before a crashed event). The
 * copy gets a file of its own, so no connection that may still hold the old file sees it change.
 */
let restores = 0;
async function restoreSnapshot(env: Env, snapshot: string): Promise<void> {
  env.client.close();
  const file = join(env.dir, `restored-${++restores}.db`);
  copyFileSync(snapshot, file);
  env.url = `file:${file}`;
  env.client = openClient(env.url);
  await prepareClient(env.client, env.url);
  env.db = createDb(env.client);
}

function closeEnv(env: Env | undefined) {
  if (!env) return;
  env.client.close();
  rmSync(env.dir, { recursive: true, force: true });
}

function nextTaxCode(env: Env): string {
  return taxCodeFrom(String(310_000_000 + 7 * env.nextTaxCode++));
}

async function newBusiness(env: Env, rand: Rand, i: number, now: Date): Promise<number> {
  const [b] = await env.db
    .insert(businesses)
    .values({
      name: `Cơ sở ${i}`,
      nameSearch: `co so ${i}`,
      taxCode: nextTaxCode(env),
      // Registered with a known sector and size most of the time (the coverage denominators by category).
      sector: rand() < 0.8 ? pick(rand, SECTORS) : null,
      sizeClass: rand() < 0.8 ? pick(rand, SIZES) : null,
      producerType: pick(rand, TYPES),
      communeCode: pick(rand, env.communes),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: businesses.id });
  return b!.id;
}

/** A registry file listing some known businesses (new communes and sectors ignored for them) and a few new ones. */
async function registryFile(env: Env, rand: Rand, share = 0.4): Promise<string> {
  const rows = await env.db.select({ id: businesses.id, taxCode: businesses.taxCode }).from(businesses);
  const lines = ['ma_so_thue,ten,vsic,ma_xa,lao_dong,doanh_thu'];
  const line = (taxCode: string, name: string) =>
    `${taxCode},${name},${pick(rand, SECTORS)},${pick(rand, env.communes)},${int(rand, 1, 300)},${int(rand, 1, 900) * 100_000_000}`;
  for (const r of rows) if (r.taxCode && rand() < share) lines.push(line(r.taxCode, `Cơ sở danh bạ ${r.id}`));
  for (let i = int(rand, 0, 2); i > 0; i--) lines.push(line(nextTaxCode(env), `Doanh nghiệp danh bạ ${env.nextTaxCode}`));
  return `${lines.join('\n')}\n`;
}

async function importRegistry(env: Env, text: string, now: Date, db: Db = env.db): Promise<void> {
  const job = createRegistryImport(db, env.admin, PROVINCE, now);
  await job.push(text);
  const report = await job.end();
  expect(report.failed, JSON.stringify(report.errors)).toBe(0);
}

/**
 * A helper (in their own commune) or province staff (anywhere) changes a business's profile: its
 * sector and size, and for staff sometimes its commune, without submitting (the draft stays).
 */
async function staffChange(env: Env, rand: Rand, id: number, now: Date, db: Db = env.db): Promise<void> {
  const biz = (await businessById(env.db, id))!;
  const byHelper = biz.communeCode === env.communes[0] && rand() < 0.7;
  const actor = byHelper ? env.helper : env.admin;
  const draft = await startOrResume(db, actor, biz, now);
  await saveProfile(
    db,
    actor,
    biz,
    draft,
    {
      sector: pick(rand, SECTORS),
      producerType: biz.producerType,
      employees: String(pick(rand, [1, 3, 8, 15, 40, 120, 350])),
      revenueMillion: String(int(rand, 1, 400) * 1000),
      capitalMillion: '',
      communeCode: byHelper ? biz.communeCode : pick(rand, env.communes),
    },
    now,
  );
}

/** An OCOP product appears (2–5 stars) or one of its floor listings changes status. */
async function ocopEvent(env: Env, rand: Rand, ids: number[], now: Date): Promise<void> {
  const products = await env.db.select({ id: ocopProducts.id }).from(ocopProducts);
  if (products.length === 0 || rand() < 0.35) {
    await env.db.insert(ocopProducts).values({
      businessId: pick(rand, ids),
      name: `Sản phẩm ${products.length}`,
      nameSearch: `san pham ${products.length}`,
      productGroup: 'food',
      stars: int(rand, 2, 5),
      certificateNo: `OCOP-${products.length}`,
      certificateYear: 2025,
      communeCode: pick(rand, env.communes),
      createdAt: now,
      updatedAt: now,
    });
    return;
  }
  await env.db.insert(productListings).values({
    productId: pick(rand, products).id,
    floorId: pick(rand, OCOP_FLOORS.slice(0, 3)).id,
    status: pick(rand, ['listed', 'listed', 'withdrawn', 'preparing'] as const),
    changedAt: now,
  });
}

/** Valid-looking random answers (hidden questions included: validation drops them). */
function randomAnswers(rand: Rand, fw: Framework): Record<string, AnswerValue> {
  const skill = rand();
  const answers: Record<string, AnswerValue> = {};
  for (const q of allQuestions(fw)) {
    if (rand() < 0.3) continue;
    switch (q.type) {
      case 'single':
        answers[q.id] = pick(rand, q.options).value;
        break;
      case 'boolean':
        answers[q.id] = rand() < skill;
        break;
      case 'multi': {
        const exclusive = q.options.filter((o) => o.exclusive);
        if (exclusive.length > 0 && rand() < 0.3) answers[q.id] = [pick(rand, exclusive).value];
        else answers[q.id] = q.options.filter((o) => !o.exclusive && rand() < skill * 0.5).map((o) => o.value);
        break;
      }
      case 'number': {
        const band = pick(rand, q.bands);
        answers[q.id] = int(rand, band.min, band.max);
        break;
      }
    }
  }
  return answers;
}

/** The draft a submission starts from, profile and answers filled in (no submission yet). */
async function readyDraft(env: Env, rand: Rand, id: number, now: Date): Promise<Assessment> {
  const biz = (await businessById(env.db, id))!;
  let draft = await startOrResume(env.db, env.admin, biz, now);
  // What the services return is the draft as stored (new, or resumed).
  expect(draft).toEqual(await draftFor(env.db, env.admin, biz));
  // Sometimes the business has moved to another commune since its last assessment.
  const communeCode = rand() < 0.2 ? pick(rand, env.communes) : biz.communeCode;
  const employees = pick(rand, [1, 3, 8, 15, 40, 120, 350]);
  draft = await saveProfile(
    env.db,
    env.admin,
    biz,
    draft,
    {
      sector: pick(rand, SECTORS),
      producerType: biz.producerType,
      employees: String(employees),
      revenueMillion: String(int(rand, 1, 400) * 1000),
      capitalMillion: '',
      communeCode,
    },
    now,
  );
  expect(draft).toEqual(await draftFor(env.db, env.admin, (await businessById(env.db, id))!));
  const fw = getFramework(draft.frameworkId, draft.frameworkVersion)!;
  await env.db
    .update(assessments)
    .set({ answers: randomAnswers(rand, fw) })
    .where(eq(assessments.id, draft.id));
  return (await draftFor(env.db, env.admin, (await businessById(env.db, id))!))!;
}

async function submit(env: Env, rand: Rand, id: number, now: Date, db: Db = env.db): Promise<void> {
  const draft = await readyDraft(env, rand, id, now);
  await submitAssessment(db, env.admin, (await businessById(env.db, id))!, draft, now);
}

// ---------------------------------------------------------------------------
// The oracle's recount, from the stored assessments, marks and businesses only
// ---------------------------------------------------------------------------

type MarkRow = { businessId: number; need: string; kind: string; id: number; createdAt: Date; withdrawnAt: Date | null };

/** Written here again on purpose: the latest mark per need made by `asOf` and not withdrawn by then. */
function adoptedBy(marks: readonly MarkRow[], businessId: number, asOf: number): NeedId[] {
  const latest = new Map<string, string>();
  for (const m of marks.filter((x) => x.businessId === businessId).sort((x, y) => x.id - y.id)) {
    if (m.createdAt.getTime() <= asOf && (m.withdrawnAt === null || m.withdrawnAt.getTime() > asOf)) latest.set(m.need, m.kind);
  }
  return [...latest].filter(([, k]) => k === 'adopted').map(([n]) => n as NeedId);
}

async function oracleInput(env: Env, periodId: string, now: Date) {
  const period = parsePeriod(periodId)!;
  const asOf = Math.min(period.to.getTime() - 1, now.getTime());
  const [subs, bizRows, marks, catalog] = await Promise.all([
    env.db.select().from(assessments).where(eq(assessments.status, 'submitted')),
    env.db.select().from(businesses),
    env.db.select().from(recommendationMarks) as Promise<MarkRow[]>,
    catalogSnapshot(env.db),
  ]);
  const bizBy = new Map(bizRows.map((b) => [b.id, b]));
  const facts: AssessmentFact[] = [];
  /** Recommendation figures per assessment: the oracle takes those of each business's newest in the period. */
  const recommendation = new Map<string, RecommendationFact>();
  for (const a of subs) {
    const biz = bizBy.get(a.businessId)!;
    const fw = getFramework(a.frameworkId, a.frameworkVersion)!;
    const profile = a.profile as unknown as Profile;
    const answers = a.answers as Answers;
    const result = a.result as { level: number; score: number; pillars: { id: string; score: number }[] };
    const adopted = adoptedBy(marks, a.businessId, asOf);
    const covered = coveredNeeds(a.frameworkId, profile, answers, adopted);
    facts.push({
      businessId: String(a.businessId).padStart(6, '0'),
      assessmentId: String(a.id).padStart(8, '0'),
      submittedAt: a.submittedAt!,
      frameworkId: a.frameworkId,
      level: result.level,
      score: result.score,
      // Pillars that carry weight in the framework are the scored ones (informational sections are not).
      pillars: result.pillars.filter((p) => (fw.pillars.find((x) => x.id === p.id)?.weight ?? 0) > 0),
      sizeClass: profile.sizeClass ?? null,
      sector: profile.sector ?? null,
      producerType: profile.producerType ?? biz.producerType,
      communeCode: profile.communeCode ?? biz.communeCode,
      coveredNeeds: covered,
      usesPlatform: usesPlatformBeyondMandatory(a.frameworkId, answers, covered, adopted),
      appliesDigital: appliesDigitalTechnology(a.frameworkId, answers),
      inRegistry: biz.inRegistry,
    });
    const planned = recommend({ framework: fw, profile, answers, catalog }).items.map((i) => i.need as string);
    recommendation.set(String(a.id).padStart(8, '0'), {
      businessId: String(a.businessId).padStart(6, '0'),
      recommended: planned.length,
      adopted: adopted.filter((n) => planned.includes(n)).length,
    });
  }
  // Known businesses as they are now (the registry ∪ registered accounts: every row), by attribute.
  const registered: RegisteredCount[] = bizRows.map((b) => ({
    communeCode: b.communeCode,
    sector: b.sector ?? null,
    sizeClass: (b.sizeClass ?? null) as RegisteredCount['sizeClass'],
    producerType: b.producerType,
    count: 1,
  }));
  // OCOP products now, each listed when the newest status on at least one floor is "listed".
  const [products, listings] = await Promise.all([env.db.select().from(ocopProducts), env.db.select().from(productListings)]);
  const newestStatus = new Map<string, { id: number; status: string }>();
  for (const l of listings) {
    const key = `${l.productId}|${l.floorId}`;
    if ((newestStatus.get(key)?.id ?? -1) < l.id) newestStatus.set(key, { id: l.id, status: l.status });
  }
  const ocop: OcopProductFact[] = products.map((p) => ({
    productId: String(p.id),
    stars: p.stars as 3 | 4 | 5,
    communeCode: p.communeCode,
    group: p.productGroup,
    listed: [...newestStatus].some(([k, v]) => k.startsWith(`${p.id}|`) && v.status === 'listed'),
    producerId: String(p.businessId),
  }));
  return { period, facts, recommendation, registered, ocop };
}

/** Every maintained counter equals the oracle for every indicator × unit × category × period. */
async function expectCountersMatchOracle(
  env: Env,
  periods: Iterable<string>,
  now: Date,
  opts: { categories?: boolean } = {},
): Promise<number> {
  let compared = 0;
  for (const periodId of periods) {
    const { period, facts, recommendation, registered, ocop } = await oracleInput(env, periodId, now);
    const range = { from: period.from, to: period.to };
    const newest = newestPerBusiness(facts, range);
    const rec = newest.map((f) => recommendation.get(f.assessmentId!)!);
    const units: (string | undefined)[] = [undefined, ...env.communes];
    const categories: Omit<Filters, 'period'>[] =
      opts.categories === false
        ? [{}]
        : [
            {},
            ...SECTORS.map((sector) => ({ sector })),
            ...SIZES.map((sizeClass) => ({ sizeClass })),
            ...['enterprise', 'household', 'cooperative'].map((producerType) => ({ producerType })),
          ];
    for (const communeCode of units) {
      for (const cat of categories) {
        const filters: Filters = { period: range, ...(communeCode ? { communeCode } : {}), ...cat };
        const want = computeIndicators(
          { assessments: facts, ocopProducts: ocop, registeredCount: registered, recommendation: rec },
          filters,
        );
        const [got] = await sumCells(env.db, {
          periodId,
          provinceCode: PROVINCE,
          communeCode,
          sector: cat.sector,
          sizeClass: cat.sizeClass,
          producerType: cat.producerType,
        });
        // No cell at all for the filter reads as zero counters (what the dashboard shows too).
        const counters = got ?? emptyCounters();
        const values = indicatorValues(counters, { registered: 0, ocopProducts: 0, ocopListed: 0 });
        const where = `${periodId} ${communeCode ?? 'province'} ${JSON.stringify(cat)}`;
        expect(counters.n, `assessed ${where}`).toBe(want.assessed);
        expect(levelDistribution(counters), `levels ${where}`).toEqual(want.levelDistribution.counts);
        // One distribution per framework (the dashboard's chart): the province's maintained level
        // cells, or a commune's facts, against the oracle's recount of each framework's businesses.
        const perFramework = await levelsByFramework(env.db, {
          periodId,
          provinceCode: PROVINCE,
          communeCode,
          sector: cat.sector,
          sizeClass: cat.sizeClass,
          producerType: cat.producerType,
        });
        const frameworks = [...new Set(newest.map((f) => f.frameworkId))].sort();
        const wantLevels = frameworks
          .map((frameworkId) => {
            const { levelDistribution: d } = computeIndicators(
              // Each business's newest assessment of the period decides its framework (not an older one of another).
              {
                assessments: newest.filter((f) => f.frameworkId === frameworkId),
                ocopProducts: [],
                registeredCount: 0,
                recommendation: rec,
              },
              filters,
            );
            return d.counts.map((n, level) => ({ frameworkId, level, n }));
          })
          .flat()
          .filter((r) => r.n > 0);
        const byKey = (r: { frameworkId: string; level: number }) => `${r.frameworkId}|${r.level}`;
        expect(perFramework.map((r) => `${byKey(r)}:${r.n}`).sort(), `levels per framework ${where}`).toEqual(
          wantLevels.map((r) => `${byKey(r)}:${r.n}`).sort(),
        );
        // Assessed businesses missing from the registry (the flag is the business's, the same in all its facts).
        const outside = computeIndicators(
          { assessments: facts.filter((f) => !f.inRegistry), ocopProducts: [], registeredCount: 0, recommendation: rec },
          filters,
        );
        expect(counters.nNotInRegistry, `not in the registry ${where}`).toBe(outside.assessed);
        for (const { id } of [...FACT_SHARES, { id: 'recommendation_adoption' as const }]) {
          const v = values.find((x) => x.id === id)!;
          const o = indicatorOf(want, id);
          expect([v.numerator, v.denominator, v.value], `${id} ${where}`).toEqual([o.numerator, o.denominator, o.value]);
        }
        // The officer's view as the dashboard computes it: the same counters plus the maintained
        // denominators (known businesses, OCOP products) and the pillar sums.
        const view = await computeView(env.db, {
          period,
          provinceCode: PROVINCE,
          communeCode,
          sector: cat.sector,
          sizeClass: cat.sizeClass,
          producerType: cat.producerType,
        });
        expect(view.counters.n, `view assessed ${where}`).toBe(want.assessed);
        const ids = ['assessment_coverage', ...(Object.keys(cat).length === 0 ? ['ocop_products_on_ecommerce' as const] : [])] as const;
        for (const id of ids) {
          const v = view.values.find((x) => x.id === id)!;
          const o = indicatorOf(want, id);
          expect([v.numerator, v.denominator, v.value], `${id} ${where}`).toEqual([o.numerator, o.denominator, o.value]);
        }
        // The trend reads several periods in one grouped read: the same figures as the view of that period.
        const [asTrend] = await computeTrend(
          env.db,
          { period, provinceCode: PROVINCE, communeCode, sector: cat.sector, sizeClass: cat.sizeClass, producerType: cat.producerType },
          [period],
        );
        expect(asTrend!.values, `trend ${where}`).toEqual(view.values);
        const pillarKey = (fw: string, p: string, n: number, mean: number | null) => `${fw}|${p}|${n}|${mean}`;
        expect(
          view.pillars
            .filter((p) => p.n > 0)
            .map((p) => pillarKey(p.frameworkId, p.pillarId, p.n, p.mean))
            .sort(),
          `pillar means ${where}`,
        ).toEqual(want.pillarMeans.map((p) => pillarKey(p.frameworkId, p.id, p.n, p.mean)).sort());
        compared++;
      }
    }
    // The breakdown over every commune (the commune rollups and their known businesses).
    const rows = await computeBreakdown(env.db, { period, provinceCode: PROVINCE }, 'commune');
    for (const communeCode of env.communes) {
      const want = computeIndicators(
        { assessments: facts, ocopProducts: ocop, registeredCount: registered, recommendation: rec },
        { period: range, communeCode },
      );
      const row = rows.find((r) => r.key === communeCode);
      expect(row?.counters.n ?? 0, `breakdown assessed ${periodId} ${communeCode}`).toBe(want.assessed);
      if (!row) continue;
      for (const id of ['assessment_coverage', 'sme_platform_adoption', 'ocop_products_on_ecommerce'] as const) {
        const v = row.values.find((x) => x.id === id)!;
        const o = indicatorOf(want, id);
        expect([v.numerator, v.denominator, v.value], `breakdown ${id} ${periodId} ${communeCode}`).toEqual([
          o.numerator,
          o.denominator,
          o.value,
        ]);
      }
    }
  }
  return compared;
}

/** The maintained known-business counters (coverage denominators) equal a recount of the businesses, by every category. */
async function expectKnownMatchesBusinesses(env: Env): Promise<void> {
  const rows = await env.db.select().from(businesses);
  for (const dim of [null, 'sector', 'size', 'producerType'] as const) {
    const want = new Map<string, number>();
    for (const b of rows) {
      const key = `${b.communeCode}|${dim === 'sector' ? (b.sector ?? '') : dim === 'size' ? (b.sizeClass ?? '') : dim === 'producerType' ? b.producerType : ''}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    expect(new Map([...(await registeredGrid(env.db, PROVINCE, dim))].sort()), `known by ${dim}`).toEqual(new Map([...want].sort()));
  }
}

// ---------------------------------------------------------------------------

describe('maintained counters against the oracle (random event sequences)', () => {
  for (const seed of [11, 29]) {
    it(`seed ${seed}: every counter equals the oracle's recount after submissions, retakes, moves, marks, registry imports, staff changes, OCOP listings and erasure`, async () => {
      const env = await openEnv();
      try {
        const rand = mulberry32(seed);
        let now = new Date('2026-02-10T03:00:00Z');
        const ids: number[] = [];
        for (let i = 0; i < 10; i++) ids.push(await newBusiness(env, rand, i, now));
        const periods = new Set<string>();
        for (let step = 0; step < 55; step++) {
          // Time moves on: some events stay in the quarter, some cross into the next one (or year).
          now = new Date(now.getTime() + int(rand, 0, 25) * 86_400_000 + int(rand, 0, 86_399) * 1000);
          const id = pick(rand, ids);
          const r = rand();
          if (r < 0.38) {
            await submit(env, rand, id, now);
            for (const p of periodIdsFor(now)) periods.add(p);
          } else if (r < 0.63) {
            const drawn = pick(rand, ['adopt', 'adopt', 'dismiss', 'restore'] as const);
            const need = pick(rand, NEED_IDS);
            // Mandatory items cannot be dismissed (issue 14): the same draw restores instead.
            const intent = drawn === 'dismiss' && isMandatoryNeed(need) ? 'restore' : drawn;
            const form = intent === 'adopt' ? { intent, need, platform: OTHER_PLATFORM } : { intent, need };
            await applyPlanAction(env.db, env.admin, (await businessById(env.db, id))!, form, now);
          } else if (r < 0.68) {
            const value = rand() < 0.7;
            await env.db.update(businesses).set({ inRegistry: value }).where(eq(businesses.id, id));
            await batchWithFacts(env.db, () => registryFlagStatements(env.db, id, value));
          } else if (r < 0.76) {
            // A registry import, or a re-import of the same businesses with other data: known ones
            // join the registry (their facts with them), new ones join the known businesses.
            const before = new Set((await env.db.select({ id: businesses.id }).from(businesses)).map((b) => b.id));
            await importRegistry(env, await registryFile(env, rand), now);
            for (const b of await env.db.select({ id: businesses.id }).from(businesses)) if (!before.has(b.id)) ids.push(b.id);
          } else if (r < 0.86) {
            await staffChange(env, rand, id, now);
          } else if (r < 0.93) {
            await ocopEvent(env, rand, ids, now);
          } else if (ids.length > 4) {
            await eraseBusiness(env.db, id, env.admin.id, now);
            ids.splice(ids.indexOf(id), 1);
            ids.push(await newBusiness(env, rand, 100 + step, now));
          }
          if (step === 27) await expectCountersMatchOracle(env, periods, now);
        }
        expect(periods.size).toBeGreaterThan(2);
        await expectKnownMatchesBusinesses(env);
        const compared = await expectCountersMatchOracle(env, periods, now);
        expect(compared).toBeGreaterThan(100);
        // The start-up check agrees, and a rebuild from the assessments changes nothing.
        expect((await checkIndicators(env.db)).reasons).toEqual([]);
        const before = await env.db
          .select()
          .from(indicatorCells)
          .orderBy(
            indicatorCells.periodId,
            indicatorCells.communeCode,
            indicatorCells.sector,
            indicatorCells.sizeClass,
            indicatorCells.producerType,
          );
        await rebuildIndicators(env.db, now);
        const after = await env.db
          .select()
          .from(indicatorCells)
          .where(sql`${indicatorCells.n} <> 0`)
          .orderBy(
            indicatorCells.periodId,
            indicatorCells.communeCode,
            indicatorCells.sector,
            indicatorCells.sizeClass,
            indicatorCells.producerType,
          );
        const round = (rows: typeof before) =>
          rows.filter((c) => c.n !== 0).map((c) => ({ ...c, scoreSum: Math.round(c.scoreSum * 100) / 100 }));
        expect(round(after)).toEqual(round(before));
      } finally {
        closeEnv(env);
      }
    }, 400_000);
  }
});

/** A Db whose next batch runs only its first `k` statements, one by one (not atomically), then "crashes". */
function crashingAfter(db: Db, k: number, seen: { statements: number }): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'batch') {
        return async (statements: readonly PromiseLike<unknown>[]) => {
          seen.statements = statements.length;
          for (const s of statements.slice(0, k)) await s;
          throw new Error('simulated crash (kill -9) during a submission');
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('crash between any two writes of a submission, then a restart', () => {
  let env: Env;
  beforeAll(async () => {
    env = await openEnv();
  }, 60_000);
  afterAll(() => closeEnv(env));

  it('the start-up check finds the damage and the rebuilt counters equal the oracle, for every crash point', async () => {
    const rand = mulberry32(7);
    const now = new Date('2026-05-12T03:00:00Z');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await newBusiness(env, rand, i, now));
    for (const id of ids) await submit(env, rand, id, now);
    expect((await ensureIndicatorsConsistent(env.db, () => {}, now)).consistent).toBe(true);
    // Each retake swaps between two fixed sets of answers (A, B): counters are written as net changes per cell, so
    // every swap makes the same writes (its old fact out, the new one in, each changed cell).
    const id = ids[0]!;
    const answers = (set: number) => mulberry32(set === 0 ? 1001 : 1002);
    await submit(env, answers(0), id, now);
    /** Which set the newest submitted assessment holds (a crash before the submission's own write keeps the old). */
    let current = 0;
    const newestId = async () =>
      (
        await env.db
          .select({ id: assessments.id })
          .from(assessments)
          .where(and(eq(assessments.businessId, id), eq(assessments.status, 'submitted')))
      )
        .map((r) => r.id)
        .sort((a, b) => b - a)[0];
    let newest = await newestId();
    // How many writes a retake makes.
    const probe = { statements: 0 };
    await expect(submit(env, answers(1), id, now, crashingAfter(env.db, 0, probe))).rejects.toThrow('simulated crash');
    expect(probe.statements).toBeGreaterThan(6);
    let repaired = 0;
    for (let k = 1; k < probe.statements; k++) {
      const at = new Date(now.getTime() + k * 60_000);
      const seen = { statements: 0 };
      await expect(submit(env, answers(1 - current), id, at, crashingAfter(env.db, k, seen))).rejects.toThrow('simulated crash');
      if ((await newestId()) !== newest) {
        newest = await newestId();
        current = 1 - current;
      }
      expect(seen.statements).toBe(probe.statements);
      // The restart: the check runs before anyone reads a counter.
      const logs: string[] = [];
      const report = await ensureIndicatorsConsistent(env.db, (l) => logs.push(l), at);
      if (report.rebuilt) {
        repaired++;
        expect(logs.join('\n')).toContain('rebuilding');
      }
      expect((await checkIndicators(env.db)).reasons, `crash after write ${k}`).toEqual([]);
      await expectCountersMatchOracle(env, periodIdsFor(at), at, { categories: false });
    }
    await expectCountersMatchOracle(env, periodIdsFor(now), new Date(now.getTime() + probe.statements * 60_000));
    // Every crash after the assessment was written (the 2nd write) and before the last counter left damage to repair.
    // The batch ends with the public change counter (caches) and its read back, on which no indicator counter depends.
    expect(repaired).toBe(probe.statements - 4);
  }, 300_000);

  it('the real batch is atomic: a failure at its last statement leaves the assessment a draft and the counters as they were', async () => {
    const rand = mulberry32(8);
    const now = new Date('2026-05-20T03:00:00Z');
    const id = await newBusiness(env, rand, 50, now);
    const before = await env.db.select({ n: sql<number>`sum(${indicatorCells.n})` }).from(indicatorCells);
    const failing = new Proxy(env.db, {
      get(target, prop, receiver) {
        if (prop === 'batch')
          return (statements: unknown[]) => target.batch([...statements, target.run(sql`insert into no_such_table values (1)`)] as never);
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(submit(env, rand, id, now, failing)).rejects.toThrow(/no such table/i);
    const [row] = await env.db
      .select({ status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.businessId, id)));
    expect(row!.status).toBe('draft');
    expect(await env.db.select({ n: sql<number>`sum(${indicatorCells.n})` }).from(indicatorCells)).toEqual(before);
    expect((await checkIndicators(env.db)).reasons).toEqual([]);
  });

  it('a restart (prepareDatabase) logs and repairs counters left out of step', async () => {
    const now = new Date('2026-06-10T03:00:00Z');
    const rand = mulberry32(10);
    const id = await newBusiness(env, rand, 70, now);
    await submit(env, rand, id, now);
    await env.db.run(sql`update province_cells set n_sme_platform = n_sme_platform + 3`);
    await env.db.run(sql`update known_cells set n = n + 2 where rowid = (select min(rowid) from known_cells)`);
    await env.db.run(sql`update commune_cells set n_sme = n_sme + 1 where rowid = (select min(rowid) from commune_cells)`);
    await env.db.run(sql`update province_known_cells set n = n + 1 where rowid = (select min(rowid) from province_known_cells)`);
    await env.db.run(sql`update commune_known set n = n - 1 where rowid = (select min(rowid) from commune_known)`);
    await env.db.run(sql`update province_level_cells set n = n + 1 where rowid = (select min(rowid) from province_level_cells)`);
    // The check names every damaged rollup (the log shows the first five reasons).
    const found = (await checkIndicators(env.db)).reasons.join('\n');
    expect(found).toContain('level cells per framework differ from the facts');
    expect(found).toContain('commune rollups differ from the facts (nSme)');
    expect(found).toContain('province rollups of known businesses differ from the businesses table');
    expect(found).toContain('commune rollups of known businesses differ from the businesses table');
    const logs: string[] = [];
    await prepareDatabase(
      getEnv({
        DATABASE_URL: env.url,
        SEED_DEMO: '0',
        ADMIN_EMAIL: 'admin@pipeline.example.vn',
        ADMIN_PASSWORD: 'admin-pipeline-password',
        PROVINCE_CODE: PROVINCE,
      }),
      now,
      (l) => logs.push(l),
    );
    expect(logs.join('\n')).toMatch(/province cells differ from the facts \(nSmePlatform\).*rebuilding/s);
    expect(logs.join('\n')).toContain('known businesses differ from the businesses table');

    expect((await checkIndicators(env.db)).reasons).toEqual([]);
    await expectCountersMatchOracle(env, periodIdsFor(now), now, { categories: false });
    await expectKnownMatchesBusinesses(env);
  }, 60_000);

  it('a rebuild while submissions arrive loses nothing', async () => {
    const rand = mulberry32(9);
    const now = new Date('2026-06-02T03:00:00Z');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await newBusiness(env, rand, 60 + i, now));
    const drafts = [];
    for (const id of ids) drafts.push({ id, draft: await readyDraft(env, rand, id, now) });
    await Promise.all([
      rebuildIndicators(env.db, now),
      ...drafts.map(async ({ id, draft }) => submitAssessment(env.db, env.admin, (await businessById(env.db, id))!, draft, now)),
      rebuildIndicators(env.db, now),
    ]);
    expect((await checkIndicators(env.db)).reasons).toEqual([]);
    await expectCountersMatchOracle(env, periodIdsFor(now), now);
  }, 120_000);
});

/**
 * A database handle that "dies" (kill -9) just before its write number `k` (0-based): that write and
 * everything after it never happen. A batch is one write (libSQL runs it as one transaction); so is
 * every statement outside a batch. Reads before the crash go through.
 */
function dyingAfter(client: Client, k: number, seen: { writes: number }): Db {
  let dead = false;
  const crash = () => {
    dead = true;
    return new Error('simulated crash (kill -9) between two writes');
  };
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'execute' || prop === 'batch') {
        return async (...args: unknown[]) => {
          if (dead) throw new Error('simulated crash (kill -9) between two writes');
          const text = prop === 'batch' ? 'batch' : typeof args[0] === 'string' ? args[0] : String((args[0] as { sql: string }).sql);
          if (prop === 'batch' || !/^\s*(select|pragma)\b/i.test(text)) {
            if (seen.writes >= k) throw crash();
            seen.writes++;
          }
          return (Reflect.get(target, prop, receiver) as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return createDb(proxy);
}

describe('a crash between any two writes of every event, then a restart', () => {
  let env: Env;
  const now = new Date('2026-08-12T03:00:00Z');
  const periods = periodIdsFor(now);
  let ids: number[] = [];

  beforeAll(async () => {
    env = await openEnv();
    const rand = mulberry32(31);
    for (let i = 0; i < 8; i++) ids.push(await newBusiness(env, rand, i, now));
    for (const id of ids.slice(0, 6)) await submit(env, rand, id, now);
    await applyPlanAction(
      env.db,
      env.admin,
      (await businessById(env.db, ids[0]!))!,
      { intent: 'adopt', need: 'online_presence', platform: OTHER_PLATFORM },
      now,
    );
    for (let i = 0; i < 4; i++) await ocopEvent(env, rand, ids, now);
    expect((await ensureIndicatorsConsistent(env.db, () => {}, now)).consistent).toBe(true);
  }, 120_000);
  afterAll(() => closeEnv(env));

  /**
   * Runs `event` once to count its writes, then, from the same starting state each time, crashes it
   * before each of its writes, restarts (the start-up check) and compares everything with the oracle.
   * Returns how many crash points left damage the check had to repair.
   */
  async function crashEverywhere(label: string, event: (db: Db) => Promise<unknown>): Promise<{ writes: number; repaired: number }> {
    const snapshot = join(env.dir, `before-${label}.db`);
    await env.client.execute(`VACUUM INTO '${snapshot}'`);
    const probe = { writes: 0 };
    await event(dyingAfter(env.client, Number.MAX_SAFE_INTEGER, probe));
    let repaired = 0;
    for (let k = 0; k < probe.writes; k++) {
      await restoreSnapshot(env, snapshot);
      // The crash surfaces as the failed query that was running (drizzle wraps it; the cause says why).
      const error: unknown = await event(dyingAfter(env.client, k, { writes: 0 })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String((error as Error)?.message) + String((error as { cause?: Error })?.cause?.message)).toContain('simulated crash');
      // The restart: a new connection, and the start-up check before anyone reads a counter.
      await reopen(env);
      const logs: string[] = [];
      const report = await ensureIndicatorsConsistent(env.db, (l) => logs.push(l), now);
      if (report.rebuilt) {
        repaired++;
        expect(logs.join('\n')).toContain('rebuilding');
      }
      expect((await checkIndicators(env.db)).reasons, `${label}: crash before write ${k + 1} of ${probe.writes}`).toEqual([]);
      await expectCountersMatchOracle(env, periods, now, { categories: false });
      await expectKnownMatchesBusinesses(env);
    }
    await restoreSnapshot(env, snapshot);
    return { writes: probe.writes, repaired };
  }

  it('a registry import that moves assessed businesses into the registry: every crash point is repaired', async () => {
    const assessedOutside = (await env.db.select().from(businesses)).filter((b) => ids.slice(0, 6).includes(b.id) && !b.inRegistry);
    expect(assessedOutside.length).toBeGreaterThan(1);
    const rand = mulberry32(32);
    const text = await registryFile(env, rand, 1);
    const { writes, repaired } = await crashEverywhere('registry-import', (db) => importRegistry(env, text, now, db));
    // The rows, then one batch per assessed business joining the registry, then the audit entry.
    expect(writes).toBeGreaterThanOrEqual(assessedOutside.length + 2);
    // Between the rows and the last fact refresh the facts disagree with the registry: repaired at start.
    expect(repaired).toBeGreaterThanOrEqual(assessedOutside.length);
  }, 300_000);

  it('a helper or staff member moving a business or changing its profile: every crash point leaves consistent counters', async () => {
    const { writes } = await crashEverywhere('staff-change', (db) => staffChange(env, mulberry32(33), ids[1]!, now, db));
    expect(writes).toBeGreaterThanOrEqual(2);
    // A helper changes the profile of a business of their own commune (rand() = 0: the helper acts).
    const [local] = await env.db.select().from(businesses).where(eq(businesses.communeCode, env.communes[0]!)).limit(1);
    const localId =
      local?.id ?? (await env.db.update(businesses).set({ communeCode: env.communes[0]! }).where(eq(businesses.id, ids[4]!)), ids[4]!);
    const { writes: byHelper } = await crashEverywhere('helper-change', (db) => staffChange(env, () => 0, localId, now, db));
    expect(byHelper).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('an adoption mark and its withdrawal: every crash point leaves consistent counters', async () => {
    const biz = async () => (await businessById(env.db, ids[2]!))!;
    const { writes } = await crashEverywhere('mark', async (db) => {
      await applyPlanAction(db, env.admin, await biz(), { intent: 'adopt', need: 'accounting', platform: OTHER_PLATFORM }, now);
      await applyPlanAction(db, env.admin, await biz(), { intent: 'restore', need: 'accounting' }, now);
    });
    expect(writes).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('an erasure: every crash point leaves consistent counters', async () => {
    const { writes } = await crashEverywhere('erasure', (db) => eraseBusiness(db, ids[3]!, env.admin.id, now));
    expect(writes).toBeGreaterThanOrEqual(1);
  }, 300_000);
});

describe('denominators are read fresh, never from a cache', () => {
  it('a business another process registers counts in the very next question (no cached known-business count)', async () => {
    const env = await openEnv();
    try {
      const period = parsePeriod('2026')!;
      const rand = mulberry32(41);
      const now = new Date('2026-04-02T03:00:00Z');
      const id = await newBusiness(env, rand, 1, now);
      await submit(env, rand, id, now);
      const unit = (await businessById(env.db, id))!.communeCode;
      const ask = async () => {
        const province = await computeView(env.db, { period, provinceCode: PROVINCE });
        const commune = await computeView(env.db, { period, provinceCode: PROVINCE, communeCode: unit });
        const rows = await computeBreakdown(env.db, { period, provinceCode: PROVINCE }, 'commune');
        return [province.registered, commune.registered, rows.find((r) => r.key === unit)!.registered];
      };
      const before = await ask();
      // Another worker process registers two businesses in the same commune (plain SQL: nothing in this process hears of it).
      const other = openClient(env.url);
      for (const n of [1, 2])
        await other.execute({
          sql: "insert into businesses (name, name_search, producer_type, commune_code, created_at, updated_at) values (?, ?, 'household', ?, 0, 0)",
          args: [`Hộ mới ${n}`, `ho moi ${n}`, unit],
        });
      other.close();
      expect(await ask()).toEqual(before.map((n) => n + 2));
    } finally {
      closeEnv(env);
    }
  }, 120_000);
});
