import { desc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { authThrottle } from '#src/db/schema/index.ts';
import {
  delayAfter,
  delaySchedule,
  CLAIM_IP,
  LOGIN_ACCOUNT_IP,
  LOGIN_IP_CEILING,
  REGISTER_IP,
  retryAfterSeconds,
  type DelayPolicy,
  type WindowPolicy,
} from '#src/domain/throttle-policy.ts';
import { RateLimitedError } from '#src/server/http/errors.ts';

// Check and count are ONE statement: an upsert whose DO UPDATE only runs when the key is not
// blocked, and which RETURNING a row exactly when this try was let through. Parallel requests
// therefore cannot all pass a check before any of them is counted.

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

const LOGIN_PREFIX = 'login:acct:';

export function loginAccountIpKey(account: string, ip: string): string {
  return `${LOGIN_PREFIX}${account.trim().toLowerCase()}|ip:${ip}`;
}
export function loginIpKey(ip: string): string {
  return `login:ip:${ip}`;
}
export function registerIpKey(ip: string): string {
  return `register:ip:${ip}`;
}

/** The policy's delay schedule as SQL over an attempt-number expression. */
function delaySql(policy: DelayPolicy, attempt: SQL): SQL {
  const steps = delaySchedule(policy);
  const cases = steps.slice(0, -1).map((ms, i) => sql`WHEN ${attempt} <= ${i + 1} THEN ${ms}`);
  return sql`(CASE ${sql.join(cases, sql` `)} ELSE ${steps.at(-1)!} END)`;
}

async function retryAfter(db: Db, key: string, now: number): Promise<Reservation> {
  const [row] = await db.select({ blockedUntil: authThrottle.blockedUntil }).from(authThrottle).where(eq(authThrottle.key, key));
  return { ok: false, retryAfterSeconds: retryAfterSeconds(row?.blockedUntil ?? now, now) };
}

/** Counts one try against a growing-delay key, unless the key is waiting out its delay. */
export async function reserveDelay(db: Db, key: string, policy: DelayPolicy, now: Date): Promise<Reservation> {
  const t = now.getTime();
  const stale = sql`(${t} - ${authThrottle.lastAt} >= ${policy.forgetAfterMs})`;
  const next = sql`(CASE WHEN ${stale} THEN 1 ELSE ${authThrottle.attempts} + 1 END)`;
  const rows = await db
    .insert(authThrottle)
    .values({ key, attempts: 1, firstAt: t, lastAt: t, blockedUntil: t + delayAfter(policy, 1) })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        attempts: next,
        firstAt: sql`(CASE WHEN ${stale} THEN ${t} ELSE ${authThrottle.firstAt} END)`,
        lastAt: sql`${t}`,
        blockedUntil: sql`${t} + ${delaySql(policy, next)}`,
      },
      setWhere: sql`${t} >= ${authThrottle.blockedUntil}`,
    })
    .returning({ attempts: authThrottle.attempts });
  return rows.length ? { ok: true } : retryAfter(db, key, t);
}

/**
 * After a failed try, the wait runs from the answer rather than from the start of the (slow)
 * password check, so the announced delay is the one the person experiences.
 */
export async function extendDelay(db: Db, key: string, policy: DelayPolicy, now: Date): Promise<void> {
  const t = now.getTime();
  const delay = delaySql(policy, sql`${authThrottle.attempts}`);
  await db
    .update(authThrottle)
    // Only when the try earned a wait: a free try must not push a parallel free try behind it.
    .set({
      blockedUntil: sql`(CASE WHEN ${delay} > 0 THEN max(${authThrottle.blockedUntil}, ${t} + ${delay}) ELSE ${authThrottle.blockedUntil} END)`,
    })
    .where(eq(authThrottle.key, key));
}

