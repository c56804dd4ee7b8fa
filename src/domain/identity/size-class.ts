/**
 * SME size class by Nghị định 80/2021/NĐ-CP, art. 5 (thresholds as data in
 * src/reference/size-rules.ts, sector groups in src/reference/vsic.ts).
 *
 * Decisions a successor might otherwise undo:
 * - Neither revenue nor capital known (common for household businesses and for
 *   self-assessments that skip the money questions): classify by staff alone.
 *   This can only make a firm look smaller than the decree would, never larger,
 *   and `classifySize` reports `basis: 'employees_only'` so the UI can say so.
 * - Only one of revenue/capital known: use that one. The decree's test is
 *   "revenue OR capital", so the unknown figure might have placed the firm lower;
 *   we do not guess it.
 * - A firm in several sectors: the decree takes the sector with the highest
 *   revenue (else the one employing most staff); the caller passes that sector.
 */
import { z } from 'zod';
import { SIZE_RULES, type SizeClass } from '#src/reference/size-rules.ts';
import { VSIC_CODES, getVsicSection } from '#src/reference/vsic.ts';

export type { SizeClass } from '#src/reference/size-rules.ts';

const MoneySchema = z.number().finite().nonnegative();

export const SizeClassInputSchema = z.object({
  sector: z.enum(VSIC_CODES),
  /** Average annual staff with social insurance. */
  employees: z.number().int().nonnegative(),
  /** Annual revenue in VND; null/undefined when unknown. */
  revenueVnd: MoneySchema.nullish(),
  /** Total capital (tổng nguồn vốn) in VND; null/undefined when unknown. */
  capitalVnd: MoneySchema.nullish(),
});

export type SizeClassInput = z.input<typeof SizeClassInputSchema>;

export interface SizeClassification {
  sizeClass: SizeClass;
  basis: 'employees_and_finance' | 'employees_only';
}

/** Throws a ZodError on invalid input (negative staff, unknown sector, NaN). */
export function classifySize(input: SizeClassInput): SizeClassification {
  const { sector, employees, revenueVnd, capitalVnd } = SizeClassInputSchema.parse(input);
  const hasRevenue = revenueVnd != null;
  const hasCapital = capitalVnd != null;
  const basis = hasRevenue || hasCapital ? 'employees_and_finance' : 'employees_only';

  for (const rule of SIZE_RULES[getVsicSection(sector).group]) {
    if (employees > rule.maxEmployees) continue;
    const financeFits =
      basis === 'employees_only' || (hasRevenue && revenueVnd <= rule.maxRevenueVnd) || (hasCapital && capitalVnd <= rule.maxCapitalVnd);
    if (financeFits) return { sizeClass: rule.sizeClass, basis };
  }
  return { sizeClass: 'large', basis };
}

export function sizeClass(input: SizeClassInput): SizeClass {
  return classifySize(input).sizeClass;
}
