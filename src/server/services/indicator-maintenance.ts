/**
 * Keeping the counters true: a cheap start-up check (per period, the counters the stored facts
 * imply against the summed cells, plus a checksum of where they sit; and the facts against the
 * newest submitted assessments), and a rebuild that re-derives every fact from the assessments and
 * every counter from the facts in one atomic batch.
 *
 * Decisions a successor might otherwise undo:
 * - Submissions, adoption marks and erasure write their counter changes in the same batch as the
 *   change itself (services/facts.ts), so a crash cannot split them today. The check is for what
 *   that cannot cover: databases written by older versions, a definition change (the stored
 *   DEFINITIONS_VERSION differs), or anybody editing the tables by hand.
 * - The rebuild's batch starts with guards on snapshots of the inputs it read (assessments, marks,
 *   registry flags): a submission landing while it computes rolls the rebuild back and it starts
 *   again, so a rebuild never loses a concurrent submission.
 * - A period's fact uses the adoption marks as of the period's end (now, while it is open), the
 *   same rule as the incremental updates, so a rebuild reproduces them exactly.
 */
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  assessments,
  auditLog,
  businesses,
  communeCells,
  communeKnown,
  communes,
  indicatorCells,
  indicatorFacts,
  indicatorMeta,
  knownCells,
  pillarCells,
  provinceCells,
  provinceKnownCells,
  provinceLevelCells,
  provincePillarCells,
  recommendationMarks,
  type Assessment,
  type IndicatorFact,
} from '#src/db/schema/index.ts';
import { counterSums } from '#src/db/queries/dashboard.ts';
import { catalogSnapshot } from '#src/db/queries/platforms.ts';
import { COUNTER_KEYS, DEFINITIONS_VERSION, counterDelta, emptyCounters, type Counters } from '#src/domain/indicators/definitions.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import {
  adoptedAsOf,
  buildFact,
  bumpFactsVersion,
  isGuardFailure,
  marksInstant,
  periodIdsFor,
  type MarkRow,
  type NewFact,
  type Statement,
} from './facts.ts';
import { clearIndicatorCaches } from './indicators.ts';
import { requireRole, type Actor } from '#src/server/auth/guards.ts';
import { publicChanged } from './changes.ts';

const META_KEY = 'definitions_version';

export type CheckReport = { consistent: boolean; reasons: string[] };

/** A cell's place as one number, so counters moved to the wrong cell show up even when a period's totals agree. */
const communeWeight = (commune: SQL | string) => sql`(cast(${typeof commune === 'string' ? sql.raw(commune) : commune} as integer) % 9973)`;
const categoryWeight = (sector: string, size: string, type: string) =>
  sql`(unicode(${sql.raw(sector)} || '@') * 3 + length(${sql.raw(size)}) * 11 + length(${sql.raw(type)}) * 13)`;

/** Score sums are reals added in different orders: equal within rounding. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Submission instants are summed modulo a prime so a million of them stay exact in a JS number. */
const CHECKSUM_MOD = sql.raw('2147483647');

const levelKey = (frameworkId: string, level: number) => `${frameworkId}|${Number(level)}`;

