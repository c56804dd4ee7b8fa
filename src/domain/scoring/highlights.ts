/**
 * Strengths and gaps said fairly: a pillar is never both, pillars with equal scores are named
 * together (never split between the two lists), and a flat profile is said in words instead of
 * being forced into "strong" and "weak".
 *
 * Pure: the result page renders what this returns.
 */
import type { Framework, Localized } from '#src/domain/framework/schema.ts';
import type { AssessmentResult } from './score.ts';

/** Below this spread (points out of 100 between the best and the worst pillar) the profile is flat. */
export const FLAT_SPREAD = 10;

export interface PillarTie {
  /** The shared score (0–100) of the pillars named together. */
  score: number;
  pillars: { id: string; name: Localized }[];
}

export type PillarHighlights =
  | { kind: 'none' }
  | { kind: 'flat'; min: number; max: number; pillars: { id: string; name: Localized }[] }
  | { kind: 'spread'; strengths: PillarTie[]; gaps: PillarTie[] };

/**
 * Groups the weighted pillars by score and takes up to `n` pillars from each end, whole groups
 * only: the top groups above the middle of the range are strengths, the bottom groups below it
 * are gaps. A group that would overflow `n` is still taken whole when it is the first one, so a
 * tie is never cut in two.
 */
export function pillarHighlights(framework: Framework, result: AssessmentResult, n = 2): PillarHighlights {
  const rows = framework.pillars.flatMap((p) => {
    const r = result.pillars.find((x) => x.id === p.id);
    return p.weight > 0 && r ? [{ id: p.id, name: p.name, score: round1(r.score) }] : [];
  });
  if (rows.length < 2) return { kind: 'none' };
  const scores = rows.map((r) => r.score);
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  if (max - min < FLAT_SPREAD) return { kind: 'flat', min, max, pillars: rows.map(({ id, name }) => ({ id, name })) };
  const mid = (min + max) / 2;
  const groups = [...new Set(scores)]
    .sort((a, b) => b - a)
    .map((score) => ({
      score,
      pillars: rows.filter((r) => r.score === score).map(({ id, name }) => ({ id, name })),
    }));
  const take = (ordered: PillarTie[], keep: (score: number) => boolean): PillarTie[] => {
    const out: PillarTie[] = [];
    let count = 0;
    for (const g of ordered) {
      if (!keep(g.score) || (count > 0 && count + g.pillars.length > n)) break;
      out.push(g);
      count += g.pillars.length;
      if (count >= n) break;
    }
    return out;
  };
  return {
    kind: 'spread',
    strengths: take(groups, (s) => s > mid),
    gaps: take([...groups].reverse(), (s) => s < mid),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
