/**
 * Structure pins of the short producer questionnaire (co-operatives,
 * co-operative groups, household businesses, OCOP producers).
 *
 * Pinned on purpose: changing a question, weight or threshold of a shipped
 * framework is a product decision that ships as a new version.
 */
import { describe, expect, it } from 'vitest';
import { producerV1 } from '#src/content/frameworks/producer.ts';
import { allQuestions, parseFramework, pillarMaxPoints, questionMinPoints } from '#src/domain/framework/schema.ts';
import type { Framework, Question } from '#src/domain/framework/schema.ts';

const producer: Framework = parseFramework(producerV1);
const scored = producer.pillars.flatMap((p) => p.questions);
const question = (id: string): Question => {
  const q = allQuestions(producer).find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

describe('producer v1', () => {
  it('parses as framework producer, version 1', () => {
    expect([producer.id, producer.version]).toEqual(['producer', 1]);
  });

  it('has 4 equally weighted pillars and at most 15 scored questions', () => {
    expect(producer.pillars.map((p) => [p.id, p.name.vi, p.weight, pillarMaxPoints(p), p.questions.length])).toEqual([
      ['sell', 'Bán hàng trực tuyến', 1, 15, 3],
      ['pay', 'Thanh toán và hóa đơn', 1, 15, 3],
      ['run', 'Quản lý sản xuất, kinh doanh', 1, 15, 3],
      ['skills', 'Kỹ năng và dữ liệu', 1, 20, 4],
    ]);
    expect(scored.length).toBeLessThanOrEqual(15);
    expect(scored.every((q) => questionMinPoints(q) === 0)).toBe(true);
  });

  it('uses all four question types', () => {
    expect(new Set(scored.map((q) => q.type))).toEqual(new Set(['single', 'multi', 'boolean', 'number']));
  });

  it('pins the number bands of "products on marketplaces", shown only to those who sell there', () => {
    const q = question('p_floor_products');
    if (q.type !== 'number') throw new Error('expected number');
    expect([q.min, q.max, q.bands]).toEqual([
      0,
      1000,
      [
        { min: 0, max: 0, points: 0 },
        { min: 1, max: 2, points: 3 },
        { min: 3, max: 5, points: 4 },
        { min: 6, max: 1000, points: 5 },
      ],
    ]);
    expect(q.condition).toEqual({ field: 'answers.p_on_floor', in: [true] });
  });

  it('caps the tools question at 5 points and offers an exclusive "none"', () => {
    const q = question('p_tools');
    if (q.type !== 'multi') throw new Error('expected multi');
    expect(q.cap).toBe(5);
    expect(q.options.filter((o) => o.exclusive).map((o) => [o.value, o.points])).toEqual([['none', 0]]);
  });

  it('asks co-operatives (only) how they manage members, unscored', () => {
    const q = question('p_coop_members');
    expect(q.scored).toBe(false);
    expect(q.condition).toEqual({ field: 'profile.producerType', in: ['cooperative', 'cooperative_group'] });
  });

  it('pins the levels: DBI names and pillar thresholds, 3 of 4 pillars for L1–L3, all 4 for L4–L5', () => {
    expect(producer.levels.map((l) => [l.level, l.minScore, l.minPillars, l.name.vi])).toEqual([
      [0, 0, 0, 'Chưa khởi động'],
      [1, 6.25, 3, 'Khởi động'],
      [2, 20, 3, 'Bắt đầu'],
      [3, 40, 3, 'Hình thành'],
      [4, 60, 4, 'Nâng cao'],
      [5, 80, 4, 'Dẫn dắt'],
    ]);
    expect(producer.pillarLevels.map((l) => l.minScore)).toEqual([10, 20, 40, 60, 80]);
  });

  it('writes every question in both languages with a reason', () => {
    for (const q of allQuestions(producer)) {
      expect(q.text.vi.length, q.id).toBeGreaterThan(10);
      expect(q.text.en.length, q.id).toBeGreaterThan(10);
      expect(q.why.vi.length, q.id).toBeGreaterThan(10);
      expect(q.why.en.length, q.id).toBeGreaterThan(10);
    }
  });

  it.each([
    ['p_on_floor', true, 'ecommerce'],
    ['p_qr', true, 'e_payment'],
    ['p_einvoice', 'all', 'finance_accounting'],
    ['p_records', 'sales_app', 'sales_management'],
    ['p_tools', 'delivery_app', 'logistics'],
  ] as const)('%s = %s counts towards %s', (id, value, category) => {
    const q = question(id);
    if (q.type === 'number') throw new Error('expected options');
    const options: readonly { value: string | boolean; platformCategory?: string }[] = q.options;
    expect(options.find((o) => o.value === value)?.platformCategory).toBe(category);
  });
});
