/**
 * How often a client may try a sensitive action (log in, register). Pure rules; the database
 * applies them in one atomic statement (src/server/auth/throttle.ts).
 *
 * Login is throttled per account AND client IP with growing delays instead of a hard account
 * lock, so a stranger guessing from elsewhere slows only themselves and never locks the real
 * owner out. The numbers: 5 free tries, then a wait of 30 s after the 5th, doubling with each
 * further try (30, 60, 120, 240 s) up to 5 minutes. A streak is forgotten after an hour without
 * tries, or at once after a successful login. That leaves an online guesser about 12 tries an
 * hour per account and IP, while a person who mistypes a few times barely notices; the 30 s first
 * step (rather than 1 s) keeps "wait a moment" meaningful on a slow phone connection too.
 *
 * Because the key includes the IP, a per-IP ceiling across all accounts stops one IP from
 * spraying a common password over many accounts: 30 failed logins per 15 minutes (successful
 * logins give their try back, so a shared office or commune hall is not punished).
 *
 * Registration (and takeover requests, which also create an account) is limited per IP:
 * 20 per hour, enough for a training session at the Department, too few for bulk probing.
 */

export type DelayPolicy = {
  kind: 'delay';
  /** Tries without any wait. */
  freeAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A streak with no try for this long starts afresh. */
  forgetAfterMs: number;
};

export type WindowPolicy = {
  kind: 'window';
  /** Tries allowed per window; the next one waits for the window's end. */
  max: number;
  windowMs: number;
};

export const LOGIN_ACCOUNT_IP: DelayPolicy = {
  kind: 'delay',
  freeAttempts: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export const LOGIN_IP_CEILING: WindowPolicy = { kind: 'window', max: 30, windowMs: 15 * 60_000 };

export const REGISTER_IP: WindowPolicy = { kind: 'window', max: 20, windowMs: 60 * 60_000 };

/** Claim codes are short: 5 tries per 15 minutes per IP (a success clears the count). */
export const CLAIM_IP: WindowPolicy = { kind: 'window', max: 5, windowMs: 15 * 60_000 };

/** The wait after the n-th try (1-based) of a streak. */
export function delayAfter(policy: DelayPolicy, attempt: number): number {
  if (attempt < policy.freeAttempts) return 0;
  const doublings = attempt - policy.freeAttempts;
  // Cap the exponent: beyond ~20 doublings the cap applies anyway and 2**n would overflow.
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(doublings, 20));
}

/**
 * The delays for tries 1..k, where try k is the first to reach the cap (every later try waits
 * the cap too). Lets the database apply the schedule as a short CASE expression.
 */
export function delaySchedule(policy: DelayPolicy): number[] {
  const out: number[] = [];
  for (let n = 1; ; n++) {
    const d = delayAfter(policy, n);
    out.push(d);
    if (d >= policy.maxDelayMs) return out;
  }
}

/** Whole seconds to announce in Retry-After (at least 1). */
export function retryAfterSeconds(blockedUntilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((blockedUntilMs - nowMs) / 1000));
}
