/**
 * Scoring, levels and answer validation for assessment frameworks.
 *
 * Pure and deterministic: no clock, no I/O, inputs are never mutated.
 *
 * Rules (product decisions, pinned by tests):
 * - A question whose condition does not hold is skipped; an answer sent for it
 *   is ignored. An applicable question left unanswered scores 0.
 * - A framework with `maximum: 'profile'` leaves out of each pillar's maximum the
 *   questions this profile can never be shown (another sector's module); a
 *   pillar with nothing left in scope stays out of the total and the level rule.
 *   Questions hidden by an answer still count, as below.
 * - A pillar's maximum is FIXED: the best points of every scored question,
 *   whether or not a condition hides it. This stays faithful to the national
 *   DBI index (65/25/80/65/50/35 of 320) and keeps scores comparable between
 *   businesses. The price is that a hidden question counts as 0, so framework
 *   data only hides a scored question when hiding it implies its worst answer
 *   (e.g. cross-border online sales when there are no online sales at all).
 * - Pillar score = points ÷ max × 100. Total = weighted mean of the pillar
 *   scores (pillars with weight 0 stay out).
 * - Pillar level: highest L in `pillarLevels` with score > minScore, else 0.
 *   Overall level: highest L with total > levels[L].minScore AND at least
 *   levels[L].minPillars weighted pillars at level ≥ L, else 0.
 * - Levels come from EXACT rational comparisons (BigInt numerator and
 *   denominator). In floating point 7 / 25 * 100 = 28.000000000000004, and the
 *   DBI weighted mean of 29/65, 15/25, 22/80, 17/65, 28/50, 17/35 (128 of 320
 *   points, exactly 40 %) comes out as 40.00000000000001, which would wrongly
 *   lift that business to level 3. Reported scores are rounded to 2 decimals
 *   (half away from zero).
 */
import { allQuestions, isScored, parseConditionField, UNKNOWN_ANSWER } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Answers, Framework, Localized, Pillar, Profile, Question } from '#src/domain/framework/schema.ts';

export { questionMaxPoints, questionMinPoints, pillarMaxPoints, questionText, allQuestions } from '#src/domain/framework/schema.ts';
export type { AnswerValue, Answers, Profile } from '#src/domain/framework/schema.ts';

// ---------------------------------------------------------------------------
// Exact arithmetic
// ---------------------------------------------------------------------------

/** n / d with d > 0, reduced. BigInt so that sums of fractions never round. */
interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO: Rational = { n: 0n, d: 1n };
const HUNDRED: Rational = { n: 100n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Rational {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/**
 * The decimal a number is written as (0.1 → 1/10, 6.25 → 25/4), which is what
 * a framework author means by a threshold or weight, not its binary float.
 */
function rational(x: number): Rational {
  let r = rationals.get(x);
  if (r === undefined) {
    r = parseRational(x);
    // A framework has a few hundred distinct numbers; anything beyond is computed each time.
    if (rationals.size < 10_000) rationals.set(x, r);
  }
  return r;
}
const rationals = new Map<number, Rational>();

function parseRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa = '0', exponent] = String(x).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  let n = BigInt(whole + fraction);
  let d = 10n ** BigInt(fraction.length);
  const e = exponent === undefined ? 0 : Number(exponent);
  if (e > 0) n *= 10n ** BigInt(e);
  if (e < 0) d *= 10n ** BigInt(-e);
  return make(negative ? -n : n, d);
}

const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n);
const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l === r ? 0 : l > r ? 1 : -1;
};
const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
const sum = (xs: readonly Rational[]): Rational => xs.reduce(add, ZERO);

/** Rounds half away from zero to `decimals` places and converts to a number. */
function toNumber(r: Rational, decimals = 2): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = r.n * scale;
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + r.d) / (2n * r.d);
  return Number(scaled < 0n ? -rounded : rounded) / Number(scale);
}

// ---------------------------------------------------------------------------
// Points of one answer
// ---------------------------------------------------------------------------

