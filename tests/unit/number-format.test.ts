import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatPoints } from '#src/domain/number-format.ts';

describe('numbers the Vietnamese way (vi-VN) on staff pages', () => {
  it('writes a score with a decimal comma and one decimal, never "52.81"', () => {
    expect(formatNumber(52.81)).toBe('52,8');
    expect(formatNumber(50)).toBe('50');
    expect(formatNumber(0.05)).toBe('0,1');
  });

  it('groups thousands with dots', () => {
    expect(formatNumber(13474)).toBe('13.474');
    expect(formatNumber(1234567.25)).toBe('1.234.567,3');
  });

  it('prints a missing value as an em dash', () => {
    for (const n of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatNumber(n)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatPoints(null)).toBe('—');
  });

  it('writes shares with " %" and changes with their sign in percentage points', () => {
    expect(formatPercent(87.5)).toBe('87,5 %');
    expect(formatPoints(3.2)).toBe('+3,2 điểm %');
    expect(formatPoints(-1.5)).toBe('-1,5 điểm %');
    expect(formatPoints(0)).toBe('0 điểm %');
    expect(formatPoints(-0.04)).toBe('0 điểm %');
    expect(formatPoints(3.2, 'en')).toBe('+3,2 pp');
  });

  it('gives the same text whatever the language of the page (property)', () => {
    for (let i = 0; i < 200; i++) {
      const n = Math.round((Math.random() * 2e6 - 1e6) * 10) / 10;
      const text = formatNumber(n);
      // Back to the number: dots are thousands, the comma the decimal mark.
      expect(Number(text.replace(/\./g, '').replace(',', '.'))).toBe(n);
      expect(text).not.toMatch(/\.\d{1,2}$/);
    }
  });
});
