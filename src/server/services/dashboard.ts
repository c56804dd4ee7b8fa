import type { Db } from '#src/db/client.ts';
import { eq } from 'drizzle-orm';
import {
  computeBreakdown,
  computeTrend,
  computeView,
  parseViewQuery,
  targetInfo,
  targetsOf,
  type TargetInfo,
  type View,
  type ViewFilter,
} from './indicators.ts';
import { requireRole, type Actor } from '#src/server/auth/guards.ts';
import { scopeOf, type Scope } from '#src/domain/access.ts';
import { previousPeriod, type Period } from '#src/domain/indicators/periods.ts';
import { expectedAt } from '#src/domain/indicators/targets.ts';
import type { IndicatorValue } from '#src/domain/indicators/dashboard.ts';
import { ForbiddenError, ValidationError } from '#src/server/http/errors.ts';
import { and } from 'drizzle-orm';
import { indicatorTargets } from '#src/db/schema/index.ts';
import { communeNamesOf, levelsByFramework } from '#src/db/queries/dashboard.ts';
import { roundPoints } from '#src/domain/indicators/rounding.ts';
import { provinceFiguresFor, type ProvinceFigureRow } from './province-figures.ts';

/** One collator for every sort by Vietnamese name (a locale argument per comparison builds one each time). */
export const VI_COLLATOR = new Intl.Collator('vi');

export const BREAKDOWNS = ['commune', 'formerDistrict', 'sector', 'size', 'producerType'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export type DashboardData = {
  filter: ViewFilter;
  scopeCommune: string | null;
  view: View;
  targets: Map<string, TargetInfo>;
  by: Breakdown;
  breakdown: {
    key: string;
    label: string;
    n: number;
    registered: number;
    values: IndicatorValue[];
    expected: number | null;
    gap: number | null;
  }[];
  communeNames: Map<string, string>;
  /** Businesses per level, one distribution per framework (levels of different frameworks are not comparable). */
  levelsPerFramework: { frameworkId: string; counts: { level: number; n: number }[] }[];
  /** Province-level figures entered by province staff for the period (beside the computed ones). */
  provinceFigures: ProvinceFigureRow[];
  /** Whether the reader may enter those figures. */
  provinceStaff: boolean;
};

/**
 * Who may read the dashboard, its drill-down and exports, and the commune they are tied to. The one
 * place these pages derive scope from: a commune officer always sees their commune, whatever the URL
 * says; an officer of no (or another) province sees nothing.
 */
export function dashboardScope(actor: Actor | null | undefined, provinceCode: string): { scope: Scope; scopeCommune: string | null } {
  const officer = requireRole(actor, 'officer', 'admin');
  const scope = scopeOf(officer);
  switch (scope.kind) {
    case 'all':
      return { scope: { kind: 'province', provinceCode }, scopeCommune: null };
    case 'province':
      if (scope.provinceCode !== provinceCode) throw new ForbiddenError();
      return { scope, scopeCommune: null };
    case 'commune':
      return { scope, scopeCommune: scope.communeCode };
    default:
      throw new ForbiddenError();
  }
}

/** Everything the officer dashboard and its exports show, for the actor's scope and the URL's filters. */
export async function dashboardData(db: Db, actor: Actor | null, url: URL, provinceCode: string, now: Date): Promise<DashboardData> {
  const { scopeCommune } = dashboardScope(actor, provinceCode);
  const { query, period } = parseViewQuery(url, now);
  const communeCode = scopeCommune ?? query.commune;
  const allCommunes = await communeNamesOf(db, provinceCode);
  const communeNames = new Map(allCommunes.map((c) => [c.code, c.name]));
  if (communeCode && !communeNames.has(communeCode))
    throw new ValidationError([{ path: ['commune'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  const filter: ViewFilter = {
    period,
    provinceCode,
    communeCode,
    sector: query.sector,
    sizeClass: query.size,
    producerType: query.producerType,
  };
  const byParam = url.searchParams.get('by');
  const by: Breakdown = (BREAKDOWNS as readonly string[]).includes(byParam ?? '') ? (byParam as Breakdown) : 'commune';
  // Independent reads, asked together (each is a handful of maintained counters).
  const [view, unitTargets, rows, [t], provinceFigures, levelRows] = await Promise.all([
    computeView(db, filter),
    targetsOf(db, communeCode ?? ''),
    computeBreakdown(db, filter, by),
    // Province-wide target of the headline indicator, to rank communes by how far behind the line they are.
    db
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, 'sme_platform_adoption'), eq(indicatorTargets.communeCode, '')))
      .limit(1),
    provinceFiguresFor(db, period.id),
    // The level distribution per framework: levels of different frameworks are never added up.
    levelsByFramework(db, {
      periodId: period.id,
      provinceCode,
      ...(communeCode ? { communeCode } : {}),
      ...(query.sector ? { sector: query.sector } : {}),
      ...(query.size ? { sizeClass: query.size } : {}),
      ...(query.producerType ? { producerType: query.producerType } : {}),
    }),
  ]);
  const targets = new Map<string, TargetInfo>();
  for (const v of view.values) targets.set(v.id, targetInfo(unitTargets.get(v.id), v.value, now));
  const expected = t
    ? roundPoints(
        expectedAt({ date: new Date(t.baselineDate), value: t.baselineValue }, { date: new Date(t.targetDate), value: t.targetValue }, now),
      )
    : null;
  // Furthest behind first (largest gap), then lowest value; ties by name. The sort keys are read once
  // per row, not per comparison (3 000 communes: about 35 000 comparisons).
  const breakdown = rows
    .map((r) => {
      const sme = r.values.find((x) => x.id === 'sme_platform_adoption')!;
      const row = {
        key: r.key,
        label: by === 'commune' ? (communeNames.get(r.key) ?? r.key) : r.key,
        n: r.counters.n,
        registered: r.registered,
        values: r.values,
        expected,
        gap: expected !== null && sme.value !== null ? roundPoints(expected - sme.value) : null,
      };
      return { row, gap: row.gap ?? -Infinity, value: sme.value ?? Infinity };
    })
    .sort((a, b) => b.gap - a.gap || a.value - b.value || VI_COLLATOR.compare(a.row.label, b.row.label))
    .map((r) => r.row);
  const levelsPerFramework = [...new Set(levelRows.map((r) => r.frameworkId))].sort().map((frameworkId) => ({
    frameworkId,
    counts: levelRows.filter((r) => r.frameworkId === frameworkId),
  }));
  return {
    filter,
    scopeCommune,
    view,
    targets,
    by,
    breakdown,
    communeNames,
    provinceFigures,
    provinceStaff: scopeCommune === null,
    levelsPerFramework,
  };
}

export type TrendPoint = { period: Period; value: number | null; n: number };

/**
 * The headline indicator over the periods before the dashboard's, for the exports' trend sheet (the page draws its
 * own quarters): each earlier period's counters, the denominators once.
 */
export async function headlineTrend(db: Db, d: Pick<DashboardData, 'filter' | 'view'>): Promise<TrendPoint[]> {
  const period = d.filter.period;
  const periods: Period[] = [period];
  for (let i = 0; i < (period.kind === 'quarter' ? 7 : 3); i++) periods.unshift(previousPeriod(periods[0]!));
  const earlier = await computeTrend(db, d.filter, periods.slice(0, -1));
  return periods.map((p, i) => {
    const sme = (earlier[i] ?? d.view).values.find((x) => x.id === 'sme_platform_adoption')!;
    return { period: p, value: sme.value, n: sme.denominator };
  });
}
