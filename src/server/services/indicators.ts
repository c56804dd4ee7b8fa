import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { communes, indicatorTargets, users } from '#src/db/schema/index.ts';
import {
  ocopCounts,
  pillarMeans,
  registeredCounts,
  sumCells,
  sumCellsForPeriods,
  type CellCounters,
  type DashboardFilter,
  type GroupBy,
} from '#src/db/queries/dashboard.ts';
import {
  emptyCounters,
  indicatorValues,
  levelDistribution,
  percent,
  type Counters,
  type IndicatorValue,
} from '#src/domain/indicators/dashboard.ts';
import { currentPeriod, parsePeriod, type Period } from '#src/domain/indicators/periods.ts';
import { expectedAt, targetStatus, type TargetStatus } from '#src/domain/indicators/targets.ts';
import { roundPoints, roundedMean } from '#src/domain/indicators/rounding.ts';
import { suppressLines } from '#src/domain/indicators/disclosure.ts';
import { countersAt, publicModelFor } from './public-snapshots.ts';
import { MIN_CELL, suppress } from '#src/domain/indicators/suppression.ts';
import { INDICATORS, type ScalarIndicatorId } from '#src/domain/indicators/definitions.ts';
import { ValidationError } from '#src/server/http/errors.ts';
import { factsVersion } from './facts.ts';
import { knownVersions } from './changes.ts';
import { z } from 'zod';
import { LRUCache } from 'lru-cache';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import { parseWith } from '#src/server/http/forms.ts';

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Dashboard and API filters from a query string; bad values are 400s with field names. */
export const ViewQuerySchema = z.object({
  period: z.preprocess(empty, z.string().max(10).optional()),
  commune: z.preprocess(
    empty,
    z
      .string()
      .regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits')
      .optional(),
  ),
  unit: z.preprocess(
    empty,
    z
      .string()
      .regex(/^(province|\d{5})$/, 'Đơn vị là "province" hoặc mã xã/phường / unit is "province" or a commune code')
      .optional(),
  ),
  sector: z.preprocess(empty, z.enum(VSIC_CODES, { error: 'Ngành không hợp lệ (A–U) / Unknown sector (A–U)' }).optional()),
  size: z.preprocess(empty, z.enum(['micro', 'small', 'medium', 'large'], { error: 'Quy mô không hợp lệ / Unknown size' }).optional()),
  producerType: z.preprocess(empty, z.enum(PRODUCER_TYPES, { error: 'Loại hình không hợp lệ / Unknown type' }).optional()),
});
export type ViewQuery = z.infer<typeof ViewQuerySchema>;

export function parseViewQuery(url: URL, now: Date): { query: ViewQuery; period: Period } {
  const raw = Object.fromEntries(['period', 'commune', 'unit', 'sector', 'size', 'producerType'].map((k) => [k, url.searchParams.get(k)]));
  const query = parseWith(ViewQuerySchema, raw);
  const period = query.period ? parsePeriod(query.period) : currentPeriod(now, 'year');
  if (!period)
    throw new ValidationError([{ path: ['period'], message: 'Kỳ phải có dạng 2026 hoặc 2026-Q3 / period must look like 2026 or 2026-Q3' }]);
  return { query, period };
}

export type ViewFilter = {
  period: Period;
  provinceCode: string;
  communeCode?: string;
  sector?: string;
  sizeClass?: string;
  producerType?: string;
};

function dashboardFilter(f: ViewFilter): DashboardFilter {
  return {
    periodId: f.period.id,
    provinceCode: f.provinceCode,
    communeCode: f.communeCode,
    sector: f.sector,
    sizeClass: f.sizeClass,
    producerType: f.producerType,
  };
}

export type View = {
  counters: Counters;
  values: IndicatorValue[];
  levels: number[];
  pillars: { frameworkId: string; pillarId: string; n: number; mean: number | null }[];
  registered: number;
  coverage: number | null;
};

/**
 * Denominators (known businesses, OCOP products) are read fresh on every question: known businesses
 * come from counters the triggers on `businesses` keep, with rollups per province and per commune
 * (db/queries/dashboard.ts), so even the first question after a start reads a few hundred rows. No
 * cache in front of them: a cold cache once cost the first dashboard after a start half a second.
 */
type Extras = { registered: Map<string, number>; ocop: { key: string; n: number; listed: number }[] };

