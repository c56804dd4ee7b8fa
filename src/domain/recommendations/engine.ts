/**
 * The recommender: from a business's profile and answers, an explained,
 * prioritised plan of national digital platforms.
 *
 * Order follows the provinces' guidance (docs/domain.md §2): what is
 * mandatory, then what is no-regret, then what gives outstanding efficiency,
 * then what creates new value (the four steps of NEEDS). Within a step the
 * need that would lift the score most comes first; ties keep NEEDS order.
 *
 * Rules (pinned by tests/unit/recommend-*.test.ts):
 * - A need that the answers (evidence.ts) or an `adopted` mark show covered is
 *   never recommended; it is listed in `done`.
 * - A need is recommended only when it is relevant for this business and at
 *   least one non-retired catalog platform lists it and fits the profile
 *   (size class, sector, producer type).
 * - Platforms are ordered by fit, then by Vietnamese name; nobody pays to be
 *   listed first.
 * - Score gain = score after applying the need's `raise` answers − score now.
 *
 * Pure and deterministic: no astro, no database, no clock; inputs are never
 * mutated.
 */
import { allQuestions, questionText } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Answers, Framework, Localized, Profile, Question } from '#src/domain/framework/schema.ts';
import { NEEDS, isNeedId } from '#src/domain/platforms/schema.ts';
import type { CostModel, NeedId, NeedStep, Platform, PlatformCategoryId } from '#src/domain/platforms/schema.ts';
import { applicableQuestions, scoreAssessment } from '#src/domain/scoring/score.ts';
import type { AssessmentResult } from '#src/domain/scoring/score.ts';
import { evidenceFor } from './evidence.ts';
import type { NeedEvidence } from './evidence.ts';
import { applyRaises, sanitizeAnswers } from './prefill.ts';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export interface RecommendationMarks {
  /** Need → the platform the business says it adopted (null: one outside the catalog). */
  adopted?: Readonly<Partial<Record<NeedId, string | null>>>;
  /** Needs the business asked us to stop suggesting. */
  dismissed?: readonly NeedId[];
}

export interface RecommendInput {
  framework: Framework;
  profile: Profile;
  /** Raw answers; they are validated here, invalid or hidden ones ignored. */
  answers: Answers;
  catalog: readonly Platform[];
  marks?: RecommendationMarks;
  /** Bring dismissed needs back into `items` (they stay listed in `dismissed`). */
  includeDismissed?: boolean;
}

export interface PillarGain {
  id: string;
  name: Localized;
  /** Pillar score points (0–100) the adoption would add, 1 decimal. */
  gain: number;
}

export interface RecommendationItem {
  step: NeedStep;
  need: NeedId;
  /** The ministry category of the need. */
  category: PlatformCategoryId;
  /** 2–4 platform ids, fewer only when fewer fit. */
  platforms: string[];
  platformOrderNote: Localized;
  /** Quoted answers first, then why it matters; never empty. */
  reasons: Localized[];
  /** Only pillars with a gain above 0. */
  pillars: PillarGain[];
  /** Total score points (0–100) the adoption would add, 1 decimal. */
  scoreGain: number;
  cost: { costModel: CostModel | 'mixed'; trial: boolean };
}

export interface DoneNeed {
  need: NeedId;
  category: PlatformCategoryId;
  platform: string | null;
  source: 'answers' | 'adopted';
}

export interface RecommendationPlan {
  items: RecommendationItem[];
  done: DoneNeed[];
  /** Dismissed needs that would otherwise be recommended, in NEEDS order. */
  dismissed: NeedId[];
  orderNote: Localized;
}

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

export const PLATFORM_ORDER_NOTE: Localized = Object.freeze({
  vi: 'Xếp theo mức độ phù hợp với ngành, quy mô và loại hình của bạn, rồi theo tên. Không nhà cung cấp nào trả tiền để được xếp trước.',
  en: 'Ordered by how well they fit your sector, size and type of business, then by name. No provider pays to be listed first.',
});

export const PLAN_ORDER_NOTE: Localized = Object.freeze({
  vi: 'Các việc được xếp theo thứ tự tỉnh khuyến nghị: việc bắt buộc theo quy định trước, rồi việc nên làm ngay, việc tăng hiệu quả, cuối cùng là việc tạo giá trị mới. Trong mỗi bước, việc giúp tăng điểm nhiều hơn được xếp trước.',
  en: 'Steps follow the order the province recommends: what is mandatory first, then what is no-regret, then what gives outstanding efficiency, and last what creates new value. Within a step, what would raise your score most comes first.',
});

