/**
 * Worked examples of the scoring rules (QĐ 1970/QĐ-BTTTT, docs/domain.md §1)
 * and answer validation.
 */
import { describe, expect, it } from 'vitest';
import { dbiSme2021 } from '#src/content/frameworks/dbi-sme-2021/index.ts';
import { producerV1 } from '#src/content/frameworks/producer.ts';
import { parseFramework } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Framework, Profile } from '#src/domain/framework/schema.ts';
import {
  applicableQuestions,
  compareResults,
  optionPoints,
  scoreAssessment,
  strengthsAndGaps,
  validateAnswers,
} from '#src/domain/scoring/score.ts';

const dbi = parseFramework(dbiSme2021);
const producer = parseFramework(producerV1);
const sme: Profile = { sector: 'C', employees: 25 };
const household: Profile = { sector: 'A', employees: 2, producerType: 'household' };
const cooperative: Profile = { sector: 'A', employees: 8, producerType: 'cooperative' };

type PillarPoints = Partial<Record<'customer' | 'strategy' | 'infrastructure' | 'operations' | 'culture' | 'data', number>>;

/**
 * DBI answers worth exactly the given points per pillar: each question in
 * order takes the best grade that still fits (so a follow-up is only reached
 * once its trigger already scores).
 */
function dbiAnswers(target: PillarPoints): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const pillar of dbi.pillars) {
    let left = target[pillar.id as keyof PillarPoints] ?? 0;
    for (const q of pillar.questions) {
      if (q.type !== 'single') throw new Error(`unexpected ${q.type}`);
      const option = [...q.options].sort((a, b) => b.points - a.points).find((o) => o.points <= left)!;
      answers[q.id] = option.value;
      left -= option.points;
    }
    if (left !== 0) throw new Error(`cannot place the points of ${pillar.id}`);
  }
  return answers;
}

const ALL: PillarPoints = { customer: 65, strategy: 25, infrastructure: 80, operations: 65, culture: 50, data: 35 };

describe('the floating-point trap', () => {
  // 29 + 15 + 22 + 17 + 28 + 17 = 128 points = exactly 40 %, with 4 pillars at level 3.
  const trap: PillarPoints = { customer: 29, strategy: 15, infrastructure: 22, operations: 17, culture: 28, data: 17 };

  it('exists: the naive floating-point weighted mean lands above 40 %', () => {
    const naive = dbi.pillars.reduce((s, p) => s + p.weight * (((trap[p.id as keyof PillarPoints] ?? 0) / p.maxPoints!) * 100), 0);
    expect(naive).toBeGreaterThan(40);
  });

  it('does not lift the level: exactly 40 % is not "> 40 %", so level 2', () => {
    const result = scoreAssessment(dbi, sme, dbiAnswers(trap));
    expect(result.pillars.map((p) => p.level)).toEqual([3, 3, 2, 2, 3, 3]);
    expect([result.points, result.score, result.level]).toEqual([128, 40, 2]);
  });
});

