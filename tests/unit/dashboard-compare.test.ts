import { describe, expect, it } from 'vitest';
import { quarterChange, quarterSeries, rankUnits, SMALL_SAMPLE, type UnitRow } from '#src/domain/indicators/compare.ts';
import { parsePeriod } from '#src/domain/indicators/periods.ts';

const NOW = new Date('2026-08-15T03:00:00Z'); // Q3 2026 in Vietnam

describe('the quarter series of the trend', () => {
  it('ends at the chosen quarter, eight quarters, oldest first', () => {
    expect(quarterSeries(parsePeriod('2026-Q2')!, NOW).map((p) => p.id)).toEqual([
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('for the running year ends at the current quarter (no empty future), for a past year at its fourth', () => {
    expect(quarterSeries(parsePeriod('2026')!, NOW, 3).map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quarterSeries(parsePeriod('2025')!, NOW, 2).map((p) => p.id)).toEqual(['2025-Q3', '2025-Q4']);
  });

  it('reads the quarter on Vietnam’s clock: 17:30 UTC on 30 September is already Q4', () => {
    expect(quarterSeries(parsePeriod('2026')!, new Date('2026-09-30T17:30:00Z'), 1).map((p) => p.id)).toEqual(['2026-Q4']);
  });
});

describe('the change since the previous quarter', () => {
  it('is the last value minus the one before, in points, one decimal without float noise', () => {
    expect(quarterChange([10, 40.1, 43.3])).toBe(3.2);
    expect(quarterChange([50, 47.5])).toBe(-2.5);
    expect(quarterChange([33.3, 33.3])).toBe(0);
  });

  it('is unknown when either quarter has no value or there is one quarter', () => {
    expect(quarterChange([null, 40])).toBeNull();
    expect(quarterChange([40, null])).toBeNull();
    expect(quarterChange([40])).toBeNull();
  });
});

const row = (key: string, value: number | null, denominator: number, expected: number | null = 50): UnitRow => ({
  key,
  label: key,
  value,
  numerator: value === null ? 0 : Math.round((value * denominator) / 100),
  denominator,
  expected,
});

describe('communes ranked for one indicator, with the small-sample flag', () => {
  const rows = [
    row('Bình Minh', 40, 20),
    row('An Lạc', 60, 10),
    row('Đông Sơn', 0, 1), // one business: 0 %
    row('Cẩm Giang', 100, 2), // two businesses: 100 %
    row('Yên Thế', 45, 5),
    row('Gia Viễn', null, 0),
  ];

  it('flags denominators under 5, never ranks them and never calls them lagging', () => {
    const r = rankUnits(rows);
    const by = new Map(r.map((x) => [x.key, x]));
    expect(SMALL_SAMPLE).toBe(5);
    expect(by.get('Đông Sơn')).toMatchObject({ smallSample: true, rank: null, lagging: false, gap: 50 });
    expect(by.get('Cẩm Giang')).toMatchObject({ smallSample: true, rank: null, lagging: false });
    expect(by.get('Yên Thế')).toMatchObject({ smallSample: false, lagging: true, gap: 5, rank: 2 });
    expect(by.get('An Lạc')).toMatchObject({ rank: 1, lagging: false, gap: -10 });
    expect(by.get('Gia Viễn')).toMatchObject({ smallSample: true, rank: null, gap: null });
  });

  it('puts the furthest behind first by default, small samples after the others', () => {
    expect(rankUnits(rows).map((r) => r.key)).toEqual(['Bình Minh', 'Yên Thế', 'An Lạc', 'Đông Sơn', 'Cẩm Giang', 'Gia Viễn']);
  });

  it('sorts by value, by count and by Vietnamese name in either direction', () => {
    expect(rankUnits(rows, 'value', 'desc').map((r) => r.key)).toEqual([
      'An Lạc',
      'Yên Thế',
      'Bình Minh',
      'Cẩm Giang',
      'Đông Sơn',
      'Gia Viễn',
    ]);
    expect(
      rankUnits(rows, 'value', 'asc')
        .map((r) => r.key)
        .slice(0, 3),
    ).toEqual(['Bình Minh', 'Yên Thế', 'An Lạc']);
    expect(rankUnits(rows, 'count', 'desc').map((r) => r.key)).toEqual([
      'Bình Minh',
      'An Lạc',
      'Yên Thế',
      'Cẩm Giang',
      'Đông Sơn',
      'Gia Viễn',
    ]);
    // "Đ" sorts after "D" and before "E" in Vietnamese, not after "Z".
    expect(rankUnits(rows, 'name', 'asc').map((r) => r.key)).toEqual([
      'An Lạc',
      'Bình Minh',
      'Cẩm Giang',
      'Đông Sơn',
      'Gia Viễn',
      'Yên Thế',
    ]);
    expect(rankUnits(rows, 'name', 'desc').map((r) => r.key)[0]).toBe('Yên Thế');
  });

  it('without a target, behind-first falls back to the lowest value first', () => {
    const none = [row('A', 70, 10, null), row('B', 20, 10, null), row('C', 45, 10, null)];
    expect(rankUnits(none).map((r) => r.key)).toEqual(['B', 'C', 'A']);
    expect(rankUnits(none).every((r) => !r.lagging && r.gap === null)).toBe(true);
  });

  it('shares a rank between equal values (1, 1, 3)', () => {
    const r = rankUnits([row('A', 50, 10), row('B', 50, 10), row('C', 20, 10)], 'name');
    expect(r.map((x) => x.rank)).toEqual([1, 1, 3]);
  });

  it('properties: every row kept once; ranks run from 1; lagging implies a positive gap on a full sample', () => {
    for (let seed = 1; seed <= 50; seed++) {
      let s = seed;
      const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
      const input = Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, i) => {
        const d = Math.floor(rnd() * 12);
        return row(`X${i}`, d === 0 ? null : Math.round(rnd() * 1000) / 10, d, rnd() < 0.3 ? null : Math.round(rnd() * 1000) / 10);
      });
      for (const sort of ['gap', 'value', 'count', 'name'] as const) {
        const out = rankUnits(input, sort);
        expect(out.map((r) => r.key).sort()).toEqual(input.map((r) => r.key).sort());
        const ranks = out.map((r) => r.rank).filter((r): r is number => r !== null);
        if (ranks.length) expect(Math.min(...ranks)).toBe(1);
        for (const r of out) {
          if (r.lagging) expect(r.gap! > 0 && r.denominator >= SMALL_SAMPLE).toBe(true);
          if (r.smallSample) expect(r.rank).toBeNull();
        }
        if (sort === 'gap' || sort === 'value') {
          // Comparable rows never come after a small sample.
          const firstSmall = out.findIndex((r) => r.smallSample);
          if (firstSmall >= 0)
            expect(out.slice(firstSmall).every((r) => r.smallSample || (sort === 'gap' ? r.gap : r.value) === null)).toBe(true);
        }
      }
    }
  });
});
