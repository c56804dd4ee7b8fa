/**
 * Batch snapshots of the open data (docs/decisions/002-public-suppression.md). The public answer for
 * a year and its quarters comes from a stored snapshot of the counters and of the suppression pattern
 * computed over the whole cube (src/domain/indicators/disclosure.ts). A new snapshot is taken only
 * when the batch rule says so (the first time, at each quarter's close, after a definitions change,
 * and while the year is open once at least 5 businesses submitted since the last one), so one
 * submission cannot be isolated by asking before and after it.
 *
 * Crash-safe and shared by every process: the counters are read in one batch (one consistent read),
 * and the snapshot is written by one conditional INSERT that re-checks the rule inside the write, so
 * two processes cannot store two snapshots a single change apart. Only the newest snapshot of a year
 * is kept; a quarter that had closed before it was taken is copied from the previous one, numbers and
 * pattern, so a closed quarter publishes the same cells for the rest of the year.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '#src/db/client.ts';
import { communes, indicatorCells, knownCells, pillarCells, provinceCells, publicSnapshots } from '#src/db/schema/index.ts';
import { COUNTER_KEYS, DEFINITIONS_VERSION, emptyCounters, type Counters } from '#src/domain/indicators/definitions.ts';
import { levelDistribution } from '#src/domain/indicators/dashboard.ts';
import { makePeriod, type Period } from '#src/domain/indicators/periods.ts';
import { bumpFactsVersion } from './facts.ts';
import { publicChanged } from './changes.ts';
import {
  BATCH_SIZE,
  Cube,
  DIMENSIONS,
  cubeMeasures,
  YEAR_SLOT,
  frozenSlots,
  fromHex,
  lastClosedBoundary,
  snapshotDue,
  suppressCube,
  toHex,
  type CubeShape,
  type Dimension,
  type Measure,
} from '#src/domain/indicators/disclosure.ts';

/** Changes when the meaning of the counters or of the disclosure rules changes: an older snapshot is retaken. */
export const SNAPSHOT_VERSION = `${DEFINITIONS_VERSION}|disclosure-1`;
const VALUES = [...COUNTER_KEYS, 'registered'] as const;

type Stored = {
  shape: CubeShape;
  /** [cube index, ...VALUES] for every non-empty cell. */
  cells: number[][];
  /** [cube index, framework, pillar, n, score sum]. */
  pillars: (string | number)[][];
  /** Hidden cells per measure, as hex bit sets over the cube. */
  hidden: Record<string, string>;
};

export type PublicModel = {
  /** null: nothing stored (a year with no data). */
  id: number | null;
  takenAt: Date | null;
  /** Businesses assessed in the province in the year (province counters) when the snapshot was taken. */
  assessed: number;
  cube: Cube;
  values: Map<string, Float64Array>;
  pillars: Map<string, { framework: string; pillar: string; n: Float64Array; sum: Float64Array }>;
  hidden: Map<string, Uint8Array>;
};

function yearPeriods(year: number): Period[] {
  return [makePeriod(year, 1), makePeriod(year, 2), makePeriod(year, 3), makePeriod(year, 4), makePeriod(year, null)];
}

const colOf: Record<Dimension, 'sector' | 'sizeClass' | 'producerType'> = {
  sector: 'sector',
  size: 'sizeClass',
  producerType: 'producerType',
};

/** The cells a counter row of (slot, commune, sector, size, type) adds to: its commune and the province, each with no category and with each of its values. */
function targets(cube: Cube, slot: number, commune: string, row: Record<string, unknown>): number[] {
  const r = cube.row(commune);
  const cols = [0, ...DIMENSIONS.map((d) => cube.col(d, String(row[colOf[d]] ?? '')))];
  const out: number[] = [];
  for (const rr of r > 0 ? [0, r] : [0]) for (const c of cols) out.push(cube.at(slot, rr, c));
  return out;
}

