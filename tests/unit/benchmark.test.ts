import { describe, expect, it } from 'vitest';
import { MIN_PEERS, percentileRank } from '#src/domain/scoring/benchmark.ts';

describe('percentileRank', () => {
  it('is hidden below the minimum peer group', () => {
    expect(percentileRank(50, [10, 20, 30, 40])).toBeNull();
    expect(MIN_PEERS).toBe(5);
  });
  it.each([
    [50, [10, 20, 30, 40, 60], 80],
    [5, [10, 20, 30, 40, 60], 0],
    [99, [10, 20, 30, 40, 60], 100],
    [30, [10, 20, 30, 40, 60], 50], // a tie counts half: (2 + 0.5) / 5
  ])('score %d among %j → %d', (score, peers, expected) => {
    expect(percentileRank(score, peers)).toBe(expected);
  });
  it('never decreases when the score rises', () => {
    const peers = [3, 8, 8, 15, 22, 40, 41, 77];
    let last = -1;
    for (let s = 0; s <= 100; s += 0.5) {
      const p = percentileRank(s, peers)!;
      expect(p).toBeGreaterThanOrEqual(last);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
      last = p;
    }
  });
});
