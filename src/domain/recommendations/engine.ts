/**
 * The recommender: from a business's profile and answers, an explained,
 * prioritised plan of national digital platforms.
 *
 * Order follows the provinces' guidance (docs/domain.md §2): what is
 * mandatory, then what is no-regret, then what gives outstanding efficiency,
 * then what creates new value (the four steps of NEEDS). Within a step the
 * need that would lift the score most comes first; ties keep NEEDS order.
 *
 * The owner's pains (pains.ts) pull items forward: after the mandatory items
 * (step 1, which nothing overtakes) come the items addressing a chosen pain,
 * then, when the owner said skills hold them back, training and advice, then
 * the rest by step. Every item keeps its step.
 *
 * Rules (pinned by tests/unit/recommend-*.test.ts):
 * - A need that the answers (evidence.ts) or an `adopted` mark show covered is
 *   never recommended; it is listed in `done`.
 * - A need is recommended only when it is relevant for this business and at
 *   least one non-retired catalog platform lists it and fits the profile
 *   (size class, sector, producer type).
 * - Platforms are ordered by fit (fitsBetter below), never by name; nobody
 *   pays to be listed first.
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
import { barriersFrom, getPain, sanitizePains } from './pains.ts';
import type { Barriers, PainId } from './pains.ts';

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
  /** What holds the business back most (up to three; unknown ids are ignored). */
  pains?: readonly string[];
}

/**
 * Where an item sits in the plan: 0 mandatory (step 1), 1 addresses a chosen pain, 2 training
 * pulled forward for an owner short of digital skills, 3 the rest.
 */
export type PlanLane = 0 | 1 | 2 | 3;

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
  /** The chosen pains this item addresses (empty when none). */
  pains: PainId[];
  lane: PlanLane;
  /** Fitting platforms beyond the ones listed (shown as a link to the rest). */
  more: number;
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
  /** The pains the plan was ordered by. */
  pains: PainId[];
  barriers: Barriers;
}

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

export const PLATFORM_ORDER_NOTE: Localized = Object.freeze({
  vi: 'Xếp theo mức độ phù hợp với ngành, quy mô, khó khăn và những gì bạn đang dùng; với doanh nghiệp siêu nhỏ, lựa chọn miễn phí và nền tảng Việt Nam đứng trước. Không nhà cung cấp nào trả tiền để được xếp trước.',
  en: 'Ordered by how well they fit your sector, size, pains and what you already use; for micro businesses, free options and Vietnamese platforms come first. No provider pays to be listed first.',
});

/** The order note when the owner said cost holds them back. */
export const COST_ORDER_NOTE: Localized = Object.freeze({
  vi: 'Vì bạn nói chi phí là khó khăn, các lựa chọn miễn phí, có gói miễn phí hoặc cho dùng thử được xếp trước; sau đó theo mức độ phù hợp. Không nhà cung cấp nào trả tiền để được xếp trước.',
  en: 'Because you said cost holds you back, free, free-tier and free-trial options come first, then by fit. No provider pays to be listed first.',
});

/** The reason added to the training item when the owner said skills hold them back. */
export const SKILLS_REASON: Localized = Object.freeze({
  vi: 'Vì bạn nói thiếu nhân lực có kỹ năng số: hãy bắt đầu với tổ công nghệ số cộng đồng của xã và các khóa đào tạo miễn phí, họ hướng dẫn bạn cài đặt và dùng từng nền tảng.',
  en: 'Because you said you lack staff with digital skills: start with your commune’s community digital team and free training; they show you how to set up and use each platform.',
});

function painReason(pains: readonly PainId[]): Localized {
  const quotes = pains.map((id) => getPain(id)!.quote);
  return {
    vi: `Vì bạn nói ${quotes.map((q) => q.vi).join(' và ')}, việc này được đưa lên trước.`,
    en: `Because you said ${quotes.map((q) => q.en).join(' and ')}, this comes first.`,
  };
}

