import { describe, expect, it } from 'vitest';
import { formatDateVi, formatDayVi } from '#src/domain/time.ts';

describe('dates the Vietnamese way', () => {
  it('writes a calendar date as dd/mm/yyyy', () => {
    expect(formatDateVi('2026-12-31')).toBe('31/12/2026');
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
  });

  it('leaves anything that is not a calendar date as it is', () => {
    expect(formatDateVi('31/12/2026')).toBe('31/12/2026');
    expect(formatDateVi('')).toBe('');
  });

  it('reads an instant on Vietnam’s clock (UTC+7), whatever the server’s zone', () => {
    // 17:30 UTC on 31 December is already 1 January in Vietnam.
    expect(formatDayVi(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027');
    expect(formatDayVi(new Date('2026-12-31T16:59:00Z'))).toBe('31/12/2026');
  });
});