/** Per period: the counters the stored facts imply (exactly the arithmetic of the submissions). */
type Implied = Counters & { placeSum: number; categorySum: number; pillarN: number; pillarScore: number; levels: Map<string, number> };
async function countersImpliedByFacts(db: Db): Promise<Map<string, Implied>> {
  const t = indicatorFacts;
  const rows = await db
    .select({
      periodId: t.periodId,
      frameworkId: t.frameworkId,
      level: t.level,
      inRegistry: t.inRegistry,
      sme: t.sme,
      platform: t.platform,
      digital: t.digital,
      einvoice: t.einvoice,
      etax: t.etax,
      epayment: t.epayment,
      econtract: t.econtract,
      ecommerce: t.ecommerce,
      count: sql<number>`count(*)`,
      score: sql<number>`sum(${t.score})`,
      recommended: sql<number>`sum(${t.recommended})`,
      adoptedRecommended: sql<number>`sum(${t.adoptedRecommended})`,
      placeSum: sql<number>`sum(${communeWeight('commune_code')})`,
      categorySum: sql<number>`sum(${categoryWeight('sector', 'size_class', 'producer_type')})`,
      pillarN: sql<number>`sum(json_array_length(${t.pillars}))`,
      pillarScore: sql<number>`sum((select coalesce(sum(json_extract(value, '$.score')), 0) from json_each(${t.pillars})))`,
    })
    .from(t)
    .groupBy(
      t.periodId,
      t.frameworkId,
      t.level,
      t.inRegistry,
      t.sme,
      t.platform,
      t.digital,
      t.einvoice,
      t.etax,
      t.epayment,
      t.econtract,
      t.ecommerce,
    );
  const out = new Map<string, Implied>();
  for (const r of rows) {
    const acc = out.get(r.periodId) ?? { ...emptyCounters(), placeSum: 0, categorySum: 0, pillarN: 0, pillarScore: 0, levels: new Map() };
    const d = counterDelta({ ...r, score: 0, recommended: 0, adoptedRecommended: 0 }, 1);
    for (const k of COUNTER_KEYS) acc[k] += d[k] * r.count;
    acc.scoreSum += Number(r.score);
    acc.recommended += Number(r.recommended);
    acc.adoptedRecommended += Number(r.adoptedRecommended);
    acc.placeSum += Number(r.placeSum);
    acc.categorySum += Number(r.categorySum);
    acc.pillarN += Number(r.pillarN);
    acc.pillarScore += Number(r.pillarScore);
    const level = levelKey(r.frameworkId, r.level);
    acc.levels.set(level, (acc.levels.get(level) ?? 0) + Number(r.count));
    out.set(r.periodId, acc);
  }
  return out;
}

/** Per period: count and checksum of the newest submitted assessment of each business. */
async function newestSubmissions(db: Db): Promise<Map<string, { n: number; sum: number }>> {
  const local = sql`${assessments.submittedAt} / 1000, 'unixepoch', '+7 hours'`;
  const rows = await db.all<{ period: string; n: number; s: number }>(sql`
    with sub as (
      select ${assessments.businessId} as b, ${assessments.submittedAt} as at, strftime('%Y', ${local}) as y,
             (cast(strftime('%m', ${local}) as integer) + 2) / 3 as q
      from ${assessments} where ${assessments.status} = 'submitted' and ${assessments.submittedAt} is not null
    )
    select y || '-Q' || q as period, count(*) as n, sum(m % ${CHECKSUM_MOD}) as s from (select y, q, b, max(at) as m from sub group by y, q, b) group by y, q
    union all
    select y as period, count(*) as n, sum(m % ${CHECKSUM_MOD}) as s from (select y, b, max(at) as m from sub group by y, b) group by y`);
  return new Map(rows.map((r) => [String(r.period), { n: Number(r.n), sum: Number(r.s) }]));
}

