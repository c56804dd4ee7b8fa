/**
 * The shape of a computed indicator cell and of a breakdown, shared by the suppression rules
 * (suppression.ts) and the reference model the tests recount with (tests/oracle).
 *
 * Pure module: no astro, no database, no clock.
 */
import type { IndicatorUnit, Localized, ScalarIndicatorId } from './definitions.ts';

export interface IndicatorValue {
  id: ScalarIndicatorId;
  unit: IndicatorUnit;
  numerator: number | null;
  denominator: number | null;
  /** Percent 0–100 (1 decimal), a count, or a mean score (1 decimal); null when not computable. */
  value: number | null;
  /** Distinct businesses the cell is built on. */
  businesses: number;
}

export interface LevelDistribution {
  /** `counts[level]` = businesses at that level, levels 0–5. */
  counts: number[];
  businesses: number;
}

export interface PillarMean {
  frameworkId: string;
  /** Pillar id within the framework. */
  id: string;
  /** Mean pillar score 0–100, 1 decimal. */
  mean: number;
  /** Businesses with a score for this pillar. */
  n: number;
}

export interface IndicatorResult {
  /** Every scalar indicator, in catalogue order. */
  indicators: IndicatorValue[];
  levelDistribution: LevelDistribution;
  pillarMeans: PillarMean[];
  /** Distinct businesses assessed in the cell. */
  assessed: number;
}

export type BreakdownBy = 'commune' | 'sector' | 'size' | 'producerType' | 'period';

export interface BreakdownRow {
  key: string;
  /** Period rows: the period's label. */
  label?: Localized;
  result: IndicatorResult;
}

export interface Breakdown {
  by: BreakdownBy;
  /** The whole cell of `filters` (for a period breakdown: the whole range, which is not the sum of the rows). */
  total: BreakdownRow;
  rows: BreakdownRow[];
}