describe('dbi-sme: worked examples', () => {
  // [name, points per pillar, pillar levels (customer…data), total points, score, level]
  describe.each<[string, PillarPoints, number[], number, number, number]>([
    ['39/65 on customer is pillar level 3, not 4', { customer: 39 }, [3, 0, 0, 0, 0, 0], 39, 12.19, 0],
    [
      '130 points with exactly 3 pillars at level 3 is level 2',
      { customer: 27, strategy: 10, infrastructure: 33, operations: 27, culture: 20, data: 13 },
      [3, 2, 3, 3, 2, 2],
      130,
      40.63,
      2,
    ],
    ['20 points, 3 pillars at level 1 is level 0', { customer: 5, strategy: 5, culture: 6, data: 4 }, [0, 1, 0, 0, 1, 1], 20, 6.25, 0],
    [
      '22 points with 4 pillars at level 1 (the cheapest level 1) is level 1',
      { customer: 7, strategy: 5, culture: 6, data: 4 },
      [1, 1, 0, 0, 1, 1],
      22,
      6.88,
      1,
    ],
    ['210 points in only 3 pillars is level 0', { customer: 65, infrastructure: 80, operations: 65 }, [5, 0, 5, 5, 0, 0], 210, 65.63, 0],
    [
      'exactly 64 points with 4 pillars at level 2 is level 1',
      { customer: 14, strategy: 10, infrastructure: 16, operations: 5, culture: 11, data: 8 },
      [2, 2, 1, 0, 2, 2],
      64,
      20,
      1,
    ],
    [
      '65 points with the same pillars is level 2',
      { customer: 14, strategy: 10, infrastructure: 16, operations: 6, culture: 11, data: 8 },
      [2, 2, 1, 0, 2, 2],
      65,
      20.31,
      2,
    ],
    [
      'exactly 128 points with 4 pillars at level 3 is level 2',
      { customer: 27, strategy: 15, infrastructure: 32, operations: 18, culture: 21, data: 15 },
      [3, 3, 2, 2, 3, 3],
      128,
      40,
      2,
    ],
    [
      '129 points with the same pillars is level 3',
      { customer: 27, strategy: 15, infrastructure: 32, operations: 19, culture: 21, data: 15 },
      [3, 3, 2, 2, 3, 3],
      129,
      40.31,
      3,
    ],
    [
      'exactly 192 points with 5 pillars at level 4 is level 3',
      { customer: 40, strategy: 20, infrastructure: 39, operations: 40, culture: 31, data: 22 },
      [4, 4, 3, 4, 4, 4],
      192,
      60,
      3,
    ],
    [
      '193 points with 5 pillars at level 4 is level 4',
      { customer: 40, strategy: 20, infrastructure: 40, operations: 40, culture: 31, data: 22 },
      [4, 4, 3, 4, 4, 4],
      193,
      60.31,
      4,
    ],
    [
      'every pillar at exactly 80 % is level 4',
      { customer: 52, strategy: 20, infrastructure: 64, operations: 52, culture: 40, data: 28 },
      [4, 4, 4, 4, 4, 4],
      256,
      80,
      4,
    ],
    [
      'every pillar just above 80 % is level 5',
      { customer: 53, strategy: 25, infrastructure: 65, operations: 53, culture: 41, data: 29 },
      [5, 5, 5, 5, 5, 5],
      266,
      83.13,
      5,
    ],
    ['313 points with one pillar at level 4 is level 4', { ...ALL, data: 28 }, [5, 5, 5, 5, 5, 4], 313, 97.81, 4],
    ['all best answers is 100 and level 5', ALL, [5, 5, 5, 5, 5, 5], 320, 100, 5],
    ['all worst answers is 0 and level 0', {}, [0, 0, 0, 0, 0, 0], 0, 0, 0],
  ])('%s', (_name, target, pillarLevels, points, score, level) => {
    const result = scoreAssessment(dbi, sme, dbiAnswers(target));

    it('gives the expected pillar points and levels', () => {
      expect(result.pillars.map((p) => p.points)).toEqual(dbi.pillars.map((p) => target[p.id as keyof PillarPoints] ?? 0));
      expect(result.pillars.map((p) => p.level)).toEqual(pillarLevels);
    });

    it(`gives ${points} points, score ${score}, level ${level}`, () => {
      expect([result.points, result.maxPoints, result.score, result.level]).toEqual([points, 320, score, level]);
      expect(result.levelName).toEqual(dbi.levels[level]!.name);
    });
  });

  it('reports the 39/65 pillar as exactly 60', () => {
    const customer = scoreAssessment(dbi, sme, dbiAnswers({ customer: 39 })).pillars[0]!;
    expect(customer).toEqual({ id: 'customer', score: 60, points: 39, maxPoints: 65, level: 3 });
  });

  it('scores empty answers as 0, level 0, nothing answered', () => {
    const result = scoreAssessment(dbi, sme, {});
    expect([result.score, result.points, result.level, result.answered, result.applicable]).toEqual([0, 0, 0, 0, 59]);
    expect(result.levelName).toEqual({ vi: 'Chưa khởi động', en: 'Not started' });
  });

  it('counts answered and applicable scored questions (cross-border shows once online revenue is reported)', () => {
    const result = scoreAssessment(dbi, sme, dbiAnswers(ALL));
    expect([result.answered, result.applicable]).toEqual([60, 60]);
  });

  it('ignores an answer to a hidden question', () => {
    const base = { c1_ecommerce_revenue: 'g0' };
    const withHidden = { ...base, c1_cross_border: 'g5' };
    expect(scoreAssessment(dbi, sme, withHidden)).toEqual(scoreAssessment(dbi, sme, base));
    expect(scoreAssessment(dbi, sme, { c1_ecommerce_revenue: 'g1', c1_cross_border: 'g5' }).points).toBe(6);
  });

  it('scores invalid answers as unanswered', () => {
    const result = scoreAssessment(dbi, sme, { c1_website: 'g9', s1_strategy: 5, nope: 'g1', i1_wifi: 'g2' } as never);
    expect([result.points, result.answered]).toEqual([2, 1]);
  });
});

