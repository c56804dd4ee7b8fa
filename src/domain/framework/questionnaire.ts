/**
 * How a framework is walked as a questionnaire: pages, form parsing, framework choice.
 * Pure: the pages call these; scoring lives in scoring.ts.
 */
import { z } from 'zod';
import type { AnswerValue, Answers, Framework, Localized, Profile, Question } from './schema.ts';
import { UNKNOWN_ANSWER } from './schema.ts';
import { isApplicable, questionsOutOfScope } from '#src/domain/scoring/score.ts';
import { VSIC_CODES, type VsicCode } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
import { NUMBER_INPUT_MESSAGES, parseNumberInput } from '#src/domain/number-input.ts';

/** At most this many questions on one page (long pages lose people on phones). */
export const MAX_QUESTIONS_PER_PAGE = 10;

export type QuestionnairePage = {
  /** 1-based page number. */
  number: number;
  /** Pillar or extra-section id. */
  sectionId: string;
  title: Localized;
  /** Part k of n when a pillar is split over several pages. */
  part: number;
  parts: number;
  questions: Question[];
};

/**
 * Pages in order: one pillar per page (split into chunks of ≤ 10 questions), then the unscored
 * extra sections. Pages are fixed by the framework, not by answers, so "page 3" always means
 * the same page when a person resumes; hidden questions are filtered when a page is shown.
 */
export function questionnairePages(framework: Framework, profile?: Profile): QuestionnairePage[] {
  // A profile-scoped framework (sector modules) leaves out the questions this profile can never be shown, so a
  // shop does not page through the modules of other sectors. Only the profile changes these pages, never answers.
  const outOfScope = profile && framework.maximum === 'profile' ? questionsOutOfScope(framework, profile) : new Set<string>();
  const keep = (questions: readonly Question[]) => questions.filter((q) => !outOfScope.has(q.id));
  const sections = [
    ...framework.pillars.map((p) => ({ id: p.id, title: p.name, questions: keep(p.questions) })),
    ...(framework.extraSections ?? []).map((s) => ({ id: s.id, title: s.name, questions: keep(s.questions) })),
  ].filter((s) => s.questions.length > 0);
  const pages: QuestionnairePage[] = [];
  for (const section of sections) {
    const parts = Math.max(1, Math.ceil(section.questions.length / MAX_QUESTIONS_PER_PAGE));
    for (let part = 0; part < parts; part++) {
      pages.push({
        number: pages.length + 1,
        sectionId: section.id,
        title: section.title,
        part: part + 1,
        parts,
        questions: section.questions.slice(part * MAX_QUESTIONS_PER_PAGE, (part + 1) * MAX_QUESTIONS_PER_PAGE),
      });
    }
  }
  return pages;
}

/** The questions of a page that apply to this profile and these answers. */
export function visibleQuestions(page: QuestionnairePage, profile: Profile, answers: Answers): Question[] {
  return page.questions.filter((q) => isApplicable(q, profile, answers));
}

/**
 * Turns a page's form fields (`q_<id>`) into answers. Every question rendered on the page is
 * replaced: a field left empty removes the answer, so a person can take an answer back.
 * Values are not validated here (validateAnswers does that); shapes are. A number that is not
 * written the way parseNumberInput accepts stays text (validation refuses it) and `invalid`
 * says why, for the field's message.
 */
export function answersFromForm(
  questions: readonly Question[],
  form: Record<string, string | string[]>,
): { set: Record<string, AnswerValue>; cleared: string[]; invalid: Record<string, string> } {
  const set: Record<string, AnswerValue> = {};
  const cleared: string[] = [];
  const invalid: Record<string, string> = {};
  for (const q of questions) {
    const raw = form[`q_${q.id}`];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      cleared.push(q.id);
      continue;
    }
    // "Không biết" alone is stored as such; next to a typed number the number wins, and next to other
    // ticked options it stays in the list so that validation refuses the mix.
    const unknownOnly = values.every((v) => v === UNKNOWN_ANSWER);
    if (unknownOnly) {
      set[q.id] = UNKNOWN_ANSWER;
      continue;
    }
    switch (q.type) {
      case 'multi':
        set[q.id] = [...new Set(values)];
        break;
      case 'boolean':
        set[q.id] = values[0] === 'true' ? true : values[0] === 'false' ? false : values[0]!;
        break;
      case 'number': {
        // Never Number(text): it reads "0x10" as 16, "1e3" as 1000 and " " as 0.
        const typed = values.find((v) => v !== UNKNOWN_ANSWER)!;
        const n = parseNumberInput(typed);
        if (n.ok) {
          set[q.id] = n.value;
        } else {
          set[q.id] = typed;
          invalid[q.id] = NUMBER_INPUT_MESSAGES[n.reason === 'ambiguous' ? 'ambiguous' : 'format'];
        }
        break;
      }
      default:
        set[q.id] = values[0]!;
    }
  }
  return { set, cleared, invalid };
}

