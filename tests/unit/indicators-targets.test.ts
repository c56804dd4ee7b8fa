import { describe, expect, it } from 'vitest';
import { expectedAt, furthestBehind, targetStatus } from '#src/domain/indicators/targets.ts';

const d = (s: string): Date => new Date(`${s}T00:00:00Z`);
// Baseline 20 % on 2024-01-01, target 60 % on 2028-01-01 (1461 days: 40 points over 4 years).
const baseline = { date: d('2024-01-01'), value: 20 };
const target = { date: d('2028-01-01'), value: 60 };
const MID = d('2026-01-01'); // 731 days in: expected = 20 + 40·731/1461

describe('expectedAt', () => {
  it('follows the straight line', () => {
    expect(expectedAt(baseline, target, MID)).toBeCloseTo(20 + (40 * 731) / 1461, 10);
    expect(expectedAt(baseline, target, baseline.date)).toBe(20);
    expect(expectedAt(baseline, target, target.date)).toBe(60);
  });

  it('holds the baseline before it and the target after it', () => {
    expect(expectedAt(baseline, target, d('2020-01-01'))).toBe(20);
    expect(expectedAt(baseline, target, d('2031-01-01'))).toBe(60);
  });

  it('makes a step when baseline and target share a date', () => {
    const same = { date: baseline.date, value: 60 };
    expect(expectedAt(baseline, same, d('2023-12-31'))).toBe(20);
    expect(expectedAt(baseline, same, baseline.date)).toBe(60);
  });
});

describe('targetStatus', () => {
  // Use a trajectory with exact numbers: 0 → 100 over 100 days, 1 point a day.
  const b = { date: d('2026-01-01'), value: 0 };
  const t = { date: new Date(d('2026-01-01').getTime() + 100 * 86_400_000), value: 100 };
  const day = (n: number): Date => new Date(b.date.getTime() + n * 86_400_000);
  const at = (n: number, value: number | null) => targetStatus({ baseline: b, target: t, current: { date: day(n), value } });

  it('on track when at or above the line', () => {
    expect(at(40, 40)).toBe('on_track');
    expect(at(40, 55)).toBe('on_track');
  });

  it('at risk within the tolerance below the line, boundary included', () => {
    expect(at(40, 39)).toBe('at_risk');
    expect(at(40, 35)).toBe('at_risk');
  });

  it('off track beyond the tolerance', () => {
    expect(at(40, 34.9)).toBe('off_track');
    expect(at(40, 0)).toBe('off_track');
  });

  it('respects a custom tolerance', () => {
    const s = (tolerance: number) => targetStatus({ baseline: b, target: t, current: { date: day(40), value: 30 }, tolerance });
    expect(s(10)).toBe('at_risk');
    expect(s(9.9)).toBe('off_track');
    expect(s(0)).toBe('off_track');
  });

  it('achieved when the target value is reached, whatever the date', () => {
    expect(at(10, 100)).toBe('achieved');
    expect(at(150, 100.5)).toBe('achieved');
  });

  it('off track once the target date has passed unreached, even within the tolerance', () => {
    expect(at(101, 99)).toBe('off_track');
    expect(at(100, 99)).toBe('at_risk'); // on the target date itself the line still applies
  });

  it('before the baseline date the baseline value is expected', () => {
    expect(at(-10, 0)).toBe('on_track');
  });

  it('no data when a value is missing', () => {
    expect(at(40, null)).toBe('no_data');
    expect(targetStatus({ baseline: b, target: t, current: null })).toBe('no_data');
    expect(targetStatus({ baseline: { ...b, value: null }, target: t, current: { date: day(1), value: 5 } })).toBe('no_data');
    expect(at(40, Number.NaN)).toBe('no_data');
  });

  it('higher is better: a target below the baseline is achieved as soon as current reaches it', () => {
    const down = { date: t.date, value: -20 };
    expect(targetStatus({ baseline: { date: b.date, value: 0 }, target: down, current: { date: day(5), value: -10 } })).toBe('achieved');
    expect(targetStatus({ baseline: { date: b.date, value: 0 }, target: down, current: { date: day(5), value: -30 } })).toBe('off_track');
  });

  it('the QĐ 411 case: 50 % by end of 2025 from 30 % at end of 2023', () => {
    const base = { date: d('2024-01-01'), value: 30 };
    const goal = { date: d('2026-01-01'), value: 50 };
    const mid = new Date((base.date.getTime() + goal.date.getTime()) / 2); // expected 40
    expect(targetStatus({ baseline: base, target: goal, current: { date: mid, value: 40 } })).toBe('on_track');
    expect(targetStatus({ baseline: base, target: goal, current: { date: mid, value: 36 } })).toBe('at_risk');
    expect(targetStatus({ baseline: base, target: goal, current: { date: mid, value: 34 } })).toBe('off_track');
  });
});

describe('furthestBehind', () => {
  it('orders by gap descending, ties by key, skips rows ahead or without data', () => {
    const rows = [
      { key: '14002', expected: 40, current: 30 },
      { key: '14001', expected: 40, current: 30 },
      { key: '14003', expected: 40, current: 45 },
      { key: '14004', expected: 40, current: 10 },
      { key: '14005', expected: 40, current: null },
      { key: '14006', expected: 40.3, current: 38.6 },
      { key: '14007', expected: 40, current: 40 },
    ];
    expect(furthestBehind(rows, 10).map((g) => [g.key, g.gap])).toEqual([
      ['14004', 30],
      ['14001', 10],
      ['14002', 10],
      ['14006', 1.7],
    ]);
    expect(furthestBehind(rows, 2).map((g) => g.key)).toEqual(['14004', '14001']);
    expect(furthestBehind(rows, 0)).toEqual([]);
  });
});
