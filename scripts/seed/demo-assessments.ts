/**
 * Plausible answers for demo businesses, so a newcomer sees a living dashboard. Deterministic
 * (seeded), and clearly demo: only ever applied to businesses marked as demo.
 */
import type { AnswerValue, Framework, Profile, Question } from '#src/domain/framework/schema.ts';
import { applicableQuestions } from '#src/domain/scoring/score.ts';

/** `maturity` in [0, 1]: 0 answers the lowest options, 1 the highest, with some spread per question. */
export function demoAnswers(framework: Framework, profile: Profile, rnd: () => number, maturity: number): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  // Walk in order so conditions see earlier answers.
  for (let pass = 0; pass < 2; pass++) {
    for (const q of applicableQuestions(framework, profile, answers)) {
      if (q.id in answers) continue;
      if (rnd() < 0.04) continue; // a few questions left unanswered, as people do
      const v = answerFor(q, rnd, maturity);
      if (v !== undefined) answers[q.id] = v;
    }
  }
  return answers;
}

function pickIndex(n: number, rnd: () => number, maturity: number): number {
  const spread = (rnd() + rnd() - 1) * 0.35;
  return Math.max(0, Math.min(n - 1, Math.round((maturity + spread) * (n - 1))));
}

function answerFor(q: Question, rnd: () => number, maturity: number): AnswerValue | undefined {
  switch (q.type) {
    case 'single': {
      const sorted = [...q.options].sort((a, b) => a.points - b.points);
      return sorted[pickIndex(sorted.length, rnd, maturity)]!.value;
    }
    case 'boolean':
      return rnd() < 0.25 + maturity * 0.6;
    case 'number': {
      const band = [...q.bands].sort((a, b) => a.points - b.points)[pickIndex(q.bands.length, rnd, maturity)]!;
      return band.min;
    }
    case 'multi': {
      const real = q.options.filter((o) => !('exclusive' in o && o.exclusive));
      const chosen = real.filter(() => rnd() < 0.1 + maturity * 0.6).map((o) => o.value);
      if (chosen.length) return chosen;
      const none = q.options.find((o) => 'exclusive' in o && o.exclusive);
      return none ? [none.value] : undefined;
    }
  }
}
