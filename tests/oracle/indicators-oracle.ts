/**
 * The reference model of the indicators: an independent recount over plain rows, used by the
 * tests to check every maintained counter (tests/integration/indicators-pipeline.test.ts). It
 * shares only the fact predicates with production (which answers show a platform beyond the
 * mandatory, digital technology, a covered need: pinned by tests/unit/indicators-facts.test.ts);
 * newest-per-period selection, filtering, denominators and arithmetic are its own.
 * Definitions and wording: src/domain/indicators/definitions.ts.
 *
 * Decisions a successor might otherwise undo:
 * - Newest first, filters after: each business is represented by its newest
 *   assessment submitted within the period, and only then are the commune /
 *   sector / size / producer-type filters applied to that assessment. Filtering
 *   first would let an older assessment (say, from before the business moved
 *   commune) stand in for it.
 * - Need-based shares count only businesses whose questionnaire can show the
 *   need (the framework's evidence table in recommendations/evidence.ts lists
 *   it): household producers answer no e-contract question, so they are left
 *   out of e-contract adoption instead of diluting it. `sme_platform_adoption`
 *   counts SMEs assessed with any framework that has an evidence table, in the
 *   numerator those using a platform beyond the mandatory (`usesPlatform`);
 *   `digital_tech_adoption` counts `appliesDigital`, not a level threshold.
 * - SMEs are size classes micro, small and medium; an unknown size (null) is
 *   not an SME for `sme_platform_adoption` (we do not guess).
 * - Percentages are computed from integers and rounded once, half up, to one
 *   decimal (1/8 → 12.5, 1/3 → 33.3, 2/3 → 66.7). Means likewise, from scores
 *   taken to hundredths (the precision `scoreAssessment` gives).
 * - `value` is null when it cannot be computed for the cell: a zero
 *   denominator, or data that do not split by the requested grouping (then
 *   numerator and denominator are null too):
 *     · `registeredCount` / `recommendation` given as plain numbers are taken
 *       as already matching the filters of the call; a `breakdown` cannot split
 *       them, so its group rows get null for those indicators (pass rows to
 *       get per-group values), except that period rows keep the registered
 *       count (coverage per quarter = assessed in the quarter ÷ registered
 *       now: registrations are a current snapshot);
 *     · OCOP products carry no sector or size, so the OCOP share is null when
 *       filtering or grouping by those (and by producer type unless every
 *       product carries one). OCOP listing status is a current snapshot: the
 *       period filter does not apply to it, and period breakdown rows get null.
 * - `businesses` is how many distinct businesses a cell is built on (what
 *   suppression.ts tests against): assessed businesses for shares of assessed
 *   businesses and for coverage, distinct producers (or products when the
 *   producer is unknown) for OCOP, and the given count for recommendation
 *   totals (0 when not given, so such a cell is suppressed in public output).
 * - `inRegistry` is carried for the caller (e.g. to list assessed businesses
 *   missing from the registry); coverage uses the caller's registered count,
 *   which must already be the registry ∪ registered accounts without double
 *   counting.
 *
 * No astro, no database, no clock. Deterministic: the output does
 * not depend on the order of the input rows (except for two assessments of the
 * same business with the same submission instant and no `assessmentId`, where
 * the later row wins).
 */
import { NEEDS } from '#src/domain/platforms/schema.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { evidenceFor } from '#src/domain/recommendations/evidence.ts';
import type { Answers, Profile } from '#src/domain/framework/schema.ts';
import type { SizeClass } from '#src/domain/identity/size-class.ts';
import { INDICATORS, SCALAR_INDICATOR_IDS } from '#src/domain/indicators/definitions.ts';
import type { IndicatorDefinition, ScalarIndicatorId } from '#src/domain/indicators/definitions.ts';
import { periodsBetween } from '#src/domain/indicators/periods.ts';
import type { PeriodKind } from '#src/domain/indicators/periods.ts';
import type {
  Breakdown,
  BreakdownBy,
  BreakdownRow,
  IndicatorResult,
  IndicatorValue,
  LevelDistribution,
  PillarMean,
} from '#src/domain/indicators/result.ts';

export type { Breakdown, BreakdownBy, BreakdownRow, IndicatorResult, IndicatorValue, LevelDistribution, PillarMean };

