/**
 * Plausible answers for demo businesses, so a newcomer sees a living dashboard. Deterministic
 * (seeded), and clearly demo: only ever applied to businesses marked as demo.
 *
 * Answers are drawn in two steps. First a maturity-driven walk answers every question (so scores
 * and levels spread out); then the needs a business covers are forced to an adoption plan drawn
 * from rates a Vietnamese province plausibly shows, by lowering the answers that would cover a need
 * outside the plan and raising (the recommender's own `raise` answers) those inside it. Without the
 * second step a random walk covers some optional need for almost everyone, and the demo read "95 %
 * of SMEs on digital platforms", which nobody would believe.
 *
 * The rates are judgement, not statistics; they only have to look like a province, not be one:
 * - e-invoices are mandatory (Nghị định 123/2020, from 1/7/2022), so nearly every enterprise uses
 *   them; household businesses much less (only those above the cash-register revenue threshold);
 * - e-tax and online banking are near universal among enterprises too;
 * - about a third of SMEs use a platform beyond what the law requires of everyone (e-invoice,
 *   e-tax, e-social insurance) and beyond online banking, as the landed definition counts it
 *   (src/domain/indicators/facts.ts): customers paying by QR code, wallet, card terminal or payment
 *   gateway is such a platform, online banking alone is not. So "banking" in the plan is online
 *   banking only (the customer payment tools are taken out of the answers), and customer payment is
 *   one of the platforms a business beyond the baseline may pick; the producer questionnaire asks
 *   only about QR payment, so for producers cashless payment is always a platform beyond;
 * - about a tenth of co-operatives sell on an e-commerce floor.
 */
import type { AnswerValue, Answers, Framework, Profile, Question } from '#src/domain/framework/schema.ts';
import { applicableQuestions, validateAnswers } from '#src/domain/scoring/score.ts';
import { evidenceFor, type Clue } from '#src/domain/recommendations/evidence.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { CUSTOMER_PAYMENT_CLUES } from '#src/domain/indicators/facts.ts';
import type { ProducerType } from './demo-data.ts';
import { frameworkIdFor } from '#src/domain/framework/questionnaire.ts';

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

// ---------------------------------------------------------------------------
// Adoption plan
// ---------------------------------------------------------------------------

/** Customer payment tools (QR or wallet, card terminal, payment gateway): a platform beyond the mandatory. */
const CUSTOMER_PAYMENT = 'customer_payment' as const;

/** A business's adoption plan: the needs its answers cover, and whether customers pay it through a payment tool. */
export type AdoptionPlan = Set<NeedId> & { customerPayment?: boolean };

interface Rates {
  eInvoice: number;
  eTax: number;
  banking: number;
  /** Uses at least one platform beyond the baseline. */
  beyond: number;
  /** Sells on an e-commerce floor (a subset of `beyond`). */
  ecommerce: number;
}

/** Per producer type; enterprises by size (large firms are further along). */
const RATES: Record<ProducerType | 'large', Rates> = {
  enterprise: { eInvoice: 0.96, eTax: 0.94, banking: 0.88, beyond: 0.33, ecommerce: 0.07 },
  large: { eInvoice: 1, eTax: 1, banking: 1, beyond: 0.8, ecommerce: 0.2 },
  cooperative: { eInvoice: 0.8, eTax: 0.8, banking: 0.7, beyond: 0.3, ecommerce: 0.1 },
  cooperative_group: { eInvoice: 0.35, eTax: 0.45, banking: 0.6, beyond: 0.3, ecommerce: 0.1 },
  household: { eInvoice: 0.3, eTax: 0.45, banking: 0.65, beyond: 0.25, ecommerce: 0.05 },
};

/** Optional needs a business beyond the baseline picks from, with how common each is. */
const BEYOND_WEIGHTS: ReadonlyArray<readonly [NeedId | typeof CUSTOMER_PAYMENT, number]> = [
  ['online_presence', 10],
  [CUSTOMER_PAYMENT, 7],
  ['accounting', 9],
  ['sales_management', 6],
  ['cloud_office', 4],
  ['logistics', 4],
  ['online_meeting', 3],
  ['inventory', 3],
  ['digital_marketing', 3],
  ['e_contract', 3],
  ['hr', 2],
  ['customer_care', 1.5],
  ['cybersecurity', 1],
  ['erp', 0.5],
  ['data_analytics', 0.5],
];