/** Measures of the cube: every indicator, the level distribution, the pillar means of each framework. */
function measuresOf(model: Omit<PublicModel, 'hidden' | 'id' | 'takenAt' | 'assessed'>): Measure[] {
  const { cube, values } = model;
  const size = cube.size;
  const measures = cubeMeasures((k) => values.get(k)!, size);
  const frameworks = new Map<string, Float64Array>();
  for (const p of model.pillars.values()) {
    const b = frameworks.get(p.framework) ?? new Float64Array(size);
    for (let i = 0; i < size; i++) b[i] = Math.max(b[i]!, p.n[i]!);
    frameworks.set(p.framework, b);
  }
  for (const [fw, b] of frameworks) measures.push({ id: `pillars:${fw}`, businesses: b });
  return measures;
}

export function countersAt(model: Pick<PublicModel, 'values'>, i: number): Counters {
  const c = emptyCounters();
  for (const k of COUNTER_KEYS) c[k] = model.values.get(k)![i]!;
  return c;
}

function decode(stored: Stored, id: number | null, takenAt: Date | null, assessed = 0): PublicModel {
  const cube = new Cube(stored.shape);
  const values = new Map(VALUES.map((k) => [k, new Float64Array(cube.size)] as const));
  for (const row of stored.cells) VALUES.forEach((k, j) => (values.get(k)![row[0]!] = row[j + 1]!));
  const pillars: PublicModel['pillars'] = new Map();
  for (const [i, fw, pillar, n, sum] of stored.pillars) {
    const key = `${fw}\u0000${pillar}`;
    let p = pillars.get(key);
    if (!p)
      pillars.set(
        key,
        (p = { framework: String(fw), pillar: String(pillar), n: new Float64Array(cube.size), sum: new Float64Array(cube.size) }),
      );
    p.n[Number(i)] = Number(n);
    p.sum[Number(i)] = Number(sum);
  }
  const hidden = new Map(Object.entries(stored.hidden).map(([k, hex]) => [k, fromHex(hex, cube.size)]));
  return { id, takenAt, assessed, cube, values, pillars, hidden };
}

