import { and, desc, eq, getTableColumns, sql, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '#src/db/client.ts';
import { communeByCode } from '#src/db/queries/accounts.ts';
import { preparedQuery } from '#src/db/prepared.ts';
import { addingUpsertText, bind, deleteWhereText, driverValue, insertText } from '#src/db/fixed-statements.ts';
import {
  assessments,
  businesses,
  communeCells,
  provinceCells,
  provincePillarCells,
  provinceLevelCells,
  indicatorCells,
  indicatorFacts,
  pillarCells,
  recommendationMarks,
  type Assessment,
  type IndicatorFact,
} from '#src/db/schema/index.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { factFlags } from '#src/domain/indicators/facts.ts';
import { COUNTER_KEYS, counterDelta } from '#src/domain/indicators/definitions.ts';
import { plannedNeeds } from '#src/domain/recommendations/engine.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { vietnamWallClock } from '#src/domain/time.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';
import { bumpAndReadStatements, learnVersions } from './changes.ts';

/** The quarter and year (Vietnam calendar, UTC+7) a moment belongs to: ["2026-Q3", "2026"]. */
export function periodIdsFor(at: Date): [string, string] {
  const local = vietnamWallClock(at);
  const year = local.getUTCFullYear();
  return [`${year}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`, String(year)];
}

export type NewFact = Omit<IndicatorFact, 'periodId'>;
export type Statement = BatchItem<'sqlite'>;

/**
 * A statement that fails (integer overflow), and so rolls back the whole batch, unless the
 * statement just before it changed exactly `expected` rows. libSQL runs a batch as one transaction
 * on one connection, so `changes()` is the count of the previous statement of the batch.
 */
export function expectChanges(db: Db, expected: number): Statement {
  return db.run(sql`select abs(-9223372036854775807 - 1 + (changes() = ${expected})) > 0`);
}

/** Whether a batch failed on one of our `expectChanges` guards (a concurrent writer got there first). */
export function isGuardFailure(e: unknown): boolean {
  const text = String((e as { message?: unknown })?.message ?? e) + String((e as { cause?: { message?: unknown } })?.cause?.message ?? '');
  return /integer overflow/i.test(text);
}

type CounterTable = { table: SQLiteTable; keys: Column[]; counters: Column[] };
const counterColumnsOf = (t: typeof indicatorCells | typeof provinceCells | typeof communeCells) => COUNTER_KEYS.map((k) => t[k]);
const ic = indicatorCells;
const pcs = provinceCells;
const COMMUNE: CounterTable = {
  table: communeCells,
  keys: [communeCells.periodId, communeCells.communeCode],
  counters: counterColumnsOf(communeCells),
};
const CELL: CounterTable = {
  table: ic,
  keys: [ic.periodId, ic.communeCode, ic.sector, ic.sizeClass, ic.producerType],
  counters: counterColumnsOf(ic),
};
const PROVINCE: CounterTable = {
  table: pcs,
  keys: [pcs.periodId, pcs.provinceCode, pcs.sector, pcs.sizeClass, pcs.producerType],
  counters: counterColumnsOf(pcs),
};
const plc = provinceLevelCells;
const PROVINCE_LEVEL: CounterTable = {
  table: plc,
  keys: [plc.periodId, plc.provinceCode, plc.sector, plc.sizeClass, plc.producerType, plc.frameworkId, plc.level],
  counters: [plc.n],
};
const ppc = provincePillarCells;
const PROVINCE_PILLAR: CounterTable = {
  table: ppc,
  keys: [ppc.periodId, ppc.provinceCode, ppc.sector, ppc.sizeClass, ppc.producerType, ppc.frameworkId, ppc.pillarId],
  counters: [ppc.n, ppc.scoreSum],
};
const pc = pillarCells;
const PILLAR: CounterTable = {
  table: pc,
  keys: [pc.periodId, pc.communeCode, pc.sector, pc.sizeClass, pc.producerType, pc.frameworkId, pc.pillarId],
  counters: [pc.n, pc.scoreSum],
};
/** Every counter table, in the order their upserts run. */
const COUNTER_TABLES = [COMMUNE, CELL, PROVINCE, PROVINCE_LEVEL, PROVINCE_PILLAR, PILLAR];
/** Rows per upsert statement (SQLite binds at most 32 766 values; a commune cell row takes 32). */
const ROWS_PER_UPSERT = 200;

/**
 * The counter changes of one batch: facts taken out (-1) and put in (1), summed per cell first, so a retake that
 * stays in the same cells writes each cell once with its net change, and a cell whose changes cancel out is not
 * written at all. Then one multi-row upsert per counter table.
 */
class CounterChanges {
  private readonly rows = new Map<CounterTable, Map<string, { key: unknown[]; delta: number[] }>>();

  private add(table: CounterTable, key: unknown[], delta: number[]): void {
    let cells = this.rows.get(table);
    if (!cells) this.rows.set(table, (cells = new Map()));
    const id = JSON.stringify(key);
    const cell = cells.get(id);
    if (!cell) cells.set(id, { key, delta: [...delta] });
    else for (let i = 0; i < delta.length; i++) cell.delta[i]! += delta[i]!;
  }

  /**
   * One fact's counters (commune cell and its rollup, province cell, the province's level cell of the fact's
   * framework, pillar cells), added (1) or taken out (-1).
   */
  fact(periodId: string, provinceCode: string, f: NewFact | IndicatorFact, sign: 1 | -1): void {
    const delta = counterDelta(f, sign);
    const counters = COUNTER_KEYS.map((k) => delta[k]);
    const kind = [f.sector, f.sizeClass, f.producerType];
    this.add(COMMUNE, [periodId, f.communeCode], counters);
    this.add(CELL, [periodId, f.communeCode, ...kind], counters);
    this.add(PROVINCE, [periodId, provinceCode, ...kind], counters);
    this.add(PROVINCE_LEVEL, [periodId, provinceCode, ...kind, f.frameworkId, f.level], [sign]);
    for (const pillar of f.pillars) {
      this.add(PROVINCE_PILLAR, [periodId, provinceCode, ...kind, f.frameworkId, pillar.id], [sign, sign * pillar.score]);
      this.add(PILLAR, [periodId, f.communeCode, ...kind, f.frameworkId, pillar.id], [sign, sign * pillar.score]);
    }
  }

  /** The upserts writing every net change (none for cells whose changes cancel out). */
  statements(db: Db): Statement[] {
    const out: Statement[] = [];
    for (const table of COUNTER_TABLES) {
      const changed = [...(this.rows.get(table)?.values() ?? [])].filter((r) => r.delta.some((d) => d !== 0));
      for (let i = 0; i < changed.length; i += ROWS_PER_UPSERT) {
        const rows = changed.slice(i, i + ROWS_PER_UPSERT);
        const text = addingUpsertText(table.table, table.keys, table.counters, rows.length);
        out.push(
          db.run(
            bind(
              text,
              rows.flatMap((r) => [...r.key, ...r.delta]),
            ),
          ),
        );
      }
    }
    return out;
  }
}

/** Derives a fact from a submitted assessment (pure apart from its inputs). */
export function buildFact(
  a: Assessment,
  business: { producerType: string; communeCode: string; inRegistry: boolean },
  adopted: string[],
  catalog: readonly Platform[],
  plannedBefore?: readonly string[],
): NewFact | null {
  const framework = getFramework(a.frameworkId, a.frameworkVersion);
  const { profile, result } = a;
  if (!framework || !profile || !result || !a.submittedAt) return null;
  const answers = a.answers;
  // What the plan recommended before any mark: the denominator of the recommendation-adoption indicator (the
  // same for every period of one assessment, so a caller building several may pass it).
  const planned: readonly string[] = plannedBefore ?? plannedNeeds({ framework, profile, answers, catalog });
  const flags = factFlags({ frameworkId: a.frameworkId, profile, answers, adopted });
  const bit = (b: boolean) => (b ? 1 : 0);
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
    pillars: result.pillars
      .filter((p) => (framework.pillars.find((x) => x.id === p.id)?.weight ?? 0) > 0)
      .map((p) => ({ id: p.id, score: p.score })),
    sme: bit(flags.sme),
    platform: bit(flags.platform),
    digital: bit(flags.digital),
    einvoice: bit(flags.einvoice),
    etax: bit(flags.etax),
    epayment: bit(flags.epayment),
    econtract: bit(flags.econtract),
    ecommerce: bit(flags.ecommerce),
    inRegistry: bit(business.inRegistry),
    recommended: planned.length,
    adoptedRecommended: adopted.filter((n) => planned.includes(n)).length,
  };
}

