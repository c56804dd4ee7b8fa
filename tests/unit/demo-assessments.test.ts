import { describe, expect, it } from 'vitest';
import { loadAdminUnits } from '#src/reference/admin-units.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { toProfile } from '#src/domain/framework/questionnaire.ts';
import { scoreAssessment, validateAnswers } from '#src/domain/scoring/score.ts';
import { coveredNeeds, factFlags, MANDATORY_NEEDS } from '#src/domain/indicators/facts.ts';
import { generateDemoBusinesses, mulberry32 } from '../../scripts/seed/demo-data.ts';
import { demoAssessmentAnswers, demoFrameworkId } from '../../scripts/seed/demo-assessments.ts';
import { DEMO_OCOP_PRODUCERS, demoListingUrl } from '../../scripts/seed/demo-ocop.ts';
import { DEMO_TARGETS, sampleBaseline } from '../../scripts/seed/demo.ts';
import { OCOP_FLOORS } from '#src/content/ocop/floors.ts';
import { floorsForProduct, validateListingUrl } from '#src/domain/ocop/floors.ts';
import { expectedAt, targetStatus } from '#src/domain/indicators/targets.ts';

const WARDS = loadAdminUnits().wards.filter((w) => w.provinceCode === '37');
const NOW = new Date('2026-06-01T03:00:00.000Z');

/** The generator over a large deterministic sample, as the seed runs it (same seeds). */
function sample(count: number) {
  const rnd = mulberry32(70);
  return generateDemoBusinesses({ count, wards: WARDS, seed: 20250701, now: NOW }).map((b) => {
    const framework = getFramework(demoFrameworkId(b.producerType))!;
    const profile = toProfile({
      sector: b.sector,
      employees: b.employees,
      revenueVnd: b.revenueVnd,
      capitalVnd: null,
      producerType: b.producerType,
      communeCode: b.communeCode,
    });
    const answers = demoAssessmentAnswers(framework, profile, b.producerType, rnd);
    return {
      b,
      framework,
      profile,
      answers,
      covered: coveredNeeds(framework.id, profile, answers, []),
      // The landed definitions (src/domain/indicators/definitions.ts), not a reading of our own.
      flags: factFlags({ frameworkId: framework.id, profile, answers, adopted: [] }),
      level: scoreAssessment(framework, profile, answers).level,
    };
  });
}

const share = <T>(rows: T[], pred: (r: T) => boolean) => rows.filter(pred).length / rows.length;

describe('demo assessment generator: plausible proportions (deterministic seed)', () => {
  const rows = sample(2000);
  const enterprises = rows.filter((r) => r.b.producerType === 'enterprise');
  const households = rows.filter((r) => r.b.producerType === 'household');
  const smes = enterprises.filter((r) => ['micro', 'small', 'medium'].includes(r.profile.sizeClass ?? ''));
  const coops = rows.filter((r) => r.b.producerType === 'cooperative');

  it('is deterministic', () => {
    expect(sample(50).map((r) => r.answers)).toEqual(rows.slice(0, 50).map((r) => r.answers));
  });

  it('gives answers the portal accepts on submit', () => {
    for (const r of rows.slice(0, 300)) expect(validateAnswers(r.framework, r.profile, r.answers).ok).toBe(true);
  });

  it('e-invoices are near universal among enterprises and much rarer among households', () => {
    expect(share(enterprises, (r) => r.covered.includes('e_invoice'))).toBeGreaterThan(0.9);
    const hh = share(households, (r) => r.covered.includes('e_invoice'));
    expect(hh).toBeGreaterThan(0.15);
    expect(hh).toBeLessThan(0.5);
  });

  it('about a third of SMEs use a platform beyond e-invoice, e-tax, digital signature and online banking (the landed definition)', () => {
    expect(MANDATORY_NEEDS).toEqual(['e_invoice', 'e_tax', 'digital_signature']);
    // The headline's population: every assessed SME by size, whatever its producer type.
    const population = rows.filter((r) => r.flags.sme);
    expect(population.length).toBeGreaterThan(1000);
    const beyond = share(population, (r) => r.flags.platform);
    expect(beyond).toBeGreaterThan(0.25);
    expect(beyond).toBeLessThan(0.42);
    // Enterprises on their own read about a third too (households do not carry the figure).
    const enterpriseShare = share(smes, (r) => r.flags.platform);
    expect(enterpriseShare).toBeGreaterThan(0.25);
    expect(enterpriseShare).toBeLessThan(0.42);
  });

  it('an SME with only the mandatory tools and online banking is common (the headline is not inflated by them)', () => {
    const population = rows.filter((r) => r.flags.sme);
    expect(share(population, (r) => r.covered.length > 0 && !r.flags.platform)).toBeGreaterThan(0.5);
    // Online banking alone is common among enterprises and is not counted as a platform.
    expect(share(smes, (r) => r.covered.includes('cashless_payment') && !r.flags.platform)).toBeGreaterThan(0.4);
  });

  it('about a tenth of co-operatives sell on an e-commerce floor', () => {
    const ecommerce = share(coops, (r) => r.covered.includes('ecommerce_marketplace') || r.covered.includes('farm_ocop_floor'));
    expect(ecommerce).toBeGreaterThan(0.04);
    expect(ecommerce).toBeLessThan(0.18);
  });

  it('levels are mostly 1–2 with a tail', () => {
    const levels = [0, 1, 2, 3, 4, 5].map((l) => share(rows, (r) => r.level === l));
    expect(levels[1]! + levels[2]!).toBeGreaterThan(0.55);
    expect(levels[2]!).toBeGreaterThan(levels[3]!);
    expect(levels[3]! + levels[4]! + levels[5]!).toBeGreaterThan(0.05);
    expect(levels[3]! + levels[4]! + levels[5]!).toBeLessThan(0.25);
    expect(levels[0]!).toBeLessThan(0.2);
  });
});

