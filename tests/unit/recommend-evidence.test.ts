/**
 * The recommender's evidence table (src/domain/recommendations/evidence.ts):
 * every question id and option value it names exists in its framework, the
 * thresholds are "this option or better", each adoption's raise really covers
 * the need, and the coverage and relevance rules are pinned row by row.
 */
import { describe, expect, it } from 'vitest';
import { allQuestions } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Framework, Profile, Question } from '#src/domain/framework/schema.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { NEEDS, NEED_IDS } from '#src/domain/platforms/schema.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { EVIDENCE, evidenceFor, getNeedEvidence } from '#src/domain/recommendations/evidence.ts';
import type { Clue, NeedEvidence } from '#src/domain/recommendations/evidence.ts';
import { applyAdoptions } from '#src/domain/recommendations/prefill.ts';
import { validateAnswers } from '#src/domain/scoring/score.ts';

function framework(id: string): Framework {
  const fw = getFramework(id);
  if (!fw) throw new Error(`framework ${id} is not registered`);
  return fw;
}

function questionMap(fw: Framework): Map<string, Question> {
  return new Map(allQuestions(fw).map((q) => [q.id, q]));
}

const optionValues = (q: Question): readonly (string | boolean)[] => (q.type === 'number' ? [] : q.options.map((o) => o.value));

function allClues(e: NeedEvidence): Clue[] {
  return [...e.coveredWhen.flat(), ...e.relevantWhen];
}

/** A profile that the need's profile rule accepts. */
function profileFor(e: NeedEvidence): Profile {
  return {
    sector: e.profileRule.sectors?.[0] ?? 'G',
    employees: Math.max(25, e.profileRule.minEmployees ?? 0),
    producerType: e.profileRule.producerTypes?.[0] ?? 'enterprise',
    sizeClass: 'small',
  };
}

/** Answers satisfying the need's answer-based relevance (lowest listed value of each clue). */
function answersFor(e: NeedEvidence): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const clue of e.relevantWhen) {
    if ('oneOf' in clue) answers[clue.questionId] = clue.oneOf[0]!;
    else if ('includes' in clue) answers[clue.questionId] = [clue.includes[0]!];
    else answers[clue.questionId] = clue.atLeast;
  }
  return answers;
}

const FRAMEWORK_IDS = Object.keys(EVIDENCE);