/** The cheap consistency check (a few aggregate scans): what differs, if anything. */
export async function checkIndicators(db: Db): Promise<CheckReport> {
  const reasons: string[] = [];
  const [meta] = await db.select().from(indicatorMeta).where(eq(indicatorMeta.key, META_KEY));
  const [facts, submissions, cells, provinces, pillarN, provincePillarN, factSums, communeRollup, levelCells] = await Promise.all([
    countersImpliedByFacts(db),
    newestSubmissions(db),
    db
      .select({
        periodId: indicatorCells.periodId,
        ...counterSums(indicatorCells),
        placeSum: sql<number>`sum(${indicatorCells.n} * ${communeWeight('commune_code')})`,
        categorySum: sql<number>`sum(${indicatorCells.n} * ${categoryWeight('sector', 'size_class', 'producer_type')})`,
      })
      .from(indicatorCells)
      .groupBy(indicatorCells.periodId),
    db
      .select({
        periodId: provinceCells.periodId,
        ...counterSums(provinceCells),
        categorySum: sql<number>`sum(${provinceCells.n} * ${categoryWeight('sector', 'size_class', 'producer_type')})`,
      })
      .from(provinceCells)
      .groupBy(provinceCells.periodId),
    db
      .select({ periodId: pillarCells.periodId, n: sql<number>`sum(${pillarCells.n})`, s: sql<number>`sum(${pillarCells.scoreSum})` })
      .from(pillarCells)
      .groupBy(pillarCells.periodId),
    db
      .select({
        periodId: provincePillarCells.periodId,
        n: sql<number>`sum(${provincePillarCells.n})`,
        s: sql<number>`sum(${provincePillarCells.scoreSum})`,
      })
      .from(provincePillarCells)
      .groupBy(provincePillarCells.periodId),
    db
      .select({
        periodId: indicatorFacts.periodId,
        n: sql<number>`count(*)`,
        s: sql<number>`sum(${indicatorFacts.submittedAt} % ${CHECKSUM_MOD})`,
      })
      .from(indicatorFacts)
      .groupBy(indicatorFacts.periodId),
    db
      .select({
        periodId: communeCells.periodId,
        ...counterSums(communeCells),
        placeSum: sql<number>`sum(${communeCells.n} * ${communeWeight('commune_code')})`,
      })
      .from(communeCells)
      .groupBy(communeCells.periodId),
    db
      .select({
        periodId: provinceLevelCells.periodId,
        frameworkId: provinceLevelCells.frameworkId,
        level: provinceLevelCells.level,
        n: sql<number>`sum(${provinceLevelCells.n})`,
        categorySum: sql<number>`sum(${provinceLevelCells.n} * ${categoryWeight('sector', 'size_class', 'producer_type')})`,
      })
      .from(provinceLevelCells)
      .groupBy(provinceLevelCells.periodId, provinceLevelCells.frameworkId, provinceLevelCells.level),
  ]);
  reasons.push(...(await checkKnownCells(db)));
  // The registry flag is current data copied into each fact: a registry import writes the flag first
  // and the facts after, in separate batches, so a crash in between leaves facts that disagree.
  const [flags] = await db.all<{ n: number }>(sql`select count(*) as n from ${indicatorFacts} f
    left join ${businesses} b on b.id = f.business_id where b.id is null or b.in_registry <> f.in_registry`);
  if (Number(flags?.n ?? 0) > 0) reasons.push(`${flags!.n} facts differ from their business's registry flag (or outlive it)`);
  if (meta?.value !== DEFINITIONS_VERSION) reasons.push(`definitions version ${meta?.value ?? 'none'} ≠ ${DEFINITIONS_VERSION}`);
  const periods = new Set([
    ...facts.keys(),
    ...submissions.keys(),
    ...cells.map((c) => c.periodId),
    ...provinces.map((c) => c.periodId),
    ...factSums.map((f) => f.periodId),
    ...levelCells.map((c) => c.periodId),
  ]);
  const levelsBy = new Map<string, { levels: Map<string, number>; categorySum: number }>();
  for (const c of levelCells) {
    const acc = levelsBy.get(c.periodId) ?? { levels: new Map(), categorySum: 0 };
    if (Number(c.n) !== 0) acc.levels.set(levelKey(c.frameworkId, c.level), Number(c.n));
    acc.categorySum += Number(c.categorySum);
    levelsBy.set(c.periodId, acc);
  }
  const byPeriod = <T extends { periodId: string }>(rows: T[]) => new Map(rows.map((r) => [r.periodId, r]));
  const cellBy = byPeriod(cells);
  const communeRollupBy = byPeriod(communeRollup);
  const provinceBy = byPeriod(provinces);
  const pillarBy = byPeriod(pillarN);
  const provincePillarBy = byPeriod(provincePillarN);
  const factSumBy = byPeriod(factSums);
  for (const p of [...periods].sort()) {
    const want = facts.get(p) ?? {
      ...emptyCounters(),
      placeSum: 0,
      categorySum: 0,
      pillarN: 0,
      pillarScore: 0,
      levels: new Map<string, number>(),
    };
    const sub = submissions.get(p) ?? { n: 0, sum: 0 };
    const fs = factSumBy.get(p);
    if (sub.n !== Number(fs?.n ?? 0) || sub.sum !== Number(fs?.s ?? 0))
      reasons.push(`${p}: facts differ from the newest submitted assessments`);
    for (const [name, got] of [
      ['commune cells', cellBy.get(p)],
      ['province cells', provinceBy.get(p)],
    ] as const) {
      // Counts are integers and compared exactly; only the score sums (reals) get a rounding margin.
      const bad = COUNTER_KEYS.filter((k) =>
        k === 'scoreSum' ? !close(Number(got?.[k] ?? 0), want[k]) : Number(got?.[k] ?? 0) !== want[k],
      );
      if (bad.length) reasons.push(`${p}: ${name} differ from the facts (${bad.join(', ')})`);
      if (Number(got?.categorySum ?? 0) !== want.categorySum) reasons.push(`${p}: ${name} hold counts in the wrong categories`);
    }
    if (Number(cellBy.get(p)?.placeSum ?? 0) !== want.placeSum) reasons.push(`${p}: commune cells hold counts in the wrong communes`);
    const rollup = communeRollupBy.get(p);
    const badRollup = COUNTER_KEYS.filter((k) =>
      k === 'scoreSum' ? !close(Number(rollup?.[k] ?? 0), want[k]) : Number(rollup?.[k] ?? 0) !== want[k],
    );
    if (badRollup.length) reasons.push(`${p}: commune rollups differ from the facts (${badRollup.join(', ')})`);
    if (Number(rollup?.placeSum ?? 0) !== want.placeSum) reasons.push(`${p}: commune rollups hold counts in the wrong communes`);
    if (Number(pillarBy.get(p)?.n ?? 0) !== want.pillarN || Number(provincePillarBy.get(p)?.n ?? 0) !== want.pillarN)
      reasons.push(`${p}: pillar cells differ from the facts`);
    // Score sums too: a retake in the same cells changes only them (its counts cancel out).
    else if (!close(Number(pillarBy.get(p)?.s ?? 0), want.pillarScore) || !close(Number(provincePillarBy.get(p)?.s ?? 0), want.pillarScore))
      reasons.push(`${p}: pillar score sums differ from the facts`);
    const levels = levelsBy.get(p) ?? { levels: new Map<string, number>(), categorySum: 0 };
    const sameLevels = levels.levels.size === want.levels.size && [...want.levels].every(([k, n]) => levels.levels.get(k) === n);
    if (!sameLevels) reasons.push(`${p}: level cells per framework differ from the facts`);
    else if (levels.categorySum !== want.categorySum) reasons.push(`${p}: level cells per framework hold counts in the wrong categories`);
  }
  return { consistent: reasons.length === 0, reasons };
}