// ---------------------------------------------------------------------------
// Input rows
// ---------------------------------------------------------------------------

export interface AssessmentFact {
  businessId: string;
  /** Tie-break when one business has two assessments submitted at the same instant (larger id wins). */
  assessmentId?: string;
  submittedAt: Date;
  frameworkId: string;
  /** Overall level 0–5. */
  level: number;
  /** Overall score 0–100. */
  score: number;
  pillars: readonly { id: string; score: number }[];
  sizeClass: SizeClass | null;
  sector: string | null;
  producerType: string;
  communeCode: string;
  /** Needs covered by the answers or by adopted marks (see `coveredNeedsFor`). */
  coveredNeeds: readonly NeedId[];
  /** Uses a platform beyond what the law requires and beyond online banking alone. */
  usesPlatform: boolean;
  /** Digital tools in at least one production, operations or management function. */
  appliesDigital: boolean;
  inRegistry: boolean;
}

export interface OcopProductFact {
  productId: string;
  stars: 3 | 4 | 5;
  communeCode: string;
  group: string;
  /** Status 'listed' on at least one floor. */
  listed: boolean;
  /** The producing business; products of one producer count as one business for suppression. */
  producerId?: string;
  producerType?: string;
}

/**
 * Registered businesses (registry ∪ accounts, deduplicated by the caller) of
 * one group. A null attribute means unknown (such businesses form the
 * "unknown" group of a breakdown); when every row is null on an attribute,
 * the counts are taken as not split by it, and coverage filtered or grouped
 * by that attribute is null.
 */
export interface RegisteredCount {
  communeCode: string | null;
  sector: string | null;
  sizeClass: SizeClass | null;
  producerType: string | null;
  count: number;
}

/** One business's recommendation record: distinct needs ever recommended, and how many of those it marked adopted. */
export interface RecommendationFact {
  businessId: string;
  recommended: number;
  adopted: number;
}

/** Totals for the cell of the call, computed by the caller. */
export interface RecommendationTotals {
  recommended: number;
  adopted: number;
  /** Distinct businesses behind the totals; when missing, the cell counts as built on 0 businesses. */
  businesses?: number;
}

export interface IndicatorInput {
  assessments: readonly AssessmentFact[];
  ocopProducts: readonly OcopProductFact[];
  /** A number matching the filters of the call, or rows to filter and split. */
  registeredCount: number | readonly RegisteredCount[];
  /** Totals matching the filters of the call, or per-business rows to filter and split. */
  recommendation: RecommendationTotals | readonly RecommendationFact[];
}

export interface DateRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface Filters {
  period?: DateRange;
  communeCode?: string;
  /** An officer's scope; combined with `communeCode` when both are set. */
  communeCodes?: readonly string[];
  sector?: string;
  sizeClass?: SizeClass;
  producerType?: string;
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
const SME_CLASSES: ReadonlySet<string> = new Set(['micro', 'small', 'medium']);

// ---------------------------------------------------------------------------
// Arithmetic: integers in, one rounding out
// ---------------------------------------------------------------------------

/** floor(a / b) for non-negative safe integers, exactly. */
function intDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** 100·num/den rounded half up to one decimal, computed exactly; null when den is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return intDiv(2000 * numerator + denominator, 2 * denominator) / 10;
}

/** Mean of scores (taken to hundredths) rounded half up to one decimal; null for no scores. */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let hundredths = 0;
  for (const s of scores) hundredths += Math.round(s * 100);
  const n = scores.length;
  // mean/ to 1 decimal = round(hundredths / (10 n)) / 10
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const tenths = intDiv(2 * abs + 10 * n, 20 * n);
  return (negative ? -tenths : tenths) / 10;
}

// ---------------------------------------------------------------------------
// Building facts
// ---------------------------------------------------------------------------

/**
 * The needs an assessment shows covered: by its answers (the framework's
 * evidence rules) or by an adopted mark. In NEEDS order. For the DB layer
 * building `AssessmentFact.coveredNeeds`.
 */
export function coveredNeedsFor(frameworkId: string, answers: Answers, profile: Profile, adopted: Iterable<NeedId> = []): NeedId[] {
  const covered = new Set<NeedId>(adopted);
  for (const evidence of evidenceFor(frameworkId)) {
    if (evidence.covered(answers, profile)) covered.add(evidence.need);
  }
  return NEEDS.map((n) => n.id).filter((id) => covered.has(id));
}

