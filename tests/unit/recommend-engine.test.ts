/**
 * recommend() (src/domain/recommendations/engine.ts) on worked examples:
 * answers written out by hand, outcomes asserted.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { parseFramework } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Framework, Profile } from '#src/domain/framework/schema.ts';
import { NEEDS } from '#src/domain/platforms/schema.ts';
import type { NeedId, Platform } from '#src/domain/platforms/schema.ts';
import { PLATFORM_ORDER_NOTE, recommend } from '#src/domain/recommendations/engine.ts';
import type { RecommendationItem, RecommendationPlan } from '#src/domain/recommendations/engine.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';

const dbi = getFramework('dbi-sme') as Framework;
const producer = getFramework('producer') as Framework;

const item = (plan: RecommendationPlan, need: NeedId): RecommendationItem | undefined => plan.items.find((i) => i.need === need);
const needsOf = (plan: RecommendationPlan): NeedId[] => plan.items.map((i) => i.need);

// ---------------------------------------------------------------------------
// A micro retail shop with paper invoices, cash only, nothing online
// ---------------------------------------------------------------------------

const SHOP: Profile = { sector: 'G', employees: 3, producerType: 'enterprise', sizeClass: sizeClass({ sector: 'G', employees: 3 }) };
const SHOP_ANSWERS: Record<string, AnswerValue> = {
  i2_einvoice: 'g0',
  c2_online_banking: 'g0',
  x_tools_payment: ['none'],
  c1_website: 'g0',
  c1_social: 'g0',
};

describe('a micro retail shop: paper invoices, cash only, not online', () => {
  const plan = recommend({ framework: dbi, profile: SHOP, answers: SHOP_ANSWERS, catalog: PLATFORM_CATALOG });

  it('is classed micro', () => {
    expect(SHOP.sizeClass).toBe('micro');
  });

  it('puts e-invoices in step 1 with at least two platforms', () => {
    const e = item(plan, 'e_invoice');
    expect(e?.step).toBe(1);
    expect(e?.category).toBe('finance_accounting');
    expect(e!.platforms.length).toBeGreaterThanOrEqual(2);
    expect(e!.platforms.length).toBeLessThanOrEqual(4);
  });

  it('quotes the paper-invoice answer and says why it matters', () => {
    const reasons = item(plan, 'e_invoice')!.reasons;
    const quoted = reasons.find((r) => r.vi.includes('“Chưa dùng hóa đơn điện tử”'));
    expect(quoted?.vi).toMatch(/^Bạn trả lời: “Chưa dùng hóa đơn điện tử”/);
    expect(quoted?.en).toContain('“We do not use e-invoices”');
    // The shop's own wording of the question (sector G variant).
    expect(quoted?.vi).toContain('Cửa hàng của bạn dùng hóa đơn điện tử');
    expect(reasons.map((r) => r.vi)).toContain('Hóa đơn điện tử bắt buộc với mọi doanh nghiệp từ 1/7/2022.');
  });

  it('puts cashless payment in step 2 with at least two platforms, citing the cash-only answers', () => {
    const c = item(plan, 'cashless_payment');
    expect(c?.step).toBe(2);
    expect(c!.platforms.length).toBeGreaterThanOrEqual(2);
    expect(c!.reasons.some((r) => r.vi.includes('“Chưa dùng công cụ số nào”'))).toBe(true);
    expect(c!.reasons.some((r) => r.vi.includes('“Không dùng”'))).toBe(true);
  });

  it('recommends an online presence', () => {
    expect(item(plan, 'online_presence')?.step).toBe(2);
  });

  it('orders steps 1 → 4, larger score gain first within a step', () => {
    const steps = plan.items.map((i) => i.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(plan.items[0]!.step).toBe(1);
    for (let k = 1; k < plan.items.length; k++) {
      const a = plan.items[k - 1]!;
      const b = plan.items[k]!;
      if (a.step !== b.step) continue;
      expect(a.scoreGain).toBeGreaterThanOrEqual(b.scoreGain);
      if (a.scoreGain === b.scoreGain) {
        expect(NEEDS.findIndex((n) => n.id === a.need)).toBeLessThan(NEEDS.findIndex((n) => n.id === b.need));
      }
    }
  });

  it('computes the score gain of e-invoices: g0 → g3 is 3 of 80 infrastructure points, 3 of 320 overall', () => {
    const e = item(plan, 'e_invoice')!;
    expect(e.scoreGain).toBe(0.9); // 0.9375
    expect(e.pillars).toEqual([{ id: 'infrastructure', name: dbi.pillars[2]!.name, gain: 3.8 }]); // 3.75
  });

  it('a tool-only adoption (digital signature) gains no score and lists no pillar', () => {
    const d = item(plan, 'digital_signature')!;
    expect(d.scoreGain).toBe(0);
    expect(d.pillars).toEqual([]);
  });

  it('summarises cost over the listed platforms', () => {
    expect(item(plan, 'e_tax')!.cost).toEqual({ costModel: 'free', trial: false });
    const byId = new Map(PLATFORM_CATALOG.map((p) => [p.id, p]));
    for (const i of plan.items) {
      const listed = i.platforms.map((id) => byId.get(id)!);
      const models = new Set(listed.map((p) => p.costModel));
      expect(i.cost.costModel).toBe(models.size === 1 ? [...models][0] : 'mixed');
      expect(i.cost.trial).toBe(listed.some((p) => p.freeTrial !== undefined));
    }
  });

  it('explains the platform order and the plan order in both languages', () => {
    for (const i of plan.items) expect(i.platformOrderNote).toEqual(PLATFORM_ORDER_NOTE);
    expect(PLATFORM_ORDER_NOTE.vi).toContain('Không nhà cung cấp nào trả tiền để được xếp trước');
    expect(plan.orderNote.vi).toContain('bắt buộc');
    expect(plan.orderNote.en).toContain('mandatory');
  });

  it('leaves out what does not fit a 3-person shop', () => {
    for (const need of ['hr', 'erp', 'data_analytics', 'farm_ocop_floor', 'cross_border'] as const) {
      expect(needsOf(plan)).not.toContain(need);
    }
  });

  it('has nothing done', () => {
    expect(plan.done).toEqual([]);
    expect(plan.dismissed).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// A medium manufacturer far along
// ---------------------------------------------------------------------------

describe('a medium manufacturer with e-invoices, ERP, e-contracts and e-tax', () => {
  const profile: Profile = {
    sector: 'C',
    employees: 150,
    revenueVnd: 150e9,
    producerType: 'enterprise',
    sizeClass: sizeClass({ sector: 'C', employees: 150, revenueVnd: 150e9 }),
  };
  const answers = { i2_einvoice: 'g5', i2_erp: 'g4', x_tools_accounting: ['e_contract'], c2_government: 'g4' };
  const plan = recommend({ framework: dbi, profile, answers, catalog: PLATFORM_CATALOG });

  it('is classed medium', () => {
    expect(profile.sizeClass).toBe('medium');
  });

  it('has no step-1 item and no ERP item', () => {
    expect(plan.items.filter((i) => i.step === 1)).toEqual([]);
    expect(needsOf(plan)).not.toContain('erp');
  });

  it('lists what the answers show as done', () => {
    const done = plan.done.map((d) => d.need);
    for (const need of ['e_invoice', 'e_tax', 'digital_signature', 'erp', 'e_contract'] as const) expect(done).toContain(need);
    for (const d of plan.done) {
      expect(d.source).toBe('answers');
      expect(d.platform).toBeNull();
      expect(d.category).toBe(NEEDS.find((n) => n.id === d.need)!.category);
    }
    // i2_erp g4 also means accounting, sales and stock software.
    expect(done).toEqual(expect.arrayContaining(['accounting', 'sales_management', 'inventory']));
  });

  it('still recommends what a 150-person firm lacks, with platforms for its size', () => {
    expect(needsOf(plan)).toEqual(expect.arrayContaining(['hr', 'data_analytics', 'cybersecurity']));
    const byId = new Map(PLATFORM_CATALOG.map((p) => [p.id, p]));
    for (const i of plan.items) for (const id of i.platforms) expect(byId.get(id)!.fits.sizes).toContain('medium');
  });
});

// ---------------------------------------------------------------------------
// An OCOP co-operative on the producer questionnaire
// ---------------------------------------------------------------------------

describe('an OCOP co-operative without online sales (producer framework)', () => {
  const profile: Profile = {
    sector: 'A',
    employees: 12,
    producerType: 'cooperative',
    sizeClass: sizeClass({ sector: 'A', employees: 12 }),
  };
  const plan = recommend({ framework: producer, profile, answers: { p_on_floor: false, p_social: 'none' }, catalog: PLATFORM_CATALOG });

  it('recommends farm and OCOP floors with Postmart and Voso first', () => {
    const f = item(plan, 'farm_ocop_floor');
    expect(f?.step).toBe(4);
    expect(f!.platforms).toContain('postmart');
    expect(f!.platforms).toContain('voso');
    expect(f!.platforms.slice(0, 2).sort()).toEqual(['postmart', 'voso']);
    expect(f!.reasons[0]!.vi).toContain('“Không”');
  });

  it('recommends e-commerce marketplaces', () => {
    const m = item(plan, 'ecommerce_marketplace');
    expect(m?.step).toBe(4);
    expect(m!.platforms.length).toBeGreaterThanOrEqual(2);
  });

  it('gains score on the selling pillar: yes on a floor (5) and one product listed (3) of 15', () => {
    const f = item(plan, 'farm_ocop_floor')!;
    expect(f.pillars).toEqual([{ id: 'sell', name: producer.pillars[0]!.name, gain: 53.3 }]);
    expect(f.scoreGain).toBe(13.3);
  });

  it('does not bring SME-only needs to a co-operative', () => {
    for (const need of ['online_meeting', 'customer_care', 'erp', 'cross_border'] as const) expect(needsOf(plan)).not.toContain(need);
  });
});

// ---------------------------------------------------------------------------
// Marks
// ---------------------------------------------------------------------------

describe('adopted and dismissed marks', () => {
  const base = { framework: dbi, profile: SHOP, answers: SHOP_ANSWERS, catalog: PLATFORM_CATALOG };

  it('an adopted need is done with its platform, not recommended', () => {
    const plan = recommend({ ...base, marks: { adopted: { e_invoice: 'misa-meinvoice' } } });
    expect(needsOf(plan)).not.toContain('e_invoice');
    expect(plan.done).toContainEqual({ need: 'e_invoice', category: 'finance_accounting', platform: 'misa-meinvoice', source: 'adopted' });
  });

  it('an adoption outside the catalog is done without a platform', () => {
    const plan = recommend({ ...base, marks: { adopted: { e_tax: null } } });
    expect(plan.done).toContainEqual({ need: 'e_tax', category: 'finance_accounting', platform: null, source: 'adopted' });
    expect(needsOf(plan)).not.toContain('e_tax');
  });

  it('a dismissed need is left out and listed; includeDismissed brings it back', () => {
    const marks = { dismissed: ['cashless_payment'] as NeedId[] };
    const hidden = recommend({ ...base, marks });
    expect(needsOf(hidden)).not.toContain('cashless_payment');
    expect(hidden.dismissed).toEqual(['cashless_payment']);

    const shown = recommend({ ...base, marks, includeDismissed: true });
    expect(item(shown, 'cashless_payment')?.step).toBe(2);
    expect(shown.dismissed).toEqual(['cashless_payment']);
    const plain = recommend(base);
    expect(shown.items).toEqual(plain.items);
  });

  it('adopted wins over dismissed; a dismissed need that is covered is done, not dismissed', () => {
    const plan = recommend({
      ...base,
      answers: { ...SHOP_ANSWERS, c1_social: 'g4' },
      marks: { adopted: { cashless_payment: 'vietqr-napas' }, dismissed: ['cashless_payment', 'online_presence'] },
    });
    expect(plan.dismissed).toEqual([]);
    expect(plan.done.map((d) => [d.need, d.source])).toEqual([
      ['cashless_payment', 'adopted'],
      ['online_presence', 'answers'],
    ]);
  });

  it('ignores marks that name no need', () => {
    const plan = recommend({ ...base, marks: { adopted: { nope: 'x' } as never, dismissed: ['nope'] as never } });
    expect(plan).toEqual(recommend(base));
  });
});

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

describe('inputs', () => {
  it('ignores invalid and hidden answers instead of failing', () => {
    const plan = recommend({
      framework: dbi,
      profile: SHOP,
      answers: { ...SHOP_ANSWERS, x_tools_accounting: ['einvoice', 'bogus'], c1_cross_border: 'g5', nope: 1 } as never,
      catalog: PLATFORM_CATALOG,
    });
    // The valid part of the tool list still counts…
    expect(needsOf(plan)).not.toContain('e_invoice');
    expect(plan.done.map((d) => d.need)).toContain('e_invoice');
    // …and a hidden question's answer does not.
    expect(plan.done.map((d) => d.need)).not.toContain('cross_border');
  });

  it('a missing size class counts as micro, a missing producer type as enterprise', () => {
    const { sizeClass: _s, producerType: _p, ...bare } = SHOP;
    expect(recommend({ framework: dbi, profile: bare, answers: SHOP_ANSWERS, catalog: PLATFORM_CATALOG })).toEqual(
      recommend({ framework: dbi, profile: SHOP, answers: SHOP_ANSWERS, catalog: PLATFORM_CATALOG }),
    );
  });

  it('retired platforms are never listed; a need with no fitting platform is not recommended', () => {
    const retired: Platform[] = PLATFORM_CATALOG.map((p) => (p.needs.includes('e_invoice') ? { ...p, retired: true } : p));
    const plan = recommend({ framework: dbi, profile: SHOP, answers: SHOP_ANSWERS, catalog: retired });
    expect(needsOf(plan)).not.toContain('e_invoice');
  });

  it('one fitting platform gives a one-platform item', () => {
    const only = PLATFORM_CATALOG.filter((p) => !p.needs.includes('e_tax') || p.id === 'gdt-thuedientu');
    const plan = recommend({ framework: dbi, profile: SHOP, answers: SHOP_ANSWERS, catalog: only });
    expect(item(plan, 'e_tax')!.platforms).toEqual(['gdt-thuedientu']);
  });

  it('orders platforms by explicit sector, then platforms built for the need, then free and Vietnamese first for micro, never by name', () => {
    const plan = recommend({ framework: dbi, profile: SHOP, answers: SHOP_ANSWERS, catalog: PLATFORM_CATALOG });
    // ShopeePay names sector G; of the rest (every sector) the micro shop sees the free VietQR first, then the
    // Vietnamese wallets in the catalog's order (issue 13: the old alphabetical order put MoMo second by name).
    expect(item(plan, 'cashless_payment')!.platforms).toEqual(['shopeepay', 'vietqr-napas', 'momo', 'vnpay']);
    // Sapo and Haravan name sector G but list online presence second, which is still ahead of "every sector".
    expect(item(plan, 'online_presence')!.platforms).toEqual(['sapo', 'haravan', 'google-business-profile', 'wordpress-com']);
  });

  it('a framework without an evidence table gets an empty plan rather than a guess', () => {
    const other = parseFramework({ ...dbi, id: 'other-index' });
    const plan = recommend({ framework: other, profile: SHOP, answers: {}, catalog: PLATFORM_CATALOG });
    expect(plan.items).toEqual([]);
    expect(plan.done).toEqual([]);
  });
});