/** The known-business counters (kept by triggers on `businesses`) against the businesses themselves. */
async function checkKnownCells(db: Db): Promise<string[]> {
  const place = (t: string) =>
    sql`sum(${communeWeight(`${t}.commune_code`)} * 7 + length(coalesce(${sql.raw(`${t}.sector`)}, '')) * 3 + length(coalesce(${sql.raw(`${t}.size_class`)}, '')) * 11 + length(${sql.raw(`${t}.producer_type`)}) * 13)`;
  const cat = (t: string) =>
    sql`length(coalesce(${sql.raw(`${t}.sector`)}, '')) * 3 + length(coalesce(${sql.raw(`${t}.size_class`)}, '')) * 11 + length(${sql.raw(`${t}.producer_type`)}) * 13`;
  const [row] = await db.all<{
    n: number;
    place: number;
    kn: number;
    kplace: number;
    triggers: number;
    provinceSum: number;
    pn: number;
    pplace: number;
    cn: number;
    cplace: number;
  }>(sql`select
    (select count(*) from businesses) as n,
    (select coalesce(${place('b')}, 0) from businesses b) as place,
    (select coalesce(sum(n), 0) from known_cells) as kn,
    (select coalesce(sum(k.n * (${communeWeight('k.commune_code')} * 7 + length(k.sector) * 3 + length(k.size_class) * 11 + length(k.producer_type) * 13)), 0) from known_cells k) as kplace,
    (select count(*) from sqlite_master where type = 'trigger' and name like 'businesses_known_%') as triggers,
    (select coalesce(sum(cast(coalesce(c.province_code, '0') as integer) * 17 + ${cat('b')}), 0) from businesses b left join communes c on c.code = b.commune_code) as provinceSum,
    (select coalesce(sum(n), 0) from province_known_cells) as pn,
    (select coalesce(sum(p.n * (cast(p.province_code as integer) * 17 + ${cat('p')})), 0) from province_known_cells p) as pplace,
    (select coalesce(sum(n), 0) from commune_known) as cn,
    (select coalesce(sum(k.n * ${communeWeight('k.commune_code')}), 0) from commune_known k) as cplace`);
  const out: string[] = [];
  // A migration that rebuilds the businesses table drops its triggers: say so loudly, the counts would freeze.
  if (Number(row!.triggers) !== 3)
    out.push(
      'the triggers keeping known_cells are missing (re-create them from the latest migration that defines businesses_known_insert)',
    );
  if (Number(row!.n) !== Number(row!.kn) || Number(row!.place) !== Number(row!.kplace))
    out.push('known businesses differ from the businesses table');
  if (Number(row!.n) !== Number(row!.pn) || Number(row!.provinceSum) !== Number(row!.pplace))
    out.push('province rollups of known businesses differ from the businesses table');
  const communeSum = await db.all<{ s: number }>(sql`select coalesce(sum(${communeWeight('commune_code')}), 0) as s from businesses`);
  if (Number(row!.n) !== Number(row!.cn) || Number(communeSum[0]!.s) !== Number(row!.cplace))
    out.push('commune rollups of known businesses differ from the businesses table');
  return out;
}

