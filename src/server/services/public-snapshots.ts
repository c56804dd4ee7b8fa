/**
 * Batch snapshots of the open data (docs/decisions/002-public-suppression.md): the public answer
 * for a year and its quarters comes from a stored snapshot of the counters, which moves on only
 * once at least 5 businesses changed since the last one, or when a quarter or the year closes. A
 * closed period is published from its final snapshot (the first taken after its end). Snapshots
 * live in the database, so the rule holds across restarts and between processes: taking one is a
 * single conditional statement that re-checks the rule inside the write.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '#src/db/client.ts';
import { indicatorCells, publicSnapshots } from '#src/db/schema/index.ts';
import { makePeriod, type Period } from '#src/domain/indicators/periods.ts';
import {
  CubeIndex, DIMENSIONS, SNAPSHOT_BATCH, YEAR_SLOT, aggregate, lastClosedBoundary, servingSnapshot, snapshotDue, suppressCube,
  type CubeRow, type Dimension, type Measure,
} from '#src/domain/indicators/publish.ts';
import { emptyCounters, indicatorValues, levelDistribution, type Counters } from '#src/domain/indicators/dashboard.ts';

const KEY_COLUMNS = new Set(['periodId', 'communeCode', 'sector', 'sizeClass', 'producerType']);
/** The counters of `indicator_cells`, from the schema, so a new counter is snapshotted without code here. */
const COUNTER_COLUMNS = Object.entries(getTableColumns(indicatorCells)).filter(([k]) => !KEY_COLUMNS.has(k));

function yearPeriods(year: number): Period[] {
  return [makePeriod(year, 1), makePeriod(year, 2), makePeriod(year, 3), makePeriod(year, 4), makePeriod(year, null)];
}

type SnapshotMeta = { id: number; takenAt: Date };

async function listSnapshots(db: Db, provinceCode: string, year: number): Promise<SnapshotMeta[]> {
  return db
    .select({ id: publicSnapshots.id, takenAt: publicSnapshots.takenAt })
    .from(publicSnapshots)
    .where(and(eq(publicSnapshots.provinceCode, provinceCode), eq(publicSnapshots.year, year)))
    .orderBy(asc(publicSnapshots.takenAt), asc(publicSnapshots.id));
}

/** Businesses whose public facts of the year differ from the last snapshot. */
async function changedSinceSnapshot(db: Db, ids: readonly string[]): Promise<number> {
  const rs = await db.all<{ n: number }>(sql`SELECT count(DISTINCT business_id) AS n FROM public_changes WHERE period_id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) AND before IS NOT after`);
  return Number(rs[0]?.n ?? 0);
}

/**
 * Takes a snapshot if the batch rule says so, checked again inside the write (another process may
 * have just taken one), then forgets the changes it absorbed and the snapshots nobody serves any
 * more (neither the newest nor the final one of a closed period).
 */
