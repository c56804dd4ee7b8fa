import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { communes, indicatorTargets } from '../../db/schema/index.ts';
import { ocopCounts, pillarMeans, registeredCounts, sumCells, type CellCounters, type DashboardFilter, type GroupBy } from '../../db/queries/dashboard.ts';
import { emptyCounters, indicatorValues, levelDistribution, percent, type Counters, type IndicatorValue } from '../../domain/dashboard.ts';
import { currentPeriod, parsePeriod, type Period } from '../../domain/indicators/periods.ts';
import { expectedAt, targetStatus, type TargetStatus } from '../../domain/indicators/targets.ts';
import { publishCell } from '../../domain/publish.ts';
import { suppress, type Cell } from '../../domain/indicators/suppression.ts';
import { INDICATORS, type ScalarIndicatorId } from '../../domain/indicators/definitions.ts';
import { ValidationError } from './errors.ts';
import { z } from 'zod';
import { VSIC_CODES } from '../../../db/seed/reference/vsic.ts';

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Dashboard and API filters from a query string; bad values are 400s with field names. */
export const ViewQuerySchema = z.object({
  period: z.preprocess(empty, z.string().max(10).optional()),
  commune: z.preprocess(empty, z.string().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits').optional()),
  unit: z.preprocess(empty, z.string().regex(/^(province|\d{5})$/, 'Đơn vị là "province" hoặc mã xã/phường / unit is "province" or a commune code').optional()),
  sector: z.preprocess(empty, z.enum(VSIC_CODES, { error: 'Ngành không hợp lệ (A–U) / Unknown sector (A–U)' }).optional()),
  size: z.preprocess(empty, z.enum(['micro', 'small', 'medium', 'large'], { error: 'Quy mô không hợp lệ / Unknown size' }).optional()),
  producerType: z.preprocess(empty, z.enum(['enterprise', 'cooperative', 'cooperative_group', 'household'], { error: 'Loại hình không hợp lệ / Unknown type' }).optional()),
});
export type ViewQuery = z.infer<typeof ViewQuerySchema>;

export function parseViewQuery(url: URL, now: Date): { query: ViewQuery; period: Period } {
  const raw = Object.fromEntries(['period', 'commune', 'unit', 'sector', 'size', 'producerType'].map((k) => [k, url.searchParams.get(k)]));
  const parsed = ViewQuerySchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path as string[], message: i.message })));
  const period = parsed.data.period ? parsePeriod(parsed.data.period) : currentPeriod(now, 'year');
  if (!period) throw new ValidationError([{ path: ['period'], message: 'Kỳ phải có dạng 2026 hoặc 2026-Q3 / period must look like 2026 or 2026-Q3' }]);
  return { query: parsed.data, period };
}

export type ViewFilter = { period: Period; provinceCode: string; communeCode?: string; sector?: string; sizeClass?: string; producerType?: string };

function dashboardFilter(f: ViewFilter): DashboardFilter {
  return { periodId: f.period.id, provinceCode: f.provinceCode, communeCode: f.communeCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType };
}

export type View = {
  counters: Counters;
  values: IndicatorValue[];
  levels: number[];
  pillars: { frameworkId: string; pillarId: string; n: number; mean: number | null }[];
  registered: number;
  coverage: number | null;
};

async function extrasFor(db: Db, f: ViewFilter, groupBy: GroupBy) {
  const [registered, ocop] = await Promise.all([
    registeredCounts(db, { provinceCode: f.provinceCode, communeCode: f.communeCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType }, groupBy === 'commune' ? 'commune' : groupBy === 'sector' ? 'sector' : groupBy === 'size' ? 'size' : groupBy === 'producerType' ? 'producerType' : null),
    ocopCounts(db, { provinceCode: f.provinceCode, communeCode: f.communeCode }),
  ]);
  return { registered, ocop };
}

/** The officer's view: exact numbers (officers may see small cells and the businesses behind them). */
export async function computeView(db: Db, f: ViewFilter): Promise<View> {
  const df = dashboardFilter(f);
  const [[cells], pillars, extras] = await Promise.all([sumCells(db, df), pillarMeans(db, df), extrasFor(db, f, null)]);
  const counters = cells ?? { ...emptyCounters(), key: '' };
  const registered = extras.registered.get('') ?? 0;
  const ocopProducts = extras.ocop.reduce((n, r) => n + r.n, 0);
  const ocopListed = extras.ocop.reduce((n, r) => n + r.listed, 0);
  return {
    counters,
    values: indicatorValues(counters, { registered, ocopProducts, ocopListed }),
    levels: levelDistribution(counters),
    pillars: pillars.map((p) => ({ frameworkId: p.frameworkId, pillarId: p.pillarId, n: Number(p.n), mean: Number(p.n) > 0 ? Math.round((Number(p.sum) / Number(p.n)) * 10) / 10 : null })),
    registered,
    coverage: percent(counters.n, Math.max(registered, counters.n)),
  };
}

/** One row per commune (or sector, size…) with its indicator values. */
export async function computeBreakdown(db: Db, f: ViewFilter, by: Exclude<GroupBy, null>) {
  const df = dashboardFilter(f);
  const [rows, extras] = await Promise.all([sumCells(db, df, by), extrasFor(db, f, by)]);
  const ocopBy = new Map(extras.ocop.map((r) => [r.key, r]));
  return rows.map((c) => {
    const registered = extras.registered.get(c.key) ?? 0;
    const o = by === 'commune' ? ocopBy.get(c.key) : undefined;
    return { key: c.key, counters: c, registered, values: indicatorValues(c, { registered, ocopProducts: o?.n ?? 0, ocopListed: o?.listed ?? 0 }) };
  });
}