/** "(chọn tất cả các ý đúng)" and the like: noise when a question is quoted back. */
const CHOOSE_ALL_SUFFIX = /\s*\((?:chọn tất cả các ý đúng|choose all that apply)\)\s*$/i;

function quoteQuestion(question: Question, sector: string): Localized {
  const text = questionText(question, sector);
  return { vi: text.vi.replace(CHOOSE_ALL_SUFFIX, ''), en: text.en.replace(CHOOSE_ALL_SUFFIX, '') };
}

/** The answer in the words of the options, or undefined when it names none. */
function answerLabels(question: Question, value: AnswerValue): Localized[] | undefined {
  switch (question.type) {
    case 'single':
    case 'boolean': {
      const option = (question.options as readonly { value: string | boolean; label: Localized }[]).find((o) => o.value === value);
      return option ? [option.label] : undefined;
    }
    case 'multi': {
      const selected = Array.isArray(value) ? value : [];
      const labels = question.options.filter((o) => selected.includes(o.value)).map((o) => o.label);
      return labels.length > 0 ? labels : undefined;
    }
    case 'number': {
      if (typeof value !== 'number') return undefined;
      const unit = question.unit;
      return [{ vi: unit ? `${value} ${unit.vi}` : String(value), en: unit ? `${value} ${unit.en}` : String(value) }];
    }
  }
}

const quoteAll = (labels: readonly string[]): string => labels.map((l) => `“${l}”`).join(', ');

function answerReason(question: Question, labels: readonly Localized[], sector: string): Localized {
  const q = quoteQuestion(question, sector);
  return {
    vi: `Bạn trả lời: ${quoteAll(labels.map((l) => l.vi))} (câu hỏi: “${q.vi}”).`,
    en: `You answered: ${quoteAll(labels.map((l) => l.en))} (question: “${q.en}”).`,
  };
}

function unansweredReason(question: Question, sector: string): Localized {
  const q = quoteQuestion(question, sector);
  return {
    vi: `Bạn chưa trả lời câu hỏi “${q.vi}”, nên kế hoạch coi như bạn chưa có.`,
    en: `You did not answer “${q.en}”, so the plan assumes you do not have this yet.`,
  };
}

// ---------------------------------------------------------------------------
// Platforms
// ---------------------------------------------------------------------------

const COLLATOR = new Intl.Collator('vi');

/** Whether a catalog platform fits the profile (missing size → micro, missing type → enterprise). */
export function fitsProfile(platform: Platform, profile: Profile): boolean {
  const size = profile.sizeClass ?? 'micro';
  const type = profile.producerType ?? 'enterprise';
  const sectors = platform.fits.sectors as readonly string[];
  return (
    platform.fits.sizes.includes(size) &&
    (sectors.includes('*') || sectors.includes(profile.sector)) &&
    platform.fits.producerTypes.includes(type)
  );
}

/**
 * Every non-retired platform that lists the need and fits, best fit first: a
 * sector listed by name beats "every sector", then a platform built for this
 * need (listed first in its needs) beats one that also does it, then by name
 * (Vietnamese collation), then id.
 */
export function fittingPlatforms(catalog: readonly Platform[], need: NeedId, profile: Profile): Platform[] {
  const rank = (p: Platform): [number, number] => [
    (p.fits.sectors as readonly string[]).includes(profile.sector) ? 0 : 1,
    p.needs[0] === need ? 0 : 1,
  ];
  return catalog
    .filter((p) => p.retired !== true && p.needs.includes(need) && fitsProfile(p, profile))
    .map((p) => ({ p, r: rank(p) }))
    .sort(
      (a, b) =>
        a.r[0] - b.r[0] || a.r[1] - b.r[1] || COLLATOR.compare(a.p.name, b.p.name) || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0),
    )
    .map(({ p }) => p);
}

const MAX_PLATFORMS = 4;

function costSummary(platforms: readonly Platform[]): RecommendationItem['cost'] {
  const models = new Set(platforms.map((p) => p.costModel));
  const [only] = models;
  return {
    costModel: models.size === 1 && only !== undefined ? only : 'mixed',
    trial: platforms.some((p) => p.freeTrial !== undefined),
  };
}

// ---------------------------------------------------------------------------
// Score gain
// ---------------------------------------------------------------------------

/** Rounds a non-negative difference to 1 decimal (the epsilon absorbs float noise like 1.2499999). */
function round1(x: number): number {
  const r = Math.round(x * 10 + 1e-9) / 10;
  return r === 0 ? 0 : r;
}

