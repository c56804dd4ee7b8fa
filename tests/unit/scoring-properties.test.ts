/**
 * Property tests of scoring on random answer sets (seeded, reproducible).
 * The reference below re-implements the rules independently with exact
 * integer arithmetic (BigInt cross-multiplication, thresholds in hundredths).
 */
import { describe, expect, it } from 'vitest';
import { dbiSme2021 } from '#src/content/frameworks/dbi-sme-2021/index.ts';
import { producerV1 } from '#src/content/frameworks/producer.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES, allQuestions, parseFramework } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Framework, Profile, Question } from '#src/domain/framework/schema.ts';
import { scoreAssessment, validateAnswers } from '#src/domain/scoring/score.ts';
import type { AssessmentResult } from '#src/domain/scoring/score.ts';
import { mulberry32 as prng } from '../../scripts/seed/demo-data.ts';

const ITERATIONS = 600;

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

type Answers = Record<string, AnswerValue>;

// ---------------------------------------------------------------------------
// Random inputs
// ---------------------------------------------------------------------------

/** A profile; conditions on profile fields see every producer type and sector. */
function randomProfile(rand: Rand): Profile {
  return { sector: pick(rand, VSIC_CODES), employees: int(rand, 0, 300), producerType: pick(rand, PRODUCER_TYPES) };
}

/**
 * A valid answer to every question (hidden ones included, so that dropping
 * them is exercised), or none. `skill` in [0, 1] biases towards better
 * options so that every level gets visited.
 */
function randomAnswers(rand: Rand, fw: Framework): Answers {
  const skill = rand();
  const answers: Answers = {};
  for (const q of allQuestions(fw)) {
    if (rand() < 0.2 * (1 - skill)) continue;
    const biased = (n: number) => Math.max(0, Math.min(n - 1, Math.round(skill * (n - 1) + (rand() - 0.5) * 3)));
    switch (q.type) {
      case 'single': {
        const sorted = [...q.options].sort((a, b) => a.points - b.points);
        answers[q.id] = sorted[biased(sorted.length)]!.value;
        break;
      }
      case 'boolean':
        answers[q.id] = rand() < skill;
        break;
      case 'multi': {
        const exclusive = q.options.filter((o) => o.exclusive);
        if (exclusive.length > 0 && rand() < (1 - skill) / 3) {
          answers[q.id] = [pick(rand, exclusive).value];
        } else {
          answers[q.id] = q.options.filter((o) => !o.exclusive && rand() < skill).map((o) => o.value);
        }
        break;
      }
      case 'number': {
        const band = q.bands[biased(q.bands.length)]!;
        answers[q.id] = int(rand, band.min, band.max);
        break;
      }
    }
  }
  return answers;
}

// ---------------------------------------------------------------------------
// Reference implementation (integers only)
// ---------------------------------------------------------------------------

function refPoints(q: Question, value: AnswerValue | undefined): number {
  if (value === undefined) return 0;
  switch (q.type) {
    case 'single':
    case 'boolean':
      return (q.options as readonly { value: unknown; points: number }[]).find((o) => o.value === value)?.points ?? 0;
    case 'multi': {
      const total = q.options.filter((o) => (value as string[]).includes(o.value)).reduce((s, o) => s + o.points, 0);
      return q.cap === undefined ? total : Math.min(total, q.cap);
    }
    case 'number':
      return q.bands.find((b) => (value as number) >= b.min && (value as number) <= b.max)?.points ?? 0;
  }
}

function refMax(q: Question): number {
  switch (q.type) {
    case 'single':
    case 'boolean':
      return Math.max(...q.options.map((o) => o.points));
    case 'multi': {
      const total = q.options.filter((o) => !o.exclusive).reduce((s, o) => s + o.points, 0);
      return Math.max(q.cap === undefined ? total : Math.min(total, q.cap), ...q.options.filter((o) => o.exclusive).map((o) => o.points));
    }
    case 'number':
      return Math.max(...q.bands.map((b) => b.points));
  }
}