/** Snapshot of the rebuild's inputs, as a SQL expression and its value now. */
const INPUTS = sql`(select
    (select count(*) || ':' || coalesce(sum(${assessments.submittedAt}), 0) || ':' || coalesce(max(${assessments.id}), 0) from ${assessments} where ${assessments.status} = 'submitted')
    || '|' || (select count(*) || ':' || coalesce(max(${recommendationMarks.id}), 0) || ':' || count(${recommendationMarks.withdrawnAt}) from ${recommendationMarks})
    || '|' || (select count(*) || ':' || coalesce(sum(${businesses.inRegistry}), 0) || ':' || coalesce(max(${businesses.id}), 0) from ${businesses}))`;

function addCell<K extends string>(map: Map<string, Record<string, number | string>>, key: string, base: Record<K, string>, d: Counters) {
  const c = map.get(key) ?? { ...base, ...emptyCounters() };
  for (const k of COUNTER_KEYS) c[k] = (c[k] as number) + d[k];
  map.set(key, c);
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Re-derives every fact from the submitted assessments (newest per business and period, with the
 * business's current marks and registry flag) and every counter from those facts, in one atomic
 * batch guarded against concurrent changes. Returns how many facts it wrote.
 */
export async function rebuildIndicators(db: Db, now = new Date(), attempts = 5): Promise<{ facts: number }> {
  for (let attempt = 1; ; attempt++) {
    const [snapshot] = await db.all<{ v: string }>(sql`select ${INPUTS} as v`);
    const [subs, bizRows, marks, places, catalog] = await Promise.all([
      db
        .select()
        .from(assessments)
        .where(and(eq(assessments.status, 'submitted'), isNotNull(assessments.submittedAt))),
      db
        .select({
          id: businesses.id,
          producerType: businesses.producerType,
          communeCode: businesses.communeCode,
          inRegistry: businesses.inRegistry,
        })
        .from(businesses),
      db
        .select({
          businessId: recommendationMarks.businessId,
          need: recommendationMarks.need,
          kind: recommendationMarks.kind,
          id: recommendationMarks.id,
          createdAt: recommendationMarks.createdAt,
          withdrawnAt: recommendationMarks.withdrawnAt,
        })
        .from(recommendationMarks),
      db.select({ code: communes.code, provinceCode: communes.provinceCode }).from(communes),
      catalogSnapshot(db),
    ]);
    const provinceOf = new Map(places.map((c) => [c.code, c.provinceCode]));
    const bizBy = new Map(bizRows.map((b) => [b.id, b]));
    const marksOf = new Map<number, MarkRow[]>();
    for (const m of marks) marksOf.set(m.businessId, [...(marksOf.get(m.businessId) ?? []), m]);
    const newest = new Map<string, Assessment>();
    for (const a of subs) {
      for (const periodId of periodIdsFor(a.submittedAt!)) {
        const key = `${periodId}|${a.businessId}`;
        const cur = newest.get(key);
        if (
          !cur ||
          cur.submittedAt!.getTime() < a.submittedAt!.getTime() ||
          (cur.submittedAt!.getTime() === a.submittedAt!.getTime() && cur.id < a.id)
        )
          newest.set(key, a);
      }
    }
    const facts: IndicatorFact[] = [];
    for (const [key, a] of newest) {
      const biz = bizBy.get(a.businessId);
      if (!biz) continue;
      const periodId = key.slice(0, key.indexOf('|'));
      const adopted = adoptedAsOf(marksOf.get(a.businessId) ?? [], marksInstant(periodId, now));
      const fact: NewFact | null = buildFact(a, biz, adopted, catalog);
      if (fact) facts.push({ periodId, ...fact });
    }
    const statements = [
      db.run(sql`select abs(-9223372036854775807 - 1 + (${INPUTS} = ${snapshot?.v ?? ''})) > 0`),
      db.delete(indicatorFacts),
      db.delete(indicatorCells),
      db.delete(provinceCells),
      db.delete(pillarCells),
      db.delete(provincePillarCells),
      db.delete(communeCells),
      db.delete(provinceLevelCells),
      db.delete(knownCells),
      db.delete(provinceKnownCells),
      db.delete(communeKnown),
      db.run(sql`insert into ${knownCells} (commune_code, sector, size_class, producer_type, n)
        select commune_code, coalesce(sector, ''), coalesce(size_class, ''), producer_type, count(*) from ${businesses} group by 1, 2, 3, 4`),
      db.run(sql`insert into ${provinceKnownCells} (province_code, sector, size_class, producer_type, n)
        select coalesce(c.province_code, ''), coalesce(b.sector, ''), coalesce(b.size_class, ''), b.producer_type, count(*)
        from ${businesses} b left join ${communes} c on c.code = b.commune_code group by 1, 2, 3, 4`),
      db.run(sql`insert into ${communeKnown} (commune_code, n) select commune_code, count(*) from ${businesses} group by 1`),
      ...chunks(facts, 200).map((rows) => db.insert(indicatorFacts).values(rows)),
      ...counterInserts(db, facts, provinceOf),
      db
        .insert(indicatorMeta)
        .values({ key: META_KEY, value: DEFINITIONS_VERSION })
        .onConflictDoUpdate({ target: indicatorMeta.key, set: { value: DEFINITIONS_VERSION } }),
    ] as Statement[];
    try {
      await db.batch(statements as [Statement, ...Statement[]]);
      bumpFactsVersion();
      clearIndicatorCaches();
      await publicChanged(db, 'indicators');
      return { facts: facts.length };
    } catch (e) {
      if (attempt >= attempts || !isGuardFailure(e)) throw e;
    }
  }
}

/** Inserts of every cell table, summed from facts with the definition table's arithmetic. */
function counterInserts(db: Db, facts: readonly IndicatorFact[], provinceOf: Map<string, string>): Statement[] {
  const cells = new Map<string, Record<string, number | string>>();
  const ccells = new Map<string, Record<string, number | string>>();
  const pcells = new Map<string, Record<string, number | string>>();
  const pillars = new Map<string, Record<string, number | string>>();
  const ppillars = new Map<string, Record<string, number | string>>();
  const levels = new Map<string, Record<string, number | string>>();
  for (const f of facts) {
    const d = counterDelta(f, 1);
    const provinceCode = provinceOf.get(f.communeCode) ?? '';
    const cat = { sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType };
    addCell(cells, JSON.stringify([f.periodId, f.communeCode, cat]), { periodId: f.periodId, communeCode: f.communeCode, ...cat }, d);
    addCell(ccells, JSON.stringify([f.periodId, f.communeCode]), { periodId: f.periodId, communeCode: f.communeCode }, d);
    addCell(pcells, JSON.stringify([f.periodId, provinceCode, cat]), { periodId: f.periodId, provinceCode, ...cat }, d);
    const levelCell = JSON.stringify([f.periodId, provinceCode, cat, f.frameworkId, f.level]);
    const level = levels.get(levelCell) ?? { periodId: f.periodId, provinceCode, ...cat, frameworkId: f.frameworkId, level: f.level, n: 0 };
    level.n = (level.n as number) + 1;
    levels.set(levelCell, level);
    for (const p of f.pillars) {
      for (const [map, key, base] of [
        [
          pillars,
          JSON.stringify([f.periodId, f.communeCode, cat, f.frameworkId, p.id]),
          { periodId: f.periodId, communeCode: f.communeCode },
        ],
        [ppillars, JSON.stringify([f.periodId, provinceCode, cat, f.frameworkId, p.id]), { periodId: f.periodId, provinceCode }],
      ] as const) {
        const r = map.get(key) ?? { ...base, ...cat, frameworkId: f.frameworkId, pillarId: p.id, n: 0, scoreSum: 0 };
        r.n = (r.n as number) + 1;
        r.scoreSum = (r.scoreSum as number) + p.score;
        map.set(key, r);
      }
    }
  }
  return [
    ...chunks([...cells.values()], 200).map((rows) => db.insert(indicatorCells).values(rows as never)),
    ...chunks([...ccells.values()], 200).map((rows) => db.insert(communeCells).values(rows as never)),
    ...chunks([...pcells.values()], 200).map((rows) => db.insert(provinceCells).values(rows as never)),
    ...chunks([...pillars.values()], 500).map((rows) => db.insert(pillarCells).values(rows as never)),
    ...chunks([...ppillars.values()], 500).map((rows) => db.insert(provincePillarCells).values(rows as never)),
    ...chunks([...levels.values()], 500).map((rows) => db.insert(provinceLevelCells).values(rows as never)),
  ] as Statement[];
}

/**
 * The start-up check: rebuilds when the counters, the facts or the definitions version disagree,
 * and says so through `log`. Returns the check's report (before any rebuild).
 */
export async function ensureIndicatorsConsistent(
  db: Db,
  log: (line: string) => void = console.log,
  now = new Date(),
): Promise<CheckReport & { rebuilt: boolean }> {
  const report = await checkIndicators(db);
  if (report.consistent) return { ...report, rebuilt: false };
  log(
    `Indicator counters out of step (${report.reasons.slice(0, 5).join('; ')}${report.reasons.length > 5 ? '; …' : ''}): rebuilding from the assessments.`,
  );
  const { facts } = await rebuildIndicators(db, now);
  log(`Indicator counters rebuilt from ${facts} facts.`);
  return { ...report, rebuilt: true };
}

/** The administrator's rebuild button (audited). */
export async function rebuildIndicatorsAsAdmin(db: Db, actor: Actor | null, now: Date): Promise<{ facts: number; reasons: string[] }> {
  const admin = requireRole(actor, 'admin');
  const before = await checkIndicators(db);
  const { facts } = await rebuildIndicators(db, now);
  await db.insert(auditLog).values(
    auditValues(
      {
        actorUserId: admin.id,
        action: 'indicators_rebuild',
        entity: 'indicators',
        detail: { facts, reasons: before.reasons.slice(0, 20) },
      },
      now,
    ),
  );
  return { facts, reasons: before.reasons };
}