export const PLAN_ORDER_NOTE: Localized = Object.freeze({
  vi: 'Các việc được xếp theo thứ tự tỉnh khuyến nghị: việc bắt buộc theo quy định trước, rồi những việc giải quyết khó khăn bạn đã chọn, rồi việc nên làm ngay, việc tăng hiệu quả, cuối cùng là việc tạo giá trị mới. Trong mỗi bước, việc giúp tăng điểm nhiều hơn được xếp trước.',
  en: 'Steps follow the order the province recommends: what is mandatory first, then what addresses the pains you chose, then what is no-regret, what gives outstanding efficiency, and last what creates new value. Within a step, what would raise your score most comes first.',
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

/** What beyond the profile shapes the order of a need's platforms. */
export interface PlatformOrderContext {
  /** Needs of the chosen pains: a platform that also addresses them fits better. */
  painNeeds?: ReadonlySet<NeedId>;
  /** Platforms the business already uses (adopted): the same platform or provider fits better. */
  used?: readonly Platform[];
  /** The owner said cost holds them back: free, freemium and free-trial options first. */
  cost?: boolean;
}

/** Free to start: free, a free tier, or a free trial. */
export function freeToStart(p: Platform): boolean {
  return p.costModel !== 'paid' || p.freeTrial !== undefined;
}

/**
 * Every non-retired platform that lists the need and fits, best fit first:
 * 1. when cost is a barrier, free-to-start options;
 * 2. a platform (or provider) the business already uses;
 * 3. a sector listed by name beats "every sector";
 * 4. a platform built for this need (listed first in its needs) beats one that also does it;
 * 5. more of the chosen pains addressed;
 * 6. for micro businesses: free-to-start, then Make-in-Vietnam;
 * 7. the catalog's own order (curated by need, never alphabetical; never paid for).
 * Size, sector and producer type also decide whether a platform is listed at all (fitsProfile).
 */
export function fittingPlatforms(
  catalog: readonly Platform[],
  need: NeedId,
  profile: Profile,
  context: PlatformOrderContext = {},
): Platform[] {
  const micro = (profile.sizeClass ?? 'micro') === 'micro';
  const usedIds = new Set((context.used ?? []).map((p) => p.id));
  const usedProviders = new Set((context.used ?? []).map((p) => p.provider));
  const painNeeds = context.painNeeds ?? new Set<NeedId>();
  const rank = (p: Platform): number[] => [
    context.cost ? (freeToStart(p) ? 0 : 1) : 0,
    usedIds.has(p.id) || usedProviders.has(p.provider) ? 0 : 1,
    (p.fits.sectors as readonly string[]).includes(profile.sector) ? 0 : 1,
    p.needs[0] === need ? 0 : 1,
    -p.needs.filter((n) => n !== need && painNeeds.has(n)).length,
    micro && !freeToStart(p) ? 1 : 0,
    micro && !p.makeInVietnam ? 1 : 0,
  ];
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  return catalog
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p.retired !== true && p.needs.includes(need) && fitsProfile(p, profile))
    .map(({ p, index }) => ({ p, index, r: rank(p) }))
    .sort((a, b) => compare(a.r, b.r) || a.index - b.index)
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
  const pains = sanitizePains(input.pains);
  const painNeeds = new Set<NeedId>(pains.flatMap((id) => getPain(id)!.needs));
  const barriers = barriersFrom(answers);
  const catalogById = new Map(catalog.map((p) => [p.id, p]));
  const used = [...adopted.values()].flatMap((id) => {
    const p = typeof id === 'string' ? catalogById.get(id) : undefined;
    return p ? [p] : [];
  });

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
    const fitting = fittingPlatforms(catalog, need.id, profile, { painNeeds, used, cost: barriers.cost });
    if (fitting.length === 0) return;
    if (dismissedMarks.has(need.id)) {
      dismissed.push(need.id);
      if (!input.includeDismissed) return;
    }
    const listed = fitting.slice(0, MAX_PLATFORMS);
    const after = scoreAssessment(framework, profile, applyRaises(framework, answers, ev.raise));
    const gain = scoreGain(framework, before, after);
    const itemPains = pains.filter((id) => getPain(id)!.needs.includes(need.id));
    const helpFirst = barriers.skills && need.id === 'training';
    const lane: PlanLane = need.step === 1 ? 0 : itemPains.length > 0 ? 1 : helpFirst ? 2 : 3;
    const reasons = reasonsFor(ev, byId, applicable, profile, answers);
    if (helpFirst) reasons.unshift({ ...SKILLS_REASON });
    if (itemPains.length > 0) reasons.unshift(painReason(itemPains));
    items.push({
      order,
      step: need.step,
      need: need.id,
      category: need.category,
      platforms: listed.map((p) => p.id),
      platformOrderNote: { ...(barriers.cost ? COST_ORDER_NOTE : PLATFORM_ORDER_NOTE) },
      reasons,
      pillars: gain.pillars,
      scoreGain: gain.scoreGain,
      cost: costSummary(listed),
      pains: itemPains,
      lane,
      more: fitting.length - listed.length,
    });
  });

  items.sort((a, b) => a.lane - b.lane || a.step - b.step || b.scoreGain - a.scoreGain || a.order - b.order);
  return {
    items: items.map(({ order: _order, ...item }) => item),
    done,
    dismissed,
    orderNote: { ...PLAN_ORDER_NOTE },
    pains,
    barriers,
  };
}

/**
 * The needs `recommend` puts in the plan (its items' needs), in catalogue order, without what only the page
 * shows: the score gains (one scoring per need), the platform ranking and the reasons. The indicator counters
 * need only which needs were planned, at every submission; the property test holds it to `recommend`.
 */
export function plannedNeeds(input: RecommendInput): NeedId[] {
  const { framework, profile, catalog } = input;
  const answers = sanitizeAnswers(framework, profile, input.answers);
  const evidence = new Map(evidenceFor(framework.id).map((e) => [e.need, e]));
  const adopted = ownNeedKeys(input.marks?.adopted);
  const dismissedMarks = new Set((input.marks?.dismissed ?? []).filter((n) => isNeedId(n)));
  const out: NeedId[] = [];
  for (const need of NEEDS) {
    const ev = evidence.get(need.id);
    if (adopted.has(need.id) || !ev || ev.covered(answers, profile) || !ev.relevant(profile, answers)) continue;
    if (dismissedMarks.has(need.id) && !input.includeDismissed) continue;
    // fittingPlatforms' filter; its order does not matter here, only whether one platform fits.
    if (!catalog.some((p) => p.retired !== true && p.needs.includes(need.id) && fitsProfile(p, profile))) continue;
    out.push(need.id);
  }
  return out;
}