/** Counts one try against a fixed-window key, unless the window's allowance is used up. */
export async function reserveWindow(db: Db, key: string, policy: WindowPolicy, now: Date): Promise<Reservation> {
  const t = now.getTime();
  const stale = sql`(${t} - ${authThrottle.firstAt} >= ${policy.windowMs})`;
  const next = sql`(CASE WHEN ${stale} THEN 1 ELSE ${authThrottle.attempts} + 1 END)`;
  const start = sql`(CASE WHEN ${stale} THEN ${t} ELSE ${authThrottle.firstAt} END)`;
  const rows = await db
    .insert(authThrottle)
    .values({ key, attempts: 1, firstAt: t, lastAt: t, blockedUntil: policy.max <= 1 ? t + policy.windowMs : 0 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        attempts: next,
        firstAt: start,
        lastAt: sql`${t}`,
        blockedUntil: sql`(CASE WHEN ${next} >= ${policy.max} THEN ${start} + ${policy.windowMs} ELSE 0 END)`,
      },
      setWhere: sql`(${stale} OR ${t} >= ${authThrottle.blockedUntil})`,
    })
    .returning({ attempts: authThrottle.attempts });
  return rows.length ? { ok: true } : retryAfter(db, key, t);
}

/** Gives a try back to a window key (a successful login should not use up a shared IP's allowance). */
export async function refundWindow(db: Db, key: string, policy: WindowPolicy): Promise<void> {
  await db
    .update(authThrottle)
    .set({
      attempts: sql`max(0, ${authThrottle.attempts} - 1)`,
      blockedUntil: sql`(CASE WHEN ${authThrottle.attempts} - 1 >= ${policy.max} THEN ${authThrottle.blockedUntil} ELSE 0 END)`,
    })
    .where(eq(authThrottle.key, key));
}

