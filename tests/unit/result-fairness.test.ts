/**
 * Fair results (issue 14): strengths and gaps never overlap, ties stay together, flat profiles
 * are said in words; the benchmark speaks in counts and handles its edges.
 */
import { describe, expect, it } from 'vitest';
import { dbiSme2021 } from '#src/content/frameworks/dbi-sme-2021/index.ts';
import { parseFramework } from '#src/domain/framework/schema.ts';
import type { AssessmentResult } from '#src/domain/scoring/score.ts';
import { FLAT_SPREAD, pillarHighlights } from '#src/domain/scoring/highlights.ts';
import { benchmarkStanding, benchmarkText, MIN_PEERS } from '#src/domain/scoring/benchmark.ts';

const dbi = parseFramework(dbiSme2021);
const weighted = dbi.pillars.filter((p) => p.weight > 0).map((p) => p.id);

function resultWith(scores: number[]): AssessmentResult {
  return {
    framework: dbi.id,
    version: dbi.version,
    score: 0,
    points: 0,
    maxPoints: 0,
    level: 0,
    levelName: { vi: '', en: '' },
    answered: 0,
    applicable: 0,
    pillars: weighted.map((id, i) => ({ id, score: scores[i]!, points: 0, maxPoints: 0, level: 0 })),
  };
}
const ids = (ties: { pillars: { id: string }[] }[]) => ties.flatMap((t) => t.pillars.map((p) => p.id));

describe('pillarHighlights', () => {
  it('all pillars at 60: a flat profile, no pillar is a strength or a gap', () => {
    const h = pillarHighlights(dbi, resultWith(weighted.map(() => 60)), 2);
    expect(h.kind).toBe('flat');
    if (h.kind === 'flat') expect([h.min, h.max, h.pillars.length]).toEqual([60, 60, weighted.length]);
  });

  it('a spread just under the flat threshold is flat, at the threshold it is not', () => {
    expect(pillarHighlights(dbi, resultWith(weighted.map((_, i) => (i === 0 ? 50 + FLAT_SPREAD - 0.1 : 50)))).kind).toBe('flat');
    expect(pillarHighlights(dbi, resultWith(weighted.map((_, i) => (i === 0 ? 50 + FLAT_SPREAD : 50)))).kind).toBe('spread');
  });

  it('one high pillar and the rest tied low: the tie is named together as the gap, never split', () => {
    const h = pillarHighlights(dbi, resultWith(weighted.map((_, i) => (i === 0 ? 80 : 20))), 2);
    expect(h.kind).toBe('spread');
    if (h.kind !== 'spread') return;
    expect(ids(h.strengths)).toEqual([weighted[0]]);
    // Five pillars share 20: more than n, but a tie is never cut in two.
    expect(h.gaps).toHaveLength(1);
    expect(h.gaps[0]!.score).toBe(20);
    expect(ids(h.gaps)).toEqual(weighted.slice(1));
  });

  it('a worked spread: two strengths, two gaps, the middle pillars in neither', () => {
    const h = pillarHighlights(dbi, resultWith([90, 70, 50, 50, 30, 10]), 2);
    if (h.kind !== 'spread') throw new Error(h.kind);
    expect(ids(h.strengths)).toEqual([weighted[0], weighted[1]]);
    expect(ids(h.gaps)).toEqual([weighted[5], weighted[4]]);
  });

  it('property: strengths and gaps never share a pillar, strengths all score above every gap', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 500; run++) {
      const scores = weighted.map(() => Math.round(rand() * 10) * 10);
      const h = pillarHighlights(dbi, resultWith(scores), 1 + Math.floor(rand() * 3));
      if (h.kind !== 'spread') continue;
      const s = new Set(ids(h.strengths));
      for (const g of ids(h.gaps)) expect(s.has(g)).toBe(false);
      const minStrength = Math.min(...h.strengths.map((t) => t.score));
      const maxGap = Math.max(...h.gaps.map((t) => t.score));
      if (h.strengths.length && h.gaps.length) expect(minStrength).toBeGreaterThan(maxGap);
      // A tie group is whole: every pillar with a named score is in that group.
      for (const t of [...h.strengths, ...h.gaps]) {
        expect(t.pillars.length).toBe(scores.filter((x) => x === t.score).length);
      }
    }
  });
});

