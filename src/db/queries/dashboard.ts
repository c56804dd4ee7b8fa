import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '#src/db/client.ts';
import { COUNTER_KEYS, type CounterKey, type Counters } from '#src/domain/indicators/definitions.ts';
import {
  communes,
  communeCells,
  communeKnown,
  knownCells,
  formerWards,
  indicatorCells,
  indicatorFacts,
  ocopProducts,
  pillarCells,
  productListings,
  provinceCells,
  provinceKnownCells,
  provinceLevelCells,
  provincePillarCells,
} from '#src/db/schema/index.ts';

export type DashboardFilter = {
  periodId: string;
  provinceCode: string;
  communeCode?: string;
  sector?: string;
  sizeClass?: string;
  producerType?: string;
};

export type GroupBy = 'commune' | 'sector' | 'size' | 'producerType' | 'formerDistrict' | null;

export type CellCounters = { key: string } & Counters;

/** SUM() of every counter of a cell table (the definition table's COUNTER_KEYS), for a select list. */
export function counterSums(t: typeof indicatorCells | typeof provinceCells | typeof communeCells) {
  const s = (c: SQLiteColumn) => sql<number>`coalesce(sum(${c}), 0)`;
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, s(t[k])])) as Record<CounterKey, SQL<number>>;
}

/**
 * Rows of a select whose single column `r` is a json_array, fetched as ONE json text. libSQL's client
 * builds each row as an object with a property defined per column: the breakdown over 3 000 communes
 * (25 counters each) spent 60–200 ms of CPU decoding rows, one JSON text parses in a few ms. Only for
 * reads of thousands of rows.
 */
async function jsonRows(db: Db, rows: SQL): Promise<unknown[][]> {
  const [out] = await db.all<{ j: string | null }>(sql`select '[' || group_concat(r, ',') || ']' as j from (${rows})`);
  return JSON.parse(out?.j ?? '[]') as unknown[][];
}

/**
 * Counter sums per group as json_array elements: integers are exact in JSON; the real score sum
 * travels as quote()'s 17-digit text (JSON would keep only 15 digits).
 */
function counterSumsJson(t: typeof indicatorCells | typeof communeCells, summed = true): SQL {
  const v = (c: SQLiteColumn) => (summed ? sql`coalesce(sum(${c}), 0)` : sql`${c}`);
  return sql.join(
    COUNTER_KEYS.map((k) => (k === 'scoreSum' ? sql`quote(${v(t[k])})` : v(t[k]))),
    sql`, `,
  );
}

function counterRowsFromJson(rows: unknown[][]): CellCounters[] {
  return rows.map((r) => {
    const c = { key: String(r[0] ?? '') } as CellCounters;
    COUNTER_KEYS.forEach((k, i) => (c[k] = Number(r[i + 1])));
    return c;
  });
}

/** The province's communes (code → name) for the dashboard's names and filter, as one JSON text. */
export async function communeNamesOf(db: Db, provinceCode: string): Promise<{ code: string; name: string }[]> {
  const rows = await jsonRows(
    db,
    sql`select json_array(${communes.code}, ${communes.name}) as r from ${communes} where ${communes.provinceCode} = ${provinceCode}`,
  );
  return rows.map(([code, name]) => ({ code: String(code), name: String(name) }));
}

/** The sector, size and producer-type conditions of a filter, on any table keyed by those three. */
function categoryConditions(
  t: { sector: SQLiteColumn; sizeClass: SQLiteColumn; producerType: SQLiteColumn },
  f: Pick<DashboardFilter, 'sector' | 'sizeClass' | 'producerType'>,
): SQL[] {
  const out: SQL[] = [];
  if (f.sector) out.push(eq(t.sector, f.sector));
  if (f.sizeClass) out.push(eq(t.sizeClass, f.sizeClass));
  if (f.producerType) out.push(eq(t.producerType, f.producerType));
  return out;
}

function cellWhere(f: DashboardFilter): SQL {
  const parts: SQL[] = [eq(indicatorCells.periodId, f.periodId), eq(communes.provinceCode, f.provinceCode)];
  if (f.communeCode) parts.push(eq(indicatorCells.communeCode, f.communeCode));
  parts.push(...categoryConditions(indicatorCells, f));
  return and(...parts)!;
}

