import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { AstroCookies } from 'astro';
import type { Db } from '#src/db/client.ts';
import { allColumns, bind, fixedText, qualifiedColumns, qualifiedName, tableName, tableReader } from '#src/db/fixed-statements.ts';
import { sessions, users, type Session, type User } from '#src/db/schema/index.ts';

// Sessions as Lucia's guide prescribes: random token in the cookie, SHA-256 of it as the row id,
// sliding expiry. This module is the only place that reads or writes the sessions table.
export const SESSION_COOKIE = 'session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

export type SessionUser = Omit<User, 'passwordHash'>;
export type SessionValidation = { session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Db, token: string, userId: number, now: Date): Promise<Session> {
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  await db.insert(sessions).values(session);
  return session;
}

// Read on every request of a signed-in person: a fixed text, rows read by position (see fixed-statements.ts).
const SESSION_WITH_USER = fixedText(
  `select ${qualifiedColumns(sessions)}, ${qualifiedColumns(users)} from ${tableName(sessions)} ` +
    `inner join ${tableName(users)} on ${qualifiedName(users.id)} = ${qualifiedName(sessions.userId)} ` +
    `where ${qualifiedName(sessions.id)} = ? limit 1`,
);
const readSession = tableReader(sessions);
const readUser = tableReader(users, allColumns(sessions).length);

export async function validateSessionToken(db: Db, token: string, now: Date): Promise<SessionValidation> {
  // Tokens we issue are 32 base32 chars; anything else cannot match and is not worth a query.
  if (!/^[a-z2-7]{32}$/.test(token)) return { session: null, user: null };
  const id = sessionIdFromToken(token);
  const [row] = await db.values(bind(SESSION_WITH_USER, [id]));
  if (!row) return { session: null, user: null };
  const session = readSession(row);
  const user = readUser(row);
  if (now.getTime() >= session.expiresAt.getTime() || user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { session: null, user: null };
  }
  if (session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
  }
  const { passwordHash: _omit, ...safeUser } = user;
  return { session, user: safeUser };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: Date, secure: boolean): void {
  cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
    path: '/',
  });
}

export function deleteSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, maxAge: 0, path: '/' });
}