/** Drops every cached open-data answer; a computation under way still answers its askers but is not kept. */
export function clearIndicatorCaches(): void {
  publicCache.clear();
}

/**
 * Open-data answers, cached for a short while: the same public question is asked again and again
 * (dashboards, embeds), and the answer only changes when counters do (then the version moves on).
 * Concurrent askers of the same question share one computation; a failed one is not cached.
 */
const PUBLIC_TTL_MS = 30_000;
const publicCache = new LRUCache<string, object, () => Promise<unknown>>({
  max: 1000,
  ttl: PUBLIC_TTL_MS,
  ignoreFetchAbort: true,
  fetchMethod: async (_key, _stale, { context }) => (await context()) as object,
});

export function cachedPublic<T extends object>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  // The shared counter moves with another worker's writes too (read at most every 250 ms per worker).
  return publicCache.forceFetch(`${knownVersions(db).indicators}|${factsVersion()}|${key}`, { context: compute }) as Promise<T>;
}

async function extrasFor(db: Db, f: ViewFilter, groupBy: GroupBy): Promise<Extras> {
  const [registered, ocop] = await Promise.all([
    registeredCounts(
      db,
      { provinceCode: f.provinceCode, communeCode: f.communeCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType },
      groupBy === 'commune'
        ? 'commune'
        : groupBy === 'sector'
          ? 'sector'
          : groupBy === 'size'
            ? 'size'
            : groupBy === 'producerType'
              ? 'producerType'
              : null,
    ),
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
    pillars: pillars.map((p) => ({
      frameworkId: p.frameworkId,
      pillarId: p.pillarId,
      n: Number(p.n),
      mean: roundedMean(Number(p.sum), Number(p.n)),
    })),
    registered,
    coverage: percent(counters.n, Math.max(registered, counters.n)),
  };
}

/**
 * Every indicator of the same unit and categories over several periods (the dashboard's trend): the
 * period's counters each, the denominators that do not depend on the period (known businesses, OCOP
 * products) read once. No pillar means or level distributions: the trend shows neither.
 */
export async function computeTrend(db: Db, f: ViewFilter, periods: readonly Period[]): Promise<Omit<View, 'pillars'>[]> {
  // Every period in one grouped read of the same maintained cells a single view reads.
  const { periodId: _current, ...unit } = dashboardFilter(f);
  const [perPeriod, extras] = await Promise.all([
    sumCellsForPeriods(
      db,
      unit,
      periods.map((p) => p.id),
    ),
    extrasFor(db, f, null),
  ]);
  const registered = extras.registered.get('') ?? 0;
  const ocopProducts = extras.ocop.reduce((n, r) => n + r.n, 0);
  const ocopListed = extras.ocop.reduce((n, r) => n + r.listed, 0);
  return periods.map((p) => {
    const counters = { ...(perPeriod.get(p.id) ?? emptyCounters()), key: '' };
    return {
      counters,
      values: indicatorValues(counters, { registered, ocopProducts, ocopListed }),
      levels: levelDistribution(counters),
      registered,
      coverage: percent(counters.n, Math.max(registered, counters.n)),
    };
  });
}

/** One row per commune (or sector, size…) with its indicator values. */
export async function computeBreakdown(db: Db, f: ViewFilter, by: Exclude<GroupBy, null>) {
  const df = dashboardFilter(f);
  const [rows, extras] = await Promise.all([sumCells(db, df, by), extrasFor(db, f, by)]);
  const ocopBy = new Map(extras.ocop.map((r) => [r.key, r]));
  return rows.map((c) => {
    const registered = extras.registered.get(c.key) ?? 0;
    const o = by === 'commune' ? ocopBy.get(c.key) : undefined;
    return {
      key: c.key,
      counters: c,
      registered,
      values: indicatorValues(c, { registered, ocopProducts: o?.n ?? 0, ocopListed: o?.listed ?? 0 }),
    };
  });
}

export type TargetInfo = {
  value: number;
  date: string;
  status: TargetStatus;
  expected: number | null;
  basis: string | null;
  /** Who set the target and when, shown beside it so an officer knows whose figure it is. */
  setBy: { name: string; role: string } | null;
  setAt: Date;
} | null;

export type TargetRow = typeof indicatorTargets.$inferSelect & { setByName: string | null; setByRole: string | null };

/** All targets of one unit (province '' or a commune), with who set them, in one query. */
export async function targetsOf(db: Db, communeCode: string): Promise<Map<string, TargetRow>> {
  const rows = await db
    .select({ target: indicatorTargets, setByName: users.displayName, setByRole: users.role })
    .from(indicatorTargets)
    .leftJoin(users, eq(users.id, indicatorTargets.createdBy))
    .where(eq(indicatorTargets.communeCode, communeCode))
    .orderBy(indicatorTargets.id);
  return new Map(rows.map((r) => [r.target.indicatorId, { ...r.target, setByName: r.setByName, setByRole: r.setByRole }]));
}

export function targetInfo(t: TargetRow | undefined, current: number | null, now: Date): TargetInfo {
  if (!t) return null;
  const baseline = { date: new Date(t.baselineDate), value: t.baselineValue };
  const target = { date: new Date(t.targetDate), value: t.targetValue };
  const status = targetStatus({ baseline, target, current: current === null ? null : { date: now, value: current } });
  return {
    value: t.targetValue,
    date: t.targetDate,
    status,
    expected: roundPoints(expectedAt(baseline, target, now)),
    basis: t.basis ?? null,
    setBy: t.setByName ? { name: t.setByName, role: t.setByRole ?? '' } : null,
    setAt: t.createdAt,
  };
}

export async function targetFor(db: Db, indicatorId: string, communeCode: string, current: number | null, now: Date): Promise<TargetInfo> {
  return targetInfo((await targetsOf(db, communeCode)).get(indicatorId), current, now);
}

/** The province's commune codes: reference data, read once per process. */
const communeCodes = new Map<string, Promise<string[]>>();
function communeCodesOf(db: Db, provinceCode: string): Promise<string[]> {
  let hit = communeCodes.get(provinceCode);
  if (!hit) {
    hit = db
      .select({ code: communes.code })
      .from(communes)
      .where(eq(communes.provinceCode, provinceCode))
      .then((rows) => rows.map((c) => c.code).sort());
    communeCodes.set(provinceCode, hit);
    hit.catch(() => communeCodes.delete(provinceCode));
  }
  return hit;
}

// ---------------------------------------------------------------------------
// Public, suppressed output
// ---------------------------------------------------------------------------

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
 * The open-data answer for one unit (province or commune) and at most one category filter. Every
 * value is a cell of the year's public cube, read from the newest public snapshot (taken in batches,
 * src/server/services/public-snapshots.ts) with its suppression pattern over communes → province,
 * categories → total and quarters → year (src/domain/indicators/disclosure.ts), so nothing hidden can
 * be recovered by subtraction along them, and one submission is never the only change between two
 * answers. OCOP products (live, no period or category) are suppressed along communes → province.
 */
