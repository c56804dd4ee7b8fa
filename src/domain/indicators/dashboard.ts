/**
 * Indicator values from summed counters (dashboard cells). Pure; the same definitions as
 * src/domain/indicators, computed from counters instead of individual facts so a province view
 * costs one indexed sum.
 */
import { INDICATORS, type IndicatorDefinition, type ScalarIndicatorId } from './definitions.ts';

export type Counters = {
  n: number; nSme: number; nSmePlatform: number; nPlatform: number; nDigital: number; nEinvoice: number; nEpayment: number;
  nEcontract: number; nEcommerce: number; nNotInRegistry: number; l0: number; l1: number; l2: number; l3: number; l4: number; l5: number;
  scoreSum: number; recommended: number; adoptedRecommended: number;
};

export type Extras = { registered: number; ocopProducts: number; ocopListed: number };

export type IndicatorValue = {
  id: ScalarIndicatorId;
  definition: IndicatorDefinition;
  numerator: number;
  denominator: number;
  /** Percent with one decimal, or null when the denominator is 0. */
  value: number | null;
  /** How many distinct businesses (or products) the value is built on: the suppression base. */
  businesses: number;
};

export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

export function indicatorValues(c: Counters, x: Extras): IndicatorValue[] {
  const rows: [ScalarIndicatorId, number, number, number][] = [
    ['sme_platform_adoption', c.nSmePlatform, c.nSme, c.nSme],
    ['digital_tech_adoption', c.nDigital, c.n, c.n],
    ['einvoice_adoption', c.nEinvoice, c.n, c.n],
    ['epayment_adoption', c.nEpayment, c.n, c.n],
    ['econtract_adoption', c.nEcontract, c.n, c.n],
    ['ecommerce_adoption', c.nEcommerce, c.n, c.n],
    ['ocop_products_on_ecommerce', x.ocopListed, x.ocopProducts, x.ocopProducts],
    // Assessed businesses can outnumber known ones (not every assessed firm is in the registry yet).
    ['assessment_coverage', c.n, Math.max(x.registered, c.n), c.n],
    ['recommendation_adoption', c.adoptedRecommended, c.recommended, c.n],
  ];
  return rows.map(([id, numerator, denominator, businesses]) => ({
    id,
    definition: INDICATORS.find((d) => d.id === id)!,
    numerator,
    denominator,
    value: percent(numerator, denominator),
    businesses,
  }));
}

export function levelDistribution(c: Counters): number[] {
  return [c.l0, c.l1, c.l2, c.l3, c.l4, c.l5];
}

export function emptyCounters(): Counters {
  return { n: 0, nSme: 0, nSmePlatform: 0, nPlatform: 0, nDigital: 0, nEinvoice: 0, nEpayment: 0, nEcontract: 0, nEcommerce: 0, nNotInRegistry: 0, l0: 0, l1: 0, l2: 0, l3: 0, l4: 0, l5: 0, scoreSum: 0, recommended: 0, adoptedRecommended: 0 };
}