async function takeSnapshot(db: Db, provinceCode: string, year: number, now: Date): Promise<void> {
  const periods = yearPeriods(year);
  const ids = sql.join(periods.map((p) => sql`${p.id}`), sql`, `);
  const boundaries = periods.slice(0, 4).map((p) => p.to);
  const closed = lastClosedBoundary(boundaries, now)?.getTime() ?? 0;
  const open = now < boundaries[3]! ? 1 : 0;
  const nonce = randomUUID();
  const counters = sql.join(COUNTER_COLUMNS.map(([, c]) => sql`c.${sql.identifier(c.name)}`), sql`, `);
  const ofYear = sql`province_code = ${provinceCode} AND year = ${year}`;
  const keep = boundaries
    .filter((b) => b <= now)
    .map((b) => sql`(SELECT id FROM public_snapshots WHERE ${ofYear} AND taken_at >= ${b.getTime()} ORDER BY taken_at, id LIMIT 1)`);
  await db.batch([
    db.run(sql`
      INSERT INTO public_snapshots (province_code, year, taken_at, nonce, columns, cells, pillars)
      SELECT ${provinceCode}, ${year}, ${now.getTime()}, ${nonce}, ${JSON.stringify(COUNTER_COLUMNS.map(([k]) => k))},
        (SELECT coalesce(json_group_array(json_array(c.period_id, c.commune_code, c.sector, c.size_class, c.producer_type, ${counters})), '[]')
           FROM indicator_cells c JOIN communes m ON m.code = c.commune_code
          WHERE m.province_code = ${provinceCode} AND c.period_id IN (${ids})),
        (SELECT coalesce(json_group_array(json_array(c.period_id, c.commune_code, c.sector, c.size_class, c.producer_type, c.framework_id, c.pillar_id, c.n, c.score_sum)), '[]')
           FROM pillar_cells c JOIN communes m ON m.code = c.commune_code
          WHERE m.province_code = ${provinceCode} AND c.period_id IN (${ids}))
      WHERE NOT EXISTS (SELECT 1 FROM public_snapshots WHERE ${ofYear})
         OR (SELECT max(taken_at) FROM public_snapshots WHERE ${ofYear}) < ${closed}
         OR (${open} = 1 AND (SELECT count(DISTINCT business_id) FROM public_changes WHERE period_id IN (${ids}) AND before IS NOT after) >= ${SNAPSHOT_BATCH})`),
    db.run(sql`DELETE FROM public_changes WHERE period_id IN (${ids}) AND EXISTS (SELECT 1 FROM public_snapshots WHERE nonce = ${nonce})`),
    db.run(sql`
      DELETE FROM public_snapshots WHERE ${ofYear} AND nonce <> ${nonce}
        AND EXISTS (SELECT 1 FROM public_snapshots WHERE nonce = ${nonce})
        ${keep.length ? sql`AND id NOT IN (${sql.join(keep, sql`, `)})` : sql``}`),
  ]);
}

// ---------------------------------------------------------------------------
// The public model of a snapshot: counters over the cube and the suppression pattern
// ---------------------------------------------------------------------------

export type PublicModel = {
  id: number;
  cube: CubeIndex;
  counters: Map<string, Float64Array>;
  pillars: Map<string, { framework: string; pillar: string; n: Float64Array; sum: Float64Array }>;
  hidden: Map<string, Uint8Array>;
  /** The snapshot's own rows, for the snapshots that freeze its closed quarters. */
  rows: unknown[][];
  pillarRows: unknown[][];
};

/** Indicators whose suppression comes from elsewhere: OCOP counts products (live, no period or category); coverage's denominator is the live registry. */
const NOT_IN_CUBE = new Set(['ocop_products_on_ecommerce']);

function countersAt(model: { counters: Map<string, Float64Array> }, i: number): Counters {
  const c = emptyCounters() as Record<string, number>;
  for (const [k, v] of model.counters) c[k] = v[i]!;
  return c as Counters;
}