export type TargetInfo = { value: number; date: string; status: TargetStatus; expected: number | null } | null;

export async function targetFor(db: Db, indicatorId: string, communeCode: string, current: number | null, now: Date): Promise<TargetInfo> {
  const [t] = await db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.communeCode, communeCode)))
    .orderBy(indicatorTargets.id)
    .limit(1);
  if (!t) return null;
  const baseline = { date: new Date(t.baselineDate), value: t.baselineValue };
  const target = { date: new Date(t.targetDate), value: t.targetValue };
  const status = targetStatus({ baseline, target, current: current === null ? null : { date: now, value: current } });
  return { value: t.targetValue, date: t.targetDate, status, expected: Math.round(expectedAt(baseline, target, now) * 10) / 10 };
}

// ---------------------------------------------------------------------------
// Public, suppressed output
// ---------------------------------------------------------------------------

function cellOf(key: string, v: IndicatorValue): Cell {
  return { key, businesses: v.businesses, numerator: v.numerator, denominator: v.denominator, value: v.value };
}

export type PublicIndicator = {
  id: ScalarIndicatorId;
  name: { vi: string; en: string };
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  target: number | null;
  status: TargetStatus | null;
  suppressed: boolean;
};

/**
 * The open-data answer for one unit (province or commune) and filters. Every value is checked
 * against its own small-cell rule and against every sibling table it could be subtracted from.
 */
export async function publicIndicators(db: Db, provinceCode: string, q: ViewQuery, period: Period, now: Date) {
  const unit = q.unit ?? 'province';
  let communeCode: string | undefined;
  if (unit !== 'province') {
    const [c] = await db.select().from(communes).where(eq(communes.code, unit)).limit(1);
    if (!c || c.provinceCode !== provinceCode) throw new ValidationError([{ path: ['unit'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
    communeCode = unit;
  }
  const f: ViewFilter = { period, provinceCode, communeCode, sector: q.sector, sizeClass: q.size, producerType: q.producerType };
  const own = await computeView(db, f);
  // Sibling tables: the same numbers split by commune (total = province), by sector and by size (total = unit).
  const tables: { total: IndicatorValue[]; rows: { key: string; values: IndicatorValue[] }[]; key: string }[] = [];
  if (communeCode) {
    const all = await communeRows(db, { ...f, communeCode: undefined });
    const total = await computeView(db, { ...f, communeCode: undefined });
    tables.push({ total: total.values, rows: all, key: communeCode });
  }
  if (q.sector) {
    const rows = await computeBreakdown(db, { ...f, sector: undefined }, 'sector');
    const total = await computeView(db, { ...f, sector: undefined });
    tables.push({ total: total.values, rows: rows.map((r) => ({ key: r.key, values: r.values })), key: q.sector });
  }
  if (q.size) {
    const rows = await computeBreakdown(db, { ...f, sizeClass: undefined }, 'size');
    const total = await computeView(db, { ...f, sizeClass: undefined });
    tables.push({ total: total.values, rows: rows.map((r) => ({ key: r.key, values: r.values })), key: q.size });
  }
  const indicators: PublicIndicator[] = [];
  for (const v of own.values) {
    const siblingTables = tables.map((t) => ({
      total: cellOf('total', t.total.find((x) => x.id === v.id)!),
      rows: t.rows.map((r) => cellOf(r.key === t.key ? 'self' : `row:${r.key}`, r.values.find((x) => x.id === v.id)!)),
    }));
    const published = publishCell(cellOf('self', v), siblingTables);
    const target = published.suppressed ? null : await targetFor(db, v.id, communeCode ?? '', v.value, now);
    indicators.push({
      id: v.id,
      name: v.definition.name,
      value: published.value,
      numerator: published.numerator,
      denominator: published.denominator,
      unit: v.definition.unit,
      target: target?.value ?? null,
      status: target?.status ?? null,
      suppressed: published.suppressed,
    });
  }
  const n = own.counters.n;
  const levelCells = own.levels.map((count, level) => ({ key: `l${level}`, businesses: count, numerator: count, denominator: n, value: count }));
  const levels = n >= 5 ? suppress({ total: { key: 'total', businesses: n, numerator: n, denominator: n, value: n }, rows: levelCells }) : null;
  return {
    period: period.id,
    unit,
    filters: { sector: q.sector ?? null, size: q.size ?? null, producerType: q.producerType ?? null },
    indicators,
    // An empty level is published as 0: it says nothing about any business.
    levelDistribution: { counts: levels ? levels.rows.map((r, i) => (own.levels[i] === 0 ? 0 : r.suppressed ? null : r.value)) : [null, null, null, null, null, null], suppressed: !levels },
    pillarMeans: own.pillars.map((p) => ({ framework: p.frameworkId, pillar: p.pillarId, mean: p.n >= 5 ? p.mean : null, suppressed: p.n < 5 })),
  };
}

/** Every commune of the province (zeros included), so a small commune cannot hide by being absent. */
async function communeRows(db: Db, f: ViewFilter) {
  const [rows, all] = await Promise.all([computeBreakdown(db, f, 'commune'), db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, f.provinceCode))]);
  const byKey = new Map(rows.map((r) => [r.key, r.values]));
  const zero = indicatorValues(emptyCounters(), { registered: 0, ocopProducts: 0, ocopListed: 0 });
  return all.map((c) => ({ key: c.code, values: byKey.get(c.code) ?? zero }));
}

export { INDICATORS };
export type { CellCounters };
