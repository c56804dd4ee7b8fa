import { and, count, eq, gt, inArray, lt, min } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginFailures } from '../../db/schema/index.ts';
import { RateLimitedError } from './errors.ts';

// After MAX_FAILURES failed logins within WINDOW_MS for one account or one IP, refuse further tries.
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export function accountKey(identifier: string): string {
  return `acct:${identifier.trim().toLowerCase()}`;
}
export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** Throws RateLimitedError when any key has reached the limit. Call before verifying a password. */
export async function assertNotThrottled(db: Db, keys: string[], now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  for (const key of keys) {
    const [row] = await db
      .select({ n: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
    if (row && row.n >= LOGIN_MAX_FAILURES && row.oldest) {
      const oldest = row.oldest instanceof Date ? row.oldest.getTime() : Number(row.oldest);
      const retryMs = oldest + LOGIN_WINDOW_MS - now.getTime();
      throw new RateLimitedError(Math.max(1, Math.ceil(retryMs / 1000)));
    }
  }
}

export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at: now })));
}

export async function clearFailures(db: Db, keys: string[], now: Date): Promise<void> {
  if (keys.length) await db.delete(loginFailures).where(inArray(loginFailures.key, keys));
  // Old rows are useless; prune them opportunistically so the table stays small.
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - LOGIN_WINDOW_MS)));
}
