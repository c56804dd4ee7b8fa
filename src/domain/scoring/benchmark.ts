/** Benchmarks are shown only with enough peers that no single business can be recognised. */
export const MIN_PEERS = 5;

/**
 * Percentile rank of `score` among `peers` (0–100): the share of peers scoring lower, ties
 * counting half. Null when there are fewer than MIN_PEERS peers.
 */
export function percentileRank(score: number, peers: readonly number[]): number | null {
  if (peers.length < MIN_PEERS) return null;
  let below = 0;
  let equal = 0;
  for (const p of peers) {
    if (p < score) below++;
    else if (p === score) equal++;
  }
  return Math.round(((below + equal / 2) / peers.length) * 100);
}