/** Whether a framework's questionnaire can show any of these needs covered. */
function frameworkAssesses(frameworkId: string, needs: readonly NeedId[] | null): boolean {
  const table = evidenceFor(frameworkId);
  return needs === null ? table.length > 0 : table.some((e) => needs.includes(e.need));
}

// ---------------------------------------------------------------------------
// Newest assessment per business
// ---------------------------------------------------------------------------

function inRange(date: Date, range: DateRange | undefined): boolean {
  if (!range) return true;
  const t = date.getTime();
  return t >= range.from.getTime() && t < range.to.getTime();
}

function newer(a: AssessmentFact, b: AssessmentFact): boolean {
  const d = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (d !== 0) return d > 0;
  if (a.assessmentId !== undefined && b.assessmentId !== undefined) return a.assessmentId > b.assessmentId;
  return true;
}

/**
 * One fact per business: its newest submitted within `period` (all time when
 * no period is given). Sorted by business id.
 */
export function newestPerBusiness(facts: readonly AssessmentFact[], period?: DateRange): AssessmentFact[] {
  const best = new Map<string, AssessmentFact>();
  for (const f of facts) {
    if (!inRange(f.submittedAt, period)) continue;
    const current = best.get(f.businessId);
    if (current === undefined || newer(f, current)) best.set(f.businessId, f);
  }
  return [...best.values()].sort((a, b) => compareKeys(a.businessId, b.businessId));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------

interface Attributes {
  communeCode: string | null;
  sector: string | null;
  sizeClass: SizeClass | null;
  producerType: string | null;
}

function matches(a: Attributes, f: Filters): boolean {
  if (f.communeCode !== undefined && a.communeCode !== f.communeCode) return false;
  if (f.communeCodes !== undefined && (a.communeCode === null || !f.communeCodes.includes(a.communeCode))) return false;
  if (f.sector !== undefined && a.sector !== f.sector) return false;
  if (f.sizeClass !== undefined && a.sizeClass !== f.sizeClass) return false;
  if (f.producerType !== undefined && a.producerType !== f.producerType) return false;
  return true;
}

// ---------------------------------------------------------------------------
// One cell
// ---------------------------------------------------------------------------

interface CellContext {
  /** Registered businesses of the cell, or null when unknown. */
  registered: number | null;
  /** Recommendation numbers of the cell, or null when unknown. */
  recommendation: { recommended: number; adopted: number; businesses: number } | null;
  /** OCOP products of the cell, or null when the cell's grouping does not apply to products. */
  ocop: readonly OcopProductFact[] | null;
}

function unavailable(def: IndicatorDefinition): IndicatorValue {
  return { id: def.id as ScalarIndicatorId, unit: def.unit, numerator: null, denominator: null, value: null, businesses: 0 };
}

function share(def: IndicatorDefinition, numerator: number, denominator: number, businesses: number): IndicatorValue {
  return {
    id: def.id as ScalarIndicatorId,
    unit: def.unit,
    numerator,
    denominator,
    value: percent(numerator, denominator),
    businesses,
  };
}

function assertLevel(level: number, businessId: string): void {
  if (!Number.isInteger(level) || level < 0 || level > 5) {
    throw new RangeError(`assessment of business ${businessId}: level must be an integer 0–5, got ${level}`);
  }
}

function scalar(def: IndicatorDefinition, cell: readonly AssessmentFact[], ctx: CellContext): IndicatorValue {
  switch (def.id) {
    case 'sme_platform_adoption': {
      const smes = cell.filter((f) => f.sizeClass !== null && SME_CLASSES.has(f.sizeClass) && frameworkAssesses(f.frameworkId, null));
      const covered = smes.filter((f) => f.usesPlatform).length;
      return share(def, covered, smes.length, smes.length);
    }
    case 'digital_tech_adoption': {
      const atLeastOne = cell.filter((f) => f.appliesDigital).length;
      return share(def, atLeastOne, cell.length, cell.length);
    }
    case 'ocop_products_on_ecommerce': {
      if (ctx.ocop === null) return unavailable(def);
      const listed = ctx.ocop.filter((p) => p.listed).length;
      const producers = new Set(ctx.ocop.map((p) => p.producerId ?? `product:${p.productId}`)).size;
      return share(def, listed, ctx.ocop.length, producers);
    }
    case 'assessment_coverage': {
      if (ctx.registered === null) return unavailable(def);
      // Known businesses are at least the assessed ones (docs/indicators.md): a business assessed
      // where it no longer is, or not in the registry yet, still counts as known where it was assessed.
      return share(def, cell.length, Math.max(ctx.registered, cell.length), cell.length);
    }
    case 'recommendation_adoption': {
      const r = ctx.recommendation;
      if (r === null) return unavailable(def);
      return share(def, r.adopted, r.recommended, r.businesses);
    }
    default: {
      const needs = def.needs;
      if (!needs) throw new Error(`indicator ${def.id} has no computation`);
      const asked = cell.filter((f) => frameworkAssesses(f.frameworkId, needs));
      const covered = asked.filter((f) => f.coveredNeeds.some((n) => needs.includes(n))).length;
      return share(def, covered, asked.length, asked.length);
    }
  }
}

function levelDistributionOf(cell: readonly AssessmentFact[]): LevelDistribution {
  const counts = LEVELS.map(() => 0);
  for (const f of cell) counts[f.level]!++;
  return { counts, businesses: cell.length };
}

function pillarMeansOf(cell: readonly AssessmentFact[]): PillarMean[] {
  const groups = new Map<string, { frameworkId: string; id: string; order: number; scores: number[] }>();
  for (const f of cell) {
    f.pillars.forEach((p, order) => {
      const key = `${f.frameworkId}\u0000${p.id}`;
      let g = groups.get(key);
      if (!g) {
        g = { frameworkId: f.frameworkId, id: p.id, order, scores: [] };
        groups.set(key, g);
      }
      g.order = Math.min(g.order, order);
      g.scores.push(p.score);
    });
  }
  return [...groups.values()]
    .sort((a, b) => compareKeys(a.frameworkId, b.frameworkId) || a.order - b.order || compareKeys(a.id, b.id))
    .map((g) => ({ frameworkId: g.frameworkId, id: g.id, mean: meanScore(g.scores)!, n: g.scores.length }));
}

function computeCell(cell: readonly AssessmentFact[], ctx: CellContext): IndicatorResult {
  for (const f of cell) assertLevel(f.level, f.businessId);
  const defs = INDICATORS.filter((d) => (SCALAR_INDICATOR_IDS as readonly string[]).includes(d.id));
  return {
    indicators: defs.map((d) => scalar(d, cell, ctx)),
    levelDistribution: levelDistributionOf(cell),
    pillarMeans: pillarMeansOf(cell),
    assessed: cell.length,
  };
}

// ---------------------------------------------------------------------------
// Context for a cell
// ---------------------------------------------------------------------------

/** A cell = the filters of the call plus, in a breakdown, one group. */
interface CellSpec {
  filters: Filters;
  /** Group predicate on attributes (breakdown rows only). */
  group?: (a: Attributes) => boolean;
  /** The group's predicate on OCOP products, or null when the grouping does not apply to products. */
  ocopGroup?: ((p: OcopProductFact) => boolean) | null;
  /** The attribute a breakdown row is grouped by. */
  groupBy?: keyof Attributes;
  /** True for breakdown rows: plain-number inputs cannot be split. */
  isGroupRow: boolean;
  /** Period rows: OCOP snapshot does not apply. */
  periodRow?: boolean;
}

function factAttributes(f: AssessmentFact): Attributes {
  return { communeCode: f.communeCode, sector: f.sector, sizeClass: f.sizeClass, producerType: f.producerType };
}

function ocopFor(products: readonly OcopProductFact[], spec: CellSpec): readonly OcopProductFact[] | null {
  const f = spec.filters;
  if (spec.periodRow) return null;
  if (f.sector !== undefined || f.sizeClass !== undefined) return null;
  if (f.producerType !== undefined && products.some((p) => p.producerType === undefined)) return null;
  const group = spec.ocopGroup;
  if (group === null) return null;
  return products.filter(
    (p) =>
      p.stars >= 3 &&
      matches(
        { communeCode: p.communeCode, sector: null, sizeClass: null, producerType: p.producerType ?? null },
        { communeCode: f.communeCode, communeCodes: f.communeCodes, producerType: f.producerType },
      ) &&
      (group === undefined || group(p)),
  );
}

/** Attributes the cell is restricted by (filters and the breakdown grouping). */
function restrictedAttributes(spec: CellSpec): (keyof Attributes)[] {
  const f = spec.filters;
  const out: (keyof Attributes)[] = [];
  if (f.communeCode !== undefined || f.communeCodes !== undefined || spec.groupBy === 'communeCode') out.push('communeCode');
  if (f.sector !== undefined || spec.groupBy === 'sector') out.push('sector');
  if (f.sizeClass !== undefined || spec.groupBy === 'sizeClass') out.push('sizeClass');
  if (f.producerType !== undefined || spec.groupBy === 'producerType') out.push('producerType');
  return out;
}

/** Registered rows that are null on an attribute in every row are not split by it. */
function registryUnsplit(rows: readonly RegisteredCount[], attribute: keyof Attributes): boolean {
  return rows.every((row) => row[attribute] === null);
}

function registeredFor(input: IndicatorInput, spec: CellSpec): number | null {
  const r = input.registeredCount;
  // A plain number matches the call's filters: it cannot be split by an
  // attribute, but it is the denominator of every period row alike.
  if (typeof r === 'number') return spec.isGroupRow && !spec.periodRow ? null : r;
  if (r.length > 0 && restrictedAttributes(spec).some((a) => registryUnsplit(r, a))) return null;
  let total = 0;
  for (const row of r) {
    const a: Attributes = row;
    if (matches(a, spec.filters) && (spec.group === undefined || spec.group(a))) total += row.count;
  }
  return total;
}

function recommendationFor(input: IndicatorInput, cell: readonly AssessmentFact[], spec: CellSpec): CellContext['recommendation'] {
  const r = input.recommendation;
  if (!Array.isArray(r)) {
    if (spec.isGroupRow) return null;
    const totals = r as RecommendationTotals;
    return { recommended: totals.recommended, adopted: totals.adopted, businesses: totals.businesses ?? 0 };
  }
  const inCell = new Set(cell.map((f) => f.businessId));
  const perBusiness = new Map<string, { recommended: number; adopted: number }>();
  for (const row of r as readonly RecommendationFact[]) {
    if (!inCell.has(row.businessId)) continue;
    const acc = perBusiness.get(row.businessId) ?? { recommended: 0, adopted: 0 };
    acc.recommended += row.recommended;
    acc.adopted += row.adopted;
    perBusiness.set(row.businessId, acc);
  }
  let recommended = 0;
  let adopted = 0;
  let businesses = 0;
  for (const v of perBusiness.values()) {
    recommended += v.recommended;
    adopted += v.adopted;
    if (v.recommended > 0) businesses++;
  }
  return { recommended, adopted, businesses };
}

function computeSpec(input: IndicatorInput, newest: readonly AssessmentFact[], spec: CellSpec): IndicatorResult {
  const cell = newest.filter((f) => {
    const a = factAttributes(f);
    return matches(a, spec.filters) && (spec.group === undefined || spec.group(a));
  });
  return computeCell(cell, {
    registered: registeredFor(input, spec),
    recommendation: recommendationFor(input, cell, spec),
    ocop: ocopFor(input.ocopProducts, spec),
  });
}

/**
 * Every indicator for one cell: the businesses matching `filters`, each
 * through its newest assessment submitted within `filters.period`.
 */
export function computeIndicators(input: IndicatorInput, filters: Filters = {}): IndicatorResult {
  const newest = newestPerBusiness(input.assessments, filters.period);
  return computeSpec(input, newest, { filters, isGroupRow: false });
}

// ---------------------------------------------------------------------------
// Breakdowns
// ---------------------------------------------------------------------------

/** Row key for businesses whose sector or size is not known. */
export const UNKNOWN_KEY = 'unknown';

const SIZE_ORDER: readonly string[] = ['micro', 'small', 'medium', 'large', UNKNOWN_KEY];

export interface BreakdownOptions {
  /**
   * Groups to show even when nobody in them has assessed (e.g. every commune
   * of the officer's scope). For a commune breakdown, `filters.communeCodes`
   * are added automatically.
   */
  keys?: readonly string[];
  /** Period breakdown: quarters or years (default quarters)… */
  periodKind?: PeriodKind;
  /** …over this range (default `filters.period`). */
  range?: DateRange;
}

function attributeKey(a: Attributes, by: Exclude<BreakdownBy, 'period'>): string {
  const v = by === 'commune' ? a.communeCode : by === 'sector' ? a.sector : by === 'size' ? a.sizeClass : a.producerType;
  return v ?? UNKNOWN_KEY;
}

function sortKeys(keys: Iterable<string>, by: BreakdownBy): string[] {
  const list = [...new Set(keys)];
  if (by === 'size') {
    const rank = (k: string): number => {
      const i = SIZE_ORDER.indexOf(k);
      return i === -1 ? SIZE_ORDER.length : i;
    };
    return list.sort((a, b) => rank(a) - rank(b) || compareKeys(a, b));
  }
  return list.sort((a, b) => {
    if (a === UNKNOWN_KEY || b === UNKNOWN_KEY) return a === b ? 0 : a === UNKNOWN_KEY ? 1 : -1;
    return compareKeys(a, b);
  });
}

/**
 * The indicators of `filters` split by a grouping: commune, sector (VSIC
 * section), size class, producer type, or period (quarters or years over
 * `opts.range` or `filters.period`, for trends). Rows are sorted by key
 * (sizes from micro to large, unknown last; periods in time order); groups
 * listed in `opts.keys` appear even when empty.
 */
export function breakdown(input: IndicatorInput, filters: Filters, by: BreakdownBy, opts: BreakdownOptions = {}): Breakdown {
  if (by === 'period') {
    const range = opts.range ?? filters.period;
    if (!range) throw new RangeError('a period breakdown needs opts.range or filters.period');
    const totalResult = computeIndicators(input, { ...filters, period: range });
    const rows = periodsBetween(range.from, range.to, opts.periodKind ?? 'quarter').map((p) => {
      const newest = newestPerBusiness(input.assessments, { from: p.from, to: p.to });
      return {
        key: p.id,
        label: p.label,
        result: computeSpec(input, newest, {
          filters: { ...filters, period: { from: p.from, to: p.to } },
          isGroupRow: true,
          periodRow: true,
        }),
      };
    });
    return { by, total: { key: 'total', result: totalResult }, rows };
  }

  const newest = newestPerBusiness(input.assessments, filters.period);
  const total = computeSpec(input, newest, { filters, isGroupRow: false });
  const keys = new Set<string>(opts.keys ?? []);
  if (by === 'commune' && filters.communeCodes) for (const c of filters.communeCodes) keys.add(c);
  for (const f of newest) {
    const a = factAttributes(f);
    if (matches(a, filters)) keys.add(attributeKey(a, by));
  }
  const groupBy: keyof Attributes =
    by === 'commune' ? 'communeCode' : by === 'sector' ? 'sector' : by === 'size' ? 'sizeClass' : 'producerType';
  if (Array.isArray(input.registeredCount)) {
    const registered = input.registeredCount as readonly RegisteredCount[];
    if (!registryUnsplit(registered, groupBy)) {
      for (const row of registered) {
        if (row.count > 0 && matches(row, filters)) keys.add(attributeKey(row, by));
      }
    }
  }
  if (by === 'commune') {
    for (const p of input.ocopProducts) {
      if (
        matches(
          { communeCode: p.communeCode, sector: null, sizeClass: null, producerType: null },
          { communeCode: filters.communeCode, communeCodes: filters.communeCodes },
        )
      ) {
        keys.add(p.communeCode);
      }
    }
  }
  const allProductsTyped = input.ocopProducts.every((p) => p.producerType !== undefined);
  const rows = sortKeys(keys, by).map((key) => {
    const ocopGroup: CellSpec['ocopGroup'] =
      by === 'commune' ? (p) => p.communeCode === key : by === 'producerType' && allProductsTyped ? (p) => p.producerType === key : null;
    return {
      key,
      result: computeSpec(input, newest, {
        filters,
        group: (a) => attributeKey(a, by) === key,
        groupBy,
        ocopGroup,
        isGroupRow: true,
      }),
    };
  });
  return { by, total: { key: 'total', result: total }, rows };
}

/** One indicator of a result, by id. */
export function indicatorOf(result: IndicatorResult, id: ScalarIndicatorId): IndicatorValue {
  const v = result.indicators.find((i) => i.id === id);
  if (!v) throw new Error(`unknown indicator ${id}`);
  return v;
}