/**
 * The framework offered by default to each audience (docs/frameworks.md): SMEs the tool inventory following
 * the 2025 principles, co-ops, co-op groups and households the short producer questionnaire.
 */
export const DEFAULT_FRAMEWORKS = { sme: 'sme-tools', producer: 'producer' } as const;
export type Audience = keyof typeof DEFAULT_FRAMEWORKS;

export function audienceOf(producerType: string | null | undefined): Audience {
  return producerType === 'cooperative' || producerType === 'cooperative_group' || producerType === 'household' ? 'producer' : 'sme';
}

/** The default framework for a producer type. */
export function frameworkIdFor(producerType: string | null | undefined): (typeof DEFAULT_FRAMEWORKS)[Audience] {
  return DEFAULT_FRAMEWORKS[audienceOf(producerType)];
}

/** The audience a framework is the default for, if any. */
export function defaultFor(frameworkId: string): Audience | undefined {
  return (Object.keys(DEFAULT_FRAMEWORKS) as Audience[]).find((a) => DEFAULT_FRAMEWORKS[a] === frameworkId);
}

const MILLION = 1_000_000;

/**
 * An optional amount typed in millions of đồng ("1.500", "1 500", "1500,5" or "2,5"), stored in
 * đồng; written as parseNumberInput accepts ("2.5" is 2.5 million, never 25).
 */
const optionalMillions = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const parsed = parseNumberInput(raw ?? '');
    if (!parsed.ok && parsed.reason === 'blank') return null;
    if (!parsed.ok) {
      ctx.issues.push({
        code: 'custom',
        message: NUMBER_INPUT_MESSAGES[parsed.reason === 'ambiguous' ? 'ambiguous' : 'format'],
        input: raw,
      });
      return z.NEVER;
    }
    const n = parsed.value;
    if (n < 0 || n > 100_000_000) {
      ctx.issues.push({
        code: 'custom',
        message: 'Số không hợp lệ (0 đến 100 000 000 triệu đồng) / Out of range (0 to 100,000,000 million đồng)',
        input: raw,
      });
      return z.NEVER;
    }
    return Math.round(n * MILLION);
  });

/** The profile form (revenue and capital typed in millions of đồng, stored in đồng). */
export const ProfileFormSchema = z.object({
  sector: z.enum(VSIC_CODES, { error: 'Vui lòng chọn ngành / Please choose a sector' }),
  employees: z
    .string({ error: 'Vui lòng nhập số lao động / Please enter the number of staff' })
    .trim()
    .regex(/^\d{1,7}$/, 'Vui lòng nhập số lao động (số nguyên) / Please enter the number of staff (a whole number)')
    .transform(Number),
  revenueMillion: optionalMillions,
  capitalMillion: optionalMillions,
  producerType: z.enum(PRODUCER_TYPES, {
    error: 'Vui lòng chọn loại hình / Please choose a type',
  }),
  communeCode: z
    .string({ error: 'Vui lòng chọn xã/phường / Please choose a commune or ward' })
    .regex(/^\d{5}$/, 'Vui lòng chọn xã/phường / Please choose a commune or ward'),
});

export type ProfileForm = z.infer<typeof ProfileFormSchema>;

/** The scoring profile, with the size class of Nghị định 80/2021 computed. */
export function toProfile(p: {
  sector: string;
  employees: number;
  revenueVnd: number | null;
  capitalVnd: number | null;
  producerType: Profile['producerType'];
  communeCode: string;
}): Profile {
  const size = sizeClass({
    sector: p.sector as VsicCode,
    employees: p.employees,
    revenueVnd: p.revenueVnd,
    capitalVnd: p.capitalVnd,
  });
  return {
    sector: p.sector as Profile['sector'],
    employees: p.employees,
    ...(p.revenueVnd !== null ? { revenueVnd: p.revenueVnd } : {}),
    ...(p.capitalVnd !== null ? { capitalVnd: p.capitalVnd } : {}),
    producerType: p.producerType,
    communeCode: p.communeCode,
    sizeClass: size,
  } as Profile;
}
