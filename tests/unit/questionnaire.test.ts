import { describe, expect, it } from 'vitest';
import { getFramework } from '#src/content/frameworks/registry.ts';
import {
  answersFromForm,
  frameworkIdFor,
  MAX_QUESTIONS_PER_PAGE,
  ProfileFormSchema,
  questionnairePages,
  toProfile,
  visibleQuestions,
} from '#src/domain/framework/questionnaire.ts';

const sme = getFramework('dbi-sme')!;
const producer = getFramework('producer')!;

describe('questionnairePages', () => {
  it.each([
    ['dbi-sme', sme],
    ['producer', producer],
  ])('%s: every question exactly once, in order, ≤ 10 per page, one pillar per page', (_id, fw) => {
    const pages = questionnairePages(fw);
    const flat = pages.flatMap((p) => p.questions.map((q) => q.id));
    const expected = [...fw.pillars.flatMap((p) => p.questions), ...(fw.extraSections ?? []).flatMap((s) => s.questions)].map((q) => q.id);
    expect(flat).toEqual(expected);
    for (const p of pages) {
      expect(p.questions.length).toBeGreaterThan(0);
      expect(p.questions.length).toBeLessThanOrEqual(MAX_QUESTIONS_PER_PAGE);
      const section = fw.pillars.find((x) => x.id === p.sectionId) ?? fw.extraSections?.find((x) => x.id === p.sectionId);
      for (const q of p.questions) expect(section!.questions.some((x) => x.id === q.id)).toBe(true);
    }
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
  });

  it('splits the 13-question customer pillar into two parts', () => {
    const pages = questionnairePages(sme).filter((p) => p.sectionId === sme.pillars[0]!.id);
    expect(pages.map((p) => [p.part, p.parts, p.questions.length])).toEqual([
      [1, 2, 10],
      [2, 2, 3],
    ]);
  });

  it('hides a conditional question until its condition holds', () => {
    const profile = toProfile({
      sector: 'G',
      employees: 5,
      revenueVnd: null,
      capitalVnd: null,
      producerType: 'enterprise',
      communeCode: '13285',
    });
    const page = questionnairePages(sme).find((p) => p.questions.some((q) => q.condition))!;
    const conditional = page.questions.find((q) => q.condition)!;
    expect(visibleQuestions(page, profile, {}).some((q) => q.id === conditional.id)).toBe(false);
    const cond = conditional.condition!;
    const trigger = { [cond.field.replace('answers.', '')]: cond.in[0] as string };
    expect(visibleQuestions(page, profile, trigger).some((q) => q.id === conditional.id)).toBe(true);
  });
});

describe('answersFromForm', () => {
  const page = questionnairePages(producer);
  const all = page.flatMap((p) => p.questions);
  const single = all.find((q) => q.type === 'single')!;
  const multi = all.find((q) => q.type === 'multi')!;
  const bool = all.find((q) => q.type === 'boolean')!;
  const num = all.find((q) => q.type === 'number')!;

  it('turns form strings into typed answers and clears empty fields', () => {
    const { set, cleared } = answersFromForm([single, multi, bool, num], {
      [`q_${single.id}`]: 'a',
      [`q_${multi.id}`]: ['x', 'y', 'x'],
      [`q_${bool.id}`]: 'true',
      [`q_${num.id}`]: ' 1.200 ',
    });
    expect(set).toEqual({ [single.id]: 'a', [multi.id]: ['x', 'y'], [bool.id]: true, [num.id]: 1200 });
    expect(cleared).toEqual([]);
    expect(answersFromForm([single, multi], {}).cleared).toEqual([single.id, multi.id]);
  });

  it('number answers: "2.5" is not stored as 25 nor "0x10" as 16; both get a field error', () => {
    const parse = (v: string) => answersFromForm([num], { [`q_${num.id}`]: v });
    expect(parse('2.5').set[num.id]).toBe(2.5);
    expect(parse('2,5').set[num.id]).toBe(2.5);
    for (const attack of ['0x10', '1e3', 'Infinity', '-0x1']) {
      const r = parse(attack);
      expect(r.set[num.id]).toBe(attack);
      expect(r.invalid[num.id]).toContain('chữ số');
    }
    expect(parse('1,200').invalid[num.id]).toContain('1,2');
    expect(parse('   ').cleared).toEqual([num.id]);
  });

  it('profile amounts: "2.5" million is 2.5 million, "0x10" is refused', () => {
    const base = { sector: 'C', employees: '5', capitalMillion: '', producerType: 'enterprise', communeCode: '13285' };
    expect(ProfileFormSchema.parse({ ...base, revenueMillion: '2.5' }).revenueMillion).toBe(2_500_000);
    expect(ProfileFormSchema.parse({ ...base, revenueMillion: '1.500,5' }).revenueMillion).toBe(1_500_500_000);
    for (const attack of ['0x10', '1e3', 'Infinity']) {
      const r = ProfileFormSchema.safeParse({ ...base, revenueMillion: attack });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['revenueMillion']);
    }
  });

  it('keeps what cannot be parsed as text, for validation to reject', () => {
    expect(answersFromForm([num], { [`q_${num.id}`]: 'mười' }).set[num.id]).toBe('mười');
    expect(answersFromForm([bool], { [`q_${bool.id}`]: 'maybe' }).set[bool.id]).toBe('maybe');
  });
});

describe('frameworkIdFor and the profile form', () => {
  it.each([
    // The 2021 index is superseded: SMEs get the tool inventory by default (docs/frameworks.md).
    ['enterprise', 'sme-tools'],
    [null, 'sme-tools'],
    ['cooperative', 'producer'],
    ['cooperative_group', 'producer'],
    ['household', 'producer'],
  ])('%s → %s', (type, id) => {
    expect(frameworkIdFor(type)).toBe(id);
  });

  it('parses amounts in millions with Vietnamese separators and computes the size class', () => {
    const p = ProfileFormSchema.parse({
      sector: 'C',
      employees: '45',
      revenueMillion: '40.000',
      capitalMillion: '',
      producerType: 'enterprise',
      communeCode: '13285',
    });
    expect(p.revenueMillion).toBe(40_000_000_000);
    expect(p.capitalMillion).toBeNull();
    expect(toProfile({ ...p, revenueVnd: p.revenueMillion, capitalVnd: p.capitalMillion }).sizeClass).toBe('small');
  });

  it('rejects bad values with field paths', () => {
    const r = ProfileFormSchema.safeParse({ sector: 'Z', employees: '-3', revenueMillion: 'abc', producerType: 'x', communeCode: '1' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sector', 'employees', 'revenueMillion', 'producerType', 'communeCode']));
  });
});