describe('demo OCOP catalogue', () => {
  const products = DEMO_OCOP_PRODUCERS.flatMap((p) => p.products);

  it('has at least 10 producers of every type and 20 products over several groups, 3–5 stars, all marked sample', () => {
    expect(DEMO_OCOP_PRODUCERS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEMO_OCOP_PRODUCERS.map((p) => p.producerType))).toEqual(
      new Set(['cooperative', 'cooperative_group', 'household', 'enterprise']),
    );
    expect(products.length).toBeGreaterThanOrEqual(20);
    expect(new Set(products.map((p) => p.group)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(products.map((p) => p.stars))).toEqual(new Set([3, 4, 5]));
    for (const p of products) expect(p.name).toMatch(/\(mẫu\)$/u);
  });

  it('lists products only on floors that take their group, with links the listing form accepts', () => {
    let listed = 0;
    for (const p of products) {
      for (const [floorId, steps] of Object.entries(p.listings ?? {})) {
        const floor = floorsForProduct({ group: p.group }, OCOP_FLOORS).find((f) => f.id === floorId);
        expect(floor, `${p.name} on ${floorId}`).toBeDefined();
        if (steps.some((s) => s.status === 'listed')) {
          listed++;
          expect(validateListingUrl(floor!, demoListingUrl(floorId, p.searchWords ?? p.name)).ok).toBe(true);
        }
      }
    }
    expect(listed).toBeGreaterThanOrEqual(10);
  });
});

describe('demo targets', () => {
  it('cite QĐ 411/QĐ-TTg or say they are sample targets', () => {
    for (const t of DEMO_TARGETS) expect(t.basis).toMatch(/QĐ 411\/QĐ-TTg|Mục tiêu mẫu/u);
    const official = DEMO_TARGETS.filter((t) => t.basis.includes('QĐ 411'));
    // The figures QĐ 411 sets for 2030 (verified: SMEs on platforms > 70 %, e-contracts 100 %).
    expect(official.map((t) => [t.indicatorId, t.targetValue, t.targetDate])).toEqual([
      ['sme_platform_adoption', 70, '2030-12-31'],
      ['econtract_adoption', 100, '2030-12-31'],
    ]);
  });

  it('sample baselines produce on-track, at-risk and off-track statuses', () => {
    const baselineDate = new Date('2025-06-01');
    const targetDate = new Date('2030-12-31');
    const status = (current: number, gap: number) => {
      const value = sampleBaseline(current, 70, baselineDate, targetDate, NOW, gap);
      expect(Math.abs(expectedAt({ date: baselineDate, value }, { date: targetDate, value: 70 }, NOW) - (current + gap))).toBeLessThan(0.2);
      return targetStatus({
        baseline: { date: baselineDate, value },
        target: { date: targetDate, value: 70 },
        current: { date: NOW, value: current },
      });
    };
    expect(status(33, -2)).toBe('on_track');
    expect(status(33, 2.5)).toBe('at_risk');
    expect(status(33, 12)).toBe('off_track');
  });
});