/** Bumped whenever counters change in this process, so cached public answers can tell they are stale. */
let version = 0;
export function factsVersion(): number {
  return version;
}
export function bumpFactsVersion(): void {
  version++;
}

export type MarkRow = { need: string; kind: string; id: number; createdAt: Date; withdrawnAt: Date | null };

/**
 * The needs marked adopted as of `asOf`: the latest mark per need among those made by then and not
 * withdrawn by then. A period's fact uses the marks as of the period's end (or now, for the
 * current period), so a mark made after a quarter closed never changes that quarter's numbers,
 * and a rebuild derives exactly what the incremental updates wrote.
 */
export function adoptedAsOf(marks: readonly MarkRow[], asOf: Date): string[] {
  const t = asOf.getTime();
  const latest = new Map<string, string>();
  for (const m of [...marks].sort((x, y) => x.id - y.id)) {
    if (m.createdAt.getTime() > t || (m.withdrawnAt !== null && m.withdrawnAt.getTime() <= t)) continue;
    latest.set(m.need, m.kind);
  }
  return [...latest].filter(([, k]) => k === 'adopted').map(([n]) => n);
}

const marksQuery = preparedQuery((db) =>
  db
    .select({
      need: recommendationMarks.need,
      kind: recommendationMarks.kind,
      id: recommendationMarks.id,
      createdAt: recommendationMarks.createdAt,
      withdrawnAt: recommendationMarks.withdrawnAt,
    })
    .from(recommendationMarks)
    .where(eq(recommendationMarks.businessId, sql.placeholder('businessId')))
    .prepare(),
);