const groupColumn = (g: GroupBy) =>
  g === 'commune'
    ? indicatorCells.communeCode
    : g === 'sector'
      ? indicatorCells.sector
      : g === 'size'
        ? indicatorCells.sizeClass
        : g === 'producerType'
          ? indicatorCells.producerType
          : sql<string>`''`;

/** Summed counters for the filter, optionally one row per group. One indexed pass over the cells. */
export async function sumCells(db: Db, f: DashboardFilter, groupBy: GroupBy = null): Promise<CellCounters[]> {
  if (groupBy === 'formerDistrict') return sumCellsByFormerDistrict(db, f);
  // Province-wide views read the province cube: a few hundred rows however many communes there are.
  if (!f.communeCode && groupBy !== 'commune') return sumProvinceCells(db, f, groupBy);
  // Without a category filter, communes read their rollup: one row per commune instead of every category cell.
  if (!f.sector && !f.sizeClass && !f.producerType && (groupBy === 'commune' || groupBy === null)) return sumCommuneRollups(db, f, groupBy);
  const key = groupColumn(groupBy);
  if (groupBy === 'commune') {
    // A breakdown over every commune under a category filter: thousands of rows, read as one JSON text.
    const rows = await jsonRows(
      db,
      sql`select json_array(${key}, ${counterSumsJson(indicatorCells)}) as r from ${indicatorCells}
        inner join ${communes} on ${communes.code} = ${indicatorCells.communeCode} where ${cellWhere(f)} group by ${key}`,
    );
    return counterRowsFromJson(rows).filter((r) => r.n > 0);
  }
  const rows = await db
    .select({
      key: sql<string>`${key}`,
      ...counterSums(indicatorCells),
    })
    .from(indicatorCells)
    .innerJoin(communes, eq(communes.code, indicatorCells.communeCode))
    .where(cellWhere(f))
    .groupBy(key);
  return rows.map((r) => ({ ...r, key: String(r.key ?? '') })).filter((r) => r.n > 0 || groupBy === null);
}

async function sumCommuneRollups(db: Db, f: DashboardFilter, groupBy: 'commune' | null): Promise<CellCounters[]> {
  const parts: SQL[] = [eq(communeCells.periodId, f.periodId), eq(communes.provinceCode, f.provinceCode)];
  if (f.communeCode) parts.push(eq(communeCells.communeCode, f.communeCode));
  const key = groupBy === 'commune' ? communeCells.communeCode : sql<string>`''`;
  if (groupBy === 'commune') {
    // One row per commune (3 000 at the benchmark's scale; the rollup's key is period × commune, so
    // nothing to sum): read as one JSON text.
    const rows = await jsonRows(
      db,
      sql`select json_array(${key}, ${counterSumsJson(communeCells, false)}) as r from ${communeCells}
        inner join ${communes} on ${communes.code} = ${communeCells.communeCode} where ${and(...parts)}`,
    );
    return counterRowsFromJson(rows).filter((r) => r.n > 0);
  }
  const rows = await db
    .select({ key: sql<string>`${key}`, ...counterSums(communeCells) })
    .from(communeCells)
    .innerJoin(communes, eq(communes.code, communeCells.communeCode))
    .where(and(...parts))
    .groupBy(key);
  return rows.map((r) => ({ ...r, key: String(r.key ?? '') })).filter((r) => r.n > 0 || groupBy === null);
}

async function sumProvinceCells(db: Db, f: DashboardFilter, groupBy: GroupBy): Promise<CellCounters[]> {
  const parts: SQL[] = [eq(provinceCells.periodId, f.periodId), eq(provinceCells.provinceCode, f.provinceCode)];
  parts.push(...categoryConditions(provinceCells, f));
  const key =
    groupBy === 'sector'
      ? provinceCells.sector
      : groupBy === 'size'
        ? provinceCells.sizeClass
        : groupBy === 'producerType'
          ? provinceCells.producerType
          : sql<string>`''`;
  const rows = await db
    .select({
      key: sql<string>`${key}`,
      ...counterSums(provinceCells),
    })
    .from(provinceCells)
    .where(and(...parts))
    .groupBy(key);
  return rows.map((r) => ({ ...r, key: String(r.key ?? '') })).filter((r) => r.n > 0 || groupBy === null);
}

/**
 * Before the 2025 reform people thought in districts: group communes by the former district most of
 * their pre-reform wards belonged to.
 */
