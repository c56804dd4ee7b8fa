/**
 * What one submitted assessment contributes to the province's indicators, derived once when it is
 * submitted (and again when the business marks a recommendation adopted), so that dashboards add
 * up counters instead of re-reading answers. The named predicates here are what the definition
 * table (definitions.ts) counts; docs/indicators.md explains each one.
 *
 * Decisions a successor might otherwise undo:
 * - "Using digital platforms" leaves out what the law requires of every business (e-invoices under
 *   Decree 123/2020, electronic tax filing, electronic social insurance, and the digital signature
 *   those filings need) and online banking on its own: with e-invoices near universal, counting them
 *   made the SME headline read near 100 % whatever businesses actually chose to adopt.
 * - Cashless payment counts towards the headline only through customer-facing tools (QR or wallet,
 *   card terminal, payment gateway) or an adoption mark; a business whose only payment tool is its
 *   own internet banking is not "on a platform".
 * - "Applies digital technology" is read from concrete tool answers in a production, operations or
 *   management function, not from the overall level (a level is a score band, not a fact anybody
 *   reports). Spreadsheets, chat groups, e-mail and cloud storage are not counted: they are office
 *   basics, not the application of digital technology to a business function.
 * - A need-based flag is only set when the business's questionnaire asks about the need (the
 *   denominator), so a numerator can never exceed its denominator, even through an adoption mark
 *   for a need its questionnaire does not ask about.
 *
 * Pure module: no astro, no database, no clock.
 */
import type { Answers, Profile } from '#src/domain/framework/schema.ts';
import { NEED_IDS, type NeedId } from '#src/domain/platforms/schema.ts';
import { clueHolds, evidenceFor, type Clue } from '#src/domain/recommendations/evidence.ts';

/** Needs every business must meet by law (or that exist only to meet it): not counted as platform adoption. */
export const MANDATORY_NEEDS: readonly NeedId[] = ['e_invoice', 'e_tax', 'digital_signature'];

const has = (questionId: string, ...includes: string[]): Clue => ({ questionId, includes });
const is = (questionId: string, ...oneOf: (string | boolean)[]): Clue => ({ questionId, oneOf });

/**
 * Cashless payment beyond online banking: tools customers pay through. Per framework; a need
 * covered only by other evidence (e.g. the DBI online-banking grade) does not count.
 */
export const CUSTOMER_PAYMENT_CLUES: Readonly<Record<string, readonly Clue[]>> = {
  'dbi-sme': [has('x_tools_payment', 'qr_wallet', 'card_terminal', 'payment_gateway')],
  producer: [is('p_qr', true)],
};

/**
 * Digital tools in at least one production, operations or management function (any clue holds).
 * Question ids and option values are checked against the frameworks by a unit test.
 */
export const DIGITAL_TECH_CLUES: Readonly<Record<string, readonly Clue[]>> = {
  'dbi-sme': [
    has('x_tools_production', 'production_software', 'quality_software', 'farm_log', 'iot', 'cad_cnc'),
    has('x_tools_management', 'erp', 'work_management'),
    has('x_tools_accounting', 'accounting_software'),
    has('x_tools_sales', 'sales_app'),
    has('x_tools_inventory', 'inventory_app', 'barcode', 'traceability'),
    has('x_tools_hr', 'hrm', 'timekeeping'),
    has('x_tools_logistics', 'fleet_gps', 'wms'),
    has('x_tools_customer_care', 'crm'),
  ],
  producer: [
    is('p_records', 'sales_app', 'linked_app'),
    has('p_tools', 'accounting', 'delivery_app', 'traceability'),
    is('p_coop_members', 'software'),
  ],
};

/** Needs a framework's questionnaire asks about (its evidence table): the need shares' denominators. */
export function askedNeeds(frameworkId: string): NeedId[] {
  const asked = new Set(evidenceFor(frameworkId).map((e) => e.need));
  return NEED_IDS.filter((n) => asked.has(n));
}

export function asks(frameworkId: string, need: NeedId): boolean {
  return evidenceFor(frameworkId).some((e) => e.need === need);
}

/** Needs covered by the answers or by an adoption mark, in NEED_IDS order. */
export function coveredNeeds(frameworkId: string, profile: Profile, answers: Answers, adopted: readonly string[]): NeedId[] {
  const out = new Set<NeedId>();
  for (const need of NEED_IDS) if (adopted.includes(need)) out.add(need);
  for (const e of evidenceFor(frameworkId)) if (e.covered(answers, profile)) out.add(e.need);
  return NEED_IDS.filter((n) => out.has(n));
}

const anyClue = (clues: readonly Clue[] | undefined, answers: Answers) => (clues ?? []).some((c) => clueHolds(c, answers));

/** At least one platform beyond the legal minimum and beyond online banking alone. */
export function usesPlatformBeyondMandatory(
  frameworkId: string,
  answers: Answers,
  covered: readonly NeedId[],
  adopted: readonly string[],
): boolean {
  return covered.some((need) => {
    if (MANDATORY_NEEDS.includes(need)) return false;
    if (need === 'cashless_payment') return adopted.includes(need) || anyClue(CUSTOMER_PAYMENT_CLUES[frameworkId], answers);
    return true;
  });
}

export function appliesDigitalTechnology(frameworkId: string, answers: Answers): boolean {
  return anyClue(DIGITAL_TECH_CLUES[frameworkId], answers);
}

export type FactFlags = {
  sme: boolean;
  platform: boolean;
  digital: boolean;
  einvoice: boolean;
  etax: boolean;
  epayment: boolean;
  econtract: boolean;
  ecommerce: boolean;
};

const SME_CLASSES: readonly string[] = ['micro', 'small', 'medium'];

export function isSme(sizeClass: string | null | undefined): boolean {
  return sizeClass !== null && sizeClass !== undefined && SME_CLASSES.includes(sizeClass);
}

/** The named predicates of one assessment (with the business's current adoption marks). */
export function factFlags(args: { frameworkId: string; profile: Profile; answers: Answers; adopted: readonly string[] }): FactFlags {
  const { frameworkId, profile, answers, adopted } = args;
  const covered = coveredNeeds(frameworkId, profile, answers, adopted);
  const shows = (...needs: NeedId[]) => needs.some((n) => asks(frameworkId, n) && covered.includes(n));
  return {
    sme: isSme(profile.sizeClass),
    platform: usesPlatformBeyondMandatory(frameworkId, answers, covered, adopted),
    digital: appliesDigitalTechnology(frameworkId, answers),
    einvoice: shows('e_invoice'),
    etax: shows('e_tax'),
    epayment: shows('cashless_payment'),
    econtract: shows('e_contract'),
    ecommerce: shows('ecommerce_marketplace', 'farm_ocop_floor'),
  };
}
