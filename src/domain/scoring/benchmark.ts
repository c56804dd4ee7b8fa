import type { Localized } from '#src/domain/framework/schema.ts';

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

/**
 * Where a score stands among its peers, in words a person would use. Counts, not percentages:
 * "higher than 100 %" and "0 %" read as errors, "highest of 23" does not. `total` counts the
 * business itself with its peers.
 */
export type BenchmarkStanding =
  | { kind: 'too_few'; peers: number }
  | { kind: 'all_equal'; total: number }
  | { kind: 'highest'; total: number; tiedWith: number }
  | { kind: 'lowest'; total: number; tiedWith: number }
  | { kind: 'between'; total: number; below: number; above: number; equal: number };

export function benchmarkStanding(score: number, peers: readonly number[]): BenchmarkStanding {
  if (peers.length < MIN_PEERS) return { kind: 'too_few', peers: peers.length };
  let below = 0;
  let equal = 0;
  for (const p of peers) {
    if (p < score) below++;
    else if (p === score) equal++;
  }
  const above = peers.length - below - equal;
  const total = peers.length + 1;
  if (equal === peers.length) return { kind: 'all_equal', total };
  if (above === 0) return { kind: 'highest', total, tiedWith: equal };
  if (below === 0) return { kind: 'lowest', total, tiedWith: equal };
  return { kind: 'between', total, below, above, equal };
}

/**
 * The sentence for a standing; `group` names the peer group in both languages (for example
 * "hộ kinh doanh ngành bán lẻ, quy mô siêu nhỏ").
 */
export function benchmarkText(s: BenchmarkStanding, group: Localized): Localized {
  switch (s.kind) {
    case 'too_few':
      return s.peers === 0
        ? {
            vi: `Chưa có cơ sở nào khác cùng nhóm (${group.vi}) trong tỉnh, chưa đủ để so sánh.`,
            en: `No other business in the same group (${group.en}) in the province yet: not enough to compare.`,
          }
        : {
            vi: `Mới có ${s.peers} cơ sở khác cùng nhóm (${group.vi}), chưa đủ để so sánh mà vẫn giữ kín thông tin của từng cơ sở (cần ít nhất ${MIN_PEERS}).`,
            en: `Only ${s.peers} other ${s.peers === 1 ? 'business' : 'businesses'} in the same group (${group.en}) so far: not enough to compare without revealing individual ones (at least ${MIN_PEERS} needed).`,
          };
    case 'all_equal':
      return {
        vi: `Cả ${s.total} cơ sở cùng nhóm (${group.vi}), kể cả bạn, có cùng mức điểm.`,
        en: `All ${s.total} businesses in the group (${group.en}), yours included, have the same score.`,
      };
    case 'highest':
      return s.tiedWith === 0
        ? {
            vi: `Điểm của bạn cao nhất trong ${s.total} cơ sở cùng nhóm (${group.vi}).`,
            en: `Your score is the highest of ${s.total} businesses in the group (${group.en}).`,
          }
        : {
            vi: `Điểm của bạn cao nhất trong ${s.total} cơ sở cùng nhóm (${group.vi}), ngang với ${s.tiedWith} cơ sở khác.`,
            en: `Your score is the highest of ${s.total} businesses in the group (${group.en}), level with ${s.tiedWith} other${s.tiedWith === 1 ? '' : 's'}.`,
          };
    case 'lowest':
      return s.tiedWith === 0
        ? {
            vi: `Điểm của bạn thấp nhất trong ${s.total} cơ sở cùng nhóm (${group.vi}).`,
            en: `Your score is the lowest of ${s.total} businesses in the group (${group.en}).`,
          }
        : {
            vi: `Điểm của bạn thấp nhất trong ${s.total} cơ sở cùng nhóm (${group.vi}), ngang với ${s.tiedWith} cơ sở khác.`,
            en: `Your score is the lowest of ${s.total} businesses in the group (${group.en}), level with ${s.tiedWith} other${s.tiedWith === 1 ? '' : 's'}.`,
          };
    case 'between':
      return {
        vi: `Điểm của bạn cao hơn ${s.below} và thấp hơn ${s.above} trong ${s.total - 1} cơ sở khác cùng nhóm (${group.vi})${s.equal > 0 ? `, ngang với ${s.equal} cơ sở` : ''}.`,
        en: `Your score is higher than ${s.below} and lower than ${s.above} of the ${s.total - 1} other businesses in the group (${group.en})${s.equal > 0 ? `, level with ${s.equal}` : ''}.`,
      };
  }
}