function answerPoints(question: Question, value: AnswerValue | undefined): Rational {
  if (value === undefined) return ZERO;
  switch (question.type) {
    case 'single':
    case 'boolean': {
      const option = (question.options as readonly { value: string | boolean; points: number }[]).find((o) => o.value === value);
      return option ? rational(option.points) : ZERO;
    }
    case 'multi': {
      const selected = new Set(Array.isArray(value) ? value : [value]);
      const total = sum(question.options.filter((o) => selected.has(o.value)).map((o) => rational(o.points)));
      return question.cap === undefined ? total : min(total, rational(question.cap));
    }
    case 'number': {
      if (typeof value !== 'number') return ZERO;
      const band = question.bands.find((b) => value >= b.min && value <= b.max);
      return band ? rational(band.points) : ZERO;
    }
  }
}

/** Best points of a question, in exact arithmetic (questionMaxPoints adds floats). */
function maxPointsExact(question: Question): Rational {
  let found = maxPoints.get(question);
  if (!found) maxPoints.set(question, (found = computeMaxPoints(question)));
  return found;
}
// Questions are never changed once a framework is loaded: their best points are worked out once.
const maxPoints = new WeakMap<Question, Rational>();

function computeMaxPoints(question: Question): Rational {
  const best = (xs: readonly Rational[]): Rational => xs.reduce((a, b) => (cmp(a, b) >= 0 ? a : b), ZERO);
  switch (question.type) {
    case 'single':
    case 'boolean':
      return best(question.options.map((o) => rational(o.points)));
    case 'multi': {
      const combinable = sum(question.options.filter((o) => !o.exclusive).map((o) => rational(o.points)));
      const capped = question.cap === undefined ? combinable : min(combinable, rational(question.cap));
      return best([capped, ...question.options.filter((o) => o.exclusive).map((o) => rational(o.points))]);
    }
    case 'number':
      return best(question.bands.map((b) => rational(b.points)));
  }
}

/**
 * Points an answer earns on a question, ignoring `scored` and conditions:
 * the chosen option's points, the capped sum of selected options, or the band
 * a number falls in. Unknown values earn 0.
 */
export function optionPoints(question: Question, value: AnswerValue | undefined): number {
  return toNumber(answerPoints(question, value), 6);
}

// ---------------------------------------------------------------------------
// Conditions and answer validation
// ---------------------------------------------------------------------------

export interface AnswerIssue {
  path: (string | number)[];
  message: string;
}

export type ValidationResult = { ok: true; answers: Record<string, AnswerValue> } | { ok: false; issues: AnswerIssue[] };

function ownValue(answers: object, key: string): unknown {
  return Object.hasOwn(answers, key) ? (answers as Record<string, unknown>)[key] : undefined;
}

const targets = new Map<string, ReturnType<typeof parseConditionField>>();
/** `parseConditionField`, kept per field text (a framework has a few dozen conditions, read for every answer). */
function conditionTarget(field: string): ReturnType<typeof parseConditionField> {
  if (targets.has(field)) return targets.get(field);
  const target = parseConditionField(field);
  if (targets.size < 10_000) targets.set(field, target);
  return target;
}

/**
 * Whether the question's condition holds for these answers (a multi answer
 * satisfies the condition when any selected value is listed). This looks at
 * one question only; pass answers from `validateAnswers` (or use
 * `applicableQuestions`) so that answers to hidden questions are already gone.
 */
export function isApplicable(question: Question, profile: Profile, answers: Answers): boolean {
  const condition = question.condition;
  if (!condition) return true;
  const target = conditionTarget(condition.field);
  if (!target) return false;
  const listed = condition.in as readonly unknown[];
  if (target.kind === 'profile') {
    const value = profile[target.name];
    return value !== undefined && listed.includes(value);
  }
  const value = ownValue(answers, target.questionId);
  if (Array.isArray(value)) return value.some((v) => listed.includes(v));
  return value !== undefined && listed.includes(value);
}