function weightedPick<T>(entries: ReadonlyArray<readonly [T, number]>, rnd: () => number): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [v, w] of entries) {
    r -= w;
    if (r < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

/** The needs one demo business covers, drawn from the rates of its type and size. */
export function demoAdoptionPlan(
  producerType: ProducerType,
  sizeClass: string | null | undefined,
  rnd: () => number,
  /** Needs the business's questionnaire can show; the others are never drawn. */
  assessable: ReadonlySet<NeedId>,
  /** Whether the questionnaire can show online banking apart from customer payment tools (the producer one cannot). */
  bankingAlone = true,
): AdoptionPlan {
  const r = RATES[producerType === 'enterprise' && sizeClass === 'large' ? 'large' : producerType];
  const plan: AdoptionPlan = new Set<NeedId>();
  if (rnd() < r.eInvoice) plan.add('e_invoice');
  if (rnd() < r.eTax) plan.add('e_tax');
  // Online banking only: a questionnaire that cannot show it apart from customer payment (the
  // producer one asks about QR payment alone) leaves it out rather than count it as a platform.
  const banking = rnd() < r.banking;
  if (banking && bankingAlone && assessable.has('cashless_payment')) plan.add('cashless_payment');
  // Conditional draws so that "beyond" keeps its overall rate and e-commerce is a part of it.
  const ecommerce = rnd() < r.ecommerce;
  const beyond = ecommerce || rnd() < (r.beyond - r.ecommerce) / (1 - r.ecommerce);
  if (ecommerce) {
    plan.add('ecommerce_marketplace');
    if (rnd() < 0.5) plan.add('farm_ocop_floor');
  }
  if (beyond) {
    const extra = ecommerce ? Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * rnd() * 4);
    // Producers who go beyond mostly start with a QR code at the stall: weigh it up where banking cannot show alone.
    const pool = BEYOND_WEIGHTS.filter(([need]) =>
      need === CUSTOMER_PAYMENT ? assessable.has('cashless_payment') : assessable.has(need),
    ).map(([need, w]) => [need, need === CUSTOMER_PAYMENT && !bankingAlone ? w * 3 : w] as const);
    for (let i = 0; i < extra; i++) {
      const need = weightedPick(pool, rnd);
      if (need === CUSTOMER_PAYMENT) {
        plan.add('cashless_payment');
        plan.customerPayment = true;
      } else plan.add(need);
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------
// Forcing answers to a plan
// ---------------------------------------------------------------------------

function questionsById(framework: Framework): Map<string, Question> {
  const out = new Map<string, Question>();
  for (const p of framework.pillars) for (const q of p.questions) out.set(q.id, q);
  for (const s of framework.extraSections ?? []) for (const q of s.questions) out.set(q.id, q);
  return out;
}

function pointsOf(q: Question, value: AnswerValue | undefined): number {
  if (q.type !== 'single' && q.type !== 'boolean') return 0;
  return q.options.find((o) => o.value === value)?.points ?? -1;
}

/** Changes the answer so that `clue` no longer holds, keeping it as high as possible. */
function breakClue(answers: Record<string, AnswerValue>, clue: Clue, q: Question): void {
  const cur = answers[clue.questionId];
  if (cur === undefined) return;
  if ('oneOf' in clue) {
    if (Array.isArray(cur) || !(clue.oneOf as readonly unknown[]).includes(cur)) return;
    if (q.type === 'boolean') {
      answers[q.id] = !cur;
      return;
    }
    if (q.type !== 'single') return;
    const below = q.options.filter((o) => !(clue.oneOf as readonly unknown[]).includes(o.value)).sort((a, b) => b.points - a.points)[0];
    if (below) answers[q.id] = below.value;
    else delete answers[q.id];
    return;
  }
  if ('includes' in clue) {
    if (!Array.isArray(cur)) return;
    const kept = cur.filter((v) => !clue.includes.includes(v));
    if (kept.length === cur.length) return;
    if (kept.length) answers[q.id] = kept;
    else {
      const none = q.type === 'multi' ? q.options.find((o) => 'exclusive' in o && o.exclusive) : undefined;
      if (none) answers[q.id] = [none.value];
      else delete answers[q.id];
    }
    return;
  }
  if (typeof cur === 'number' && cur >= clue.atLeast) answers[q.id] = Math.max(q.type === 'number' ? q.min : 0, clue.atLeast - 1);
}

function raiseAnswer(answers: Record<string, AnswerValue>, q: Question, value: string | boolean | number): void {
  const cur = answers[q.id];
  switch (q.type) {
    case 'single':
      if (pointsOf(q, cur) < pointsOf(q, value)) answers[q.id] = value;
      return;
    case 'boolean':
      answers[q.id] = value;
      return;
    case 'number':
      answers[q.id] = typeof cur === 'number' ? Math.max(cur, Number(value)) : Number(value);
      return;
    case 'multi': {
      const exclusive = new Set(q.options.filter((o) => 'exclusive' in o && o.exclusive).map((o) => o.value));
      const list = Array.isArray(cur) ? cur.filter((v) => !exclusive.has(v)) : [];
      if (!list.includes(String(value))) list.push(String(value));
      answers[q.id] = list;
    }
  }
}

/**
 * Forces the answers so that the framework's evidence covers the needs of `plan` and no other
 * (as far as the questionnaire allows), then normalises them as the portal does on submit.
 */
export function forcePlan(
  framework: Framework,
  profile: Profile,
  answers: Answers,
  plan: ReadonlySet<NeedId> & { customerPayment?: boolean },
): Answers {
  const byId = questionsById(framework);
  const out: Record<string, AnswerValue> = { ...answers };
  const table = evidenceFor(framework.id);
  for (const e of table) {
    if (plan.has(e.need)) continue;
    for (const group of e.coveredWhen) {
      // A group holds only when all its clues hold: breaking the last one is enough.
      const clue = group[group.length - 1]!;
      const q = byId.get(clue.questionId);
      if (q) breakClue(out, clue, q);
    }
  }
  for (const e of table) {
    if (!plan.has(e.need)) continue;
    for (const r of e.raise) {
      const q = byId.get(r.questionId);
      if (q) raiseAnswer(out, q, r.value);
    }
  }
  // Online banking alone: whatever customer payment tool the answers show goes, the banking stays.
  if (plan.has('cashless_payment') && !plan.customerPayment) {
    for (const clue of CUSTOMER_PAYMENT_CLUES[framework.id] ?? []) {
      const q = byId.get(clue.questionId);
      if (q) breakClue(out, clue, q);
    }
  }
  // Raised answers may open conditional questions; a second walk leaves them as people do (blank),
  // and validation drops answers to questions that no longer apply.
  const valid = validateAnswers(framework, profile, out);
  return valid.ok ? valid.answers : answers;
}

/** The maturity that spreads levels mostly over 1–2 with a tail, by producer type and size. */
export function demoMaturity(producerType: ProducerType, sizeClass: string | null | undefined, rnd: () => number): number {
  const base =
    producerType === 'household'
      ? 0.27
      : producerType === 'cooperative_group'
        ? 0.29
        : producerType === 'cooperative'
          ? 0.33
          : sizeClass === 'micro'
            ? 0.27
            : sizeClass === 'small'
              ? 0.34
              : sizeClass === 'medium'
                ? 0.48
                : 0.6;
  return Math.max(0, Math.min(1, base + (rnd() - 0.5) * 0.4 + (rnd() < 0.06 ? 0.3 : 0)));
}

/** One demo business's submitted answers: maturity-driven, then forced to its adoption plan. */
/**
 * The framework of a demo result. Demo enterprises answered the 2021 index: their results stand for
 * assessments taken before the tool inventory became the SME default, so the demo also shows the invitation
 * to retake under the default (docs/frameworks.md). Producers use their default.
 */
export function demoFrameworkId(producerType: ProducerType): string {
  return producerType === 'enterprise' ? 'dbi-sme' : frameworkIdFor(producerType);
}

export function demoAssessmentAnswers(framework: Framework, profile: Profile, producerType: ProducerType, rnd: () => number): Answers {
  const maturity = demoMaturity(producerType, profile.sizeClass, rnd);
  const evidence = evidenceFor(framework.id);
  // Online banking shows apart from customer payment when some cashless-payment evidence is not a customer payment tool.
  const customerQuestions = new Set((CUSTOMER_PAYMENT_CLUES[framework.id] ?? []).map((c) => c.questionId));
  const bankingAlone = evidence.some(
    (e) => e.need === 'cashless_payment' && e.coveredWhen.some((g) => g.some((c) => !customerQuestions.has(c.questionId))),
  );
  const plan = demoAdoptionPlan(producerType, profile.sizeClass, rnd, new Set(evidence.map((e) => e.need)), bankingAlone);
  return forcePlan(framework, profile, demoAnswers(framework, profile, rnd, maturity), plan);
}