/** Answers of questions whose condition holds, walking in order (conditions only see kept answers). */
function refVisible(fw: Framework, profile: Profile, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of allQuestions(fw)) {
    const c = q.condition;
    if (c) {
      const [scope, name] = c.field.split('.') as ['profile' | 'answers', string];
      const value = scope === 'profile' ? (profile as unknown as Record<string, unknown>)[name] : kept[name];
      const listed = c.in as readonly unknown[];
      const holds = Array.isArray(value) ? value.some((v) => listed.includes(v)) : value !== undefined && listed.includes(value);
      if (!holds) continue;
    }
    const value = answers[q.id];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) kept[q.id] = value;
  }
  return kept;
}

const hundredths = (x: number): bigint => {
  const h = Math.round(x * 100);
  if (h / 100 !== x) throw new Error(`threshold ${x} has more than 2 decimals`);
  return BigInt(h);
};
const millionths = (x: number): bigint => {
  const m = Math.round(x * 1e6);
  if (m / 1e6 !== x) throw new Error(`weight ${x} has more than 6 decimals`);
  return BigInt(m);
};
/** n / d rounded half up to 2 decimals (n, d ≥ 0). */
const round2 = (n: bigint, d: bigint): number => Number((200n * n + d) / (2n * d)) / 100;

interface Reference {
  points: number[];
  max: number[];
  pillarScores: number[];
  pillarLevels: number[];
  score: number;
  level: number;
}

function reference(fw: Framework, profile: Profile, answers: Answers): Reference {
  const visible = refVisible(fw, profile, answers);
  const points = fw.pillars.map((p) => p.questions.reduce((s, q) => s + refPoints(q, visible[q.id]), 0));
  const max = fw.pillars.map((p) => p.questions.reduce((s, q) => s + refMax(q), 0));
  for (const x of [...points, ...max]) if (!Number.isInteger(x)) throw new Error('reference expects integer points');

  // Pillar level: highest L with points / max × 100 > minScore, i.e. points × 100 × 100 > minScore₁₀₀ × max.
  const pillarLevels = points.map((pt, i) => {
    let level = 0;
    for (const pl of fw.pillarLevels)
      if (BigInt(pt) * 10000n > hundredths(pl.minScore) * BigInt(max[i]!)) level = Math.max(level, pl.level);
    return level;
  });

  // Total = Σ wᵢ·ptᵢ/maxᵢ / Σ wᵢ × 100 = num / den over the common denominator Π maxᵢ.
  const weights = fw.pillars.map((p) => millionths(p.weight));
  const prodMax = max.reduce((a, m) => a * BigInt(m), 1n);
  const num = points.reduce((s, pt, i) => s + weights[i]! * BigInt(pt) * (prodMax / BigInt(max[i]!)) * 100n, 0n);
  const den = weights.reduce((a, b) => a + b, 0n) * prodMax;

  let level = 0;
  for (const l of fw.levels) {
    if (l.level === 0) continue;
    const enoughPillars = pillarLevels.filter((pl, i) => fw.pillars[i]!.weight > 0 && pl >= l.level).length >= l.minPillars;
    if (num * 100n > hundredths(l.minScore) * den && enoughPillars) level = Math.max(level, l.level);
  }
  return {
    points,
    max,
    pillarScores: points.map((pt, i) => round2(BigInt(pt) * 100n, BigInt(max[i]!))),
    pillarLevels,
    score: round2(num, den),
    level,
  };
}

// ---------------------------------------------------------------------------
// "Raise one answer": a strictly better answer to one visible scored question
// ---------------------------------------------------------------------------

function raiseOne(rand: Rand, fw: Framework, profile: Profile, answers: Answers): Answers | undefined {
  const visible = refVisible(fw, profile, answers);
  const candidates = fw.pillars.flatMap((p) => p.questions).filter((q) => refVisibleWith(fw, profile, answers, q));
  for (let attempt = 0; attempt < 20; attempt++) {
    const q = pick(rand, candidates);
    const before = refPoints(q, visible[q.id]);
    let value: AnswerValue | undefined;
    switch (q.type) {
      case 'single':
      case 'boolean': {
        const better = (q.options as readonly { value: string | boolean; points: number }[]).filter((o) => o.points > before);
        if (better.length > 0) value = pick(rand, better).value;
        break;
      }
      case 'multi': {
        const current = Array.isArray(visible[q.id]) ? (visible[q.id] as string[]) : [];
        const kept = current.filter((v) => !q.options.find((o) => o.value === v)?.exclusive);
        const extra = q.options.filter((o) => !o.exclusive && !kept.includes(o.value));
        if (extra.length > 0) value = [...kept, pick(rand, extra).value];
        break;
      }
      case 'number': {
        const better = q.bands.filter((b) => b.points > before);
        if (better.length > 0) {
          const band = pick(rand, better);
          value = int(rand, band.min, band.max);
        }
        break;
      }
    }
    if (value !== undefined && refPoints(q, value) > before) return { ...answers, [q.id]: value };
  }
  return undefined;
}

