/**
 * The registry keeps every version: an assessment answered with dbi-sme v1
 * must keep scoring exactly the same after a v2 is added.
 */
import { describe, expect, it } from 'vitest';
import { dbiSme2021 } from '#src/content/frameworks/dbi-sme-2021/index.ts';
import { producerV1 } from '#src/content/frameworks/producer.ts';
import { createRegistry, frameworkRegistry, getFramework, listFrameworks } from '#src/content/frameworks/registry.ts';
import type { Answers, Profile } from '#src/domain/framework/schema.ts';
import { scoreAssessment } from '#src/domain/scoring/score.ts';

/** dbi-sme v2 fixture: a copy of v1 where "website, not updated in 6 months" is worth 2 instead of 1. */
function dbiV2(): unknown {
  const copy = structuredClone(dbiSme2021) as {
    version: number;
    pillars: { questions: { id: string; options: { value: string; points: number }[] }[] }[];
  };
  copy.version = 2;
  const website = copy.pillars[0]!.questions.find((q) => q.id === 'c1_website')!;
  website.options.find((o) => o.value === 'g1')!.points = 2;
  return copy;
}

const profile: Profile = { sector: 'C', employees: 12 };
// 1 + 15 + 5 = 21 points in v1 (21 / 320 = 6.5625 %), 22 in v2 (6.875 %).
const answers: Answers = { c1_website: 'g1', s1_strategy: 'g3', i2_einvoice: 'g5' };

describe('createRegistry', () => {
  const registry = createRegistry([dbiSme2021, producerV1, dbiV2()]);

  it('keeps scoring an old version exactly as before', () => {
    const v1 = registry.getFramework('dbi-sme', 1)!;
    const result = scoreAssessment(v1, profile, answers);
    expect([result.version, result.points, result.score]).toEqual([1, 21, 6.56]);
    expect(result).toEqual(scoreAssessment(getFramework('dbi-sme', 1)!, profile, answers));
  });

  it('returns the newest version when none is given', () => {
    const newest = registry.getFramework('dbi-sme')!;
    expect(newest.version).toBe(2);
    const result = scoreAssessment(newest, profile, answers);
    expect([result.version, result.points, result.score]).toEqual([2, 22, 6.88]);
  });

  it('lists versions oldest first and the newest of each framework', () => {
    expect(registry.listVersions('dbi-sme').map((f) => f.version)).toEqual([1, 2]);
    expect(registry.listFrameworks().map((f) => [f.id, f.version])).toEqual([
      ['dbi-sme', 2],
      ['producer', 1],
    ]);
  });

  it('does not depend on registration order', () => {
    const reversed = createRegistry([dbiV2(), producerV1, dbiSme2021]);
    expect(reversed.getFramework('dbi-sme')!.version).toBe(2);
    expect(reversed.listVersions('dbi-sme').map((f) => f.version)).toEqual([1, 2]);
  });

  it('answers undefined for an unknown id or version', () => {
    expect(registry.getFramework('nope')).toBeUndefined();
    expect(registry.getFramework('dbi-sme', 7)).toBeUndefined();
    expect(registry.listVersions('nope')).toEqual([]);
  });

  it('throws on a repeated id and version', () => {
    expect(() => createRegistry([dbiSme2021, producerV1, dbiSme2021])).toThrow(/"dbi-sme" version 1 is registered twice/);
  });

  it('throws on an invalid framework', () => {
    const broken = structuredClone(dbiSme2021) as { pillars: { maxPoints?: number }[] };
    broken.pillars[0]!.maxPoints = 64;
    expect(() => createRegistry([broken])).toThrow(/Invalid framework "dbi-sme"/);
  });

  it('freezes registered frameworks so nobody can change how others are scored', () => {
    const v1 = registry.getFramework('dbi-sme', 1)!;
    expect(Object.isFrozen(v1.pillars[0]!.questions[0])).toBe(true);
    expect(() => {
      (v1 as { version: number }).version = 9;
    }).toThrow(TypeError);
    expect(Object.isFrozen(dbiSme2021)).toBe(false);
  });
});

describe('the shipped registry', () => {
  it('ships dbi-sme v1, producer v1 and sme-tools v1', () => {
    expect(listFrameworks().map((f) => [f.id, f.version])).toEqual([
      ['dbi-sme', 1],
      ['producer', 1],
      ['sme-tools', 1],
    ]);
    expect(frameworkRegistry.getFramework('producer', 1)?.id).toBe('producer');
  });
});