function buildModel(
  id: number,
  communes: readonly string[],
  columns: string[],
  cells: unknown[][],
  pillarRows: unknown[][],
  year: number,
  frozen: { slots: boolean[]; models: (PublicModel | null)[] },
): PublicModel {
  const periods = yearPeriods(year);
  const slotOf = new Map(periods.map((p, i) => [p.id, i]));
  // Rows of frozen slots come from their final snapshot, so both publish the same numbers.
  const ownRows = cells.filter((r) => !frozen.slots[slotOf.get(String(r[0]))!]);
  const values: Record<Dimension, Set<string>> = { sector: new Set(), size: new Set(), producerType: new Set() };
  const allRows: { slot: number; r: unknown[] }[] = ownRows.map((r) => ({ slot: slotOf.get(String(r[0]))!, r }));
  frozen.models.forEach((m, slot) => {
    if (!m || !frozen.slots[slot]) return;
    for (const r of m.rows) if (slotOf.get(String(r[0])) === slot) allRows.push({ slot, r });
  });
  for (const { r } of allRows) {
    values.sector.add(String(r[2]));
    values.size.add(String(r[3]));
    values.producerType.add(String(r[4]));
  }
  for (const m of frozen.models) if (m) for (const d of DIMENSIONS) for (const v of m.cube.shape.values[d]) values[d].add(v);
  const cube = new CubeIndex({ communes, values: Object.fromEntries(DIMENSIONS.map((d) => [d, [...values[d]].sort()])) as Record<Dimension, string[]> });
  const rows: CubeRow[] = allRows.map(({ slot, r }) => ({ slot, commune: String(r[1]), sector: String(r[2]), size: String(r[3]), producerType: String(r[4]), counters: r.slice(5).map(Number) }));
  const agg = aggregate(cube, rows, columns.length);
  const counters = new Map(columns.map((c, i) => [c, agg[i]!]));

  const pillarKeys = new Map<string, { framework: string; pillar: string; rows: CubeRow[] }>();
  const pillarSource = [...pillarRows.filter((r) => !frozen.slots[slotOf.get(String(r[0]))!]).map((r) => ({ r }))];
  frozen.models.forEach((m, slot) => {
    if (!m || !frozen.slots[slot]) return;
    for (const r of m.pillarRows) if (slotOf.get(String(r[0])) === slot) pillarSource.push({ r });
  });
  for (const { r } of pillarSource) {
    const key = `${r[5]}\u0000${r[6]}`;
    const entry = pillarKeys.get(key) ?? { framework: String(r[5]), pillar: String(r[6]), rows: [] };
    entry.rows.push({ slot: slotOf.get(String(r[0]))!, commune: String(r[1]), sector: String(r[2]), size: String(r[3]), producerType: String(r[4]), counters: [Number(r[7]), Number(r[8])] });
    pillarKeys.set(key, entry);
  }
  const pillars = new Map([...pillarKeys].map(([k, e]) => {
    const [n, sum] = aggregate(cube, e.rows, 2);
    return [k, { framework: e.framework, pillar: e.pillar, n: n!, sum: sum! }];
  }));

  // Measures: every indicator in the cube, each level of the level distribution, each pillar mean.
  const measures: Measure[] = [];
  const base = { counters };
  const perIndicator = new Map<string, { b: Float64Array; num: Float64Array; den: Float64Array | null }>();
  const levelsArr = Array.from({ length: 6 }, () => new Float64Array(cube.size));
  for (let i = 0; i < cube.size; i++) {
    const c = countersAt(base, i);
    for (const v of indicatorValues(c, { registered: 0, ocopProducts: 0, ocopListed: 0 })) {
      if (NOT_IN_CUBE.has(v.id)) continue;
      let e = perIndicator.get(v.id);
      if (!e) {
        e = { b: new Float64Array(cube.size), num: new Float64Array(cube.size), den: v.id === 'assessment_coverage' ? null : new Float64Array(cube.size) };
        perIndicator.set(v.id, e);
      }
      e.b[i] = v.businesses;
      e.num[i] = v.numerator;
      if (e.den) e.den[i] = v.denominator;
    }
    levelDistribution(c).forEach((x, l) => (levelsArr[l]![i] = x));
  }
  for (const [id, e] of perIndicator) measures.push({ id, businesses: e.b, numerator: e.num, denominator: e.den, complement: e.den !== null });
  const n = counters.get('n')!;
  levelsArr.forEach((arr, l) => measures.push({ id: `level:${l}`, businesses: n, numerator: arr, denominator: n, complement: true }));
  for (const [k, p] of pillars) measures.push({ id: `pillar:${k}`, businesses: p.n, numerator: p.sum, denominator: p.n, complement: false });

  const frozenHidden = new Map<string, Uint8Array>();
  frozen.models.forEach((m, slot) => {
    if (!m || !frozen.slots[slot]) return;
    for (const meas of measures) {
      const h = frozenHidden.get(meas.id) ?? new Uint8Array(cube.size);
      const src = m.hidden.get(meas.id);
      // Map the frozen slot's cells from the final snapshot's cube (its category values may differ).
      for (const commune of [null, ...communes.keys()]) {
        const copy = (dim: Dimension | null, value: string | null): void => {
          const vi = dim && value !== null ? cube.shape.values[dim].indexOf(value) : null;
          const vj = dim && value !== null ? m.cube.shape.values[dim].indexOf(value) : null;
          const to = cube.at({ slot, commune, dim, value: vi });
          h[to] = vj === -1 || !src ? 1 : src[m.cube.at({ slot, commune, dim, value: vj })]!;
        };
        copy(null, null);
        for (const d of DIMENSIONS) for (const v of cube.shape.values[d]) copy(d, v);
      }
      frozenHidden.set(meas.id, h);
    }
  });
  const hidden = suppressCube(cube, measures, { slots: frozen.slots, hidden: frozenHidden });
  return { id, cube, counters, pillars, hidden, rows: cells, pillarRows };
}