/** Whether a conditional question is currently shown. */
function refVisibleWith(fw: Framework, profile: Profile, answers: Answers, q: Question): boolean {
  const probe = { ...answers, [q.id]: '__probe__' } as Answers;
  return refVisible(fw, profile, probe)[q.id] === '__probe__';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// ---------------------------------------------------------------------------

describe.each([
  ['dbi-sme', parseFramework(dbiSme2021), 20260101],
  ['producer', parseFramework(producerV1), 20260202],
])('%s: properties over random answer sets', (_name, fw, seed) => {
  const rand = prng(seed);
  const cases = Array.from({ length: ITERATIONS }, () => {
    const profile = randomProfile(rand);
    return { profile, answers: randomAnswers(rand, fw) };
  });

  it('generates valid answers that reach every level (sanity of the generator)', () => {
    const levels = new Set<number>();
    for (const { profile, answers } of cases) {
      expect(validateAnswers(fw, profile, answers).ok).toBe(true);
      levels.add(scoreAssessment(fw, profile, answers).level);
    }
    expect([...levels].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps scores in range and matches the exact reference (points, scores, levels)', () => {
    for (const { profile, answers } of cases) {
      const result = scoreAssessment(fw, profile, answers);
      const ref = reference(fw, profile, answers);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      for (const p of result.pillars) {
        expect(p.score).toBeGreaterThanOrEqual(0);
        expect(p.score).toBeLessThanOrEqual(100);
        expect(p.points).toBeLessThanOrEqual(p.maxPoints);
      }
      expect({
        points: result.pillars.map((p) => p.points),
        max: result.pillars.map((p) => p.maxPoints),
        pillarScores: result.pillars.map((p) => p.score),
        pillarLevels: result.pillars.map((p) => p.level),
        score: result.score,
        level: result.level,
      }).toEqual(ref);
      expect(result.points).toBe(ref.points.reduce((a, b) => a + b, 0));
    }
  });

  it('never lowers the total, a pillar score or any level when one answer gets better', () => {
    let raised = 0;
    for (const { profile, answers } of cases) {
      const better = raiseOne(rand, fw, profile, answers);
      if (!better) continue;
      raised++;
      const before = scoreAssessment(fw, profile, answers);
      const after = scoreAssessment(fw, profile, better);
      expect(after.points).toBeGreaterThan(before.points);
      expect(after.score).toBeGreaterThanOrEqual(before.score);
      expect(after.level).toBeGreaterThanOrEqual(before.level);
      after.pillars.forEach((p, i) => {
        expect(p.score).toBeGreaterThanOrEqual(before.pillars[i]!.score);
        expect(p.level).toBeGreaterThanOrEqual(before.pillars[i]!.level);
      });
    }
    expect(raised).toBeGreaterThan(ITERATIONS * 0.8);
  });

  it('is deterministic and never mutates its inputs', () => {
    for (const { profile, answers } of cases.slice(0, 200)) {
      const snapshot = structuredClone({ profile, answers });
      const frozen = deepFreeze(structuredClone({ profile, answers }));
      const first: AssessmentResult = scoreAssessment(fw, frozen.profile, frozen.answers);
      const second = scoreAssessment(fw, frozen.profile, frozen.answers);
      expect(second).toEqual(first);
      expect(scoreAssessment(fw, profile, answers)).toEqual(first);
      expect({ profile, answers }).toEqual(snapshot);
      validateAnswers(fw, frozen.profile, frozen.answers);
    }
  });

  it('scores the normalised answers of validateAnswers exactly like the raw ones', () => {
    for (const { profile, answers } of cases.slice(0, 200)) {
      const validated = validateAnswers(fw, profile, answers);
      if (!validated.ok) throw new Error('expected valid answers');
      expect(scoreAssessment(fw, profile, validated.answers)).toEqual(scoreAssessment(fw, profile, answers));
    }
  });
});