describe('producer: a worked example by hand', () => {
  const answers = {
    p_social: 'weekly', // 4
    p_on_floor: true, // 5
    p_floor_products: 4, // band 3–5: 4          → sell 13/15 = 86.67 %, level 5
    p_qr: true, // 5
    p_einvoice: 'per_sale', // 2
    p_tax_online: 'in_person', // 0                → pay 7/15 = 46.67 %, level 3
    p_records: 'notebook', // 1
    p_tools: ['zalo_group', 'delivery_app', 'accounting', 'traceability'], // 7, capped at 5
    p_inputs_online: 'chat', // 2                  → run 8/15 = 53.33 %, level 3
    p_phone_skills: 'one', // 3
    p_training: 'never', // 0
    p_product_info: 'photos', // 2
    p_use_numbers: 'no', // 0                      → skills 5/20 = 25 %, level 2
  };

  it('gives each pillar its share and level', () => {
    const result = scoreAssessment(producer, household, answers);
    expect(result.pillars).toEqual([
      { id: 'sell', score: 86.67, points: 13, maxPoints: 15, level: 5 },
      { id: 'pay', score: 46.67, points: 7, maxPoints: 15, level: 3 },
      { id: 'run', score: 53.33, points: 8, maxPoints: 15, level: 3 },
      { id: 'skills', score: 25, points: 5, maxPoints: 20, level: 2 },
    ]);
  });

  it('averages the pillars equally: (13/15 + 7/15 + 8/15 + 5/20) / 4 = 127/240 = 52.92 %, level 3', () => {
    const result = scoreAssessment(producer, household, answers);
    expect([result.score, result.points, result.maxPoints, result.level]).toEqual([52.92, 33, 65, 3]);
  });

  it('drops the product count when the producer is not on a marketplace', () => {
    const result = scoreAssessment(producer, household, { ...answers, p_on_floor: false });
    expect(result.pillars[0]).toEqual({ id: 'sell', score: 26.67, points: 4, maxPoints: 15, level: 2 });
    expect(result.level).toBe(2);
  });
});

describe('validateAnswers', () => {
  const issuesOf = (fw: Framework, profile: Profile, answers: unknown) => {
    const result = validateAnswers(fw, profile, answers);
    if (result.ok) throw new Error('expected issues');
    return result.issues;
  };

  it.each<[string, Framework, Record<string, unknown>, (string | number)[], RegExp]>([
    ['an unknown question', dbi, { nope: 'g1' }, ['answers', 'nope'], /Câu hỏi không tồn tại \/ Unknown question/],
    ['an unknown option', dbi, { c1_website: 'g6' }, ['answers', 'c1_website'], /Invalid option/],
    ['a number for a single question', dbi, { c1_website: 3 }, ['answers', 'c1_website'], /Expected one option/],
    ['a string for a boolean question', producer, { p_qr: 'yes' }, ['answers', 'p_qr'], /Có hoặc Không \/ Expected yes or no/],
    [
      'a string for a number question',
      producer,
      { p_on_floor: true, p_floor_products: '4' },
      ['answers', 'p_floor_products'],
      /Expected a number/,
    ],
    [
      'a number above the range',
      producer,
      { p_on_floor: true, p_floor_products: 1001 },
      ['answers', 'p_floor_products'],
      /từ 0 đến 1000 \/ Value must be between 0 and 1000/,
    ],
    [
      'a number below the range',
      producer,
      { p_on_floor: true, p_floor_products: -1 },
      ['answers', 'p_floor_products'],
      /between 0 and 1000/,
    ],
    [
      'a fractional count',
      producer,
      { p_on_floor: true, p_floor_products: 2.5 },
      ['answers', 'p_floor_products'],
      /Expected a whole number/,
    ],
    ['a string for a multi question', producer, { p_tools: 'accounting' }, ['answers', 'p_tools'], /Expected a list of options/],
    [
      'an exclusive option with another',
      producer,
      { p_tools: ['none', 'accounting'] },
      ['answers', 'p_tools'],
      /“Chưa dùng công cụ nào” không chọn cùng lựa chọn khác được \/ “None yet” cannot be combined/,
    ],
    [
      'a duplicate option',
      producer,
      { p_tools: ['accounting', 'accounting'] },
      ['answers', 'p_tools', 1],
      /Lựa chọn bị trùng \/ Duplicate option/,
    ],
    ['an unknown option in a multi', producer, { p_tools: ['accounting', 'bogus'] }, ['answers', 'p_tools', 1], /Invalid option/],
  ])('reports %s', (_name, fw, answers, path, message) => {
    const issues = issuesOf(fw, fw === dbi ? sme : household, answers);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(path);
    expect(issues[0]!.message).toMatch(message);
    expect(issues[0]!.message).toMatch(/^.+ \/ .+$/);
  });

  it('rejects answers that are not an object', () => {
    for (const bad of [null, [], 'g1', 3]) {
      expect(issuesOf(dbi, sme, bad)).toEqual([{ path: ['answers'], message: expect.stringMatching(/ \/ Answers must be an object$/) }]);
    }
  });

  it('reports every issue at once', () => {
    const issues = issuesOf(producer, household, { nope: 1, p_qr: 'yes', p_tools: ['x'] });
    expect(issues.map((i) => i.path)).toEqual([
      ['answers', 'nope'],
      ['answers', 'p_qr'],
      ['answers', 'p_tools', 0],
    ]);
  });

  it('drops answers to skipped questions silently', () => {
    expect(validateAnswers(producer, household, { p_on_floor: false, p_floor_products: 5000 })).toEqual({
      ok: true,
      answers: { p_on_floor: false },
    });
    expect(validateAnswers(dbi, sme, { c1_ecommerce_revenue: 'g0', c1_cross_border: 'nonsense' })).toEqual({
      ok: true,
      answers: { c1_ecommerce_revenue: 'g0' },
    });
  });

  it('applies profile conditions: the co-operative question is for co-operatives only', () => {
    const answers = { p_coop_members: 'software' };
    expect(validateAnswers(producer, household, answers)).toEqual({ ok: true, answers: {} });
    expect(validateAnswers(producer, cooperative, answers)).toEqual({ ok: true, answers });
  });

  it('normalises: multi selections in option order, empty selections and nulls removed', () => {
    expect(validateAnswers(producer, household, { p_tools: ['traceability', 'zalo_group'], x_barriers: [], p_qr: null })).toEqual({
      ok: true,
      answers: { p_tools: ['zalo_group', 'traceability'] },
    });
  });
});

