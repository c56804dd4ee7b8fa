/**
 * parseFramework: the load-time checks that stop a broken framework before it
 * scores anybody.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import * as schema from '#src/domain/framework/schema.ts';
import { parseFramework, questionMaxPoints, questionText } from '#src/domain/framework/schema.ts';
import type { Question } from '#src/domain/framework/schema.ts';

const L = (s: string) => ({ vi: `${s} (vi)`, en: s });

/** Plain JSON, so that each case below can break one thing. */
type Fixture = any;

/** A small valid framework. */
function fixture(): Fixture {
  return {
    id: 'mini',
    version: 1,
    title: L('Mini'),
    meta: { status: 'local', legalBasis: L('test'), sources: [{ title: 'test', url: 'https://example.org/mini' }] },
    levels: [
      { level: 0, minScore: 0, minPillars: 0, name: L('zero'), description: L('zero') },
      { level: 1, minScore: 25, minPillars: 1, name: L('one'), description: L('one') },
    ],
    pillarLevels: [{ level: 1, minScore: 25 }],
    pillars: [
      {
        id: 'a',
        name: L('A'),
        weight: 1,
        maxPoints: 9,
        components: [{ id: 'a1', name: L('A1') }],
        questions: [
          {
            id: 'q_single',
            type: 'single',
            component: 'a1',
            text: L('single'),
            why: L('why'),
            variants: [{ sectors: ['A'], text: L('farm wording') }],
            options: [
              { value: 'no', points: 0, label: L('no') },
              { value: 'some', points: 1, label: L('some') },
              { value: 'yes', points: 2, label: L('yes'), platformCategory: 'ecommerce' },
            ],
          },
          {
            id: 'q_bool',
            type: 'boolean',
            component: 'a1',
            text: L('bool'),
            why: L('why'),
            options: [
              { value: true, points: 2, label: L('yes') },
              { value: false, points: 0, label: L('no') },
            ],
          },
          {
            id: 'q_multi',
            type: 'multi',
            component: 'a1',
            cap: 3,
            text: L('multi'),
            why: L('why'),
            condition: { field: 'answers.q_single', in: ['some', 'yes'] },
            options: [
              { value: 'x', points: 2, label: L('x') },
              { value: 'y', points: 2, label: L('y') },
              { value: 'none', points: 0, exclusive: true, label: L('none') },
            ],
          },
          {
            id: 'q_number',
            type: 'number',
            component: 'a1',
            text: L('number'),
            why: L('why'),
            min: 0,
            max: 100,
            bands: [
              { min: 0, max: 0, points: 0 },
              { min: 1, max: 100, points: 2 },
            ],
          },
        ],
      },
    ],
    extraSections: [
      {
        id: 'extra',
        name: L('Extra'),
        questions: [
          {
            id: 'x_multi',
            type: 'multi',
            scored: false,
            text: L('extra'),
            why: L('why'),
            options: [
              { value: 'a', points: 0, label: L('a') },
              { value: 'none', points: 0, exclusive: true, label: L('none') },
            ],
          },
        ],
      },
    ],
  };
}

const q = (f: Fixture, i: number) => f.pillars[0].questions[i];