function scoreGain(framework: Framework, before: AssessmentResult, after: AssessmentResult): { scoreGain: number; pillars: PillarGain[] } {
  let weighted = 0;
  let totalWeight = 0;
  const pillars: PillarGain[] = [];
  framework.pillars.forEach((pillar, i) => {
    const b = before.pillars[i]!;
    const a = after.pillars[i]!;
    // From points rather than the rounded scores: the exact change, rounded once.
    const share = a.maxPoints > 0 ? (a.points - b.points) / a.maxPoints : 0;
    if (pillar.weight > 0) {
      weighted += pillar.weight * share;
      totalWeight += pillar.weight;
    }
    const gain = round1(share * 100);
    if (gain > 0) pillars.push({ id: pillar.id, name: pillar.name, gain });
  });
  return { scoreGain: totalWeight > 0 ? round1((weighted / totalWeight) * 100) : 0, pillars };
}

// ---------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------

function reasonsFor(
  evidence: NeedEvidence,
  byId: ReadonlyMap<string, Question>,
  applicable: ReadonlySet<string>,
  profile: Profile,
  answers: Answers,
): Localized[] {
  const reasons: Localized[] = [];
  let firstUnanswered: Question | undefined;
  for (const id of evidence.citedQuestions) {
    const question = byId.get(id);
    if (!question || !applicable.has(id)) continue;
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    const labels = value === undefined ? undefined : answerLabels(question, value);
    if (labels) reasons.push(answerReason(question, labels, profile.sector));
    else firstUnanswered ??= question;
  }
  if (reasons.length === 0 && firstUnanswered) reasons.push(unansweredReason(firstUnanswered, profile.sector));
  reasons.push(evidence.why(profile));
  return reasons;
}

function ownNeedKeys<T>(record: Readonly<Partial<Record<NeedId, T>>> | undefined): Map<NeedId, T> {
  const out = new Map<NeedId, T>();
  if (!record) return out;
  for (const key of Object.keys(record)) {
    if (isNeedId(key)) out.set(key, record[key] as T);
  }
  return out;
}

/** Builds the plan. See the module comment for the rules. */
export function recommend(input: RecommendInput): RecommendationPlan {
  const { framework, profile, catalog } = input;
  const answers = sanitizeAnswers(framework, profile, input.answers);
  const evidence = new Map(evidenceFor(framework.id).map((e) => [e.need, e]));
  const adopted = ownNeedKeys(input.marks?.adopted);
  const dismissedMarks = new Set((input.marks?.dismissed ?? []).filter((n) => isNeedId(n)));

  const byId = new Map(allQuestions(framework).map((q) => [q.id, q]));
  // A question is quoted back only when it was shown (its condition held).
  const applicable = new Set(applicableQuestions(framework, profile, answers).map((q) => q.id));
  const before = scoreAssessment(framework, profile, answers);

  const items: (RecommendationItem & { order: number })[] = [];
  const done: DoneNeed[] = [];
  const dismissed: NeedId[] = [];

  NEEDS.forEach((need, order) => {
    const ev = evidence.get(need.id);
    if (adopted.has(need.id)) {
      const platform = adopted.get(need.id);
      done.push({ need: need.id, category: need.category, platform: typeof platform === 'string' ? platform : null, source: 'adopted' });
      return;
    }
    if (!ev) return;
    if (ev.covered(answers, profile)) {
      done.push({ need: need.id, category: need.category, platform: null, source: 'answers' });
      return;
    }
    if (!ev.relevant(profile, answers)) return;
    const fitting = fittingPlatforms(catalog, need.id, profile);
    if (fitting.length === 0) return;
    if (dismissedMarks.has(need.id)) {
      dismissed.push(need.id);
      if (!input.includeDismissed) return;
    }
    const listed = fitting.slice(0, MAX_PLATFORMS);
    const after = scoreAssessment(framework, profile, applyRaises(framework, answers, ev.raise));
    const gain = scoreGain(framework, before, after);
    items.push({
      order,
      step: need.step,
      need: need.id,
      category: need.category,
      platforms: listed.map((p) => p.id),
      platformOrderNote: { ...PLATFORM_ORDER_NOTE },
      reasons: reasonsFor(ev, byId, applicable, profile, answers),
      pillars: gain.pillars,
      scoreGain: gain.scoreGain,
      cost: costSummary(listed),
    });
  });

  items.sort((a, b) => a.step - b.step || b.scoreGain - a.scoreGain || a.order - b.order);
  return {
    items: items.map(({ order: _order, ...item }) => item),
    done,
    dismissed,
    orderNote: { ...PLAN_ORDER_NOTE },
  };
}