describe('evidence table: every id and value exists in its framework', () => {
  it('covers exactly the shipped frameworks', () => {
    expect(FRAMEWORK_IDS.sort()).toEqual(['dbi-sme', 'producer', 'sme-tools']);
  });

  describe.each(FRAMEWORK_IDS)('%s', (frameworkId) => {
    const fw = framework(frameworkId);
    const questions = questionMap(fw);
    const table = evidenceFor(frameworkId);

    it('lists needs once each, in NEEDS order', () => {
      const ids = table.map((e) => e.need);
      expect(new Set(ids).size).toBe(ids.length);
      const order = NEEDS.map((n) => n.id);
      expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids);
    });

    it.each(table.map((e) => [e.need, e] as const))('%s: clues name real questions and options', (_need, e) => {
      expect(e.coveredWhen.length).toBeGreaterThan(0);
      for (const group of e.coveredWhen) expect(group.length).toBeGreaterThan(0);
      for (const clue of allClues(e)) {
        const q = questions.get(clue.questionId);
        expect(q, `${clue.questionId} exists in ${frameworkId}`).toBeDefined();
        if (!q) continue;
        if ('oneOf' in clue) {
          expect(['single', 'boolean']).toContain(q.type);
          expect(clue.oneOf.length).toBeGreaterThan(0);
          for (const v of clue.oneOf) expect(optionValues(q), `${q.id} has option ${String(v)}`).toContain(v);
        } else if ('includes' in clue) {
          expect(q.type).toBe('multi');
          if (q.type !== 'multi') continue;
          expect(clue.includes.length).toBeGreaterThan(0);
          for (const v of clue.includes) {
            const option = q.options.find((o) => o.value === v);
            expect(option, `${q.id} has option ${v}`).toBeDefined();
            expect(option?.exclusive, `${q.id}.${v} is a tool, not "none"`).toBeUndefined();
          }
        } else {
          expect(q.type).toBe('number');
          if (q.type !== 'number') continue;
          expect(Number.isInteger(clue.atLeast)).toBe(true);
          expect(clue.atLeast).toBeGreaterThanOrEqual(q.min);
          expect(clue.atLeast).toBeLessThanOrEqual(q.max);
        }
      }
    });

    it.each(table.map((e) => [e.need, e] as const))('%s: cited questions and raises are real', (_need, e) => {
      expect(e.citedQuestions.length).toBeGreaterThan(0);
      expect(new Set(e.citedQuestions).size).toBe(e.citedQuestions.length);
      for (const id of e.citedQuestions) expect(questions.has(id), `${id} exists in ${frameworkId}`).toBe(true);
      expect(e.raise.length).toBeGreaterThan(0);
      for (const r of e.raise) {
        const q = questions.get(r.questionId);
        expect(q, `${r.questionId} exists in ${frameworkId}`).toBeDefined();
        if (!q) continue;
        if (q.type === 'number') {
          expect(typeof r.value).toBe('number');
          expect(r.value as number).toBeGreaterThanOrEqual(q.min);
          expect(r.value as number).toBeLessThanOrEqual(q.max);
        } else if (q.type === 'multi') {
          const option = q.options.find((o) => o.value === r.value);
          expect(option, `${q.id} has option ${String(r.value)}`).toBeDefined();
          expect(option?.exclusive).toBeUndefined();
        } else {
          expect(optionValues(q)).toContain(r.value);
        }
      }
    });

    it.each(table.map((e) => [e.need, e] as const))('%s: thresholds are "this option or better"', (_need, e) => {
      for (const clue of allClues(e)) {
        if (!('oneOf' in clue)) continue;
        const q = questions.get(clue.questionId)!;
        if (q.type === 'number' || q.type === 'multi') continue;
        const options = q.options as readonly { value: string | boolean; points: number }[];
        const min = Math.min(...options.filter((o) => clue.oneOf.includes(o.value)).map((o) => o.points));
        const atOrAbove = options.filter((o) => o.points >= min).map((o) => o.value);
        expect([...clue.oneOf].sort(), `${q.id}: every option worth ≥ ${min} points is listed`).toEqual([...atOrAbove].sort());
      }
    });

    it.each(table.map((e) => [e.need, e] as const))('%s: a graded raise is the threshold of its own coverage rule', (_need, e) => {
      for (const r of e.raise) {
        const clue = e.coveredWhen.flat().find((c) => c.questionId === r.questionId && 'oneOf' in c);
        if (!clue || !('oneOf' in clue)) continue;
        const q = questions.get(r.questionId)!;
        const options = (q.type === 'single' || q.type === 'boolean' ? q.options : []) as readonly {
          value: string | boolean;
          points: number;
        }[];
        const lowest = [...options].filter((o) => clue.oneOf.includes(o.value)).sort((a, b) => a.points - b.points)[0];
        expect(r.value).toBe(lowest?.value);
      }
    });

    it.each(table.map((e) => [e.need, e] as const))('%s: adopting covers the need, from nothing and from the worst answers', (need, e) => {
      const profile = profileFor(e);
      const empty = answersFor(e);
      expect(e.covered(empty, profile)).toBe(false);
      const raised = applyAdoptions(fw, empty, [need], profile);
      expect(e.covered(raised, profile)).toBe(true);
      expect(e.relevant(profile, raised)).toBe(e.relevant(profile, empty));

      // Worst answer everywhere ("none" for tool lists) is never evidence.
      const worst: Record<string, AnswerValue> = { ...empty };
      for (const q of allQuestions(fw)) {
        if (Object.hasOwn(worst, q.id)) continue;
        if (q.type === 'single' || q.type === 'boolean') {
          worst[q.id] = [...(q.options as readonly { value: string | boolean; points: number }[])].sort(
            (a, b) => a.points - b.points,
          )[0]!.value;
        } else if (q.type === 'multi') {
          const none = q.options.find((o) => o.exclusive);
          if (none) worst[q.id] = [none.value];
        } else {
          worst[q.id] = q.min;
        }
      }
      const valid = validateAnswers(fw, profile, worst);
      expect(valid.ok).toBe(true);
      if (!valid.ok) return;
      expect(e.covered(valid.answers, profile)).toBe(false);
      expect(e.covered(applyAdoptions(fw, valid.answers, [need], profile), profile)).toBe(true);
    });
  });

  it('dbi-sme assesses every need', () => {
    expect(evidenceFor('dbi-sme').map((e) => e.need)).toEqual([...NEED_IDS]);
  });

  it('producer leaves out the needs its short questionnaire cannot show', () => {
    const assessed = new Set(evidenceFor('producer').map((e) => e.need));
    const left = NEED_IDS.filter((n) => !assessed.has(n));
    expect(left).toEqual(['online_meeting', 'customer_care', 'hr', 'erp', 'e_contract', 'cybersecurity', 'cross_border', 'data_analytics']);
  });

  it('an unknown framework has no evidence', () => {
    expect(evidenceFor('nope')).toEqual([]);
    expect(evidenceFor('constructor')).toEqual([]);
    expect(getNeedEvidence('nope', 'e_invoice')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Coverage rules, row by row
// ---------------------------------------------------------------------------

const SHOP: Profile = { sector: 'G', employees: 3, producerType: 'enterprise', sizeClass: 'micro' };
const FARM: Profile = { sector: 'A', employees: 12, producerType: 'cooperative', sizeClass: 'small' };

type Row = [NeedId, Record<string, AnswerValue>, boolean];

const DBI_ROWS: Row[] = [
  ['e_invoice', { i2_einvoice: 'g3' }, true],
  ['e_invoice', { i2_einvoice: 'g2' }, false],
  ['e_invoice', { x_tools_accounting: ['einvoice'] }, true],
  ['e_invoice', { x_tools_accounting: ['accounting_software', 'etax'] }, false],
  ['e_tax', { c2_government: 'g3' }, true],
  ['e_tax', { c2_government: 'g2' }, false],
  ['e_tax', { x_tools_accounting: ['etax'] }, true],
  ['digital_signature', { x_tools_accounting: ['digital_signature'] }, true],
  ['digital_signature', { c2_government: 'g4' }, true],
  ['digital_signature', { c2_government: 'g3' }, false],
  ['digital_signature', { i2_einvoice: 'g3' }, true],
  ['digital_signature', { x_tools_accounting: ['einvoice'] }, false],
  ['cashless_payment', { c2_online_banking: 'g2' }, true],
  ['cashless_payment', { c2_online_banking: 'g1' }, false],
  ['cashless_payment', { x_tools_payment: ['qr_wallet'] }, true],
  ['cashless_payment', { x_tools_payment: ['none'] }, false],
  ['cashless_payment', { x_tools_payment: ['cod'] }, false],
  ['online_presence', { c1_website: 'g3' }, true],
  ['online_presence', { c1_social: 'g3' }, true],
  ['online_presence', { c1_website: 'g2', c1_social: 'g2' }, false],
  ['online_presence', { x_tools_sales: ['social'] }, true],
  ['cloud_office', { i2_cloud: 'g2' }, true],
  ['cloud_office', { i2_cloud: 'g1' }, false],
  ['cloud_office', { u1_email: 'g3' }, true],
  ['cloud_office', { x_tools_management: ['cloud_server'] }, true],
  ['online_meeting', { u1_online_meeting: 'g2' }, true],
  ['online_meeting', { u1_online_meeting: 'g1' }, false],
  ['online_meeting', { x_tools_management: ['online_meeting'] }, true],
  ['accounting', { x_tools_accounting: ['accounting_software'] }, true],
  ['accounting', { i2_erp: 'g1' }, true],
  ['accounting', { i2_erp: 'g0' }, false],
  ['sales_management', { x_tools_sales: ['sales_app'] }, true],
  ['sales_management', { i2_erp: 'g3' }, true],
  ['sales_management', { i2_erp: 'g2' }, false],
  ['inventory', { x_tools_inventory: ['barcode'] }, true],
  ['inventory', { x_tools_inventory: ['spreadsheet'] }, false],
  ['inventory', { i2_supply_chain: 'g2' }, true],
  ['inventory', { i2_erp: 'g3' }, true],
  ['customer_care', { i2_crm: 'g3' }, true],
  ['customer_care', { i2_crm: 'g2' }, false],
  ['customer_care', { x_tools_customer_care: ['chatbot'] }, true],
  ['customer_care', { x_tools_customer_care: ['messaging'] }, false],
  ['logistics', { x_tools_logistics: ['fleet_gps'] }, true],
  ['logistics', { x_tools_logistics: ['none'] }, false],
  ['logistics', { i2_supply_chain: 'g3' }, true],
  ['logistics', { i2_supply_chain: 'g2' }, false],
  ['hr', { x_tools_hr: ['timekeeping'] }, true],
  ['hr', { x_tools_hr: ['recruiting'] }, false],
  ['erp', { i2_erp: 'g4' }, true],
  ['erp', { i2_erp: 'g3' }, false],
  ['e_contract', { x_tools_accounting: ['e_contract'] }, true],
  ['e_contract', { c2_b2b: 'g4' }, true],
  ['e_contract', { c2_b2b: 'g3' }, false],
  ['cybersecurity', { i2_security: 'g3' }, true],
  ['cybersecurity', { i2_security: 'g2' }, false],
  ['cybersecurity', { x_tools_management: ['security'] }, true],
  ['ecommerce_marketplace', { c1_ecommerce_floor: 'g2' }, true],
  ['ecommerce_marketplace', { c1_ecommerce_floor: 'g1' }, false],
  ['ecommerce_marketplace', { x_tools_sales: ['marketplace'] }, true],
  ['farm_ocop_floor', { x_tools_sales: ['provincial_floor'] }, true],
  ['farm_ocop_floor', { x_tools_sales: ['marketplace'] }, false],
  ['cross_border', { c1_ecommerce_revenue: 'g2', c1_cross_border: 'g2' }, true],
  ['cross_border', { c1_ecommerce_revenue: 'g2', c1_cross_border: 'g1' }, false],
  ['digital_marketing', { c1_marketing_spend: 'g2' }, true],
  ['digital_marketing', { c1_marketing_spend: 'g1' }, false],
  ['digital_marketing', { x_tools_sales: ['online_ads'] }, true],
  ['digital_marketing', { x_tools_customer_care: ['email_sms'] }, true],
  ['data_analytics', { d1_bi: 'g3' }, true],
  ['data_analytics', { d1_bi: 'g2' }, false],
  ['training', { o2_online_training: 'g2' }, true],
  ['training', { o2_online_training: 'g1', o2_ict_training: 'g2' }, false],
  ['training', { o2_ict_training: 'g3' }, true],
  ['training', { x_tools_hr: ['e_learning'] }, true],
];

const PRODUCER_ROWS: Row[] = [
  ['e_invoice', { p_einvoice: 'some' }, true],
  ['e_invoice', { p_einvoice: 'per_sale' }, false],
  ['e_tax', { p_tax_online: 'partly' }, true],
  ['e_tax', { p_tax_online: 'helper' }, false],
  ['digital_signature', { p_tools: ['digital_signature'] }, true],
  ['digital_signature', { p_einvoice: 'all' }, true],
  ['digital_signature', { p_tools: ['accounting'] }, false],
  ['cashless_payment', { p_qr: true }, true],
  ['cashless_payment', { p_qr: false }, false],
  ['online_presence', { p_social: 'monthly' }, true],
  ['online_presence', { p_social: 'rarely' }, false],
  ['cloud_office', { p_tools: ['cloud_storage'] }, true],
  ['cloud_office', { p_tools: ['none'] }, false],
  ['accounting', { p_tools: ['accounting'] }, true],
  ['sales_management', { p_records: 'sales_app' }, true],
  ['sales_management', { p_records: 'spreadsheet' }, false],
  ['inventory', { p_records: 'linked_app' }, true],
  ['inventory', { p_records: 'sales_app' }, false],
  ['logistics', { p_tools: ['delivery_app'] }, true],
  ['ecommerce_marketplace', { p_on_floor: true }, true],
  ['ecommerce_marketplace', { p_on_floor: false }, false],
  ['farm_ocop_floor', { p_on_floor: true, p_floor_products: 1 }, true],
  ['farm_ocop_floor', { p_on_floor: true, p_floor_products: 0 }, false],
  ['farm_ocop_floor', { p_on_floor: true }, false],
  ['digital_marketing', { p_social: 'weekly' }, true],
  ['digital_marketing', { p_social: 'monthly' }, false],
  ['training', { p_training: 'once' }, true],
  ['training', { p_training: 'never' }, false],
];

describe.each([
  ['dbi-sme', DBI_ROWS, SHOP],
  ['producer', PRODUCER_ROWS, FARM],
] as const)('%s coverage rules', (frameworkId, rows, profile) => {
  const fw = framework(frameworkId);
  it.each(rows)('%s with %j → covered %s', (need, answers, expected) => {
    const valid = validateAnswers(fw, profile, answers);
    expect(valid.ok).toBe(true);
    if (!valid.ok) return;
    expect(getNeedEvidence(frameworkId, need)!.covered(valid.answers, profile)).toBe(expected);
  });
  it('unanswered is never covered', () => {
    for (const e of evidenceFor(frameworkId)) expect(e.covered({}, profile), e.need).toBe(false);
  });
});

describe('relevance rules (dbi-sme)', () => {
  const dbi = (need: NeedId) => getNeedEvidence('dbi-sme', need)!;
  const p = (over: Partial<Profile>): Profile => ({ ...SHOP, ...over });

  it.each([
    ['hr', p({ employees: 10 }), {}, true],
    ['hr', p({ employees: 9 }), {}, false],
    ['data_analytics', p({ employees: 10 }), {}, true],
    ['data_analytics', p({ employees: 9 }), {}, false],
    ['erp', p({ employees: 20 }), {}, true],
    ['erp', p({ employees: 20, producerType: undefined }), {}, true],
    ['erp', p({ employees: 19 }), {}, false],
    ['erp', p({ employees: 50, producerType: 'cooperative' }), {}, false],
    ['e_contract', p({ producerType: 'household' }), {}, false],
    ['e_contract', p({ producerType: 'cooperative_group' }), {}, true],
    ['cybersecurity', p({ producerType: 'household' }), {}, false],
    ['cybersecurity', p({ producerType: 'cooperative_group' }), {}, false],
    ['cybersecurity', p({ producerType: 'cooperative' }), {}, true],
    ['farm_ocop_floor', p({ sector: 'A' }), {}, true],
    ['farm_ocop_floor', p({ sector: 'C' }), {}, true],
    ['farm_ocop_floor', p({ sector: 'G' }), {}, false],
    ['cross_border', SHOP, { c1_ecommerce_revenue: 'g2' }, true],
    ['cross_border', SHOP, { c1_ecommerce_revenue: 'g1' }, false],
    ['cross_border', SHOP, {}, false],
    ['e_invoice', p({ producerType: 'household', employees: 0 }), {}, true],
  ] as const)('%s for %j with %j → %s', (need, profile, answers, expected) => {
    expect(dbi(need).relevant(profile, answers)).toBe(expected);
  });

  it('every need in the producer table is relevant for any producer', () => {
    for (const e of evidenceFor('producer')) {
      for (const producerType of ['household', 'cooperative_group', 'cooperative', 'enterprise'] as const) {
        expect(e.relevant({ sector: 'S', employees: 0, producerType }, {}), `${e.need} ${producerType}`).toBe(true);
      }
    }
  });
});

describe('why lines', () => {
  it.each(FRAMEWORK_IDS)('%s: every need explains itself in Vietnamese and English', (frameworkId) => {
    for (const e of evidenceFor(frameworkId)) {
      const why = e.why({ sector: 'C', employees: 42 });
      expect(why.vi.trim().length, e.need).toBeGreaterThan(10);
      expect(why.en.trim().length, e.need).toBeGreaterThan(10);
      expect(why.vi).not.toBe(why.en);
    }
  });
  it('the e-invoice line states the legal date', () => {
    expect(getNeedEvidence('dbi-sme', 'e_invoice')!.why(SHOP).vi).toBe('Hóa đơn điện tử bắt buộc với mọi doanh nghiệp từ 1/7/2022.');
  });
  it('staff-size needs quote the head count', () => {
    expect(getNeedEvidence('dbi-sme', 'hr')!.why({ ...SHOP, employees: 42 }).vi).toContain('42 lao động');
  });
});
