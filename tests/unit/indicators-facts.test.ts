/**
 * Worked examples of the fixed indicator definitions (docs/indicators.md): what a business counts
 * towards, from concrete answers, through the definition table's counters to the published value.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { allQuestions, type Answers, type Profile, type Question } from '#src/domain/framework/schema.ts';
import { CUSTOMER_PAYMENT_CLUES, DIGITAL_TECH_CLUES, askedNeeds, factFlags } from '#src/domain/indicators/facts.ts';
import {
  COUNTER_KEYS,
  FACT_SHARES,
  INDICATORS,
  counterDelta,
  emptyCounters,
  type Counters,
  type StoredFact,
} from '#src/domain/indicators/definitions.ts';
import { indicatorValues } from '#src/domain/indicators/dashboard.ts';
import { percent, roundedMean } from '#src/domain/indicators/rounding.ts';

const SME: Profile = { sector: 'G', employees: 8, sizeClass: 'micro', producerType: 'enterprise' } as Profile;
const HOUSEHOLD: Profile = { sector: 'A', employees: 2, producerType: 'household' } as Profile;

function stored(frameworkId: string, profile: Profile, answers: Answers, adopted: string[] = []): StoredFact {
  const f = factFlags({ frameworkId, profile, answers, adopted });
  const bit = (b: boolean) => (b ? 1 : 0);
  return {
    frameworkId,
    level: 1,
    score: 20,
    inRegistry: 1,
    recommended: 0,
    adoptedRecommended: 0,
    sme: bit(f.sme),
    platform: bit(f.platform),
    digital: bit(f.digital),
    einvoice: bit(f.einvoice),
    etax: bit(f.etax),
    epayment: bit(f.epayment),
    econtract: bit(f.econtract),
    ecommerce: bit(f.ecommerce),
  };
}

function sum(facts: StoredFact[]): Counters {
  const c = emptyCounters();
  for (const f of facts) {
    const d = counterDelta(f, 1);
    for (const k of COUNTER_KEYS) c[k] += d[k];
  }
  return c;
}

const value = (c: Counters, id: string) => indicatorValues(c, { registered: 0, ocopProducts: 0, ocopListed: 0 }).find((v) => v.id === id)!;

describe('SMEs using digital platforms (beyond what the law requires)', () => {
  it('an SME with only e-invoice and e-tax is not counted as using platforms', () => {
    const f = stored('dbi-sme', SME, {
      x_tools_accounting: ['einvoice', 'etax', 'digital_signature', 'social_insurance'],
      i2_einvoice: 'g5',
      c2_government: 'g5',
    });
    expect(f.platform).toBe(0);
    expect(f.einvoice).toBe(1);
    expect(f.etax).toBe(1);
    const v = value(sum([f]), 'sme_platform_adoption');
    expect([v.numerator, v.denominator, v.value]).toEqual([0, 1, 0]);
  });

  it('online banking alone is not counted; a QR code customers pay through is', () => {
    const banking = stored('dbi-sme', SME, { x_tools_payment: ['mobile_banking'], c2_online_banking: 'g5' });
    expect(banking.epayment).toBe(1); // cashless payment is still reported on its own
    expect(banking.platform).toBe(0);
    const qr = stored('dbi-sme', SME, { x_tools_payment: ['qr_wallet'] });
    expect(qr.platform).toBe(1);
  });

  it('a sales app, a marketplace or an adoption mark beyond the mandatory counts', () => {
    expect(stored('dbi-sme', SME, { x_tools_sales: ['marketplace'] }).platform).toBe(1);
    expect(stored('dbi-sme', SME, { x_tools_accounting: ['einvoice'] }, ['accounting']).platform).toBe(1);
    // Marking a mandatory need adopted does not make an SME a platform user.
    expect(stored('dbi-sme', SME, {}, ['e_invoice', 'e_tax']).platform).toBe(0);
  });

  it('worked example: 3 SMEs, one on a marketplace, one with only e-invoice, one with only online banking → 33.3 %', () => {
    const c = sum([
      stored('dbi-sme', SME, { x_tools_sales: ['marketplace'] }),
      stored('dbi-sme', SME, { x_tools_accounting: ['einvoice'] }),
      stored('dbi-sme', SME, { x_tools_payment: ['mobile_banking'] }),
      stored('dbi-sme', { ...SME, sizeClass: 'large' } as Profile, { x_tools_sales: ['marketplace'] }),
    ]);
    const v = value(c, 'sme_platform_adoption');
    expect([v.numerator, v.denominator, v.value]).toEqual([1, 3, 33.3]);
  });
});

describe('Applying digital technology (from concrete answers)', () => {
  it('counts digital tools in a production, operations or management function, not the level', () => {
    expect(stored('dbi-sme', SME, { x_tools_production: ['iot'] }).digital).toBe(1);
    expect(stored('dbi-sme', SME, { x_tools_accounting: ['accounting_software'] }).digital).toBe(1);
    expect(stored('dbi-sme', SME, { x_tools_management: ['erp'] }).digital).toBe(1);
    expect(stored('producer', HOUSEHOLD, { p_records: 'sales_app' }).digital).toBe(1);
    expect(stored('producer', HOUSEHOLD, { p_tools: ['delivery_app'] }).digital).toBe(1);
  });

  it('office basics and compliance tools alone do not count', () => {
    expect(
      stored('dbi-sme', SME, {
        x_tools_inventory: ['spreadsheet'],
        x_tools_management: ['office_cloud', 'online_meeting'],
        x_tools_accounting: ['einvoice', 'etax'],
      }).digital,
    ).toBe(0);
    expect(
      stored('producer', HOUSEHOLD, { p_records: 'spreadsheet', p_tools: ['zalo_group', 'cloud_storage'], p_einvoice: 'all' }).digital,
    ).toBe(0);
  });

  it('worked example: 1 of 4 assessed businesses with an ERP → 25 %', () => {
    const c = sum([
      stored('dbi-sme', SME, { x_tools_management: ['erp'] }),
      stored('dbi-sme', SME, { x_tools_accounting: ['einvoice'] }),
      stored('producer', HOUSEHOLD, { p_records: 'notebook' }),
      stored('producer', HOUSEHOLD, {}),
    ]);
    const v = value(c, 'digital_tech_adoption');
    expect([v.numerator, v.denominator, v.value]).toEqual([1, 4, 25]);
  });

  it('every clue names a real question and option of its framework', () => {
    for (const table of [DIGITAL_TECH_CLUES, CUSTOMER_PAYMENT_CLUES]) {
      for (const [frameworkId, clues] of Object.entries(table)) {
        const fw = getFramework(frameworkId)!;
        expect(fw, frameworkId).toBeDefined();
        const byId = new Map<string, Question>(allQuestions(fw).map((q) => [q.id, q]));
        for (const clue of clues) {
          const q = byId.get(clue.questionId);
          expect(q, `${frameworkId}.${clue.questionId}`).toBeDefined();
          const values = q!.type === 'number' ? [] : q!.options.map((o) => o.value);
          const wanted = 'oneOf' in clue ? clue.oneOf : 'includes' in clue ? clue.includes : [];
          for (const v of wanted) expect(values, `${frameworkId}.${clue.questionId}=${String(v)}`).toContain(v);
        }
      }
    }
  });
});

describe('e-tax is computed', () => {
  it('counts e-tax filing with its own counters and value', () => {
    const c = sum([
      stored('dbi-sme', SME, { x_tools_accounting: ['etax'] }),
      stored('producer', HOUSEHOLD, { p_tax_online: 'fully' }),
      stored('producer', HOUSEHOLD, { p_tax_online: 'in_person' }),
    ]);
    const v = value(c, 'etax_adoption');
    expect([v.numerator, v.denominator, v.value]).toEqual([2, 3, 66.7]);
    expect(FACT_SHARES.map((s) => s.id)).toContain('etax_adoption');
  });
});

describe('per-need denominators', () => {
  it('households, whose questionnaire has no e-contract question, are outside e-contract adoption', () => {
    expect(askedNeeds('producer')).not.toContain('e_contract');
    const c = sum([
      stored('dbi-sme', SME, { x_tools_accounting: ['e_contract'] }),
      stored('dbi-sme', SME, {}),
      stored('producer', HOUSEHOLD, {}),
      stored('producer', HOUSEHOLD, {}),
      // An adoption mark for a need the questionnaire does not ask about cannot put a household in the numerator.
      stored('producer', HOUSEHOLD, {}, ['e_contract']),
    ]);
    const v = value(c, 'econtract_adoption');
    expect([v.numerator, v.denominator, v.value]).toEqual([1, 2, 50]);
    // E-invoice is asked by both questionnaires: all five are in its denominator.
    expect(value(c, 'einvoice_adoption').denominator).toBe(5);
  });

  it('every assessment-based share has its own population counter and a numerator never above it', () => {
    const facts = [
      stored('dbi-sme', SME, {
        x_tools_sales: ['marketplace', 'provincial_floor'],
        x_tools_accounting: ['einvoice', 'etax', 'e_contract'],
        x_tools_payment: ['qr_wallet'],
      }),
      stored('producer', HOUSEHOLD, { p_on_floor: true, p_floor_products: 3, p_qr: true, p_einvoice: 'all' }, ['e_contract', 'erp']),
    ];
    const c = sum(facts);
    for (const s of FACT_SHARES) expect(c[s.measure.counters.numerator], s.id).toBeLessThanOrEqual(c[s.measure.counters.population]);
  });
});

describe('one exact rounding', () => {
  it('rounds half up to one decimal from integers', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 2001)).toBe(0);
    expect(percent(0, 0)).toBeNull();
    expect(roundedMean(100.05 + 100.1, 2)).toBe(100.1);
    expect(roundedMean(0, 0)).toBeNull();
  });

  it('every scalar indicator of the table is valued through it', () => {
    const c = sum([stored('dbi-sme', SME, { x_tools_sales: ['marketplace'] })]);
    const values = indicatorValues(c, { registered: 3, ocopProducts: 8, ocopListed: 1 });
    expect(values.map((v) => v.id)).toEqual(INDICATORS.filter((d) => d.measure).map((d) => d.id));
    for (const v of values) expect(v.value).toBe(percent(v.numerator, v.denominator));
    expect(values.find((v) => v.id === 'ocop_products_on_ecommerce')!.value).toBe(12.5);
  });
});
