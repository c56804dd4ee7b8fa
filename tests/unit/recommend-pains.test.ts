/**
 * Issue 13: the plan starts from the owner's pains, barriers shape the choice, retired platforms
 * are never recommended, and alternatives are ordered by fit, never by name. Properties over
 * random profiles, answers and pains (seeded), plus worked examples.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { PRODUCER_TYPES, allQuestions } from '#src/domain/framework/schema.ts';
import type { AnswerValue, Framework, Profile } from '#src/domain/framework/schema.ts';
import { NEEDS } from '#src/domain/platforms/schema.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { fittingPlatforms, freeToStart, recommend } from '#src/domain/recommendations/engine.ts';
import { PAINS, PAIN_IDS, getPain, painCategories, publicPains, sanitizePains, PainsSchema } from '#src/domain/recommendations/pains.ts';
import type { PainId } from '#src/domain/recommendations/pains.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
import { mulberry32 as prng } from '../../scripts/seed/demo-data.ts';

const ITERATIONS = 300;
type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

function randomProfile(rand: Rand): Profile {
  const sector = pick(rand, VSIC_CODES);
  const employees = pick(rand, [0, 2, 5, 9, 12, 45, 150, int(rand, 0, 400)]);
  const profile: Profile = { sector, employees };
  profile.sizeClass = sizeClass({ sector, employees });
  profile.producerType = pick(rand, PRODUCER_TYPES);
  return profile;
}

function randomAnswers(rand: Rand, fw: Framework): Record<string, AnswerValue> {
  const skill = rand();
  const answers: Record<string, AnswerValue> = {};
  for (const q of allQuestions(fw)) {
    if (rand() < 0.2) continue;
    switch (q.type) {
      case 'single':
        answers[q.id] = pick(rand, q.options).value;
        break;
      case 'boolean':
        answers[q.id] = rand() < skill;
        break;
      case 'multi': {
        const exclusive = q.options.filter((o) => o.exclusive);
        if (exclusive.length > 0 && rand() < 0.2) answers[q.id] = [pick(rand, exclusive).value];
        else answers[q.id] = q.options.filter((o) => !o.exclusive && rand() < skill * 0.5).map((o) => o.value);
        break;
      }
      case 'number':
        answers[q.id] = int(rand, pick(rand, q.bands).min, pick(rand, q.bands).min);
        break;
    }
  }
  return answers;
}

function randomPains(rand: Rand): PainId[] {
  const n = int(rand, 0, 3);
  const out: PainId[] = [];
  while (out.length < n) {
    const p = pick(rand, PAIN_IDS);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

const byId = new Map(PLATFORM_CATALOG.map((p) => [p.id, p]));

describe('pains: the list', () => {
  it('has about ten pains, each with needs, categories and both languages', () => {
    expect(PAINS.length).toBe(10);
    for (const p of PAINS) {
      expect(p.needs.length).toBeGreaterThan(0);
      expect(painCategories(p).length).toBeGreaterThan(0);
      expect(p.label.vi).not.toBe(p.label.en);
    }
    const body = publicPains();
    expect(body.pains.map((p) => p.id)).toEqual([...PAIN_IDS]);
    expect(body.pains.find((p) => p.id === 'selling_online')!.categories).toEqual(['ecommerce', 'web_portal']);
  });

  it('accepts at most three known pains, once each', () => {
    expect(PainsSchema.safeParse(['delivery', 'stock', 'marketing']).success).toBe(true);
    expect(PainsSchema.safeParse(['delivery', 'stock', 'marketing', 'bookkeeping']).success).toBe(false);
    expect(PainsSchema.safeParse(['delivery', 'delivery']).success).toBe(false);
    expect(PainsSchema.safeParse(['nonsense']).success).toBe(false);
    expect(sanitizePains(['x', 'stock', 'stock', 'delivery', 'marketing', 'bookkeeping'])).toEqual(['stock', 'delivery', 'marketing']);
    expect(sanitizePains('stock')).toEqual([]);
  });
});

describe.each([
  ['dbi-sme', 13013],
  ['producer', 13131],
])('recommend on %s with pains: properties', (frameworkId, seed) => {
  const fw = getFramework(frameworkId) as Framework;

  it(`after the mandatory items, the first item addresses a chosen pain whenever any item does (${ITERATIONS} cases)`, () => {
    const rand = prng(seed);
    let exercised = 0;
    for (let n = 0; n < ITERATIONS; n++) {
      const profile = randomProfile(rand);
      const answers = randomAnswers(rand, fw);
      const pains = randomPains(rand);
      const ctx = `case ${n}: ${JSON.stringify({ profile, pains })}`;
      const plan = recommend({ framework: fw, profile, answers, catalog: PLATFORM_CATALOG, pains });
      const painNeeds = new Set(pains.flatMap((p) => getPain(p)!.needs));
      // Mandatory items are never overtaken: every step-1 item comes before every other item.
      const firstOther = plan.items.findIndex((i) => i.step !== 1);
      if (firstOther >= 0) for (const later of plan.items.slice(firstOther)) expect(later.step, ctx).not.toBe(1);
      const rest = plan.items.filter((i) => i.step !== 1);
      const addressing = rest.filter((i) => painNeeds.has(i.need));
      if (addressing.length > 0) {
        exercised++;
        expect(painNeeds.has(rest[0]!.need), ctx).toBe(true);
        // All pain items come before all other non-mandatory items.
        const lastPain = rest.findLastIndex((i) => painNeeds.has(i.need));
        expect(
          rest.slice(0, lastPain + 1).every((i) => painNeeds.has(i.need)),
          ctx,
        ).toBe(true);
      }
      for (const item of plan.items) {
        // Each item keeps its step label, and a pain item says why it came first.
        expect(item.step, ctx).toBe(NEEDS.find((x) => x.id === item.need)!.step);
        expect(item.pains, ctx).toEqual(pains.filter((p) => getPain(p)!.needs.includes(item.need)));
        if (item.pains.length > 0) expect(item.reasons[0]!.vi.startsWith('Vì bạn nói'), ctx).toBe(true);
      }
    }
    expect(exercised).toBeGreaterThan(ITERATIONS / 4);
  });

  it('the cost barrier puts free options first', () => {
    const rand = prng(seed + 1);
    let exercised = 0;
    for (let n = 0; n < ITERATIONS; n++) {
      const profile = randomProfile(rand);
      const answers = { ...randomAnswers(rand, fw), x_barriers: ['cost'] };
      const plan = recommend({ framework: fw, profile, answers, catalog: PLATFORM_CATALOG, pains: randomPains(rand) });
      expect(plan.barriers.cost).toBe(true);
      for (const item of plan.items) {
        const listed = item.platforms.map((id) => byId.get(id)!);
        const free = listed.map(freeToStart);
        // Never a paid option ahead of a free-to-start one.
        const firstPaid = free.indexOf(false);
        if (firstPaid >= 0)
          expect(
            free.slice(firstPaid).every((f) => !f),
            `case ${n} ${item.need} ${item.platforms}`,
          ).toBe(true);
        // A free-to-start option that fits is never left out for a paid one.
        const fittingFree = fittingPlatforms(PLATFORM_CATALOG, item.need, profile).filter(freeToStart).length;
        expect(free.filter(Boolean).length).toBe(Math.min(fittingFree, item.platforms.length));
        if (firstPaid > 0) exercised++;
        expect(item.platformOrderNote.vi).toContain('chi phí');
      }
    }
    expect(exercised).toBeGreaterThan(0);
  });

  it('a retired platform is never recommended', () => {
    const rand = prng(seed + 2);
    for (let n = 0; n < ITERATIONS / 3; n++) {
      const retiredIds = new Set(PLATFORM_CATALOG.filter(() => rand() < 0.3).map((p) => p.id));
      const catalog = PLATFORM_CATALOG.map((p) => (retiredIds.has(p.id) ? { ...p, retired: true } : p));
      const plan = recommend({
        framework: fw,
        profile: randomProfile(rand),
        answers: randomAnswers(rand, fw),
        catalog,
        pains: randomPains(rand),
      });
      for (const item of plan.items) for (const id of item.platforms) expect(retiredIds.has(id), `${id}`).toBe(false);
    }
    // And the shipped catalog's retired entries never appear.
    const shippedRetired = PLATFORM_CATALOG.filter((p) => p.retired).map((p) => p.id);
    expect(shippedRetired.length).toBeGreaterThan(0);
    const rand2 = prng(seed + 3);
    for (let n = 0; n < ITERATIONS / 3; n++) {
      const plan = recommend({
        framework: fw,
        profile: randomProfile(rand2),
        answers: randomAnswers(rand2, fw),
        catalog: PLATFORM_CATALOG,
      });
      for (const item of plan.items) for (const id of item.platforms) expect(shippedRetired).not.toContain(id);
    }
  });

  it('alternatives are not alphabetical: renaming every platform never changes the order', () => {
    const rand = prng(seed + 4);
    for (let n = 0; n < ITERATIONS / 3; n++) {
      const profile = randomProfile(rand);
      const answers = randomAnswers(rand, fw);
      const pains = randomPains(rand);
      const renamed: Platform[] = PLATFORM_CATALOG.map((p) => ({
        ...p,
        name: `${String.fromCharCode(65 + Math.floor(rand() * 26))} ${p.id}`,
      }));
      const a = recommend({ framework: fw, profile, answers, catalog: PLATFORM_CATALOG, pains });
      const b = recommend({ framework: fw, profile, answers, catalog: renamed, pains });
      expect(
        b.items.map((i) => [i.need, i.platforms]),
        `case ${n}`,
      ).toEqual(a.items.map((i) => [i.need, i.platforms]));
    }
  });
});

describe('pains and barriers: worked examples', () => {
  const dbi = getFramework('dbi-sme') as Framework;
  const producer = getFramework('producer') as Framework;
  const SHOP: Profile = { sector: 'G', employees: 3, sizeClass: 'micro', producerType: 'household' };

  it('a shop that says delivery holds it back gets delivery right after the mandatory items, with the reason quoted', () => {
    const plan = recommend({ framework: producer, profile: SHOP, answers: {}, catalog: PLATFORM_CATALOG, pains: ['delivery'] });
    const firstAfterMandatory = plan.items.find((i) => i.step !== 1)!;
    expect(firstAfterMandatory.need).toBe('logistics');
    expect(firstAfterMandatory.step).toBe(3);
    expect(firstAfterMandatory.reasons[0]!.vi).toBe('Vì bạn nói giao hàng còn khó khăn, việc này được đưa lên trước.');
    expect(plan.pains).toEqual(['delivery']);
  });

  it('the skills barrier brings training forward after the pains, with the community team named', () => {
    const shop: Profile = { ...SHOP, producerType: 'enterprise' };
    const answers = { x_barriers: ['skills'] };
    const plan = recommend({ framework: dbi, profile: shop, answers, catalog: PLATFORM_CATALOG, pains: ['delivery'] });
    const order = plan.items.filter((i) => i.step !== 1).map((i) => i.need);
    expect(order[0]).toBe('logistics');
    expect(order[1]).toBe('training');
    const training = plan.items.find((i) => i.need === 'training')!;
    expect(training.reasons[0]!.vi).toContain('tổ công nghệ số cộng đồng');
    expect(training.lane).toBe(2);
    expect(training.step).toBe(4);
    expect(plan.barriers.skills).toBe(true);
    // Without the barrier, training stays in step 4 at the end.
    const calm = recommend({ framework: dbi, profile: shop, answers: {}, catalog: PLATFORM_CATALOG, pains: ['delivery'] });
    expect(calm.items.filter((i) => i.step !== 1)[1]!.need).not.toBe('training');
  });

  it('a micro goods seller sees TikTok Shop among its marketplace options, never Sendo', () => {
    const plan = recommend({ framework: producer, profile: SHOP, answers: {}, catalog: PLATFORM_CATALOG, pains: ['selling_online'] });
    const market = plan.items.find((i) => i.need === 'ecommerce_marketplace')!;
    expect(market.platforms).toContain('tiktok-shop');
    expect(market.platforms).not.toContain('sendo');
    expect(market.platforms.length).toBeLessThanOrEqual(4);
    expect(market.more).toBe(fittingPlatforms(PLATFORM_CATALOG, 'ecommerce_marketplace', SHOP).length - market.platforms.length);
  });

  it('a platform the business already uses for another need comes first', () => {
    // MISA's accounting software adopted: MISA's e-invoice service leads the e-invoice options.
    const misa = PLATFORM_CATALOG.find((p) => p.provider.includes('MISA') && p.needs.includes('e_invoice'))!;
    const adopter = PLATFORM_CATALOG.find((p) => p.provider === misa.provider && p.needs.includes('accounting'))!;
    expect(adopter).toBeDefined();
    const profile: Profile = { sector: 'C', employees: 20, sizeClass: 'small', producerType: 'enterprise' };
    const without = recommend({ framework: dbi, profile, answers: {}, catalog: PLATFORM_CATALOG });
    const plan = recommend({
      framework: dbi,
      profile,
      answers: {},
      catalog: PLATFORM_CATALOG,
      marks: { adopted: { accounting: adopter.id } },
    });
    const invoice = plan.items.find((i) => i.need === 'e_invoice')!;
    expect(byId.get(invoice.platforms[0]!)!.provider).toBe(misa.provider);
    expect(without.items.find((i) => i.need === 'e_invoice')!.platforms[0]).not.toBe(invoice.platforms[0]);
  });
});