const MSG = {
  notObject: 'Câu trả lời phải là một đối tượng / Answers must be an object',
  unknownQuestion: 'Câu hỏi không tồn tại / Unknown question',
  invalidOption: 'Lựa chọn không hợp lệ / Invalid option',
  expectedOption: 'Cần chọn một lựa chọn / Expected one option',
  expectedBoolean: 'Cần trả lời Có hoặc Không / Expected yes or no',
  expectedList: 'Cần một danh sách lựa chọn / Expected a list of options',
  duplicateOption: 'Lựa chọn bị trùng / Duplicate option',
  expectedNumber: 'Cần nhập một số / Expected a number',
  expectedInteger: 'Cần nhập số nguyên / Expected a whole number',
  range: (lo: number, hi: number) => `Giá trị phải từ ${lo} đến ${hi} / Value must be between ${lo} and ${hi}`,
  unknownMixed: '“Không biết” không chọn cùng lựa chọn khác được / “I do not know” cannot be combined with other options',
  exclusive: (label: Localized) => `“${label.vi}” không chọn cùng lựa chọn khác được / “${label.en}” cannot be combined with other options`,
};

type Checked = { value?: AnswerValue; issues: readonly AnswerIssue[] };

const NO_ISSUES: readonly AnswerIssue[] = Object.freeze([]);

function checkAnswer(question: Question, raw: unknown, allowUnknown = false): Checked {
  if (raw === UNKNOWN_ANSWER && allowUnknown) return { value: UNKNOWN_ANSWER, issues: NO_ISSUES };
  // Built only for an answer that fails (this runs for every answer, several times a request).
  const at = () => ['answers', question.id];
  const fail = (message: string): Checked => ({ issues: [{ path: at(), message }] });
  switch (question.type) {
    case 'single': {
      if (typeof raw !== 'string') return fail(MSG.expectedOption);
      return question.options.some((o) => o.value === raw) ? { value: raw, issues: NO_ISSUES } : fail(MSG.invalidOption);
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw, issues: NO_ISSUES } : fail(MSG.expectedBoolean);
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(MSG.expectedNumber);
      if (!Number.isInteger(raw)) return fail(MSG.expectedInteger);
      if (raw < question.min || raw > question.max) return fail(MSG.range(question.min, question.max));
      return { value: raw, issues: NO_ISSUES };
    }
    case 'multi': {
      if (!Array.isArray(raw)) return fail(MSG.expectedList);
      if (allowUnknown && raw.includes(UNKNOWN_ANSWER)) return fail(MSG.unknownMixed);
      const issues: AnswerIssue[] = [];
      const seen = new Set<string>();
      raw.forEach((v: unknown, i) => {
        if (typeof v !== 'string' || !question.options.some((o) => o.value === v)) {
          issues.push({ path: [...at(), i], message: MSG.invalidOption });
        } else if (seen.has(v)) {
          issues.push({ path: [...at(), i], message: MSG.duplicateOption });
        } else {
          seen.add(v);
        }
      });
      const exclusive = question.options.find((o) => o.exclusive && seen.has(o.value));
      if (exclusive && seen.size > 1) issues.push({ path: at(), message: MSG.exclusive(exclusive.label) });
      if (issues.length > 0) return { issues };
      // An empty selection is "not answered yet"; store selections in option order.
      if (seen.size === 0) return { issues: NO_ISSUES };
      return { value: question.options.filter((o) => seen.has(o.value)).map((o) => o.value), issues: NO_ISSUES };
    }
  }
}

interface Walk {
  applicable: Question[];
  answers: Record<string, AnswerValue>;
  issues: AnswerIssue[];
}

/**
 * One pass in questionnaire order. Conditions only see answers that are valid
 * and belong to applicable questions, so hiding cascades: a follow-up of a
 * hidden question is hidden too.
 */
const idSets = new WeakMap<readonly Question[], ReadonlySet<string>>();
function questionIds(questions: readonly Question[]): ReadonlySet<string> {
  let ids = idSets.get(questions);
  if (!ids) idSets.set(questions, (ids = new Set(questions.map((q) => q.id))));
  return ids;
}

function walk(framework: Framework, profile: Profile, input: unknown): Walk {
  const result: Walk = { applicable: [], answers: {}, issues: [] };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    result.issues.push({ path: ['answers'], message: MSG.notObject });
    input = {};
  }
  const source = input as object;
  const questions = allQuestions(framework);
  const known = questionIds(questions);
  for (const key of Object.keys(source)) {
    if (!known.has(key)) result.issues.push({ path: ['answers', key], message: MSG.unknownQuestion });
  }
  for (const question of questions) {
    if (!isApplicable(question, profile, result.answers)) continue;
    result.applicable.push(question);
    const raw = ownValue(source, question.id);
    if (raw === undefined || raw === null) continue;
    const checked = checkAnswer(question, raw, framework.allowUnknown === true);
    if (checked.issues.length > 0) result.issues.push(...checked.issues);
    if (checked.value !== undefined) result.answers[question.id] = checked.value;
  }
  return result;
}