async function sumCellsByFormerDistrict(db: Db, f: DashboardFilter): Promise<CellCounters[]> {
  const perCommune = await sumCells(db, f, 'commune');
  const districts = await db
    .select({ code: formerWards.newCode, district: formerWards.oldDistrict, n: count() })
    .from(formerWards)
    .where(inArray(formerWards.newCode, perCommune.map((r) => r.key).length ? perCommune.map((r) => r.key) : ['']))
    .groupBy(formerWards.newCode, formerWards.oldDistrict);
  const main = new Map<string, { district: string; n: number }>();
  for (const d of districts) {
    const cur = main.get(d.code);
    if (!cur || d.n > cur.n || (d.n === cur.n && d.district < cur.district)) main.set(d.code, { district: d.district, n: d.n });
  }
  const out = new Map<string, CellCounters>();
  for (const r of perCommune) {
    const key = main.get(r.key)?.district ?? '';
    const acc = out.get(key);
    if (!acc) out.set(key, { ...r, key });
    else for (const k of Object.keys(r) as (keyof CellCounters)[]) if (k !== 'key') (acc[k] as number) += r[k] as number;
  }
  return [...out.values()];
}

export type Dimension = 'sector' | 'size' | 'producerType';

/** Counters per commune × category value for a period (the public grid); no commune filter. */
export async function sumCellGrid(db: Db, f: DashboardFilter, dim: Dimension | null) {
  const col =
    dim === 'sector'
      ? indicatorCells.sector
      : dim === 'size'
        ? indicatorCells.sizeClass
        : dim === 'producerType'
          ? indicatorCells.producerType
          : sql<string>`''`;
  const rows = await db
    .select({
      commune: indicatorCells.communeCode,
      key: sql<string>`${col}`,
      ...counterSums(indicatorCells),
    })
    .from(indicatorCells)
    .innerJoin(communes, eq(communes.code, indicatorCells.communeCode))
    .where(cellWhere({ ...f, communeCode: undefined }))
    .groupBy(indicatorCells.communeCode, col);
  return rows.map((r) => ({ ...r, key: String(r.key ?? '') }));
}

/** Known businesses per commune × category value (from the maintained `known_cells`). */
export async function registeredGrid(db: Db, provinceCode: string, dim: Dimension | null) {
  const col =
    dim === 'sector'
      ? knownCells.sector
      : dim === 'size'
        ? knownCells.sizeClass
        : dim === 'producerType'
          ? knownCells.producerType
          : sql<string>`''`;
  const rows = await db
    .select({ commune: knownCells.communeCode, key: sql<string>`${col}`, n: sql<number>`sum(${knownCells.n})` })
    .from(knownCells)
    .innerJoin(communes, eq(communes.code, knownCells.communeCode))
    .where(eq(communes.provinceCode, provinceCode))
    .groupBy(knownCells.communeCode, col);
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [`${r.commune}|${r.key}`, Number(r.n)]));
}

export async function pillarMeans(db: Db, f: DashboardFilter) {
  if (!f.communeCode) {
    const parts: SQL[] = [eq(provincePillarCells.periodId, f.periodId), eq(provincePillarCells.provinceCode, f.provinceCode)];
    parts.push(...categoryConditions(provincePillarCells, f));
    return db
      .select({
        frameworkId: provincePillarCells.frameworkId,
        pillarId: provincePillarCells.pillarId,
        n: sql<number>`sum(${provincePillarCells.n})`,
        sum: sql<number>`sum(${provincePillarCells.scoreSum})`,
      })
      .from(provincePillarCells)
      .where(and(...parts))
      .groupBy(provincePillarCells.frameworkId, provincePillarCells.pillarId);
  }
  const parts: SQL[] = [eq(pillarCells.periodId, f.periodId), eq(communes.provinceCode, f.provinceCode)];
  if (f.communeCode) parts.push(eq(pillarCells.communeCode, f.communeCode));
  parts.push(...categoryConditions(pillarCells, f));
  return db
    .select({
      frameworkId: pillarCells.frameworkId,
      pillarId: pillarCells.pillarId,
      n: sql<number>`sum(${pillarCells.n})`,
      sum: sql<number>`sum(${pillarCells.scoreSum})`,
    })
    .from(pillarCells)
    .innerJoin(communes, eq(communes.code, pillarCells.communeCode))
    .where(and(...parts))
    .groupBy(pillarCells.frameworkId, pillarCells.pillarId);
}