/** Models are immutable per snapshot: computed once per process. */
const models = new LRUCache<number, Promise<PublicModel>>({ max: 24 });

async function loadModel(db: Db, provinceCode: string, year: number, snap: SnapshotMeta, all: readonly SnapshotMeta[], communes: readonly string[]): Promise<PublicModel> {
  let hit = models.get(snap.id);
  if (!hit) {
    hit = (async () => {
      const periods = yearPeriods(year);
      const slots = [false, false, false, false, false];
      const frozenModels: (PublicModel | null)[] = [null, null, null, null, null];
      for (let q = 0; q < 4; q++) {
        const end = periods[q]!.to;
        if (end > snap.takenAt) continue;
        const final = servingSnapshot(all, end, snap.takenAt);
        if (!final || final.id === snap.id) continue;
        slots[q] = true;
        frozenModels[q] = await loadModel(db, provinceCode, year, final, all, communes);
      }
      const [row] = await db.select().from(publicSnapshots).where(eq(publicSnapshots.id, snap.id)).limit(1);
      if (!row) throw new Error(`public snapshot ${snap.id} is gone`);
      const parse = (v: unknown): unknown[][] => (typeof v === 'string' ? JSON.parse(v) : v) as unknown[][];
      return buildModel(snap.id, communes, row.columns, parse(row.cells), parse(row.pillars), year, { slots, models: frozenModels });
    })();
    models.set(snap.id, hit);
    hit.catch(() => models.delete(snap.id));
  }
  return hit;
}

/**
 * The public model a period is answered from, taking a new snapshot first if the batch rule says
 * it is due. `slot` is the period's place in the model's cube.
 */
export async function publicModelFor(db: Db, provinceCode: string, communes: readonly string[], period: Period, now: Date): Promise<{ model: PublicModel; slot: number }> {
  const periods = yearPeriods(period.year);
  const boundaries = periods.slice(0, 4).map((p) => p.to);
  let all = await listSnapshots(db, provinceCode, period.year);
  const last = all[all.length - 1] ?? null;
  const changed = last && now < boundaries[3]! ? await changedSinceSnapshot(db, periods.map((p) => p.id)) : 0;
  if (snapshotDue({ lastTakenAt: last?.takenAt ?? null, changed, now, boundaries })) {
    await takeSnapshot(db, provinceCode, period.year, now);
    all = await listSnapshots(db, provinceCode, period.year);
  }
  const snap = servingSnapshot(all, period.to, now) ?? all[all.length - 1];
  if (!snap) throw new Error('no public snapshot');
  const model = await loadModel(db, provinceCode, period.year, snap, all, communes);
  return { model, slot: period.quarter === null ? YEAR_SLOT : period.quarter - 1 };
}

export { countersAt };
