/**
 * Indicator values from summed counters (dashboard cells). Pure; every value derives from the
 * definition table (definitions.ts), computed from counters instead of individual facts so a
 * province view costs one indexed sum.
 */
import { COUNTER_KEYS, INDICATORS, emptyCounters, type Counters, type IndicatorDefinition, type ScalarIndicatorId } from './definitions.ts';
import { percent } from './rounding.ts';

export { emptyCounters, percent, COUNTER_KEYS, type Counters };

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

function parts(d: IndicatorDefinition, c: Counters, x: Extras): [number, number, number] {
  const m = d.measure!;
  switch (m.basis) {
    case 'facts':
      return [c[m.counters.numerator], c[m.counters.population], c[m.counters.population]];
    case 'ocop':
      return [x.ocopListed, x.ocopProducts, x.ocopProducts];
    // Assessed businesses can outnumber known ones (not every assessed firm is in the registry yet).
    case 'registry':
      return [c.n, Math.max(x.registered, c.n), c.n];
    case 'recommendations':
      return [c.adoptedRecommended, c.recommended, c.n];
  }
}

export function indicatorValues(c: Counters, x: Extras): IndicatorValue[] {
  return INDICATORS.filter((d) => d.measure).map((d) => {
    const [numerator, denominator, businesses] = parts(d, c, x);
    return { id: d.id as ScalarIndicatorId, definition: d, numerator, denominator, value: percent(numerator, denominator), businesses };
  });
}

export function levelDistribution(c: Counters): number[] {
  return [c.l0, c.l1, c.l2, c.l3, c.l4, c.l5];
}