export async function marksOfBusiness(db: Db, businessId: number): Promise<MarkRow[]> {
  return marksQuery(db).all({ businessId });
}

/** The instant a period's marks are read at: its end, or now while it is still open. */
export function marksInstant(periodId: string, now: Date): Date {
  const end = parsePeriod(periodId)!.to;
  return end.getTime() > now.getTime() ? now : new Date(end.getTime() - 1);
}

const fc = indicatorFacts;
/**
 * The stored fact, matched column by column: deleting it with this condition and checking one row
 * went proves nobody changed it since we read it (else our "old out" would take out the wrong
 * numbers and the counters would drift).
 */
const SAME_FACT = [
  fc.periodId,
  fc.businessId,
  fc.assessmentId,
  fc.submittedAt,
  fc.communeCode,
  fc.sector,
  fc.sizeClass,
  fc.producerType,
  fc.sme,
  fc.platform,
  fc.digital,
  fc.einvoice,
  fc.etax,
  fc.epayment,
  fc.econtract,
  fc.ecommerce,
  fc.inRegistry,
  fc.recommended,
  fc.adoptedRecommended,
  fc.level,
];
const DELETE_SAME_FACT = deleteWhereText(fc, SAME_FACT);
const FACT_COLUMNS = Object.entries(getTableColumns(fc)) as [keyof IndicatorFact, Column][];
const INSERT_FACT_COLUMNS = FACT_COLUMNS.map(([, column]) => column);
const INSERT_FACT = insertText(fc, INSERT_FACT_COLUMNS);
const factKey = new Map(FACT_COLUMNS.map(([key, column]) => [column, key]));

/** A fact's values for `columns`, as stored. */
function factValues(fact: IndicatorFact, columns: readonly Column[]): unknown[] {
  return columns.map((column) => {
    const value = fact[factKey.get(column)!];
    if (value === undefined) throw new Error(`indicator fact without ${column.name}`);
    return driverValue(column, value);
  });
}

async function provinceOf(db: Db, communeCode: string): Promise<string> {
  return (await communeByCode(db, communeCode))?.provinceCode ?? '';
}

const storedFact = preparedQuery((db) =>
  db
    .select()
    .from(indicatorFacts)
    .where(and(eq(indicatorFacts.periodId, sql.placeholder('periodId')), eq(indicatorFacts.businessId, sql.placeholder('businessId'))))
    .limit(1)
    .prepare(),
);

/** Statements replacing one stored fact (or none) by another (or none); its counter changes go to `cells`. */
async function replaceFactStatements(
  db: Db,
  periodId: string,
  businessId: number,
  fact: NewFact | null,
  cells: CounterChanges,
): Promise<Statement[]> {
  const old = await storedFact(db).get({ periodId, businessId });
  const out: Statement[] = [];
  if (old) {
    out.push(db.run(bind(DELETE_SAME_FACT, factValues(old, SAME_FACT))), expectChanges(db, 1));
    cells.fact(periodId, await provinceOf(db, old.communeCode), old, -1);
  }
  if (fact) {
    // A concurrent first insert for the same period and business fails on the primary key: the batch rolls back.
    const row = { periodId, ...fact };
    out.push(db.run(bind(INSERT_FACT, factValues(row, INSERT_FACT_COLUMNS))));
    cells.fact(periodId, await provinceOf(db, fact.communeCode), fact, 1);
  }
  return out;
}

const businessRow = preparedQuery((db) =>
  db
    .select()
    .from(businesses)
    .where(eq(businesses.id, sql.placeholder('id')))
    .limit(1)
    .prepare(),
);

/**
 * The statements that bring the business's contribution up to date for the periods of its newest
 * submitted assessment: to run in the SAME batch as the write that changes it (a submission, an
 * adoption mark), so a crash leaves either both or neither. `newest` and `adopted` describe the
 * state after that write when it is not in the database yet.
 */