/**
 * Validates answers against a framework and a profile. On success returns the
 * normalised answers: only applicable questions, multi selections in option
 * order, empty selections and nulls removed. Answers to questions whose
 * condition does not hold are dropped silently (the UI may have sent them
 * before the user changed an earlier answer).
 */
export function validateAnswers(framework: Framework, profile: Profile, answers: unknown): ValidationResult {
  const { answers: normalized, issues } = walk(framework, profile, answers);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: normalized };
}

/** Questions to show, in order, given the answers so far (pillars first, then extra sections). */
export function applicableQuestions(framework: Framework, profile: Profile, answers: Answers): Question[] {
  return walk(framework, profile, answers).applicable;
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

export interface PillarResult {
  id: string;
  /** 0–100, rounded to 2 decimals. */
  score: number;
  points: number;
  maxPoints: number;
  level: number;
}

export interface AssessmentResult {
  framework: string;
  version: number;
  /** Weighted total 0–100, rounded to 2 decimals. */
  score: number;
  /** Raw points over all pillars, and the fixed maximum. */
  points: number;
  maxPoints: number;
  level: number;
  levelName: Localized;
  pillars: PillarResult[];
  /** Applicable scored questions with a valid answer. */
  answered: number;
  /** Scored questions whose condition holds. */
  applicable: number;
}

/**
 * Questions this profile can never be shown: a condition on the profile that fails, or a condition
 * on the answer of such a question (cascade). Answers cannot change this set, only the profile can.
 */
export function questionsOutOfScope(framework: Framework, profile: Profile): ReadonlySet<string> {
  const out = new Set<string>();
  for (const q of allQuestions(framework)) {
    const target = q.condition ? parseConditionField(q.condition.field) : undefined;
    if (!target) continue;
    if (target.kind === 'profile' ? !isApplicable(q, profile, {}) : out.has(target.questionId)) out.add(q.id);
  }
  return out;
}

interface PillarTally {
  pillar: Pillar;
  points: Rational;
  max: Rational;
  fraction: Rational;
  level: number;
}

function pillarLevel(framework: Framework, fraction: Rational): number {
  const percent = mul(fraction, HUNDRED);
  let level = 0;
  for (const l of framework.pillarLevels) {
    if (cmp(percent, rational(l.minScore)) > 0) level = l.level;
  }
  return level;
}

function tallyPillar(framework: Framework, pillar: Pillar, answers: Answers, outOfScope: ReadonlySet<string>): PillarTally {
  const scored = pillar.questions.filter((q) => isScored(q) && !outOfScope.has(q.id));
  const points = sum(scored.map((q) => answerPoints(q, ownValue(answers, q.id) as AnswerValue | undefined)));
  const max = sum(scored.map(maxPointsExact));
  const fraction = max.n === 0n ? ZERO : div(points, max);
  return { pillar, points, max, fraction, level: pillarLevel(framework, fraction) };
}

/** Pillars that count in the total: a weight, and (profile-scoped maxima) at least one question in scope. */
const counts = (t: PillarTally): boolean => t.pillar.weight > 0 && t.max.n > 0n;

function overallLevel(framework: Framework, totalPercent: Rational, tallies: readonly PillarTally[]): number {
  const weighted = tallies.filter(counts);
  for (let i = framework.levels.length - 1; i >= 1; i--) {
    const rule = framework.levels[i]!;
    const pillarsAtLevel = weighted.filter((t) => t.level >= rule.level).length;
    if (cmp(totalPercent, rational(rule.minScore)) > 0 && pillarsAtLevel >= rule.minPillars) return rule.level;
  }
  return 0;
}

/**
 * Scores an answer set. Invalid answers and answers to hidden questions are
 * ignored (scored as unanswered); call `validateAnswers` first to report them.
 */
export function scoreAssessment(framework: Framework, profile: Profile, answers: Answers): AssessmentResult {
  const { applicable, answers: valid } = walk(framework, profile, answers);
  const outOfScope = framework.maximum === 'profile' ? questionsOutOfScope(framework, profile) : new Set<string>();
  const tallies = framework.pillars.map((p) => tallyPillar(framework, p, valid, outOfScope));

  const weighted = tallies.filter(counts);
  const totalWeight = sum(weighted.map((t) => rational(t.pillar.weight)));
  const weightedSum = sum(weighted.map((t) => mul(rational(t.pillar.weight), t.fraction)));
  const totalPercent = totalWeight.n === 0n ? ZERO : mul(div(weightedSum, totalWeight), HUNDRED);
  const level = overallLevel(framework, totalPercent, tallies);

  const scoredApplicable = applicable.filter(isScored);
  return {
    framework: framework.id,
    version: framework.version,
    score: toNumber(totalPercent),
    points: toNumber(sum(tallies.map((t) => t.points))),
    maxPoints: toNumber(sum(tallies.map((t) => t.max))),
    level,
    levelName: framework.levels[level]!.name,
    pillars: tallies.map((t) => ({
      id: t.pillar.id,
      score: toNumber(mul(t.fraction, HUNDRED)),
      points: toNumber(t.points),
      maxPoints: toNumber(t.max),
      level: t.level,
    })),
    answered: scoredApplicable.filter((q) => valid[q.id] !== undefined).length,
    applicable: scoredApplicable.length,
  };
}

// ---------------------------------------------------------------------------
// Result page helpers
// ---------------------------------------------------------------------------

export interface PillarHighlight extends PillarResult {
  name: Localized;
}

/**
 * Strongest and weakest weighted pillars by score, ties broken by pillar order.
 * Each list holds at most min(n, half the pillars) so the two never overlap; a
 * pillar at 0 is never a strength and a pillar at 100 is never a gap.
 */
export function strengthsAndGaps(
  framework: Framework,
  result: AssessmentResult,
  n = 3,
): { strengths: PillarHighlight[]; gaps: PillarHighlight[] } {
  const highlights: PillarHighlight[] = framework.pillars.flatMap((p) => {
    const r = result.pillars.find((x) => x.id === p.id);
    return p.weight > 0 && r ? [{ ...r, name: p.name }] : [];
  });
  const k = Math.max(0, Math.min(Math.floor(n), Math.floor(highlights.length / 2)));
  // Array.prototype.sort is stable, so equal scores keep pillar order.
  const strengths = [...highlights]
    .sort((a, b) => b.score - a.score)
    .filter((h) => h.score > 0)
    .slice(0, k);
  const taken = new Set(strengths.map((h) => h.id));
  const gaps = [...highlights]
    .sort((a, b) => a.score - b.score)
    .filter((h) => h.score < 100 && !taken.has(h.id))
    .slice(0, k);
  return { strengths, gaps };
}

export interface PillarComparison {
  id: string;
  previous: number | null;
  current: number;
  /** current − previous, or null when the pillar did not exist before. */
  delta: number | null;
  levelDelta: number | null;
}

export interface ResultComparison {
  /** Same framework id and version: every delta is like for like. */
  comparable: boolean;
  score: number;
  points: number;
  level: number;
  pillars: PillarComparison[];
}

const difference = (a: number, b: number): number => toNumber(sub(rational(a), rational(b)));

/** Change from an earlier result to a later one (pillars matched by id, in the later result's order). */
export function compareResults(prev: AssessmentResult, next: AssessmentResult): ResultComparison {
  return {
    comparable: prev.framework === next.framework && prev.version === next.version,
    score: difference(next.score, prev.score),
    points: difference(next.points, prev.points),
    level: next.level - prev.level,
    pillars: next.pillars.map((p) => {
      const before = prev.pillars.find((x) => x.id === p.id);
      return {
        id: p.id,
        previous: before ? before.score : null,
        current: p.score,
        delta: before ? difference(p.score, before.score) : null,
        levelDelta: before ? p.level - before.level : null,
      };
    }),
  };
}