export async function clearKey(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/**
 * Reserves one login try for this account from this IP: within the IP's ceiling, and not while
 * the account+IP pair waits out its delay. Throws 429 with Retry-After otherwise. Only after this
 * returns may the password be checked.
 */
export async function reserveLoginAttempt(db: Db, account: string, ip: string, now: Date): Promise<void> {
  const ipKey = loginIpKey(ip);
  const ipTry = await reserveWindow(db, ipKey, LOGIN_IP_CEILING, now);
  if (!ipTry.ok) throw new RateLimitedError(ipTry.retryAfterSeconds);
  const pairTry = await reserveDelay(db, loginAccountIpKey(account, ip), LOGIN_ACCOUNT_IP, now);
  if (!pairTry.ok) {
    // No password was checked, so this try does not count against the IP.
    await refundWindow(db, ipKey, LOGIN_IP_CEILING);
    throw new RateLimitedError(pairTry.retryAfterSeconds);
  }
}

export async function loginFailed(db: Db, account: string, ip: string, now: Date): Promise<void> {
  await extendDelay(db, loginAccountIpKey(account, ip), LOGIN_ACCOUNT_IP, now);
}

export async function loginSucceeded(db: Db, account: string, ip: string, now: Date): Promise<void> {
  await clearKey(db, loginAccountIpKey(account, ip));
  await refundWindow(db, loginIpKey(ip), LOGIN_IP_CEILING);
  await pruneThrottle(db, now);
}

/** One registration (or takeover request, which also creates an account) per try, per IP. */
export async function reserveRegistration(db: Db, ip: string, now: Date): Promise<void> {
  const r = await reserveWindow(db, registerIpKey(ip), REGISTER_IP, now);
  if (!r.ok) {
    throw new RateLimitedError(
      r.retryAfterSeconds,
      `Có quá nhiều lượt đăng ký từ mạng của bạn. Vui lòng thử lại sau ${Math.max(1, Math.ceil(r.retryAfterSeconds / 60))} phút. / Too many registrations from your network. Try again in ${Math.max(1, Math.ceil(r.retryAfterSeconds / 60))} minute(s).`,
    );
  }
}

export function claimIpKey(ip: string): string {
  return `claim:ip:${ip}`;
}

/** One claim-code try per call, per IP; counted before the code is checked. */
export async function reserveClaimAttempt(db: Db, ip: string, now: Date): Promise<void> {
  const r = await reserveWindow(db, claimIpKey(ip), CLAIM_IP, now);
  if (!r.ok) throw new RateLimitedError(r.retryAfterSeconds);
}

export async function claimSucceeded(db: Db, ip: string): Promise<void> {
  await clearKey(db, claimIpKey(ip));
}

/** Rows no policy still needs; pruned opportunistically so the table stays small. */
async function pruneThrottle(db: Db, now: Date): Promise<void> {
  const horizon = Math.max(LOGIN_ACCOUNT_IP.forgetAfterMs, LOGIN_IP_CEILING.windowMs, REGISTER_IP.windowMs);
  await db
    .delete(authThrottle)
    .where(sql`${authThrottle.lastAt} < ${now.getTime() - horizon} AND ${authThrottle.blockedUntil} < ${now.getTime()}`);
}

export type ActiveThrottle = {
  key: string;
  kind: 'account' | 'ip' | 'register' | 'claim';
  account: string | null;
  ip: string;
  attempts: number;
  blockedUntil: Date;
};

/** Keys currently refusing tries, for the administrators' page. */
export async function activeThrottles(db: Db, now: Date): Promise<ActiveThrottle[]> {
  const rows = await db
    .select()
    .from(authThrottle)
    .where(gt(authThrottle.blockedUntil, now.getTime()))
    .orderBy(desc(authThrottle.blockedUntil))
    .limit(200);
  return rows.map((r) => {
    if (r.key.startsWith(LOGIN_PREFIX)) {
      const rest = r.key.slice(LOGIN_PREFIX.length);
      const cut = rest.lastIndexOf('|ip:');
      return {
        key: r.key,
        kind: 'account',
        account: rest.slice(0, cut),
        ip: rest.slice(cut + 4),
        attempts: r.attempts,
        blockedUntil: new Date(r.blockedUntil),
      };
    }
    const kind = r.key.startsWith('register:') ? 'register' : r.key.startsWith('claim:') ? 'claim' : 'ip';
    return {
      key: r.key,
      kind,
      account: null,
      ip: r.key.slice(r.key.indexOf(':ip:') + 4),
      attempts: r.attempts,
      blockedUntil: new Date(r.blockedUntil),
    };
  });
}

/**
 * A statement (for a batch) that forgets every login delay of these accounts, so no throttle row keeps an
 * erased person's e-mail or phone.
 */
export function forgetAccountsStatement(db: Db, accounts: string[]) {
  const prefixes = accounts.map((a) => `${LOGIN_PREFIX}${a.trim().toLowerCase()}|ip:`);
  return db.delete(authThrottle).where(or(...prefixes.map((p) => sql`substr(${authThrottle.key}, 1, ${p.length}) = ${p}`)));
}

/** Lifts every login delay of one account (all IPs). Returns how many keys were cleared. */
export async function liftAccount(db: Db, account: string): Promise<number> {
  const prefix = `${LOGIN_PREFIX}${account.trim().toLowerCase()}|ip:`;
  // substr, not LIKE: e-mail addresses contain `_`, a LIKE wildcard.
  const rows = await db
    .delete(authThrottle)
    .where(sql`substr(${authThrottle.key}, 1, ${prefix.length}) = ${prefix}`)
    .returning({ key: authThrottle.key });
  return rows.length;
}

/** Lifts the per-IP login ceiling, registration limit and claim limit of one IP. */
export async function liftIp(db: Db, ip: string): Promise<number> {
  const rows = await db
    .delete(authThrottle)
    .where(or(eq(authThrottle.key, loginIpKey(ip)), eq(authThrottle.key, registerIpKey(ip)), eq(authThrottle.key, claimIpKey(ip))))
    .returning({ key: authThrottle.key });
  return rows.length;
}