describe('parseFramework', () => {
  it('accepts the valid fixture', () => {
    const fw = parseFramework(fixture());
    expect(fw.pillars[0]!.questions.map((x) => x.id)).toEqual(['q_single', 'q_bool', 'q_multi', 'q_number']);
  });

  it.each<[string, (f: Fixture) => void, RegExp]>([
    ['duplicate question id', (f) => (q(f, 1).id = 'q_single'), /duplicate question id "q_single"/],
    ['duplicate question id across pillars and extras', (f) => (f.extraSections[0].questions[0].id = 'q_bool'), /duplicate question id/],
    ['duplicate option value', (f) => (q(f, 0).options[1].value = 'no'), /duplicate option value "no"/],
    ['worst answer above 0', (f) => (q(f, 0).options[0].points = 1), /worst answer of a scored question must be worth 0/],
    ['overlapping number bands', (f) => (q(f, 3).bands[1].min = 0), /bands must not overlap/],
    [
      'scored question that cannot earn points',
      (f) => q(f, 0).options.forEach((o: { points: number }) => (o.points = 0)),
      /must be able to earn points/,
    ],
    ['pinned maximum that does not add up', (f) => (f.pillars[0].maxPoints = 10), /maxPoints is 10 but the questions add up to 9/],
    ['unscored question in a pillar', (f) => (q(f, 1).scored = false), /unscored questions belong in extraSections/],
    ['scored question in an extra section', (f) => delete f.extraSections[0].questions[0].scored, /must have scored: false/],
    ['condition on a later question', (f) => (q(f, 0).condition = { field: 'answers.q_bool', in: [true] }), /earlier question/],
    ['condition on an unknown option', (f) => (q(f, 2).condition.in = ['maybe']), /"maybe" is not an option of q_single/],
    [
      'scored condition that a better answer would break',
      (f) => (q(f, 2).condition.in = ['some']),
      /must include every better option of q_single \(missing yes\)/,
    ],
    [
      'scored condition on an exclusive "none"',
      (f) => {
        q(f, 3).condition = { field: 'answers.q_multi', in: ['none'] };
      },
      /may not list the exclusive option "none"/,
    ],
    [
      'condition on a number question',
      (f) => f.pillars[0].questions.push({ ...q(f, 1), id: 'q_after', condition: { field: 'answers.q_number', in: [1] } }),
      /conditions may not refer to number questions/,
    ],
    ['malformed condition field', (f) => (q(f, 2).condition.field = 'profile.shoeSize'), /condition field must be/],
    [
      'impossible profile value',
      (f) => (q(f, 2).condition = { field: 'profile.producerType', in: ['coop'] }),
      /not a possible value of profile.producerType/,
    ],
    ['sector in two variants', (f) => q(f, 0).variants.push({ sectors: ['A', 'C'], text: L('again') }), /sector A appears in two variants/],
    ['unknown VSIC section', (f) => (q(f, 0).variants[0].sectors = ['Z']), /sectors/],
    ['unknown platform category', (f) => (q(f, 0).options[2].platformCategory = 'crypto'), /platformCategory/],
    ['infinite weight', (f) => (f.pillars[0].weight = Infinity), /weight/],
    ['NaN points', (f) => (q(f, 0).options[1].points = Number.NaN), /points/],
    ['missing component', (f) => delete q(f, 0).component, /every question must name one/],
    ['unknown component', (f) => (q(f, 0).component = 'zz'), /unknown component "zz"/],
    ['unknown key (strict objects)', (f) => (q(f, 0).colour = 'red'), /colour/],
    ['levels out of order', (f) => (f.levels[1].level = 2), /levels must be 0, 1, 2/],
    ['level 0 that is not the fallback', (f) => (f.levels[0].minPillars = 1), /level 0 is the fallback/],
    ['more pillars required than carry weight', (f) => (f.levels[1].minPillars = 2), /only 1 pillars carry weight/],
    ['unreachable pillar level', (f) => f.pillarLevels.push({ level: 2, minScore: 50 }), /pillar levels run from 1 to 1/],
    ['boolean with two "true" options', (f) => (q(f, 1).options[1].value = true), /exactly one true and one false/],
    [
      'multi whose options are all exclusive',
      (f) => q(f, 2).options.forEach((o: { exclusive?: true }) => (o.exclusive = true)),
      /at least one non-exclusive option/,
    ],
    ['band outside the number range', (f) => (q(f, 3).bands[1].max = 101), /band must lie inside/],
  ])('rejects %s', (_name, mutate, message) => {
    const f = fixture();
    mutate(f);
    expect(() => parseFramework(f)).toThrow(message);
  });

  it('names the framework in the error', () => {
    const f = fixture();
    f.pillars[0].maxPoints = 1;
    expect(() => parseFramework(f)).toThrow(/^Invalid framework "mini"/);
  });
});

describe('schema helpers', () => {
  it('takes VSIC sections and platform categories from src/reference (one source of truth)', () => {
    expect(schema.VSIC_CODES).toBe(VSIC_CODES);
    expect(schema.PLATFORM_CATEGORY_IDS).toBe(PLATFORM_CATEGORY_IDS);
  });

  it('computes the best points of each question type (multi: capped sum or best exclusive)', () => {
    const fw = parseFramework(fixture());
    expect(fw.pillars[0]!.questions.map((x) => questionMaxPoints(x))).toEqual([2, 2, 3, 2]);
  });

  it('picks the sector variant of a question, else the default text', () => {
    const first: Question = parseFramework(fixture()).pillars[0]!.questions[0]!;
    expect(questionText(first, 'A').en).toBe('farm wording');
    expect(questionText(first, 'G').en).toBe('single');
    expect(questionText(first).en).toBe('single');
  });
});
