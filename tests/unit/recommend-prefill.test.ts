/**
 * applyAdoptions (src/domain/recommendations/prefill.ts): the answers the next
 * assessment is prefilled with after a business adopted platforms.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '#src/content/frameworks/registry.ts';
import type { Framework, Profile } from '#src/domain/framework/schema.ts';
import { applyAdoptions, applyRaises, sanitizeAnswers } from '#src/domain/recommendations/prefill.ts';
import { validateAnswers } from '#src/domain/scoring/score.ts';

const dbi = getFramework('dbi-sme') as Framework;
const producer = getFramework('producer') as Framework;
const SHOP: Profile = { sector: 'G', employees: 3, producerType: 'enterprise', sizeClass: 'micro' };
const HOUSEHOLD: Profile = { sector: 'A', employees: 2, producerType: 'household', sizeClass: 'micro' };

describe('applyAdoptions', () => {
  it('raises a graded answer to the coverage threshold and adds the tool, dropping "none"', () => {
    const answers = { i2_einvoice: 'g0', x_tools_accounting: ['none'], c1_website: 'g2' };
    expect(applyAdoptions(dbi, answers, ['e_invoice'], SHOP)).toEqual({
      c1_website: 'g2',
      i2_einvoice: 'g3',
      x_tools_accounting: ['einvoice'],
    });
  });

  it('never lowers an answer', () => {
    const answers = { i2_einvoice: 'g5', x_tools_accounting: ['accounting_software', 'einvoice'], i2_erp: 'g4' };
    const next = applyAdoptions(dbi, answers, ['e_invoice', 'accounting'], SHOP);
    expect(next.i2_einvoice).toBe('g5');
    expect(next.i2_erp).toBe('g4');
    expect(next.x_tools_accounting).toEqual(['accounting_software', 'einvoice']);
  });

  it('keeps other tools and stores multi answers in option order', () => {
    const next = applyAdoptions(dbi, { x_tools_accounting: ['etax'] }, ['e_invoice', 'accounting'], SHOP);
    expect(next.x_tools_accounting).toEqual(['accounting_software', 'einvoice', 'etax']);
  });

  it('does not mutate its input', () => {
    const answers = Object.freeze({ i2_einvoice: 'g0', x_tools_accounting: Object.freeze(['none']) });
    const copy = structuredClone(answers);
    applyAdoptions(dbi, answers, ['e_invoice', 'digital_signature'], SHOP);
    expect(answers).toEqual(copy);
  });

  it('returns answers that pass validateAnswers, dropping what is invalid', () => {
    const answers = {
      i2_einvoice: 'g9', // not an option
      c1_social: 'g4',
      x_tools_sales: ['social', 'teleport'], // one bad entry: the rest is kept
      x_tools_payment: ['none', 'qr_wallet'], // exclusive combined: dropped
      unknown_question: 'x',
      c1_website: 3, // wrong type
    };
    const next = applyAdoptions(dbi, answers as never, ['e_invoice'], SHOP);
    expect(next).toEqual({ c1_social: 'g4', i2_einvoice: 'g3', x_tools_sales: ['social'], x_tools_accounting: ['einvoice'] });
    expect(validateAnswers(dbi, SHOP, next).ok).toBe(true);
  });

  it('drops a raise on a question the answers keep hidden', () => {
    // c1_cross_border is only asked when there is some online revenue.
    const next = applyAdoptions(dbi, { c1_ecommerce_revenue: 'g0' }, ['cross_border'], SHOP);
    expect(next).toEqual({ c1_ecommerce_revenue: 'g0' });
    const shown = applyAdoptions(dbi, { c1_ecommerce_revenue: 'g2' }, ['cross_border'], SHOP);
    expect(shown).toEqual({ c1_ecommerce_revenue: 'g2', c1_cross_border: 'g2' });
  });

  it('producer: yes/no, number and single raises', () => {
    const next = applyAdoptions(
      producer,
      { p_on_floor: false, p_qr: false, p_einvoice: 'per_sale', p_tools: ['none'] },
      ['farm_ocop_floor', 'cashless_payment', 'e_invoice', 'logistics'],
      HOUSEHOLD,
    );
    expect(next).toEqual({ p_on_floor: true, p_floor_products: 1, p_qr: true, p_einvoice: 'some', p_tools: ['delivery_app'] });
  });

  it('producer: a larger product count and a better answer stay', () => {
    const next = applyAdoptions(
      producer,
      { p_on_floor: true, p_floor_products: 12, p_einvoice: 'all', p_social: 'daily' },
      ['farm_ocop_floor', 'e_invoice', 'digital_marketing'],
      HOUSEHOLD,
    );
    expect(next).toEqual({ p_on_floor: true, p_floor_products: 12, p_einvoice: 'all', p_social: 'daily' });
  });

  it('ignores needs the framework does not assess and repeated needs', () => {
    const answers = { p_qr: false };
    expect(applyAdoptions(producer, answers, ['online_meeting', 'erp'], HOUSEHOLD)).toEqual({ p_qr: false });
    expect(applyAdoptions(producer, answers, ['cashless_payment', 'cashless_payment'], HOUSEHOLD)).toEqual({ p_qr: true });
  });

  it('no adoptions: the validated answers unchanged', () => {
    const answers = { p_qr: true, p_social: 'weekly' };
    expect(applyAdoptions(producer, answers, [], HOUSEHOLD)).toEqual(answers);
  });
});

describe('sanitizeAnswers and applyRaises', () => {
  it('sanitizeAnswers on something that is not an object gives no answers', () => {
    expect(sanitizeAnswers(dbi, SHOP, null)).toEqual({});
    expect(sanitizeAnswers(dbi, SHOP, ['g1'])).toEqual({});
  });

  it('sanitizeAnswers drops duplicate entries of a multi answer', () => {
    expect(sanitizeAnswers(dbi, SHOP, { x_tools_sales: ['social', 'social', 'website'] })).toEqual({
      x_tools_sales: ['website', 'social'],
    });
  });

  it('applyRaises ignores raises on questions the framework does not have', () => {
    expect(applyRaises(producer, { p_qr: false }, [{ questionId: 'i2_einvoice', value: 'g3' }])).toEqual({ p_qr: false });
  });
});