/** Reads the live counters of a year (one consistent read) and builds the stored form, copying frozen quarters from `previous`. */
async function build(
  db: Db,
  provinceCode: string,
  year: number,
  previous: PublicModel | null,
): Promise<{ stored: Stored; empty: boolean; assessed: number }> {
  const periods = yearPeriods(year);
  const slotOf = new Map(periods.map((p, i) => [p.id, i]));
  const ids = periods.map((p) => p.id);
  const counterCols = Object.fromEntries(COUNTER_KEYS.map((k) => [k, indicatorCells[k]]));
  const [communeRows, cellRows, pillarRows, knownRows, [assessedRow]] = await db.batch([
    db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode)),
    db
      .select({
        periodId: indicatorCells.periodId,
        commune: indicatorCells.communeCode,
        sector: indicatorCells.sector,
        sizeClass: indicatorCells.sizeClass,
        producerType: indicatorCells.producerType,
        ...counterCols,
      })
      .from(indicatorCells)
      .innerJoin(communes, eq(communes.code, indicatorCells.communeCode))
      .where(and(eq(communes.provinceCode, provinceCode), inArray(indicatorCells.periodId, ids))),
    db
      .select({
        periodId: pillarCells.periodId,
        commune: pillarCells.communeCode,
        sector: pillarCells.sector,
        sizeClass: pillarCells.sizeClass,
        producerType: pillarCells.producerType,
        framework: pillarCells.frameworkId,
        pillar: pillarCells.pillarId,
        n: pillarCells.n,
        sum: pillarCells.scoreSum,
      })
      .from(pillarCells)
      .innerJoin(communes, eq(communes.code, pillarCells.communeCode))
      .where(and(eq(communes.provinceCode, provinceCode), inArray(pillarCells.periodId, ids))),
    db
      .select({
        commune: knownCells.communeCode,
        sector: knownCells.sector,
        sizeClass: knownCells.sizeClass,
        producerType: knownCells.producerType,
        n: knownCells.n,
      })
      .from(knownCells)
      .innerJoin(communes, eq(communes.code, knownCells.communeCode))
      .where(eq(communes.provinceCode, provinceCode)),
    assessedQuery(db, provinceCode, year),
  ]);
  const assessed = Number(assessedRow?.n ?? 0);
  const boundaries = periods.slice(0, 4).map((p) => p.to);
  // A bulk change (5 or more businesses added or removed: erasures, the demo removal) recomputes every quarter.
  const frozen =
    previous?.takenAt && Math.abs(assessed - previous.assessed) < BATCH_SIZE
      ? frozenSlots(previous.takenAt, boundaries)
      : [false, false, false, false, false];
  const live = (periodId: string) => !frozen[slotOf.get(periodId)!];
  const cells = cellRows.filter((r) => live(r.periodId));
  const pills = pillarRows.filter((r) => live(r.periodId));

  // The cube's columns: every category value met in the data (and in the frozen quarters), '' (unknown) included.
  const values: Record<Dimension, Set<string>> = { sector: new Set(), size: new Set(), producerType: new Set() };
  for (const r of [...cells, ...pills, ...knownRows]) for (const d of DIMENSIONS) values[d].add(String(r[colOf[d]] ?? ''));
  if (previous) for (const d of DIMENSIONS) for (const v of previous.cube.shape.values[d]) values[d].add(v);
  const shape: CubeShape = {
    communes: communeRows.map((c) => c.code).sort(),
    values: Object.fromEntries(DIMENSIONS.map((d) => [d, [...values[d]].sort()])) as Record<Dimension, string[]>,
  };
  const cube = new Cube(shape);
  const model: Omit<PublicModel, 'id' | 'takenAt' | 'hidden' | 'assessed'> = {
    cube,
    values: new Map(VALUES.map((k) => [k, new Float64Array(cube.size)] as const)),
    pillars: new Map(),
  };
  for (const r of cells) {
    const row = r as unknown as Record<string, number>;
    for (const i of targets(cube, slotOf.get(r.periodId)!, r.commune, r))
      for (const k of COUNTER_KEYS) model.values.get(k)![i]! += Number(row[k]);
  }
  for (const r of knownRows)
    for (let s = 0; s < 5; s++)
      if (!frozen[s]) for (const i of targets(cube, s, r.commune, r)) model.values.get('registered')![i]! += Number(r.n);
  const pillarAt = (framework: string, pillar: string) => {
    const key = `${framework}\u0000${pillar}`;
    let p = model.pillars.get(key);
    if (!p) model.pillars.set(key, (p = { framework, pillar, n: new Float64Array(cube.size), sum: new Float64Array(cube.size) }));
    return p;
  };
  for (const r of pills) {
    const p = pillarAt(r.framework, r.pillar);
    for (const i of targets(cube, slotOf.get(r.periodId)!, r.commune, r)) {
      p.n[i]! += Number(r.n);
      p.sum[i]! += Number(r.sum);
    }
  }

  // Frozen quarters: the previous snapshot's numbers, cell by cell (its cube may have fewer columns).
  const prevIndex = (i: number): number => {
    const [s, r, c] = cube.coords(i);
    const pr = previous!.cube.row(r === 0 ? null : shape.communes[r - 1]!);
    const col = cube.columns[c]!;
    const pc = previous!.cube.col(col.dim, col.value);
    return pr < 0 || pc < 0 ? -1 : previous!.cube.at(s, pr, pc);
  };
  const frozenMap = new Int32Array(cube.size).fill(-1);
  if (previous && frozen.some(Boolean)) {
    for (let i = 0; i < cube.size; i++) {
      if (!frozen[cube.coords(i)[0]]) continue;
      const j = prevIndex(i);
      frozenMap[i] = j;
      if (j < 0) continue;
      for (const k of VALUES) model.values.get(k)![i] = previous.values.get(k)![j]!;
      for (const p of previous.pillars.values()) {
        if (!p.n[j]) continue;
        const q = pillarAt(p.framework, p.pillar);
        q.n[i] = p.n[j]!;
        q.sum[i] = p.sum[j]!;
      }
    }
  }

  const measures = measuresOf(model);
  const pattern = suppressCube(
    cube,
    measures,
    previous && frozen.some(Boolean)
      ? {
          slots: frozen,
          previous: (id, i) => {
            const j = frozenMap[i]!;
            const h = previous.hidden.get(id);
            return j < 0 || !h ? null : h[j] === 1;
          },
        }
      : undefined,
  );
  const stored: Stored = { shape, cells: [], pillars: [], hidden: {} };
  for (let i = 0; i < cube.size; i++) {
    const row = VALUES.map((k) => model.values.get(k)![i]!);
    if (row.some((x) => x !== 0)) stored.cells.push([i, ...row]);
  }
  for (const p of model.pillars.values())
    for (let i = 0; i < cube.size; i++) if (p.n[i]) stored.pillars.push([i, p.framework, p.pillar, p.n[i]!, p.sum[i]!]);
  for (const [id, h] of pattern.hidden) stored.hidden[id] = toHex(h);
  return { stored, empty: stored.cells.length === 0, assessed };
}

