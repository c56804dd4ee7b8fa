import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openClient, prepareClient } from '#src/db/client.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-db-connections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database connections', () => {
  it('an fsync per commit under the write lock: every pooled connection commits to the WAL without waiting for the disk', async () => {
    const url = `file:${join(dir, 'sync.db')}`;
    const client = openClient(url);
    await prepareClient(client, url);
    // Calls made together borrow one connection each: the pool opens new ones without any setup of ours.
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.execute('PRAGMA synchronous')));
    // 1 = NORMAL (2 = FULL, SQLite's default: an fsync per commit while holding the write lock).
    expect(answers.map((r) => Number(r.rows[0]![0]))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(String((await client.execute('PRAGMA journal_mode')).rows[0]![0])).toBe('wal');
    client.close();
  });

  it('keeps the settings the rest of the code relies on: foreign keys on and a busy timeout', async () => {
    const client = openClient(`file:${join(dir, 'keys.db')}`);
    const [fk, busy] = await Promise.all([client.execute('PRAGMA foreign_keys'), client.execute('PRAGMA busy_timeout')]);
    expect(Number(fk.rows[0]![0])).toBe(1);
    expect(Number(busy.rows[0]![0])).toBeGreaterThan(0);
    client.close();
  });
});