/**
 * Businesses known to the portal (registered or imported from the registry): the coverage
 * denominator, from the maintained counters, never the businesses table. A province view reads the
 * province rollup (a few hundred rows), a breakdown over every commune the commune rollup (one row
 * per commune), one commune its own cells (an index range); only a breakdown over communes with a
 * category filter sums the whole cube.
 */
export async function registeredCounts(
  db: Db,
  f: Omit<DashboardFilter, 'periodId' | 'producerType'> & { producerType?: string },
  groupBy: GroupBy = null,
) {
  const categoryFiltered = Boolean(f.sector || f.sizeClass || f.producerType);
  const toMap = (rows: { key: unknown; n: unknown }[]) =>
    new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [String(r.key ?? ''), Number(r.n)]));
  if (!f.communeCode && groupBy !== 'commune' && groupBy !== 'formerDistrict') {
    const t = provinceKnownCells;
    const parts: SQL[] = [eq(t.provinceCode, f.provinceCode)];
    parts.push(...categoryConditions(t, f));
    const key =
      groupBy === 'sector' ? t.sector : groupBy === 'size' ? t.sizeClass : groupBy === 'producerType' ? t.producerType : sql<string>`''`;
    return toMap(
      await db
        .select({ key: sql<string>`${key}`, n: sql<number>`sum(${t.n})` })
        .from(t)
        .where(and(...parts))
        .groupBy(key),
    );
  }
  if (!categoryFiltered && (groupBy === 'commune' || groupBy === null)) {
    const parts: SQL[] = [eq(communes.provinceCode, f.provinceCode)];
    if (f.communeCode) parts.push(eq(communeKnown.communeCode, f.communeCode));
    const key = groupBy === 'commune' ? communeKnown.communeCode : sql<string>`''`;
    if (groupBy === 'commune') {
      const rows = await jsonRows(
        db,
        sql`select json_array(${key}, ${communeKnown.n}) as r from ${communeKnown}
          inner join ${communes} on ${communes.code} = ${communeKnown.communeCode} where ${and(...parts)}`,
      );
      return toMap(rows.map(([key, n]) => ({ key, n })));
    }
    return toMap(
      await db
        .select({ key: sql<string>`${key}`, n: sql<number>`sum(${communeKnown.n})` })
        .from(communeKnown)
        .innerJoin(communes, eq(communes.code, communeKnown.communeCode))
        .where(and(...parts))
        .groupBy(key),
    );
  }
  const parts: SQL[] = [eq(communes.provinceCode, f.provinceCode)];
  if (f.communeCode) parts.push(eq(knownCells.communeCode, f.communeCode));
  parts.push(...categoryConditions(knownCells, f));
  const key =
    groupBy === 'commune'
      ? knownCells.communeCode
      : groupBy === 'sector'
        ? knownCells.sector
        : groupBy === 'size'
          ? knownCells.sizeClass
          : groupBy === 'producerType'
            ? knownCells.producerType
            : sql<string>`''`;
  return toMap(
    await db
      .select({ key: sql<string>`${key}`, n: sql<number>`sum(${knownCells.n})` })
      .from(knownCells)
      .innerJoin(communes, eq(communes.code, knownCells.communeCode))
      .where(and(...parts))
      .groupBy(key),
  );
}

/** OCOP products (3★+) and those listed on at least one floor now, per commune. */
export async function ocopCounts(db: Db, f: { provinceCode: string; communeCode?: string }) {
  const parts: SQL[] = [eq(communes.provinceCode, f.provinceCode), sql`${ocopProducts.stars} >= 3`];
  if (f.communeCode) parts.push(eq(ocopProducts.communeCode, f.communeCode));
  const listed = sql<number>`exists (
    select 1 from ${productListings} pl
    where pl.product_id = ${ocopProducts.id}
      and pl.id = (select max(id) from ${productListings} x where x.product_id = pl.product_id and x.floor_id = pl.floor_id)
      and pl.status = 'listed')`;
  const rows = await db
    .select({ key: ocopProducts.communeCode, n: count(), listed: sql<number>`sum(case when ${listed} then 1 else 0 end)` })
    .from(ocopProducts)
    .innerJoin(communes, eq(communes.code, ocopProducts.communeCode))
    .where(and(...parts))
    .groupBy(ocopProducts.communeCode);
  return rows.map((r) => ({ key: r.key, n: r.n, listed: Number(r.listed ?? 0) }));
}