describe('applicableQuestions and optionPoints', () => {
  it('shows follow-ups once their trigger is answered', () => {
    const ids = (answers: Record<string, AnswerValue>) => applicableQuestions(producer, household, answers).map((q) => q.id);
    expect(ids({})).not.toContain('p_floor_products');
    expect(ids({ p_on_floor: true })).toContain('p_floor_products');
    expect(ids({})).not.toContain('p_coop_members');
    expect(applicableQuestions(producer, cooperative, {}).map((q) => q.id)).toContain('p_coop_members');
  });

  it('gives the points of one answer (capped multi, number bands)', () => {
    const q = (id: string) => producer.pillars.flatMap((p) => p.questions).find((x) => x.id === id)!;
    expect(optionPoints(q('p_tools'), ['zalo_group', 'accounting'])).toBe(3);
    expect(optionPoints(q('p_tools'), ['zalo_group', 'delivery_app', 'accounting', 'traceability'])).toBe(5);
    expect([0, 1, 2, 3, 5, 6, 1000].map((n) => optionPoints(q('p_floor_products'), n))).toEqual([0, 3, 3, 4, 4, 5, 5]);
    expect(optionPoints(q('p_qr'), true)).toBe(5);
    expect(optionPoints(q('p_qr'), undefined)).toBe(0);
  });
});

describe('result helpers', () => {
  const before = scoreAssessment(dbi, sme, dbiAnswers({ customer: 39, strategy: 5, data: 7 }));
  const after = scoreAssessment(dbi, sme, dbiAnswers({ customer: 39, strategy: 10, infrastructure: 40, data: 7 }));

  it('names strengths and gaps without overlap', () => {
    const { strengths, gaps } = strengthsAndGaps(dbi, after, 3);
    expect(strengths.map((s) => s.id)).toEqual(['customer', 'infrastructure', 'strategy']);
    expect(gaps.map((g) => g.id)).toEqual(['operations', 'culture', 'data']);
  });

  it('compares two results of the same framework version', () => {
    const diff = compareResults(before, after);
    expect([diff.comparable, diff.points, diff.score, diff.level]).toEqual([true, 45, 14.06, 1]);
    expect(diff.pillars.find((p) => p.id === 'infrastructure')).toEqual({
      id: 'infrastructure',
      previous: 0,
      current: 50,
      delta: 50,
      levelDelta: 3,
    });
  });
});
