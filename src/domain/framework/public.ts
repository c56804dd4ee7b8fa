import type { Framework, Question } from './schema.ts';
import { UNKNOWN_ANSWER } from './schema.ts';

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

/** The public JSON shape of a framework (GET /api/v1/frameworks/{id}). */
export function publicFramework(fw: Framework) {
  return {
    id: fw.id,
    version: fw.version,
    title: fw.title,
    answerRules: ANSWER_RULES,
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