/**
 * Businesses per framework and level in the filter: levels of different frameworks mean different things, so
 * the dashboard shows one distribution per framework (docs/frameworks.md). A province view reads the
 * maintained province level cells (a few hundred rows, never every fact of the period); a commune's
 * view groups its own facts, an index range of a few hundred rows.
 */
export async function levelsByFramework(db: Db, f: DashboardFilter): Promise<{ frameworkId: string; level: number; n: number }[]> {
  if (!f.communeCode) {
    const t = provinceLevelCells;
    const parts: SQL[] = [eq(t.periodId, f.periodId), eq(t.provinceCode, f.provinceCode)];
    parts.push(...categoryConditions(t, f));
    const rows = await db
      .select({ frameworkId: t.frameworkId, level: t.level, n: sql<number>`sum(${t.n})` })
      .from(t)
      .where(and(...parts))
      .groupBy(t.frameworkId, t.level)
      // Cells emptied by retakes and erasures stay behind at zero: no framework or level appears from them.
      .having(sql`sum(${t.n}) > 0`);
    return rows.map((r) => ({ frameworkId: r.frameworkId, level: Number(r.level), n: Number(r.n) }));
  }
  const parts: SQL[] = [eq(indicatorFacts.periodId, f.periodId), eq(communes.provinceCode, f.provinceCode)];
  if (f.communeCode) parts.push(eq(indicatorFacts.communeCode, f.communeCode));
  parts.push(...categoryConditions(indicatorFacts, f));
  const rows = await db
    .select({ frameworkId: indicatorFacts.frameworkId, level: indicatorFacts.level, n: count() })
    .from(indicatorFacts)
    .innerJoin(communes, eq(communes.code, indicatorFacts.communeCode))
    .where(and(...parts))
    .groupBy(indicatorFacts.frameworkId, indicatorFacts.level);
  return rows.map((r) => ({ frameworkId: r.frameworkId, level: Number(r.level), n: Number(r.n) }));
}

/**
 * Summed counters of the filter for several periods at once (the dashboard's quarter trend): one
 * grouped read of the maintained rollups, like `sumCells` for one period: the province cube for a
 * province-wide view, the commune rollup for one commune, the commune's category cells under a
 * category filter. A period without any cell is absent from the map.
 */
export async function sumCellsForPeriods(
  db: Db,
  f: Omit<DashboardFilter, 'periodId'>,
  periodIds: readonly string[],
): Promise<Map<string, Counters>> {
  if (periodIds.length === 0) return new Map();
  const toMap = (rows: ({ periodId: string } & Counters)[]) =>
    new Map(rows.map(({ periodId, ...c }) => [periodId, Object.fromEntries(COUNTER_KEYS.map((k) => [k, Number(c[k])])) as Counters]));
  const categoryFiltered = Boolean(f.sector || f.sizeClass || f.producerType);
  if (!f.communeCode) {
    const t = provinceCells;
    const parts: SQL[] = [inArray(t.periodId, [...periodIds]), eq(t.provinceCode, f.provinceCode)];
    parts.push(...categoryConditions(t, f));
    return toMap(
      await db
        .select({ periodId: t.periodId, ...counterSums(t) })
        .from(t)
        .where(and(...parts))
        .groupBy(t.periodId),
    );
  }
  if (!categoryFiltered) {
    const t = communeCells;
    return toMap(
      await db
        .select({ periodId: t.periodId, ...counterSums(t) })
        .from(t)
        .innerJoin(communes, eq(communes.code, t.communeCode))
        .where(and(inArray(t.periodId, [...periodIds]), eq(t.communeCode, f.communeCode), eq(communes.provinceCode, f.provinceCode)))
        .groupBy(t.periodId),
    );
  }
  const t = indicatorCells;
  const parts: SQL[] = [inArray(t.periodId, [...periodIds]), eq(t.communeCode, f.communeCode), eq(communes.provinceCode, f.provinceCode)];
  parts.push(...categoryConditions(t, f));
  return toMap(
    await db
      .select({ periodId: t.periodId, ...counterSums(t) })
      .from(t)
      .innerJoin(communes, eq(communes.code, t.communeCode))
      .where(and(...parts))
      .groupBy(t.periodId),
  );
}
