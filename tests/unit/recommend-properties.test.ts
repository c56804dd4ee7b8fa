/**
 * Properties of recommend() on random valid answer sets over random profiles
 * (seeded, reproducible). Fits and counts are recomputed here independently of
 * the engine.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { PRODUCER_TYPES, allQuestions } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Framework, Profile } from '#src/domain/framework/schema.ts';
import { NEEDS, NEED_IDS } from '#src/domain/platforms/schema.ts';
import type { NeedId, Platform } from '#src/domain/platforms/schema.ts';
import { plannedNeeds, recommend } from '#src/domain/recommendations/engine.ts';
import type { RecommendInput } from '#src/domain/recommendations/engine.ts';
import { getNeedEvidence } from '#src/domain/recommendations/evidence.ts';
import { applyAdoptions } from '#src/domain/recommendations/prefill.ts';
import { scoreAssessment, validateAnswers } from '#src/domain/scoring/score.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
import { mulberry32 as prng } from '../../scripts/seed/demo-data.ts';

const ITERATIONS = 320;

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

function randomProfile(rand: Rand): Profile {
  const sector = pick(rand, VSIC_CODES);
  const employees = pick(rand, [0, 2, 5, 9, 10, 12, 19, 20, 45, 150, int(rand, 0, 400)]);
  const revenueVnd = rand() < 0.5 ? undefined : int(rand, 0, 400) * 1e9;
  const profile: Profile = { sector, employees, ...(revenueVnd !== undefined ? { revenueVnd } : {}) };
  const r = rand();
  if (r < 0.7) profile.sizeClass = sizeClass({ sector, employees, revenueVnd });
  else if (r < 0.85) profile.sizeClass = pick(rand, SIZES);
  if (rand() < 0.85) profile.producerType = pick(rand, PRODUCER_TYPES);
  return profile;
}

/** Valid answers (hidden questions included, so dropping them is exercised); `skill` biases towards better options. */
function randomAnswers(rand: Rand, fw: Framework): Record<string, AnswerValue> {
  const skill = rand();
  const answers: Record<string, AnswerValue> = {};
  for (const q of allQuestions(fw)) {
    if (rand() < 0.25 * (1 - skill) + 0.05) continue;
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
        if (exclusive.length > 0 && rand() < (1 - skill) / 2) answers[q.id] = [pick(rand, exclusive).value];
        else answers[q.id] = q.options.filter((o) => !o.exclusive && rand() < skill * 0.6).map((o) => o.value);
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

function randomMarks(rand: Rand): RecommendInput['marks'] {
  if (rand() < 0.6) return undefined;
  const adopted: Partial<Record<NeedId, string | null>> = {};
  const dismissed: NeedId[] = [];
  for (const need of NEED_IDS) {
    const r = rand();
    if (r < 0.08) adopted[need] = rand() < 0.5 ? null : `platform-${need}`;
    else if (r < 0.2) dismissed.push(need);
  }
  return { adopted, dismissed };
}

/** Independent fit check (missing size → micro, missing producer type → enterprise). */
function fits(p: Platform, profile: Profile): boolean {
  const sectors: readonly string[] = p.fits.sectors;
  return (
    p.retired !== true &&
    (p.fits.sizes as readonly string[]).includes(profile.sizeClass ?? 'micro') &&
    (sectors.includes('*') || sectors.includes(profile.sector)) &&
    (p.fits.producerTypes as readonly string[]).includes(profile.producerType ?? 'enterprise')
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const byId = new Map(PLATFORM_CATALOG.map((p) => [p.id, p]));
const needIndex = (need: NeedId): number => NEEDS.findIndex((n) => n.id === need);
const oneDecimal = (x: number): boolean => Math.abs(Math.round(x * 10) - x * 10) < 1e-9;

describe.each([
  ['dbi-sme', 20260101],
  ['producer', 20260202],
])('recommend on %s: properties over random answers and profiles', (frameworkId, seed) => {
  const fw = getFramework(frameworkId) as Framework;

  it(`holds for ${ITERATIONS} random cases`, () => {
    const rand = prng(seed);
    let recommendedTotal = 0;
    let withItems = 0;
    for (let n = 0; n < ITERATIONS; n++) {
      const profile = randomProfile(rand);
      const answers = randomAnswers(rand, fw);
      const marks = randomMarks(rand);
      const includeDismissed = rand() < 0.3;
      const input: RecommendInput = deepFreeze({
        framework: fw,
        profile,
        answers,
        catalog: PLATFORM_CATALOG,
        ...(marks ? { marks } : {}),
        includeDismissed,
      });
      const snapshot = structuredClone({ profile, answers, marks });
      const ctx = `case ${n}: ${JSON.stringify({ profile, marks, includeDismissed })}`;

      const plan = recommend(input);
      // Deterministic, inputs untouched (they are also frozen: a write would throw).
      expect(recommend(input), ctx).toEqual(plan);
      expect({ profile, answers, marks }, ctx).toEqual(snapshot);

      const valid = validateAnswers(fw, profile, answers);
      expect(valid.ok, ctx).toBe(true);
      if (!valid.ok) continue;

      const adopted = new Set(Object.keys(marks?.adopted ?? {}));
      const dismissedMarks = new Set(marks?.dismissed ?? []);
      const seen = new Set<NeedId>();
      recommendedTotal += plan.items.length;
      if (plan.items.length > 0) withItems++;

      plan.items.forEach((item, k) => {
        const ev = getNeedEvidence(frameworkId, item.need);
        const need = NEEDS.find((x) => x.id === item.need)!;
        expect(seen.has(item.need), ctx).toBe(false);
        seen.add(item.need);

        // Never covered, never adopted, dismissed only on request, relevant.
        expect(ev, ctx).toBeDefined();
        expect(ev!.covered(valid.answers, profile), `${ctx} ${item.need} covered`).toBe(false);
        expect(ev!.relevant(profile, valid.answers), `${ctx} ${item.need} relevant`).toBe(true);
        expect(adopted.has(item.need), ctx).toBe(false);
        if (dismissedMarks.has(item.need)) expect(includeDismissed, ctx).toBe(true);

        expect(item.step, ctx).toBe(need.step);
        expect(item.category, ctx).toBe(need.category);

        // Platforms: fitting, listing the need, no duplicates, as many as fit up to 4.
        const fitting = PLATFORM_CATALOG.filter((p) => p.needs.includes(item.need) && fits(p, profile));
        expect(item.platforms.length, ctx).toBe(Math.min(4, fitting.length));
        expect(item.platforms.length, ctx).toBeGreaterThanOrEqual(fitting.length >= 2 ? 2 : 1);
        expect(new Set(item.platforms).size, ctx).toBe(item.platforms.length);
        for (const id of item.platforms) {
          const p = byId.get(id);
          expect(p, ctx).toBeDefined();
          expect(p!.needs, ctx).toContain(item.need);
          expect(fits(p!, profile), `${ctx} ${id} fits`).toBe(true);
        }
        // A platform naming the sector is never left out for one that fits "every sector" (unless the owner
        // said cost holds them back: then free-to-start options come first, tests/unit/recommend-pains.test.ts).
        if (!plan.barriers.cost) {
          const named = fitting.filter((p) => (p.fits.sectors as readonly string[]).includes(profile.sector)).map((p) => p.id);
          if (named.length <= 4) expect(item.platforms.slice(0, named.length).sort(), ctx).toEqual([...named].sort());
          else for (const id of item.platforms) expect(named, ctx).toContain(id);
        }

        // Reasons and gains.
        expect(item.reasons.length, ctx).toBeGreaterThanOrEqual(1);
        for (const r of item.reasons) {
          expect(r.vi.trim(), ctx).not.toBe('');
          expect(r.en.trim(), ctx).not.toBe('');
        }
        expect(item.scoreGain, ctx).toBeGreaterThanOrEqual(0);
        expect(item.scoreGain, ctx).toBeLessThanOrEqual(100);
        expect(oneDecimal(item.scoreGain), ctx).toBe(true);
        for (const pg of item.pillars) {
          expect(pg.gain, ctx).toBeGreaterThan(0);
          expect(oneDecimal(pg.gain), ctx).toBe(true);
          expect(
            fw.pillars.some((p) => p.id === pg.id),
            ctx,
          ).toBe(true);
        }
        if (item.pillars.length === 0) expect(item.scoreGain, ctx).toBe(0);

        // Order: lane (mandatory, pains, skills help, rest), then step, then larger gain, then NEEDS order.
        const prev = plan.items[k - 1];
        if (prev) {
          expect(prev.lane <= item.lane, ctx).toBe(true);
          if (prev.lane === item.lane) expect(prev.step <= item.step, ctx).toBe(true);
          if (prev.lane === item.lane && prev.step === item.step) {
            expect(prev.scoreGain >= item.scoreGain, ctx).toBe(true);
            if (prev.scoreGain === item.scoreGain) expect(needIndex(prev.need) < needIndex(item.need), ctx).toBe(true);
          }
        }
      });

      // done: adopted marks and covered needs, once each, in NEEDS order.
      const doneNeeds = plan.done.map((d) => d.need);
      expect(doneNeeds, ctx).toEqual([...doneNeeds].sort((a, b) => needIndex(a) - needIndex(b)));
      expect(new Set(doneNeeds).size, ctx).toBe(doneNeeds.length);
      for (const need of adopted) expect(doneNeeds, ctx).toContain(need);
      for (const d of plan.done) {
        if (d.source === 'adopted') expect(d.platform, ctx).toBe(marks!.adopted![d.need]);
        else expect(getNeedEvidence(frameworkId, d.need)!.covered(valid.answers, profile), ctx).toBe(true);
        expect(seen.has(d.need), ctx).toBe(false);
      }
      for (const need of plan.dismissed) {
        expect(dismissedMarks.has(need), ctx).toBe(true);
        expect(seen.has(need), ctx).toBe(includeDismissed);
      }

      // Adopting everything recommended: the next plan recommends none of it.
      const recommended = plan.items.map((i) => i.need);
      const next = applyAdoptions(fw, answers, recommended, profile);
      expect(validateAnswers(fw, profile, next).ok, ctx).toBe(true);
      const after = recommend({ framework: fw, profile, answers: next, catalog: PLATFORM_CATALOG, includeDismissed: true });
      for (const need of recommended) {
        expect(
          after.items.map((i) => i.need),
          `${ctx} ${need} after adoption`,
        ).not.toContain(need);
        expect(
          after.done.map((d) => d.need),
          `${ctx} ${need} done after adoption`,
        ).toContain(need);
      }
      // …and the score never went down.
      expect(scoreAssessment(fw, profile, next).score, ctx).toBeGreaterThanOrEqual(scoreAssessment(fw, profile, answers).score);
    }
    // The generator is not degenerate: plans usually have items.
    expect(withItems).toBeGreaterThan(ITERATIONS / 2);
    expect(recommendedTotal).toBeGreaterThan(ITERATIONS);
  });
});

describe.each([
  ['dbi-sme', 20261130],
  ['producer', 20261201],
])("plannedNeeds on %s: the needs of recommend()'s plan, without the plan", (frameworkId, seed) => {
  const fw = getFramework(frameworkId) as Framework;

  it(`names the same needs as recommend() in ${ITERATIONS} random cases`, () => {
    const rand = prng(seed);
    // Part of the catalogue retired, so "no platform fits" happens too.
    const catalogs = [PLATFORM_CATALOG, PLATFORM_CATALOG.map((p, i) => (i % 3 === 0 ? { ...p, retired: true } : p))];
    let planned = 0;
    for (let n = 0; n < ITERATIONS; n++) {
      const marks = randomMarks(rand);
      const input: RecommendInput = {
        framework: fw,
        profile: randomProfile(rand),
        answers: randomAnswers(rand, fw),
        catalog: pick(rand, catalogs),
        ...(marks ? { marks } : {}),
        includeDismissed: rand() < 0.3,
      };
      const expected = recommend(input).items.map((i) => i.need);
      const got = plannedNeeds(input);
      expect([...got].sort(), `case ${n}`).toEqual([...expected].sort());
      // In catalogue order.
      expect(got, `case ${n}`).toEqual([...got].sort((a, b) => needIndex(a) - needIndex(b)));
      planned += got.length;
    }
    expect(planned).toBeGreaterThan(ITERATIONS);
  });
});
