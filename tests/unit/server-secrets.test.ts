import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { createDb, openClient, prepareClient, type Db } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { getEnv } from '#src/server/config/env.ts';
import { CLAIM_CODE_SECRET_NAME, claimCodeSecret } from '#src/server/config/secrets.ts';
import { hashClaimCode } from '#src/domain/ocop/claim.ts';

let dir: string;
let url: string;
const clients: Client[] = [];

async function open(): Promise<Db> {
  const client = openClient(url);
  clients.push(client);
  await prepareClient(client, url);
  return createDb(client);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'secrets-test-'));
  url = `file:${join(dir, 'portal.db')}`;
  const client = openClient(url);
  await prepareClient(client, url);
  await runMigrations(client);
  client.close();
});
afterAll(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('claim code secret', () => {
  it('is generated once (32 random bytes), kept in the database, and the same for every later handle', async () => {
    const env = getEnv({ DATABASE_URL: url });
    const first = await claimCodeSecret(await open(), env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(new Set(first).size).toBeGreaterThan(8);
    const second = await claimCodeSecret(await open(), env);
    expect(second).toEqual(first);
    const rows = (await clients[0]!.execute({ sql: 'SELECT value FROM server_secrets WHERE name = ?', args: [CLAIM_CODE_SECRET_NAME] }))
      .rows;
    expect(rows).toHaveLength(1);
    expect(String(rows[0]!.value)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('comes from CLAIM_CODE_SECRET when set, so two servers with different secrets store different hashes', async () => {
    const db = await open();
    const a = await claimCodeSecret(db, getEnv({ DATABASE_URL: url, CLAIM_CODE_SECRET: 'a'.repeat(32) }));
    const b = await claimCodeSecret(db, getEnv({ DATABASE_URL: url, CLAIM_CODE_SECRET: 'b'.repeat(40) }));
    expect(new TextDecoder().decode(a)).toBe('a'.repeat(32));
    expect(hashClaimCode('K7MX-3QPB', a)).not.toBe(hashClaimCode('K7MX-3QPB', b));
    expect(hashClaimCode('K7MX-3QPB', a)).not.toBe(hashClaimCode('K7MX-3QPB', await claimCodeSecret(db, getEnv({ DATABASE_URL: url }))));
  });

  it('refuses a CLAIM_CODE_SECRET shorter than 32 characters', () => {
    expect(() => getEnv({ CLAIM_CODE_SECRET: 'too-short' })).toThrow(/CLAIM_CODE_SECRET/);
  });
});