export async function factRefreshStatements(
  db: Db,
  businessId: number,
  catalog: readonly Platform[],
  after: { newest?: Assessment; adopted?: (current: string[]) => string[]; now?: Date; onlyOpenPeriods?: boolean } = {},
): Promise<Statement[]> {
  const now = after.now ?? new Date();
  let newest = after.newest;
  if (!newest) {
    [newest] = await db
      .select()
      .from(assessments)
      .where(and(eq(assessments.businessId, businessId), eq(assessments.status, 'submitted')))
      .orderBy(desc(assessments.submittedAt), desc(assessments.id))
      .limit(1);
  }
  if (!newest?.submittedAt) return [];
  const biz = await businessRow(db).get({ id: businessId });
  if (!biz) return [];
  const marks = await marksOfBusiness(db, businessId);
  const out: Statement[] = [];
  const cells = new CounterChanges();
  const framework = getFramework(newest.frameworkId, newest.frameworkVersion);
  const planned =
    framework && newest.profile ? plannedNeeds({ framework, profile: newest.profile, answers: newest.answers, catalog }) : undefined;
  for (const periodId of periodIdsFor(newest.submittedAt)) {
    const asOf = marksInstant(periodId, now);
    // A mark belongs to the periods still open when it is made; closed periods keep their numbers.
    if (after.onlyOpenPeriods && asOf.getTime() !== now.getTime()) continue;
    const current = adoptedAsOf(marks, asOf);
    // The change being written in the same batch is not in the database yet: it happens at `now`.
    const adopted = after.adopted && asOf.getTime() === now.getTime() ? after.adopted(current) : current;
    const fact = buildFact(
      newest,
      { producerType: biz.producerType, communeCode: biz.communeCode, inRegistry: biz.inRegistry },
      adopted,
      catalog,
      planned,
    );
    if (!fact) continue;
    out.push(...(await replaceFactStatements(db, periodId, businessId, fact, cells)));
  }
  return [...out, ...cells.statements(db)];
}

/**
 * Runs `build()` (reads, then the statements of one atomic batch) and retries when a concurrent
 * writer changed the same fact in between (our guards roll the batch back). `build` must read the
 * state afresh each time.
 */
export async function batchWithFacts(db: Db, build: () => Promise<Statement[]>, attempts = 5): Promise<unknown[]> {
  for (let i = 1; ; i++) {
    const statements = await build();
    if (statements.length === 0) return [];
    try {
      // Public indicator answers in every worker depend on these counters: bumped in the same batch.
      const out = await db.batch([...statements, ...bumpAndReadStatements(db, 'indicators')] as unknown as [Statement, ...Statement[]]);
      version++;
      learnVersions(db, out.at(-1) as { scope: string; n: number }[]);
      return out.slice(0, statements.length);
    } catch (e) {
      if (i >= attempts || !isGuardFailure(e)) throw e;
    }
  }
}

/**
 * Brings the business's contribution up to date for the periods of its newest submitted assessment
 * (after a registry import, or a repair): old counters out, new ones in, atomically.
 */
export async function refreshBusinessFacts(db: Db, businessId: number, catalog: readonly Platform[]): Promise<void> {
  await batchWithFacts(db, () => factRefreshStatements(db, businessId, catalog));
}

/**
 * The registry flag is current data, not an answer: when an import first lists an assessed business,
 * every one of its facts (all periods) moves out of "not in the registry", counters with it.
 */
export async function registryFlagStatements(db: Db, businessId: number, inRegistry: boolean): Promise<Statement[]> {
  const facts = await db
    .select()
    .from(indicatorFacts)
    .where(and(eq(indicatorFacts.businessId, businessId), eq(indicatorFacts.inRegistry, inRegistry ? 0 : 1)));
  const out: Statement[] = [];
  const cells = new CounterChanges();
  for (const { periodId, ...f } of facts)
    out.push(...(await replaceFactStatements(db, periodId, businessId, { ...f, inRegistry: inRegistry ? 1 : 0 }, cells)));
  return [...out, ...cells.statements(db)];
}

/** Statements taking a business out of every counter (to run in the erasure's batch). */
export async function factRemovalStatements(db: Db, businessId: number): Promise<Statement[]> {
  const facts = await db
    .select({ periodId: indicatorFacts.periodId })
    .from(indicatorFacts)
    .where(eq(indicatorFacts.businessId, businessId));
  const out: Statement[] = [];
  const cells = new CounterChanges();
  for (const f of facts) out.push(...(await replaceFactStatements(db, f.periodId, businessId, null, cells)));
  return [...out, ...cells.statements(db)];
}

/** Takes a business out of every counter. */
export async function removeBusinessFacts(db: Db, businessId: number): Promise<void> {
  await batchWithFacts(db, () => factRemovalStatements(db, businessId));
}
