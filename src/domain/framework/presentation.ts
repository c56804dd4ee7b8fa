/**
 * How a questionnaire is presented to a person, whatever the framework: follow-ups that may open on
 * the page, what is left to answer, answers to check, one voice, plain words for technical terms.
 * Pure: no clock, no I/O.
 */
import type { Answers, Framework, Localized, Profile, Question } from './schema.ts';
import { allQuestions, parseConditionField, UNKNOWN_ANSWER } from './schema.ts';
import type { QuestionnairePage } from './questionnaire.ts';
import { visibleQuestions } from './questionnaire.ts';
import { applicableQuestions } from '#src/domain/scoring/score.ts';

/**
 * Seconds a person takes per question on a phone, for "about N minutes left". A product estimate
 * (the walk-through of the 60-question index took about 15 minutes), not a measurement.
 */
export const SECONDS_PER_QUESTION = 15;

export function minutesFor(questions: number): number {
  return questions <= 0 ? 0 : Math.max(1, Math.ceil((questions * SECONDS_PER_QUESTION) / 60));
}

/**
 * Questions of the page that are hidden now but would open from an answer given on this same page
 * (directly or through another such question): rendered hidden so that a script can show them as
 * soon as the answer changes. Questions hidden by the profile or by another page stay out.
 */
export function followUpsOnPage(page: QuestionnairePage, profile: Profile, answers: Answers): Question[] {
  const shown = new Set(visibleQuestions(page, profile, answers).map((q) => q.id));
  const onPage = new Set(shown);
  const out: Question[] = [];
  for (const q of page.questions) {
    if (shown.has(q.id) || !q.condition) continue;
    const target = parseConditionField(q.condition.field);
    if (target?.kind === 'answers' && onPage.has(target.questionId)) {
      out.push(q);
      onPage.add(q.id);
    }
  }
  return out;
}

/** What is left from this page on (this page included): applicable questions and minutes. */
export function remainingWork(
  framework: Framework,
  pages: readonly QuestionnairePage[],
  pageNumber: number,
  profile: Profile,
  answers: Answers,
): { questions: number; unanswered: number; minutes: number } {
  const ahead = new Set(pages.slice(Math.max(0, pageNumber - 1)).flatMap((p) => p.questions.map((q) => q.id)));
  const applicable = applicableQuestions(framework, profile, answers).filter((q) => ahead.has(q.id));
  const unanswered = applicable.filter((q) => answers[q.id] === undefined).length;
  return { questions: applicable.length, unanswered, minutes: minutesFor(unanswered) };
}

/** Questions a person would see with no answer given yet (what "about N minutes" promises). */
export function typicalMinutes(framework: Framework, profile?: Profile): number {
  const asked = profile
    ? applicableQuestions(framework, profile, {}).length
    : allQuestions(framework).filter((q) => !q.condition || parseConditionField(q.condition.field)?.kind !== 'answers').length;
  return minutesFor(asked);
}

/** Applicable questions answered "Không biết", in questionnaire order: the result lists them to check. */
export function unknownAnswers(framework: Framework, profile: Profile, answers: Answers): Question[] {
  return applicableQuestions(framework, profile, answers).filter((q) => answers[q.id] === UNKNOWN_ANSWER);
}

/** Whether the person may answer "Không biết" to this question. */
export function offersUnknown(framework: Framework): boolean {
  return framework.allowUnknown === true;
}

/**
 * One voice across a questionnaire. Sector variants and criteria texts open with "Doanh nghiệp…",
 * "Cửa hàng của bạn…" or "Công ty…"; a person should read one subject throughout: "Doanh nghiệp của
 * bạn" for enterprises, "Cơ sở của bạn" for co-operatives, groups and households. Only the opening
 * subject is rewritten; the rest of the sentence is the framework's wording.
 */
export function oneVoice(text: Localized, producer: boolean): Localized {
  const subject = producer ? 'Cơ sở của bạn' : 'Doanh nghiệp của bạn';
  const openers: RegExp[] = [
    /^(Cửa hàng|Công ty|Doanh nghiệp|Cơ sở|HTX|Hợp tác xã)( và kho| kho|, kho)? của (bạn|anh\/chị)\b/u,
    /^(Cửa hàng|Công ty|Doanh nghiệp)(?= )/u,
  ];
  for (const re of openers) {
    if (re.test(text.vi)) return { vi: text.vi.replace(re, subject), en: text.en };
  }
  return text;
}

export type GlossaryEntry = {
  /** The term as written in questions (matched as a whole word, case-sensitive for acronyms). */
  term: string;
  /** Other spellings that mean the same thing. */
  aliases?: readonly string[];
  explain: Localized;
};

/** Entries whose term appears in any of the texts (question, options), in glossary order. */
export function termsIn(glossary: readonly GlossaryEntry[], texts: readonly string[]): GlossaryEntry[] {
  const haystack = texts.join('\n');
  return glossary.filter((g) =>
    [g.term, ...(g.aliases ?? [])].some((t) => {
      const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // Whole words only: "BI" must not match "BIM" or "biết".
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(haystack);
    }),
  );
}

/**
 * Page numbers that have at least one question for this profile and these answers: a household
 * never lands on an empty "for co-operatives" page. Numbers stay those of the framework's pages.
 */
export function pagesWithQuestions(pages: readonly QuestionnairePage[], profile: Profile, answers: Answers): number[] {
  return pages.filter((p) => visibleQuestions(p, profile, answers).length > 0).map((p) => p.number);
}

/** The nearest page with questions after (or before) `from`; 'review' or 'profile' past the ends. */
export function neighbourPage(
  pages: readonly QuestionnairePage[],
  profile: Profile,
  answers: Answers,
  from: number,
  direction: 1 | -1,
): number | 'review' | 'profile' {
  const withQuestions = pagesWithQuestions(pages, profile, answers);
  const found = direction === 1 ? withQuestions.find((n) => n > from) : [...withQuestions].reverse().find((n) => n < from);
  return found ?? (direction === 1 ? 'review' : 'profile');
}
