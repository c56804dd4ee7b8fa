/**
 * Answers after adopting platforms: what the next assessment is prefilled
 * with, and what the recommender re-scores to show an item's score gain.
 *
 * An adoption never lowers an answer: a single or yes/no answer moves up only
 * when the raised option is worth more points, a number only when it is
 * larger, and a multi answer gains the tool (dropping an exclusive "none").
 *
 * Pure module: no astro, no database, no clock; inputs are never mutated.
 */
import { allQuestions } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Answers, Framework, Profile, Question } from '#src/domain/framework/schema.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { optionPoints, validateAnswers } from '#src/domain/scoring/score.ts';
import { getNeedEvidence } from './evidence.ts';
import type { Raise } from './evidence.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `validateAnswers`, but dropping what is invalid instead of failing: unknown
 * questions, values that are not options, a bad entry of a multi answer (the
 * rest is kept), an exclusive option combined with others (the whole answer).
 * Answers to hidden questions are dropped as validateAnswers does.
 */
export function sanitizeAnswers(framework: Framework, profile: Profile, answers: unknown): Record<string, AnswerValue> {
  const current: Record<string, unknown> = {};
  if (isRecord(answers)) {
    for (const key of Object.keys(answers)) current[key] = answers[key];
  }
  // Each failed pass removes at least one offending entry, so this ends.
  for (;;) {
    const result = validateAnswers(framework, profile, current);
    if (result.ok) return result.answers;
    const dropKeys = new Set<string>();
    const dropItems = new Map<string, Set<number>>();
    for (const { path } of result.issues) {
      const key = path[1];
      if (typeof key !== 'string') continue;
      const index = path[2];
      if (typeof index === 'number' && Array.isArray(current[key])) {
        const set = dropItems.get(key) ?? new Set<number>();
        set.add(index);
        dropItems.set(key, set);
      } else {
        dropKeys.add(key);
      }
    }
    let changed = false;
    for (const key of dropKeys) {
      if (Object.hasOwn(current, key)) {
        delete current[key];
        changed = true;
      }
    }
    for (const [key, indexes] of dropItems) {
      if (dropKeys.has(key) || !Array.isArray(current[key])) continue;
      current[key] = (current[key] as unknown[]).filter((_, i) => !indexes.has(i));
      changed = true;
    }
    if (!changed) return {};
  }
}

function raiseOne(question: Question, current: AnswerValue | undefined, value: Raise['value']): AnswerValue | undefined {
  switch (question.type) {
    case 'single':
    case 'boolean': {
      const target = (question.options as readonly { value: string | boolean }[]).find((o) => o.value === value);
      if (!target) return current;
      if (current === undefined || optionPoints(question, current) < optionPoints(question, target.value)) return target.value;
      return current;
    }
    case 'multi': {
      const option = question.options.find((o) => o.value === value);
      if (!option || option.exclusive) return current;
      const selected = new Set<string>(Array.isArray(current) ? current : []);
      if (selected.has(option.value)) return current;
      selected.add(option.value);
      for (const o of question.options) if (o.exclusive) selected.delete(o.value);
      return question.options.filter((o) => selected.has(o.value)).map((o) => o.value);
    }
    case 'number': {
      if (typeof value !== 'number') return current;
      if (typeof current !== 'number' || current < value) return value;
      return current;
    }
  }
}

/**
 * Applies raises to a copy of the answers, never lowering one. Raises on
 * questions the framework does not have are ignored. Does not validate:
 * callers that need valid answers pass the result through `sanitizeAnswers`.
 */
export function applyRaises(framework: Framework, answers: Answers, raises: readonly Raise[]): Record<string, AnswerValue> {
  const byId = new Map(allQuestions(framework).map((q) => [q.id, q]));
  const next: Record<string, AnswerValue> = { ...answers };
  for (const r of raises) {
    const question = byId.get(r.questionId);
    if (!question) continue;
    const current = Object.hasOwn(next, r.questionId) ? next[r.questionId] : undefined;
    const raised = raiseOne(question, current, r.value);
    if (raised !== undefined) next[r.questionId] = raised;
  }
  return next;
}

/**
 * The answers to prefill the next assessment with after the business adopted
 * platforms for these needs: the same answers, raised as each adoption means
 * (see `raise` in evidence.ts), validated against the framework and profile
 * with anything invalid or hidden dropped. Needs the framework does not
 * assess are ignored. The input is not mutated.
 *
 * The profile is needed because conditions (and so which answers are kept)
 * depend on it.
 */
export function applyAdoptions(
  framework: Framework,
  answers: Answers,
  adopted: readonly NeedId[],
  profile: Profile,
): Record<string, AnswerValue> {
  const base = sanitizeAnswers(framework, profile, answers);
  const raises = [...new Set(adopted)].flatMap((need) => getNeedEvidence(framework.id, need)?.raise ?? []);
  return sanitizeAnswers(framework, profile, applyRaises(framework, base, raises));
}