export async function publicIndicators(db: Db, provinceCode: string, q: ViewQuery, period: Period, now: Date) {
  const unit = q.unit ?? 'province';
  const dims = (['sector', 'size', 'producerType'] as const).filter((d) => q[d] !== undefined);
  if (dims.length > 1) {
    throw new ValidationError([
      {
        path: [dims[1]!],
        message:
          'Dữ liệu mở cho phép một bộ lọc ngành, quy mô hoặc loại hình mỗi lần / Open data allows one of sector, size or type at a time',
      },
    ]);
  }
  const dim = dims[0] ?? null;
  const dimValue = dim ? (q[dim] as string) : null;
  const allCommunes = await communeCodesOf(db, provinceCode);
  if (unit !== 'province' && !allCommunes.includes(unit))
    throw new ValidationError([{ path: ['unit'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  const communeCode = unit === 'province' ? undefined : unit;

  const [{ model, slot }, ocop] = await Promise.all([publicModelFor(db, provinceCode, period, now), ocopCounts(db, { provinceCode })]);
  const cube = model.cube;
  const row = cube.row(communeCode ?? null);
  const col = cube.col(dim, dimValue);
  // A commune or value absent from the cube holds nobody: an empty cell.
  const idx = row >= 0 && col >= 0 ? cube.at(slot, row, col) : -1;
  const counters = idx >= 0 ? countersAt(model, idx) : emptyCounters();
  // Known businesses (the coverage denominator) come from the registry and registrations, not from
  // assessment answers: read live, like the officers' view.
  const f: ViewFilter = { period, provinceCode, communeCode, sector: q.sector, sizeClass: q.size, producerType: q.producerType };
  const registered = (await extrasFor(db, f, null)).registered.get('') ?? 0;
  const isHidden = (id: string): boolean => idx < 0 || model.hidden.get(id)?.[idx] === 1;

  // OCOP products along communes → province (index 0: the province).
  const ocopBy = new Map(ocop.map((o) => [o.key, o]));
  const ocopN = [ocop.reduce((n, o) => n + o.n, 0), ...allCommunes.map((c) => ocopBy.get(c)?.n ?? 0)];
  const ocopListed = [ocop.reduce((n, o) => n + o.listed, 0), ...allCommunes.map((c) => ocopBy.get(c)?.listed ?? 0)];
  const ocopRow = communeCode ? allCommunes.indexOf(communeCode) + 1 : 0;
  const ocopHidden =
    suppressLines(
      ocopN.length,
      [{ total: 0, parts: allCommunes.map((_, i) => i + 1) }],
      { businesses: ocopN, shares: [{ numerator: ocopListed, denominator: ocopN }] },
      { pinned: [0] },
    ).hidden[ocopRow] === 1;

  const values = indicatorValues(counters, { registered, ocopProducts: ocopN[ocopRow]!, ocopListed: ocopListed[ocopRow]! });
  const targets = await targetsOf(db, communeCode ?? '');
  const indicators: PublicIndicator[] = [];
  for (const v of values) {
    const isOcop = v.id === 'ocop_products_on_ecommerce';
    // OCOP products have no sector or size: under such a filter the indicator does not apply.
    const notApplicable = isOcop && dim !== null;
    const suppressed = !notApplicable && (v.businesses < MIN_CELL || (isOcop ? ocopHidden : isHidden(v.id)));
    const target = suppressed || notApplicable ? null : targetInfo(targets.get(v.id), v.value, now);
    indicators.push({
      id: v.id,
      name: v.definition.name,
      value: suppressed || notApplicable ? null : v.value,
      numerator: suppressed || notApplicable ? null : v.numerator,
      denominator: suppressed || notApplicable ? null : v.denominator,
      unit: v.definition.unit,
      target: target?.value ?? null,
      status: target?.status ?? null,
      suppressed,
    });
  }
  const n = counters.n;
  const own = levelDistribution(counters);
  const assessedHidden = isHidden('levels') || n < MIN_CELL;
  const levelCells = own.map((count, level) => ({
    key: `l${level}`,
    businesses: count,
    numerator: count,
    denominator: n,
    value: count,
  }));
  const levels = !assessedHidden
    ? suppress({ total: { key: 'total', businesses: n, numerator: n, denominator: n, value: n }, rows: levelCells })
    : null;
  const pillars = idx < 0 ? [] : [...model.pillars.values()].filter((p) => p.n[idx]! > 0);
  return {
    period: period.id,
    unit,
    filters: { sector: q.sector ?? null, size: q.size ?? null, producerType: q.producerType ?? null },
    indicators,
    // An empty level is published as 0: it says nothing about any business.
    levelDistribution: {
      counts: levels ? levels.rows.map((r, i) => (own[i] === 0 ? 0 : r.suppressed ? null : r.value)) : [null, null, null, null, null, null],
      suppressed: !levels,
    },
    pillarMeans: pillars.map((p) => {
      const pn = p.n[idx]!;
      const hidden = assessedHidden || pn < MIN_CELL || isHidden(`pillars:${p.framework}`);
      return { framework: p.framework, pillar: p.pillar, mean: hidden ? null : roundedMean(p.sum[idx]!, pn), suppressed: hidden };
    }),
    /** When the public numbers were last brought up to date (they move on in batches). */
    asOf: model.takenAt ? model.takenAt.toISOString() : null,
  };
}

export { INDICATORS };
export type { CellCounters };

/**
 * The open-data answer through the per-process cache, under one key per query: the API and the home
 * page's headline numbers read the same cached object, so the two never disagree.
 */
export function cachedPublicIndicators(db: Db, provinceCode: string, query: ViewQuery, period: Period, now: Date) {
  const key = JSON.stringify([period.id, query.unit, query.sector, query.size, query.producerType]);
  return cachedPublic(db, key, () => publicIndicators(db, provinceCode, query, period, now));
}