const group = { vi: 'doanh nghiệp ngành bán lẻ, quy mô siêu nhỏ', en: 'retail micro enterprises' };

describe('benchmark wording', () => {
  it('fewer than the minimum: "mới có N cơ sở cùng nhóm, chưa đủ để so sánh", and none at all said plainly', () => {
    expect(benchmarkStanding(50, [40, 60])).toEqual({ kind: 'too_few', peers: 2 });
    expect(benchmarkText(benchmarkStanding(50, [40, 60]), group).vi).toMatch(/^Mới có 2 cơ sở khác cùng nhóm .*chưa đủ để so sánh/);
    expect(benchmarkText(benchmarkStanding(50, []), group).vi).toMatch(/^Chưa có cơ sở nào khác cùng nhóm/);
  });

  it('the top score among 22 others reads "cao nhất trong 23", never "cao hơn 100 %"', () => {
    const peers = Array.from({ length: 22 }, (_, i) => i * 2);
    const s = benchmarkStanding(99, peers);
    expect(s).toEqual({ kind: 'highest', total: 23, tiedWith: 0 });
    const t = benchmarkText(s, group);
    expect(t.vi).toContain('cao nhất trong 23 cơ sở cùng nhóm');
    expect(t.en).toContain('highest of 23');
    expect(t.vi).not.toMatch(/%/);
  });

  it('the bottom score is "thấp nhất", never "0 %"', () => {
    const s = benchmarkStanding(1, [10, 20, 30, 40, 50]);
    expect(s).toEqual({ kind: 'lowest', total: 6, tiedWith: 0 });
    expect(benchmarkText(s, group).vi).toContain('thấp nhất trong 6 cơ sở');
    expect(benchmarkText(s, group).vi).not.toMatch(/%/);
  });

  it('a tie at the top is said as a tie', () => {
    const s = benchmarkStanding(60, [60, 60, 10, 20, 30]);
    expect(s).toEqual({ kind: 'highest', total: 6, tiedWith: 2 });
    expect(benchmarkText(s, group).vi).toContain('ngang với 2 cơ sở khác');
  });

  it('everyone equal is neither highest nor lowest', () => {
    const s = benchmarkStanding(40, [40, 40, 40, 40, 40]);
    expect(s).toEqual({ kind: 'all_equal', total: 6 });
    expect(benchmarkText(s, group).vi).toContain('Cả 6 cơ sở cùng nhóm');
  });

  it('in between: counts above and below that add up', () => {
    const s = benchmarkStanding(35, [10, 20, 30, 35, 40, 50, 60]);
    expect(s).toEqual({ kind: 'between', total: 8, below: 3, above: 3, equal: 1 });
    expect(benchmarkText(s, group).vi).toBe(
      `Điểm của bạn cao hơn 3 và thấp hơn 3 trong 7 cơ sở khác cùng nhóm (${group.vi}), ngang với 1 cơ sở.`,
    );
  });

  it('property: the standing always accounts for every peer', () => {
    for (let n = MIN_PEERS; n < 30; n++) {
      const peers = Array.from({ length: n }, (_, i) => (i * 37) % 101);
      for (const score of [0, 13, 50, 100]) {
        const s = benchmarkStanding(score, peers);
        expect(s.kind).not.toBe('too_few');
        if (s.kind === 'between') expect(s.below + s.above + s.equal).toBe(n);
        if (s.kind !== 'too_few') expect(s.total).toBe(n + 1);
      }
    }
  });
});
