/**
 * Structure pins of the national SME index (QĐ 1970/QĐ-BTTTT, 2021).
 *
 * Pinned on purpose: changing a pillar, component, maximum, weight, level
 * threshold or option score of a shipped framework is a product decision that
 * ships as a new framework version, never an edit of this one.
 */
import { describe, expect, it } from 'vitest';
import { dbiSme2021 } from '#src/content/frameworks/dbi-sme-2021/index.ts';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import {
  allQuestions,
  isScored,
  parseFramework,
  pillarMaxPoints,
  questionMaxPoints,
  questionMinPoints,
} from '#src/domain/framework/schema.ts';
import type { Framework, Localized, Question } from '#src/domain/framework/schema.ts';

const dbi: Framework = parseFramework(dbiSme2021);
const scored = dbi.pillars.flatMap((p) => p.questions);
const byId = new Map(allQuestions(dbi).map((q) => [q.id, q]));
const question = (id: string): Question => {
  const q = byId.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('dbi-sme v1: structure', () => {
  it('is framework dbi-sme, version 1', () => {
    expect([dbi.id, dbi.version]).toEqual(['dbi-sme', 1]);
  });

  it('has the 6 official pillars with their maxima and weights = max / 320', () => {
    expect(dbi.pillars.map((p) => [p.id, p.name.vi, pillarMaxPoints(p), p.weight])).toEqual([
      ['customer', 'Trải nghiệm số cho khách hàng', 65, 65 / 320],
      ['strategy', 'Chiến lược', 25, 25 / 320],
      ['infrastructure', 'Hạ tầng và công nghệ số', 80, 80 / 320],
      ['operations', 'Vận hành', 65, 65 / 320],
      ['culture', 'Chuyển đổi số văn hóa doanh nghiệp', 50, 50 / 320],
      ['data', 'Dữ liệu và tài sản thông tin', 35, 35 / 320],
    ]);
    expect(dbi.pillars.map((p) => p.maxPoints)).toEqual([65, 25, 80, 65, 50, 35]);
  });

  it('has the 10 official component indicators with their criteria counts and maxima', () => {
    const rows = dbi.pillars.flatMap((p) =>
      (p.components ?? []).map((c) => {
        const qs = p.questions.filter((q) => q.component === c.id);
        return [p.id, c.id, c.name.vi, qs.length, qs.reduce((s, q) => s + questionMaxPoints(q), 0)];
      }),
    );
    expect(rows).toEqual([
      ['customer', 'online_presence', 'Hiện diện trực tuyến', 9, 45],
      ['customer', 'online_activity', 'Hoạt động trực tuyến', 4, 20],
      ['strategy', 'dx_strategy', 'Chiến lược/kế hoạch chuyển đổi số', 1, 25],
      ['infrastructure', 'connectivity', 'Kết nối mạng', 2, 10],
      ['infrastructure', 'ict_infrastructure', 'Cơ sở hạ tầng CNTT-TT', 14, 70],
      ['operations', 'ict_policy', 'Chính sách CNTT-TT', 6, 30],
      ['operations', 'human_resources', 'Nguồn nhân lực', 7, 35],
      ['culture', 'ict_use', 'Sử dụng ICT', 5, 25],
      ['culture', 'rnd', 'Cơ sở hạ tầng R&D', 5, 25],
      ['data', 'data_governance', 'Sử dụng và quản trị dữ liệu', 7, 35],
    ]);
  });

  it('has 60 scored criteria worth 320 points, in the official order', () => {
    expect(scored.every(isScored)).toBe(true);
    expect(scored).toHaveLength(60);
    expect(scored.reduce((s, q) => s + questionMaxPoints(q), 0)).toBe(320);
    expect(scored.map((q) => q.id)).toEqual([
      'c1_website',
      'c1_social',
      'c1_marketing_spend',
      'c1_ecommerce_floor',
      'c1_ecommerce_revenue',
      'c1_cross_border',
      'c1_catalogue',
      'c1_customer_channels',
      'c1_configurator',
      'c2_b2b',
      'c2_government',
      'c2_online_banking',
      'c2_online_purchasing',
      's1_strategy',
      'i1_broadband',
      'i1_wifi',
      'i2_lan',
      'i2_records',
      'i2_einvoice',
      'i2_data_sharing',
      'i2_cloud',
      'i2_erp',
      'i2_crm',
      'i2_security',
      'i2_iot',
      'i2_blockchain',
      'i2_robots',
      'i2_automation',
      'i2_rfid',
      'i2_supply_chain',
      'o1_security_policy',
      'o1_data_protection',
      'o1_quality',
      'o1_performance',
      'o1_upgrades',
      'o1_ict_investment',
      'o2_it_unit',
      'o2_ict_staff',
      'o2_business_experts',
      'o2_remote_work',
      'o2_ict_training',
      'o2_online_training',
      'o2_knowledge_base',
      'u1_devices',
      'u1_internet',
      'u1_email',
      'u1_office_apps',
      'u1_online_meeting',
      'r1_rnd_unit',
      'r1_rnd_spend',
      'r1_ip',
      'r1_innovation',
      'r1_co_innovation',
      'd1_database',
      'd1_big_data',
      'd1_db_software',
      'd1_data_collection',
      'd1_data_revenue',
      'd1_bi',
      'd1_decision_support',
    ]);
  });

  it('scores every ordinary criterion 0–5 over six graded options g0…g5, and the strategy ×5', () => {
    for (const q of scored) {
      expect(q.type, q.id).toBe('single');
      if (q.type !== 'single') continue;
      const step = q.id === 's1_strategy' ? 5 : 1;
      expect(
        q.options.map((o) => [o.value, o.points]),
        q.id,
      ).toEqual([0, 1, 2, 3, 4, 5].map((i) => [`g${i}`, i * step]));
      expect(questionMinPoints(q)).toBe(0);
    }
  });

  it('hides cross-border sales only when there is no online revenue (hiding implies the worst answer)', () => {
    expect(question('c1_cross_border').condition).toEqual({
      field: 'answers.c1_ecommerce_revenue',
      in: ['g1', 'g2', 'g3', 'g4', 'g5'],
    });
    expect(scored.filter((q) => q.condition).map((q) => q.id)).toEqual(['c1_cross_border']);
  });
});

describe('dbi-sme v1: levels', () => {
  it('pins the official names and the thresholds (score % of 320: 20, 64, 128, 192, 256 points)', () => {
    expect(dbi.levels.map((l) => [l.level, l.minScore, l.minPillars, l.name.vi, l.name.en])).toEqual([
      [0, 0, 0, 'Chưa khởi động', 'Not started'],
      [1, 6.25, 4, 'Khởi động', 'Starting'],
      [2, 20, 4, 'Bắt đầu', 'Beginning'],
      [3, 40, 4, 'Hình thành', 'Forming'],
      [4, 60, 5, 'Nâng cao', 'Advanced'],
      [5, 80, 6, 'Dẫn dắt', 'Leading'],
    ]);
    expect(dbi.levels.map((l) => (l.minScore * 320) / 100)).toEqual([0, 20, 64, 128, 192, 256]);
  });

  it('pins the pillar levels (Bảng 2: > 10, 20, 40, 60, 80 % of the pillar maximum)', () => {
    expect(dbi.pillarLevels).toEqual([
      { level: 1, minScore: 10 },
      { level: 2, minScore: 20 },
      { level: 3, minScore: 40 },
      { level: 4, minScore: 60 },
      { level: 5, minScore: 80 },
    ]);
  });

  it('describes every level in both languages', () => {
    for (const l of dbi.levels) {
      expect(l.description.vi.length, `level ${l.level}`).toBeGreaterThan(40);
      expect(l.description.en.length, `level ${l.level}`).toBeGreaterThan(40);
      expect(l.description.vi).toMatch(VIETNAMESE_LETTER);
    }
  });
});

describe('dbi-sme v1: wording', () => {
  const texts = (q: Question): Localized[] => [
    q.text,
    q.why,
    ...(q.variants ?? []).map((v) => v.text),
    ...(q.type === 'number' ? [] : q.options.map((o) => o.label)),
  ];

  it('has Vietnamese and English text and a one-line "why" for every question', () => {
    for (const q of allQuestions(dbi)) {
      expect(q.text.vi, q.id).toMatch(VIETNAMESE_LETTER);
      expect(q.why.vi, q.id).toMatch(VIETNAMESE_LETTER);
      expect(q.text.en, q.id).not.toMatch(VIETNAMESE_LETTER);
      expect(q.why.en.length, q.id).toBeGreaterThan(10);
      expect(q.why.vi, q.id).not.toContain('\n');
    }
  });

  it('stores every string in Unicode NFC (precomposed Vietnamese letters)', () => {
    for (const q of allQuestions(dbi)) {
      for (const t of texts(q)) {
        expect(t.vi, q.id).toBe(t.vi.normalize('NFC'));
        expect(t.en, q.id).toBe(t.en.normalize('NFC'));
      }
    }
  });

  it('has sector-specific wording for at least 8 questions, covering A, C, G and services', () => {
    const withVariants = allQuestions(dbi).filter((q) => q.variants);
    expect(withVariants.length).toBeGreaterThanOrEqual(8);
    const sectors = new Set(withVariants.flatMap((q) => q.variants!.flatMap((v) => v.sectors)));
    for (const s of ['A', 'C', 'G', 'I', 'N']) expect(sectors.has(s as never), s).toBe(true);
  });
});

describe('dbi-sme v1: platform categories', () => {
  it.each([
    ['c1_website', 'web_portal'],
    ['c1_social', 'marketing'],
    ['c1_marketing_spend', 'marketing'],
    ['c1_ecommerce_floor', 'ecommerce'],
    ['c1_customer_channels', 'customer_care'],
    ['c2_b2b', 'e_contract'],
    ['c2_government', 'finance_accounting'],
    ['c2_online_banking', 'e_payment'],
    ['i2_einvoice', 'finance_accounting'],
    ['i2_cloud', 'cloud'],
    ['i2_erp', 'enterprise_management'],
    ['i2_crm', 'customer_care'],
    ['i2_security', 'cybersecurity'],
    ['i2_supply_chain', 'logistics'],
    ['o2_online_training', 'consulting_training'],
    ['u1_online_meeting', 'online_meeting'],
  ])('%s counts as using %s from grade 1 up, never at "none"', (id, category) => {
    const q = question(id);
    if (q.type !== 'single') throw new Error('expected a single question');
    expect(q.options.map((o) => o.platformCategory)).toEqual([undefined, category, category, category, category, category]);
  });

  it('uses only the ministry’s category ids', () => {
    for (const q of allQuestions(dbi)) {
      if (q.type === 'number') continue;
      for (const o of q.options) {
        if (o.platformCategory !== undefined) expect(PLATFORM_CATEGORY_IDS).toContain(o.platformCategory);
      }
    }
  });
});

describe('dbi-sme v1: unscored extras', () => {
  const extras = dbi.extraSections ?? [];
  const extra = extras.flatMap((s) => s.questions);

  it('holds the barriers and one platform-usage question per business function, all unscored and worth 0', () => {
    expect(extras.map((s) => [s.id, s.questions.map((q) => q.id)])).toEqual([
      ['barriers', ['x_barriers']],
      [
        'platforms',
        [
          'x_tools_sales',
          'x_tools_accounting',
          'x_tools_payment',
          'x_tools_customer_care',
          'x_tools_inventory',
          'x_tools_hr',
          'x_tools_production',
          'x_tools_logistics',
          'x_tools_management',
        ],
      ],
    ]);
    for (const q of extra) {
      expect(q.scored, q.id).toBe(false);
      expect(q.type, q.id).toBe('multi');
      if (q.type === 'multi')
        expect(
          q.options.every((o) => o.points === 0),
          q.id,
        ).toBe(true);
    }
  });

  it('asks for the official barriers plus "other", with an exclusive "no difficulties"', () => {
    const q = question('x_barriers');
    if (q.type !== 'multi') throw new Error('expected multi');
    expect(q.options.map((o) => [o.value, o.exclusive ?? false])).toEqual([
      ['cost', false],
      ['habits', false],
      ['skills', false],
      ['infrastructure', false],
      ['information', false],
      ['integration', false],
      ['leadership', false],
      ['staff_commitment', false],
      ['data_leak', false],
      ['other', false],
      ['none', true],
    ]);
  });

  it('ends each platform-usage question with an exclusive, uncategorised "no digital tool" option', () => {
    for (const q of extra.filter((x) => x.id.startsWith('x_tools_'))) {
      if (q.type !== 'multi') throw new Error('expected multi');
      const last = q.options[q.options.length - 1]!;
      expect([last.value, last.exclusive, last.platformCategory], q.id).toEqual(['none', true, undefined]);
      expect(
        q.options.filter((o) => o.exclusive),
        q.id,
      ).toHaveLength(1);
      expect(
        q.options.some((o) => o.platformCategory !== undefined),
        q.id,
      ).toBe(true);
    }
  });

  it.each([
    ['x_tools_sales', 'sales_app', 'sales_management'],
    ['x_tools_sales', 'marketplace', 'ecommerce'],
    ['x_tools_accounting', 'accounting_software', 'finance_accounting'],
    ['x_tools_accounting', 'einvoice', 'finance_accounting'],
    ['x_tools_accounting', 'digital_signature', 'finance_accounting'],
    ['x_tools_accounting', 'e_contract', 'e_contract'],
    ['x_tools_payment', 'qr_wallet', 'e_payment'],
    ['x_tools_hr', 'hrm', 'hr_jobs'],
    ['x_tools_logistics', 'carrier_app', 'logistics'],
    ['x_tools_management', 'erp', 'enterprise_management'],
    ['x_tools_management', 'office_cloud', 'cloud'],
  ])('%s: option %s counts towards %s', (id, value, category) => {
    const q = question(id);
    if (q.type !== 'multi') throw new Error('expected multi');
    expect(q.options.find((o) => o.value === value)?.platformCategory).toBe(category);
  });
});