/** Businesses of the province that submitted an assessment since `since` and before the end of the year (at most BATCH_SIZE counted). */
function changedSql(provinceCode: string, since: ReturnType<typeof sql>, yearEnd: number) {
  return sql`(SELECT count(*) FROM (
      SELECT DISTINCT a.business_id FROM assessments a
        JOIN businesses b ON b.id = a.business_id
        JOIN communes c ON c.code = b.commune_code
       WHERE a.submitted_at > ${since} AND a.submitted_at < ${yearEnd} AND c.province_code = ${provinceCode}
       LIMIT ${BATCH_SIZE}))`;
}

type Meta = { id: number; takenAt: Date; version: string; assessed: number };

/** Businesses assessed in the province in the year, from the province counters (a few hundred rows). */
function assessedQuery(db: Db, provinceCode: string, year: number) {
  return db
    .select({ n: sql<number>`coalesce(sum(${provinceCells.n}), 0)` })
    .from(provinceCells)
    .where(and(eq(provinceCells.periodId, String(year)), eq(provinceCells.provinceCode, provinceCode)));
}

async function latestMeta(db: Db, provinceCode: string, year: number): Promise<Meta | null> {
  const [row] = await db
    .select({
      id: publicSnapshots.id,
      takenAt: publicSnapshots.takenAt,
      version: publicSnapshots.version,
      assessed: publicSnapshots.assessed,
    })
    .from(publicSnapshots)
    .where(and(eq(publicSnapshots.provinceCode, provinceCode), eq(publicSnapshots.year, year)))
    .orderBy(desc(publicSnapshots.takenAt), desc(publicSnapshots.id))
    .limit(1);
  return row ?? null;
}

/** Snapshots are immutable: decoded once per process. */
const models = new LRUCache<number, Promise<PublicModel>>({ max: 16 });
/** One snapshot build at a time per province and year in this process. */
const building = new Map<string, Promise<PublicModel | null>>();

function loadModel(db: Db, meta: Meta): Promise<PublicModel> {
  let hit = models.get(meta.id);
  if (!hit) {
    hit = (async () => {
      const [row] = await db.select({ data: publicSnapshots.data }).from(publicSnapshots).where(eq(publicSnapshots.id, meta.id)).limit(1);
      if (!row) throw new Error(`public snapshot ${meta.id} is gone`);
      return decode(JSON.parse(row.data) as Stored, meta.id, meta.takenAt, meta.assessed);
    })();
    models.set(meta.id, hit);
    hit.catch(() => models.delete(meta.id));
  }
  return hit;
}

async function takeSnapshot(db: Db, provinceCode: string, year: number, previous: Meta | null): Promise<PublicModel | null> {
  const prevModel = previous && previous.version === SNAPSHOT_VERSION ? await loadModel(db, previous) : null;
  const { stored, empty, assessed } = await build(db, provinceCode, year, prevModel);
  if (empty && !previous) return decode(stored, null, null);
  // Taken after the read: a submission that raced the read and is not in it is counted in the next batch.
  const takenAt = Date.now();
  const boundaries = yearPeriods(year)
    .slice(0, 4)
    .map((p) => p.to);
  const closed = lastClosedBoundary(boundaries, new Date(takenAt))?.getTime() ?? 0;
  const yearEnd = boundaries[3]!.getTime();
  const ofYear = sql`province_code = ${provinceCode} AND year = ${year}`;
  const latest = sql`(SELECT max(taken_at) FROM public_snapshots WHERE ${ofYear})`;
  await db.batch([
    db.run(sql`
      INSERT INTO public_snapshots (province_code, year, taken_at, version, assessed, data)
      SELECT ${provinceCode}, ${year}, ${takenAt}, ${SNAPSHOT_VERSION}, ${assessed}, ${JSON.stringify(stored)}
       WHERE NOT EXISTS (SELECT 1 FROM public_snapshots WHERE ${ofYear} AND taken_at >= ${takenAt})
         AND (NOT EXISTS (SELECT 1 FROM public_snapshots WHERE ${ofYear})
           OR (SELECT version FROM public_snapshots WHERE ${ofYear} ORDER BY taken_at DESC, id DESC LIMIT 1) <> ${SNAPSHOT_VERSION}
           OR ${latest} < ${closed}
           OR abs(${assessed} - (SELECT assessed FROM public_snapshots WHERE ${ofYear} ORDER BY taken_at DESC, id DESC LIMIT 1)) >= ${BATCH_SIZE}
           OR (${takenAt} < ${yearEnd} AND ${changedSql(provinceCode, latest, yearEnd)} >= ${BATCH_SIZE}))`),
    db.run(sql`DELETE FROM public_snapshots WHERE ${ofYear} AND id < (SELECT max(id) FROM public_snapshots WHERE ${ofYear})`),
  ]);
  // Cached open-data answers of this process are keyed by this version: a new snapshot makes them stale; the shared
  // change counter tells the other workers' HTTP caches too.
  bumpFactsVersion();
  await publicChanged(db, 'indicators');
  return null;
}

