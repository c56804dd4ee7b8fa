import { eq } from 'drizzle-orm';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '#src/db/client.ts';
import { serverSecrets } from '#src/db/schema/index.ts';
import { getEnv, type Env } from './env.ts';

export const CLAIM_CODE_SECRET_NAME = 'claim_code_hmac';
const GENERATED_BYTES = 32;

/**
 * The named secret kept in the database, created (32 random bytes) the first time it is asked for.
 * Several processes starting at once agree on one value: the first insert wins, the others read it.
 */
export async function ensureServerSecret(db: Db, name: string, now: Date): Promise<Uint8Array> {
  const value = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(GENERATED_BYTES)));
  await db.insert(serverSecrets).values({ name, value, createdAt: now }).onConflictDoNothing();
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name)).limit(1);
  return decodeHex(row!.value);
}

const cache = new WeakMap<Db, Promise<Uint8Array>>();

/**
 * The key of claim-code hashes: `CLAIM_CODE_SECRET` when set (then a stolen database alone does not
 * give the codes away), else the one generated at first start and kept in `server_secrets`.
 */
export function claimCodeSecret(db: Db, env: Env = getEnv()): Promise<Uint8Array> {
  if (env.CLAIM_CODE_SECRET) return Promise.resolve(new TextEncoder().encode(env.CLAIM_CODE_SECRET));
  let secret = cache.get(db);
  if (!secret) {
    secret = ensureServerSecret(db, CLAIM_CODE_SECRET_NAME, new Date());
    secret.catch(() => cache.delete(db));
    cache.set(db, secret);
  }
  return secret;
}
