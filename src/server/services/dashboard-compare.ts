// The dashboard's comparisons (issue "staff tools that lead to action"): one indicator at a time, its
// quarter-on-quarter trend with the change since the previous quarter, and the breakdown's units ranked
// against their target with a small-sample flag. Every read is a maintained rollup: the quarters come from
// one grouped read of the cells, the breakdown rows are the ones dashboardData already summed, and the
// targets are the indicator's few rows of `indicator_targets`.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { indicatorTargets } from '#src/db/schema/index.ts';
import { sumCellsForPeriods } from '#src/db/queries/dashboard.ts';
import { emptyCounters, indicatorValues, type IndicatorValue } from '#src/domain/indicators/dashboard.ts';
import {
  DEFAULT_DIR,
  SORT_KEYS,
  quarterChange,
  quarterSeries,
  rankUnits,
  type RankedRow,
  type SortDir,
  type SortKey,
} from '#src/domain/indicators/compare.ts';
import type { Period } from '#src/domain/indicators/periods.ts';
import { expectedAt } from '#src/domain/indicators/targets.ts';
import { roundPoints } from '#src/domain/indicators/rounding.ts';
import type { ScalarIndicatorId } from '#src/domain/indicators/definitions.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { ValidationError } from '#src/server/http/errors.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { dashboardScope, type DashboardData } from './dashboard.ts';

/** The indicator shown when the URL names none: the province's headline share. */
export const DEFAULT_INDICATOR: ScalarIndicatorId = 'sme_platform_adoption';

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

const CompareQuerySchema = z.object({
  indicator: z.preprocess(empty, z.string().max(40).optional()),
  sort: z.preprocess(empty, z.enum(SORT_KEYS, { error: 'Cách sắp xếp không hợp lệ / Unknown sort order' }).optional()),
  dir: z.preprocess(empty, z.enum(['asc', 'desc'], { error: 'Chiều sắp xếp không hợp lệ / Unknown sort direction' }).optional()),
});

export type QuarterPoint = { period: Period; value: number | null; numerator: number; denominator: number };

export type CompareData = {
  indicatorId: ScalarIndicatorId;
  indicator: IndicatorValue;
  /** Eight quarters, oldest first, of the chosen indicator within the filter. */
  quarters: QuarterPoint[];
  /** Latest quarter minus the previous one, in percentage points. */
  change: number | null;
  /** The same change for every indicator (the "all indicators" table). */
  changes: Map<string, number | null>;
  /** Every unit of the breakdown, flagged, ranked and sorted; the page shows a page of them. */
  rows: (RankedRow & { n: number })[];
  sort: SortKey;
  dir: SortDir;
  /** Whether any unit has a target line (else the gap columns say so). */
  anyTarget: boolean;
};

type TargetRow = typeof indicatorTargets.$inferSelect;

function expectedOf(t: TargetRow | undefined, now: Date): number | null {
  if (!t) return null;
  return roundPoints(
    expectedAt({ date: new Date(t.baselineDate), value: t.baselineValue }, { date: new Date(t.targetDate), value: t.targetValue }, now),
  );
}

/**
 * The comparisons for the dashboard the actor reads (`d`, from dashboardData with the same URL): the
 * URL's `indicator`, `sort` and `dir` choose what is compared and how the units are ordered; a wrong
 * value is a 400 naming the field.
 */
export async function compareData(
  db: Db,
  actor: Actor | null,
  url: URL,
  provinceCode: string,
  now: Date,
  d: DashboardData,
  labelOf: (key: string) => string,
): Promise<CompareData> {
  dashboardScope(actor, provinceCode);
  const raw = Object.fromEntries(['indicator', 'sort', 'dir'].map((k) => [k, url.searchParams.get(k)]));
  const parsed = CompareQuerySchema.safeParse(raw);
  // The error page shows the message, not the field list: it names the wrong parameter ("vi / en" split in two).
  const [vi, en] = parsed.success ? [] : (parsed.error.issues[0]?.message ?? '').split(' / ');
  const q = parsed.success
    ? parsed.data
    : parseWith(CompareQuerySchema, raw, { message: { vi: vi || 'Tham số không hợp lệ', en: en || 'Invalid parameter' } });
  const indicator = d.view.values.find((v) => v.id === (q.indicator ?? DEFAULT_INDICATOR));
  if (!indicator)
    throw new ValidationError([{ path: ['indicator'], message: 'Chỉ số không hợp lệ / Unknown indicator' }], {
      vi: 'Chỉ số không hợp lệ',
      en: 'Unknown indicator',
    });
  const indicatorId = indicator.id;
  const sort = q.sort ?? 'gap';
  const dir = q.dir ?? DEFAULT_DIR[sort];
  const f = d.filter;
  const quarters = quarterSeries(f.period, now);
  const [cells, targets] = await Promise.all([
    sumCellsForPeriods(
      db,
      { provinceCode, communeCode: f.communeCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType },
      quarters.map((p) => p.id),
    ),
    db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId)),
  ]);
  // Known businesses and OCOP products have no period: the same denominators as the chosen period's view.
  const ocop = d.view.values.find((v) => v.id === 'ocop_products_on_ecommerce');
  const extras = { registered: d.view.registered, ocopProducts: ocop?.denominator ?? 0, ocopListed: ocop?.numerator ?? 0 };
  const perQuarter = quarters.map((p) => indicatorValues(cells.get(p.id) ?? emptyCounters(), extras));
  const points = perQuarter.map((values, i) => {
    const v = values.find((x) => x.id === indicatorId)!;
    return { period: quarters[i]!, value: v.value, numerator: v.numerator, denominator: v.denominator };
  });
  const changes = new Map(
    d.view.values.map((v) => [v.id, quarterChange(perQuarter.map((values) => values.find((x) => x.id === v.id)!.value))]),
  );

  const byUnit = new Map(targets.map((t) => [t.communeCode, t]));
  const provinceExpected = expectedOf(byUnit.get(''), now);
  const unitRows = d.breakdown.map((r) => {
    const v = r.values.find((x) => x.id === indicatorId)!;
    // A commune's own target line when it has one, else the province's.
    const own = d.by === 'commune' ? byUnit.get(r.key) : undefined;
    return {
      key: r.key,
      label: labelOf(r.key),
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      expected: own ? expectedOf(own, now) : provinceExpected,
      n: r.n,
    };
  });
  const rows = rankUnits(unitRows, sort, dir);
  return {
    indicatorId,
    indicator,
    quarters: points,
    change: quarterChange(points.map((p) => p.value)),
    changes,
    rows,
    sort,
    dir,
    anyTarget: rows.some((r) => r.expected !== null),
  };
}
