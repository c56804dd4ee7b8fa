/**
 * The reference model (tests/oracle/indicators-oracle.ts) on a worked example: 12 businesses in two communes, Q1 2026, with a retake in the
 * same quarter (that also moved commune), a retake in the next quarter and a
 * business assessed only in the previous quarter. Every expected number below
 * is counted by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  breakdown,
  computeIndicators,
  coveredNeedsFor,
  indicatorOf,
  meanScore,
  newestPerBusiness,
  percent,
} from '../oracle/indicators-oracle.ts';
import type { AssessmentFact, IndicatorInput, IndicatorResult, OcopProductFact } from '../oracle/indicators-oracle.ts';
import type { ScalarIndicatorId } from '#src/domain/indicators/definitions.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';

const A = '14001';
const B = '14002';
const Q1 = parsePeriod('2026-Q1')!;
const Q1_RANGE = { from: Q1.from, to: Q1.to };

let seq = 0;
function fact(
  businessId: string,
  communeCode: string,
  opts: {
    at?: string;
    framework?: 'dbi-sme' | 'producer';
    size: AssessmentFact['sizeClass'];
    sector?: string | null;
    producerType?: string;
    level: number;
    score?: number;
    pillars: [number, number];
    covered: NeedId[];
  },
): AssessmentFact {
  const framework = opts.framework ?? 'dbi-sme';
  const ids = framework === 'dbi-sme' ? ['p1', 'p2'] : ['sell', 'pay'];
  return {
    businessId,
    assessmentId: `a${String(++seq).padStart(3, '0')}`,
    submittedAt: new Date(opts.at ?? '2026-02-10T03:00:00Z'),
    frameworkId: framework,
    level: opts.level,
    score: opts.score ?? 0,
    pillars: [
      { id: ids[0]!, score: opts.pillars[0] },
      { id: ids[1]!, score: opts.pillars[1] },
    ],
    sizeClass: opts.size,
    sector: opts.sector === undefined ? 'G' : opts.sector,
    producerType: opts.producerType ?? (framework === 'producer' ? 'household' : 'enterprise'),
    communeCode,
    coveredNeeds: opts.covered,
    // Input data, not derived here (which answers show them is pinned in indicators-facts.test.ts):
    // in this example the businesses covering any need also use a platform beyond the mandatory,
    // and those at level 1 or more use digital tools in a business function.
    usesPlatform: opts.covered.length > 0,
    appliesDigital: opts.level >= 1,
    inRegistry: true,
  };
}

const FACTS: AssessmentFact[] = [
  // Commune A
  fact('b01', A, { size: 'micro', sector: 'C', level: 2, score: 40, pillars: [50, 30], covered: ['e_invoice', 'cashless_payment'] }),
  fact('b02', A, { size: 'small', level: 1, score: 22.5, pillars: [20, 25.25], covered: ['e_invoice', 'e_contract'] }),
  fact('b03', A, { size: 'medium', level: 0, score: 5, pillars: [10, 0], covered: [] }),
  fact('b04', A, {
    size: 'large',
    sector: 'C',
    level: 3,
    score: 55,
    pillars: [60, 50],
    covered: ['e_invoice', 'e_contract', 'ecommerce_marketplace'],
  }),
  fact('b05', A, {
    framework: 'producer',
    size: 'micro',
    sector: 'A',
    level: 1,
    pillars: [40, 20],
    covered: ['farm_ocop_floor', 'cashless_payment'],
  }),
  fact('b06', A, { framework: 'producer', size: null, sector: null, producerType: 'cooperative', level: 0, pillars: [0, 0], covered: [] }),
  // b07: first assessment of Q1 in commune B at level 0, retaken later in Q1 in commune A at level 2…
  fact('b07', B, { at: '2026-01-05T02:00:00Z', size: 'small', sector: 'C', level: 0, pillars: [5, 5], covered: [] }),
  fact('b07', A, {
    at: '2026-03-20T02:00:00Z',
    size: 'small',
    sector: 'C',
    level: 2,
    score: 45,
    pillars: [45, 45],
    covered: ['e_invoice', 'cashless_payment', 'e_contract'],
  }),
  // …and again in Q2 (00:30 ICT on 1 April) at level 4: outside Q1.
  fact('b07', A, { at: '2026-03-31T17:30:00Z', size: 'small', sector: 'C', level: 4, pillars: [90, 90], covered: ['e_invoice'] }),
  // Commune B
  fact('b08', B, { size: 'micro', level: 1, pillars: [30, 12], covered: ['cashless_payment'] }),
  fact('b09', B, { size: 'small', level: 0, pillars: [8, 8], covered: [] }),
  fact('b10', B, {
    framework: 'producer',
    size: 'micro',
    sector: 'A',
    level: 2,
    pillars: [60, 40],
    covered: ['ecommerce_marketplace', 'e_invoice'],
  }),
  fact('b11', B, { size: 'medium', sector: 'F', level: 1, pillars: [35, 25], covered: ['e_invoice', 'e_contract', 'cashless_payment'] }),
  // b12 submitted at 23:59 ICT on 31 March: still Q1.
  fact('b12', B, { at: '2026-03-31T16:59:00Z', size: 'micro', level: 0, pillars: [10, 14], covered: ['online_presence'] }),
  // b13: only in Q4 2025 (23:00 ICT on 31 December).
  fact('b13', B, { at: '2025-12-31T16:00:00Z', size: 'micro', level: 5, pillars: [99, 99], covered: ['e_invoice'] }),
];

const OCOP: OcopProductFact[] = [
  { productId: 'p1', stars: 3, communeCode: A, group: 'food', listed: true, producerId: 'b05' },
  { productId: 'p2', stars: 4, communeCode: A, group: 'food', listed: false, producerId: 'b05' },
  { productId: 'p3', stars: 5, communeCode: A, group: 'beverages', listed: true, producerId: 'htx-x' },
  { productId: 'p4', stars: 3, communeCode: B, group: 'handicrafts', listed: true, producerId: 'htx-y' },
  { productId: 'p5', stars: 3, communeCode: B, group: 'handicrafts', listed: false, producerId: 'htx-y' },
];

const INPUT: IndicatorInput = {
  assessments: FACTS,
  ocopProducts: OCOP,
  registeredCount: [
    { communeCode: A, sector: null, sizeClass: null, producerType: null, count: 30 },
    { communeCode: B, sector: null, sizeClass: null, producerType: null, count: 20 },
  ],
  recommendation: [
    { businessId: 'b01', recommended: 4, adopted: 1 },
    { businessId: 'b02', recommended: 3, adopted: 0 },
    { businessId: 'b08', recommended: 2, adopted: 2 },
    { businessId: 'b13', recommended: 5, adopted: 5 },
  ],
};

function values(result: IndicatorResult): Record<string, [number | null, number | null, number | null, number]> {
  return Object.fromEntries(result.indicators.map((v) => [v.id, [v.numerator, v.denominator, v.value, v.businesses]]));
}

describe('arithmetic', () => {
  it('rounds percentages once, half up, from integers', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percent(1, 2000)).toBe(0.1); // 0.05 → 0.1
    expect(percent(1, 2001)).toBe(0); // 0.04998 → 0.0
    expect(percent(2_000_001, 2_000_000)).toBe(100); // 100.00005 → 100.0
    expect(percent(0, 7)).toBe(0);
    expect(percent(7, 7)).toBe(100);
    expect(percent(1, 0)).toBeNull();
  });

  it('means scores to one decimal, half up', () => {
    expect(meanScore([23.25])).toBe(23.3);
    expect(meanScore([0.1, 0.2])).toBe(0.2); // 0.15 → 0.2 (floating point 0.1 + 0.2 would not be exact)
    expect(meanScore([])).toBeNull();
  });
});

describe('newestPerBusiness', () => {
  it('keeps one assessment per business: its newest within the period', () => {
    const newest = newestPerBusiness(FACTS, Q1_RANGE);
    expect(newest.map((f) => f.businessId)).toEqual(['b01', 'b02', 'b03', 'b04', 'b05', 'b06', 'b07', 'b08', 'b09', 'b10', 'b11', 'b12']);
    const b07 = newest.find((f) => f.businessId === 'b07')!;
    expect(b07.level).toBe(2);
    expect(b07.communeCode).toBe(A);
  });

  it('without a period takes the newest overall', () => {
    expect(newestPerBusiness(FACTS).find((f) => f.businessId === 'b07')!.level).toBe(4);
    expect(newestPerBusiness(FACTS)).toHaveLength(13);
  });

  it('does not depend on row order, ties broken by assessment id', () => {
    const a = { ...FACTS[0]!, assessmentId: 'x1', level: 1 };
    const b = { ...FACTS[0]!, assessmentId: 'x2', level: 3 };
    expect(newestPerBusiness([a, b])[0]!.level).toBe(3);
    expect(newestPerBusiness([b, a])[0]!.level).toBe(3);
  });
});

describe('computeIndicators: worked example, Q1 2026', () => {
  const province = computeIndicators(INPUT, { period: Q1_RANGE });

  it('counts each business once (b07 retook in the quarter, b13 is outside it)', () => {
    expect(province.assessed).toBe(12);
  });

  it('gives the province-wide values', () => {
    expect(values(province)).toEqual({
      // SMEs: 10 (b04 large and b06 of unknown size left out); covered: all but b03, b09.
      sme_platform_adoption: [8, 10, 80, 10],
      // level ≥ 1: b01 b02 b04 b05 b07 b08 b10 b11.
      digital_tech_adoption: [8, 12, 66.7, 12],
      // e-invoice: b01 b02 b04 b07 b10 b11.
      einvoice_adoption: [6, 12, 50, 12],
      etax_adoption: [0, 12, 0, 12],
      // cashless: b01 b05 b07 b08 b11 → 5/12 = 41.67.
      epayment_adoption: [5, 12, 41.7, 12],
      // e-contract: asked only of the 9 DBI businesses; covered b02 b04 b07 b11.
      econtract_adoption: [4, 9, 44.4, 9],
      // marketplace or farm/OCOP floor: b04 b05 b10.
      ecommerce_adoption: [3, 12, 25, 12],
      // 3 of 5 products listed; producers b05, htx-x, htx-y.
      ocop_products_on_ecommerce: [3, 5, 60, 3],
      // 12 assessed of 30 + 20 registered.
      assessment_coverage: [12, 50, 24, 12],
      // b01 4/1, b02 3/0, b08 2/2 (b13 has no assessment in Q1).
      recommendation_adoption: [3, 9, 33.3, 3],
    });
  });

  it('gives the level distribution', () => {
    expect(province.levelDistribution).toEqual({ counts: [4, 4, 3, 1, 0, 0], businesses: 12 });
  });

  it('gives pillar means per framework', () => {
    expect(province.pillarMeans).toEqual([
      // DBI (9 businesses): p1 268/9 = 29.78; p2 209.25/9 = 23.25 → 23.3.
      { frameworkId: 'dbi-sme', id: 'p1', mean: 29.8, n: 9 },
      { frameworkId: 'dbi-sme', id: 'p2', mean: 23.3, n: 9 },
      // Producer (b05 b06 b10): sell 100/3, pay 60/3.
      { frameworkId: 'producer', id: 'sell', mean: 33.3, n: 3 },
      { frameworkId: 'producer', id: 'pay', mean: 20, n: 3 },
    ]);
  });

  it('gives commune A', () => {
    const a = computeIndicators(INPUT, { period: Q1_RANGE, communeCode: A });
    expect(a.assessed).toBe(7);
    expect(values(a)).toMatchObject({
      sme_platform_adoption: [4, 5, 80, 5],
      digital_tech_adoption: [5, 7, 71.4, 7],
      einvoice_adoption: [4, 7, 57.1, 7],
      epayment_adoption: [3, 7, 42.9, 7],
      econtract_adoption: [3, 5, 60, 5],
      ecommerce_adoption: [2, 7, 28.6, 7],
      ocop_products_on_ecommerce: [2, 3, 66.7, 2],
      assessment_coverage: [7, 30, 23.3, 7],
      recommendation_adoption: [1, 7, 14.3, 2],
    });
    expect(a.levelDistribution.counts).toEqual([2, 2, 2, 1, 0, 0]);
  });

  it('gives commune B (b07 moved out of it, b13 not in the period)', () => {
    const b = computeIndicators(INPUT, { period: Q1_RANGE, communeCode: B });
    expect(b.assessed).toBe(5);
    expect(values(b)).toMatchObject({
      sme_platform_adoption: [4, 5, 80, 5],
      digital_tech_adoption: [3, 5, 60, 5],
      einvoice_adoption: [2, 5, 40, 5],
      epayment_adoption: [2, 5, 40, 5],
      econtract_adoption: [1, 4, 25, 4],
      ecommerce_adoption: [1, 5, 20, 5],
      ocop_products_on_ecommerce: [1, 2, 50, 1],
      assessment_coverage: [5, 20, 25, 5],
      recommendation_adoption: [2, 2, 100, 1],
    });
    expect(b.levelDistribution.counts).toEqual([2, 2, 1, 0, 0, 0]);
  });

  it('SMEs only: large firms are outside sme_platform_adoption but inside the other shares', () => {
    const large = computeIndicators(INPUT, { period: Q1_RANGE, sizeClass: 'large' });
    expect(large.assessed).toBe(1);
    expect(indicatorOf(large, 'sme_platform_adoption')).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(indicatorOf(large, 'einvoice_adoption')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    // OCOP products have no size, and the registered counts are not split by size: not computable.
    expect(indicatorOf(large, 'ocop_products_on_ecommerce').value).toBeNull();
    expect(indicatorOf(large, 'assessment_coverage').value).toBeNull();
  });

  it('registered counts split by size give coverage per size, null size being unknown', () => {
    const input: IndicatorInput = {
      ...INPUT,
      registeredCount: [
        { communeCode: A, sector: null, sizeClass: 'micro', producerType: null, count: 20 },
        { communeCode: B, sector: null, sizeClass: 'micro', producerType: null, count: 5 },
        { communeCode: A, sector: null, sizeClass: 'large', producerType: null, count: 4 },
        { communeCode: B, sector: null, sizeClass: null, producerType: null, count: 3 },
      ],
    };
    expect(indicatorOf(computeIndicators(input, { period: Q1_RANGE, sizeClass: 'micro' }), 'assessment_coverage')).toMatchObject({
      numerator: 5,
      denominator: 25,
      value: 20,
    });
    const b = breakdown(input, { period: Q1_RANGE }, 'size');
    // Known businesses are at least the assessed ones (docs/indicators.md): sizes nobody registered
    // count their 3 and 2 assessed businesses as known.
    expect(b.rows.map((r) => [r.key, indicatorOf(r.result, 'assessment_coverage').denominator])).toEqual([
      ['micro', 25],
      ['small', 3],
      ['medium', 2],
      ['large', 4],
      ['unknown', 3],
    ]);
    expect(indicatorOf(b.total.result, 'assessment_coverage').denominator).toBe(32);
  });

  it('an officer scope (communeCodes) and communeCode combine', () => {
    expect(computeIndicators(INPUT, { period: Q1_RANGE, communeCodes: [A, B] }).assessed).toBe(12);
    expect(computeIndicators(INPUT, { period: Q1_RANGE, communeCodes: [B] }).assessed).toBe(5);
    expect(computeIndicators(INPUT, { period: Q1_RANGE, communeCodes: [B], communeCode: A }).assessed).toBe(0);
  });

  it('filters apply to the newest assessment, not to older ones', () => {
    // b07's older Q1 assessment is in commune B at level 0; it must not make b07 count in B.
    const b = computeIndicators(INPUT, { period: Q1_RANGE, communeCode: B, sector: 'C' });
    expect(b.assessed).toBe(0);
  });

  it('does not depend on the order of the rows', () => {
    const reversed = { ...INPUT, assessments: [...FACTS].reverse(), ocopProducts: [...OCOP].reverse() };
    expect(computeIndicators(reversed, { period: Q1_RANGE })).toEqual(province);
  });

  it('takes plain-number registered and recommendation counts as given for the cell', () => {
    const r = computeIndicators(
      { ...INPUT, registeredCount: 40, recommendation: { recommended: 10, adopted: 4, businesses: 6 } },
      { period: Q1_RANGE, communeCode: A },
    );
    expect(indicatorOf(r, 'assessment_coverage')).toMatchObject({ numerator: 7, denominator: 40, value: 17.5 });
    expect(indicatorOf(r, 'recommendation_adoption')).toMatchObject({ numerator: 4, denominator: 10, value: 40, businesses: 6 });
    const noBusinesses = computeIndicators({ ...INPUT, recommendation: { recommended: 10, adopted: 4 } }, {});
    expect(indicatorOf(noBusinesses, 'recommendation_adoption').businesses).toBe(0);
  });

  it('rejects a level outside 0–5', () => {
    expect(() => computeIndicators({ ...INPUT, assessments: [{ ...FACTS[0]!, level: 6 }] })).toThrow(RangeError);
  });

  it('empty input gives null shares, not NaN', () => {
    const r = computeIndicators({ assessments: [], ocopProducts: [], registeredCount: 0, recommendation: [] });
    for (const v of r.indicators) expect(v.value, v.id).toBeNull();
    expect(r.levelDistribution.counts).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('breakdown', () => {
  const ids: ScalarIndicatorId[] = ['digital_tech_adoption', 'einvoice_adoption', 'assessment_coverage', 'ocop_products_on_ecommerce'];
  const pick = (r: IndicatorResult) => ids.map((id) => indicatorOf(r, id).value);

  it('by commune: rows match single-commune calls and add up to the total', () => {
    const b = breakdown(INPUT, { period: Q1_RANGE }, 'commune');
    expect(b.rows.map((r) => r.key)).toEqual([A, B]);
    expect(pick(b.rows[0]!.result)).toEqual(pick(computeIndicators(INPUT, { period: Q1_RANGE, communeCode: A })));
    expect(pick(b.rows[1]!.result)).toEqual(pick(computeIndicators(INPUT, { period: Q1_RANGE, communeCode: B })));
    expect(b.total.result).toEqual(computeIndicators(INPUT, { period: Q1_RANGE }));
    const sum = (id: ScalarIndicatorId) => b.rows.reduce((s, r) => s + indicatorOf(r.result, id).numerator!, 0);
    expect(sum('einvoice_adoption')).toBe(indicatorOf(b.total.result, 'einvoice_adoption').numerator);
  });

  it('by commune: lists requested communes with nobody assessed', () => {
    const b = breakdown(INPUT, { period: Q1_RANGE, communeCodes: [A, B, '14003'] }, 'commune');
    expect(b.rows.map((r) => r.key)).toEqual([A, B, '14003']);
    expect(b.rows[2]!.result.assessed).toBe(0);
    expect(indicatorOf(b.rows[2]!.result, 'digital_tech_adoption').value).toBeNull();
  });

  it('by size: micro → large, unknown last', () => {
    const b = breakdown(INPUT, { period: Q1_RANGE }, 'size');
    expect(b.rows.map((r) => [r.key, r.result.assessed])).toEqual([
      ['micro', 5], // b01 b05 b08 b10 b12
      ['small', 3], // b02 b07 b09
      ['medium', 2], // b03 b11
      ['large', 1], // b04
      ['unknown', 1], // b06
    ]);
    expect(indicatorOf(b.rows[0]!.result, 'sme_platform_adoption')).toMatchObject({ numerator: 5, denominator: 5 });
    expect(indicatorOf(b.rows[2]!.result, 'sme_platform_adoption')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicatorOf(b.rows[3]!.result, 'sme_platform_adoption').denominator).toBe(0);
    // Registered rows have no size, OCOP products neither: not computable per size.
    expect(indicatorOf(b.rows[0]!.result, 'assessment_coverage')).toMatchObject({ numerator: null, value: null });
    expect(indicatorOf(b.rows[0]!.result, 'ocop_products_on_ecommerce').value).toBeNull();
  });

  it('by sector and producer type', () => {
    const s = breakdown(INPUT, { period: Q1_RANGE }, 'sector');
    expect(s.rows.map((r) => [r.key, r.result.assessed])).toEqual([
      ['A', 2],
      ['C', 3],
      ['F', 1],
      ['G', 5],
      ['unknown', 1],
    ]);
    const p = breakdown(INPUT, { period: Q1_RANGE }, 'producerType');
    expect(p.rows.map((r) => [r.key, r.result.assessed])).toEqual([
      ['cooperative', 1],
      ['enterprise', 9],
      ['household', 2],
    ]);
  });

  it('by period: one row per quarter, each with its own newest assessments', () => {
    const range = { from: parsePeriod('2025-Q4')!.from, to: parsePeriod('2026-Q2')!.to };
    const b = breakdown(INPUT, {}, 'period', { range, periodKind: 'quarter' });
    expect(b.rows.map((r) => [r.key, r.label!.vi, r.result.assessed])).toEqual([
      ['2025-Q4', 'Quý 4/2025', 1], // b13
      ['2026-Q1', 'Quý 1/2026', 12],
      ['2026-Q2', 'Quý 2/2026', 1], // b07's retake
    ]);
    expect(b.rows[2]!.result.levelDistribution.counts).toEqual([0, 0, 0, 0, 1, 0]);
    expect(indicatorOf(b.rows[1]!.result, 'digital_tech_adoption').value).toBe(66.7);
    // Registered counts are a snapshot: each quarter's coverage is over the same 50.
    expect(indicatorOf(b.rows[1]!.result, 'assessment_coverage')).toMatchObject({ numerator: 12, denominator: 50, value: 24 });
    const plain = breakdown({ ...INPUT, registeredCount: 60 }, {}, 'period', { range });
    expect(indicatorOf(plain.rows[1]!.result, 'assessment_coverage')).toMatchObject({ numerator: 12, denominator: 60, value: 20 });
    // OCOP status is a snapshot: not per quarter.
    expect(indicatorOf(b.rows[1]!.result, 'ocop_products_on_ecommerce').value).toBeNull();
    // The total is the whole range: 13 businesses, b07 once.
    expect(b.total.result.assessed).toBe(13);
    const years = breakdown(INPUT, { period: range }, 'period', { periodKind: 'year' });
    expect(years.rows.map((r) => [r.key, r.result.assessed])).toEqual([
      ['2025', 1],
      ['2026', 12],
    ]);
  });

  it('a period breakdown needs a range', () => {
    expect(() => breakdown(INPUT, {}, 'period')).toThrow(RangeError);
  });
});

describe('coveredNeedsFor', () => {
  it('adds adopted marks to the needs the answers show, in NEEDS order', () => {
    const needs = coveredNeedsFor('producer', {}, { sector: 'A', employees: 1, producerType: 'household' }, [
      'farm_ocop_floor',
      'e_invoice',
    ]);
    expect(needs).toEqual(['e_invoice', 'farm_ocop_floor']);
  });
});