/**
 * The public model a period is answered from: the newest snapshot of its year, after taking a new
 * one if the batch rule says it is due.
 */
export async function publicModelFor(
  db: Db,
  provinceCode: string,
  period: Period,
  now: Date,
): Promise<{ model: PublicModel; slot: number }> {
  const year = period.year;
  const slot = period.quarter === null ? YEAR_SLOT : period.quarter - 1;
  const boundaries = yearPeriods(year)
    .slice(0, 4)
    .map((p) => p.to);
  let meta = await latestMeta(db, provinceCode, year);
  // Changed businesses: those that submitted since the snapshot, or (bulk removals) the change in how many are assessed.
  let changed = 0;
  let onlySubmissions = false;
  if (meta && meta.version === SNAPSHOT_VERSION) {
    const [submitted] = await db.all<{ n: number }>(
      sql`SELECT ${changedSql(provinceCode, sql`${meta.takenAt.getTime()}`, boundaries[3]!.getTime())} AS n`,
    );
    const [live] = await assessedQuery(db, provinceCode, year);
    const bulk = Math.abs(Number(live?.n ?? 0) - meta.assessed);
    changed = Math.max(Number(submitted?.n ?? 0), bulk);
    onlySubmissions = bulk < BATCH_SIZE && !boundaries.some((b) => meta!.takenAt < b && b <= now);
  }
  if (snapshotDue({ last: meta, version: SNAPSHOT_VERSION, changed, now, boundaries })) {
    const key = `${provinceCode}|${year}`;
    let pending = building.get(key);
    if (!pending) {
      pending = takeSnapshot(db, provinceCode, year, meta);
      building.set(key, pending);
      pending.finally(() => building.delete(key)).catch(() => {});
    }
    // Stale while revalidating: a batch of submissions does not make the answer wait for the next
    // snapshot (the batch only ever moves later, which the rule allows). The first snapshot of a year,
    // a period close, a bulk removal or a definitions change are awaited.
    if (meta && onlySubmissions) {
      pending.catch((e: unknown) => console.error(`Public snapshot of ${year} failed: ${e instanceof Error ? e.message : String(e)}`));
      return { model: await loadModel(db, meta), slot };
    }
    // A year with no data and nothing stored: answered from an empty model, nothing written.
    const emptyModel = await pending;
    if (emptyModel) return { model: emptyModel, slot };
    meta = await latestMeta(db, provinceCode, year);
    if (!meta) return { model: decode(await emptyStored(db, provinceCode), null, null), slot };
  }
  return { model: await loadModel(db, meta!), slot };
}

async function emptyStored(db: Db, provinceCode: string): Promise<Stored> {
  const rows = await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode));
  return {
    shape: { communes: rows.map((r) => r.code).sort(), values: { sector: [], size: [], producerType: [] } },
    cells: [],
    pillars: [],
    hidden: {},
  };
}

/** For tests and the rebuild: forget decoded snapshots (the stored ones stay). */
export function clearPublicModels(): void {
  models.clear();
}

export { levelDistribution };
