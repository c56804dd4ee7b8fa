/**
 * What one submitted assessment contributes to the province's indicators, derived once when it is
 * submitted (and again when the business marks a recommendation adopted), so that dashboards add
 * up counters instead of re-reading answers.
 */
import type { Answers, Framework, Profile } from '#src/domain/framework/schema.ts';
import { NEED_IDS, type NeedId } from '#src/domain/platforms/schema.ts';
import { getNeedEvidence } from '#src/domain/recommendations/evidence.ts';

export type FactFlags = {
  sme: boolean;
  platform: boolean;
  digital: boolean;
  einvoice: boolean;
  epayment: boolean;
  econtract: boolean;
  ecommerce: boolean;
};

/** Needs covered by the answers or by an adoption mark. */
export function coveredNeeds(framework: Framework, profile: Profile, answers: Answers, adopted: readonly string[]): NeedId[] {
  const out = new Set<NeedId>();
  for (const need of NEED_IDS) {
    if (adopted.includes(need)) out.add(need);
    else if (getNeedEvidence(framework.id, need)?.covered(answers, profile)) out.add(need);
  }
  return NEED_IDS.filter((n) => out.has(n));
}

export function factFlags(args: { sizeClass: string | null | undefined; level: number; covered: readonly NeedId[] }): FactFlags {
  const has = (n: NeedId) => args.covered.includes(n);
  const sme = args.sizeClass === 'micro' || args.sizeClass === 'small' || args.sizeClass === 'medium';
  return {
    sme,
    platform: args.covered.length > 0,
    digital: args.level >= 1,
    einvoice: has('e_invoice'),
    epayment: has('cashless_payment'),
    econtract: has('e_contract'),
    ecommerce: has('ecommerce_marketplace') || has('farm_ocop_floor'),
  };
}
