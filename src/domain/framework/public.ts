import type { Framework, FrameworkMeta, Localized, Question } from './schema.ts';
import { UNKNOWN_ANSWER } from './schema.ts';
import { defaultFor } from './questionnaire.ts';

/**
 * How answers are checked, in words, so a client that reads only the public document knows every rule the
 * scorer enforces (the document's structure carries the per-question parts: options, `exclusive`, `min`/`max`,
 * `integer`, `cap`, `condition`).
 */
export const ANSWER_RULES = {
  answers: 'An object keyed by question id. A missing answer gives no points; answers to unknown ids are refused.',
  single: 'One of the option values.',
  boolean: 'true or false.',
  number: 'A whole number (JSON number without a fraction) between min and max, inclusive.',
  multi:
    'A list of distinct option values; an empty list means "not answered". An option marked exclusive cannot be combined with any other. ' +
    'Points add up, at most `cap` when the question has one; an exclusive option counts alone.',
  condition:
    'A question with a condition applies only when the field holds one of the listed values: `profile.<name>` reads the request profile, ' +
    '`answers.<questionId>` an earlier answer (for a multi answer, any selected value). Answers to questions that do not apply are ignored.',
  unknown: `When the framework has allowUnknown, any question may be answered "${UNKNOWN_ANSWER}" (I do not know): it gives no points and opens no follow-up.`,
} as const;

function publicQuestion(q: Question) {
  return {
    id: q.id,
    type: q.type,
    text: q.text,
    ...(q.type === 'number'
      ? { min: q.min, max: q.max, integer: true as const, bands: q.bands }
      : {
          options: q.options.map((o) => ({
            value: o.value,
            points: o.points,
            label: o.label,
            ...('exclusive' in o && o.exclusive ? { exclusive: true as const } : {}),
          })),
        }),
    ...(q.type === 'multi' && q.cap !== undefined ? { cap: q.cap } : {}),
    ...(q.condition ? { condition: q.condition } : {}),
    ...(q.scored === false ? { scored: false as const } : {}),
  };
}

/** How pillar maxima are counted, in words (the framework's `maximum`). */
export const MAXIMUM_RULES = {
  all: "A pillar's maximum is the best points of every scored question, shown or not; a hidden question counts 0.",
  profile:
    "A pillar's maximum leaves out the questions whose condition on the profile fails (and questions conditioned on those); " +
    'questions hidden by an answer still count 0. A pillar with nothing left stays out of the total and of minPillars.',
} as const;

/** Status, legal basis, validity and sources of a framework, with whether it is a default. */
export function publicMeta(meta: FrameworkMeta) {
  return {
    status: meta.status,
    legalBasis: meta.legalBasis,
    validFrom: meta.validFrom ?? null,
    validTo: meta.validTo ?? null,
    sources: meta.sources,
    ...(meta.reading ? { reading: meta.reading } : {}),
  };
}

/** One row of GET /api/v1/frameworks. */
export function frameworkSummary(fw: Framework): {
  id: string;
  version: number;
  title: Localized;
  default: boolean;
  defaultFor: string | null;
} & ReturnType<typeof publicMeta> {
  const audience = defaultFor(fw.id);
  return {
    id: fw.id,
    version: fw.version,
    title: fw.title,
    ...publicMeta(fw.meta),
    default: audience !== undefined,
    defaultFor: audience ?? null,
  };
}

/** The public JSON shape of a framework (GET /api/v1/frameworks/{id}). */
export function publicFramework(fw: Framework) {
  const maximum = fw.maximum ?? 'all';
  return {
    ...frameworkSummary(fw),
    answerRules: ANSWER_RULES,
    scoring: { maximum, rule: MAXIMUM_RULES[maximum] },
    ...(fw.allowUnknown ? { allowUnknown: true as const, unknownAnswer: UNKNOWN_ANSWER } : {}),
    levels: fw.levels.map((l) => ({ level: l.level, minScore: l.minScore, minPillars: l.minPillars, name: l.name })),
    pillarLevels: fw.pillarLevels.map((l) => ({ level: l.level, minScore: l.minScore })),
    pillars: fw.pillars.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      questions: p.questions.map(publicQuestion),
    })),
    extraSections: (fw.extraSections ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      questions: s.questions.map(publicQuestion),
    })),
  };
}
