import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  makePeriod,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodsBetween,
  previousPeriod,
} from '#src/domain/indicators/periods.ts';

const iso = (d: Date): string => d.toISOString();

describe('parsePeriod', () => {
  it('parses a quarter on Vietnam calendar boundaries (00:00 ICT = 17:00 UTC the day before)', () => {
    const q3 = parsePeriod('2026-Q3')!;
    expect(q3.id).toBe('2026-Q3');
    expect(q3.kind).toBe('quarter');
    expect(q3.year).toBe(2026);
    expect(q3.quarter).toBe(3);
    expect(iso(q3.from)).toBe('2026-06-30T17:00:00.000Z');
    expect(iso(q3.to)).toBe('2026-09-30T17:00:00.000Z');
    expect(q3.label).toEqual({ vi: 'Quý 3/2026', en: 'Q3 2026' });
  });

  it('accepts a lower-case q and surrounding spaces, and gives the canonical id', () => {
    expect(parsePeriod(' 2026-q1 ')!.id).toBe('2026-Q1');
    expect(iso(parsePeriod('2026-q1')!.from)).toBe('2025-12-31T17:00:00.000Z');
    expect(iso(parsePeriod('2026-Q4')!.to)).toBe('2026-12-31T17:00:00.000Z');
  });

  it('parses a year', () => {
    const y = parsePeriod('2026')!;
    expect(y).toMatchObject({ id: '2026', kind: 'year', quarter: null, label: { vi: 'Năm 2026', en: '2026' } });
    expect(iso(y.from)).toBe('2025-12-31T17:00:00.000Z');
    expect(iso(y.to)).toBe('2026-12-31T17:00:00.000Z');
  });

  it.each(['', '26', '2026-Q0', '2026-Q5', '2026Q1', '2026-1', '2026-Q1-x', 'Q1-2026', '0999', '2026 Q1', '２０２６'])(
    'rejects %j',
    (s) => {
      expect(parsePeriod(s)).toBeNull();
    },
  );

  it('rejects non-strings', () => {
    expect(parsePeriod(2026)).toBeNull();
    expect(parsePeriod(null)).toBeNull();
  });
});

describe('periodContaining / currentPeriod', () => {
  it('puts 23:30 ICT on 31 March in Q1 and 00:10 ICT on 1 April in Q2', () => {
    expect(periodContaining(new Date('2026-03-31T16:30:00Z'), 'quarter').id).toBe('2026-Q1');
    expect(periodContaining(new Date('2026-03-31T17:10:00Z'), 'quarter').id).toBe('2026-Q2');
  });

  it('treats the boundary instant as the start of the new period', () => {
    expect(periodContaining(new Date('2026-03-31T17:00:00Z'), 'quarter').id).toBe('2026-Q2');
    expect(periodContaining(new Date('2026-03-31T16:59:59.999Z'), 'quarter').id).toBe('2026-Q1');
  });

  it('new year in Vietnam before new year in UTC', () => {
    const now = new Date('2025-12-31T18:00:00Z'); // 01:00 ICT on 1 January 2026
    expect(currentPeriod(now, 'year').id).toBe('2026');
    expect(currentPeriod(now, 'quarter').id).toBe('2026-Q1');
  });

  it('contains its own instants', () => {
    for (const id of ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024']) {
      const p = parsePeriod(id)!;
      expect(periodContaining(p.from, p.kind).id).toBe(id);
      expect(periodContaining(new Date(p.to.getTime() - 1), p.kind).id).toBe(id);
    }
  });
});

describe('periodsBetween', () => {
  it('lists quarters across a year boundary, ranges consecutive', () => {
    const a = parsePeriod('2025-Q3')!;
    const b = parsePeriod('2026-Q2')!;
    const list = periodsBetween(a.from, b.to, 'quarter');
    expect(list.map((p) => p.id)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    for (let i = 1; i < list.length; i++) expect(list[i]!.from.getTime()).toBe(list[i - 1]!.to.getTime());
  });

  it('lists years overlapping a half-open range', () => {
    const list = periodsBetween(new Date('2024-06-01T00:00:00Z'), parsePeriod('2026')!.from, 'year');
    expect(list.map((p) => p.id)).toEqual(['2024', '2025']);
  });

  it('is empty for an empty or reversed range', () => {
    const d = new Date('2026-01-01T00:00:00Z');
    expect(periodsBetween(d, d, 'quarter')).toEqual([]);
    expect(periodsBetween(d, new Date(d.getTime() - 1), 'year')).toEqual([]);
  });

  it('one instant gives one period', () => {
    const d = new Date('2026-05-05T00:00:00Z');
    expect(periodsBetween(d, new Date(d.getTime() + 1), 'quarter').map((p) => p.id)).toEqual(['2026-Q2']);
  });
});

describe('next / previous', () => {
  it('steps across years', () => {
    expect(nextPeriod(makePeriod(2025, 4)).id).toBe('2026-Q1');
    expect(previousPeriod(makePeriod(2026, 1)).id).toBe('2025-Q4');
    expect(nextPeriod(makePeriod(2025, null)).id).toBe('2026');
  });
});
