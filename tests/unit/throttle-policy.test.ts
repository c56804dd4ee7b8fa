import { describe, expect, it } from 'vitest';
import { LOGIN_ACCOUNT_IP, delayAfter, delaySchedule, retryAfterSeconds } from '#src/domain/throttle-policy.ts';

describe('login delay schedule', () => {
  it('gives 5 free tries, then 30 s doubling to a 5-minute cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((n) => delayAfter(LOGIN_ACCOUNT_IP, n) / 1000)).toEqual([
      0, 0, 0, 0, 30, 60, 120, 240, 300, 300, 300,
    ]);
  });

  it('never decreases and ends at the cap', () => {
    const s = delaySchedule(LOGIN_ACCOUNT_IP);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1]!);
    expect(s.at(-1)).toBe(LOGIN_ACCOUNT_IP.maxDelayMs);
    expect(delayAfter(LOGIN_ACCOUNT_IP, 10_000)).toBe(LOGIN_ACCOUNT_IP.maxDelayMs);
  });

  it('announces whole seconds, at least one', () => {
    expect(retryAfterSeconds(1_000, 1_000)).toBe(1);
    expect(retryAfterSeconds(31_500, 1_000)).toBe(31);
    expect(retryAfterSeconds(31_001, 1_000)).toBe(31);
  });
});
