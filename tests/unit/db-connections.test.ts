import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openClient, prepareClient, STATEMENT_CACHE_SIZE } from '#src/db/client.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-db-connections-'));
const root = fileURLToPath(new URL('../..', import.meta.url));
// Run by another Node process: takes the write lock, writes the next 'held N' row, says so, holds it, commits.
const HOLD_LOCK = `
const Database = require('libsql');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
const n = db.prepare('select count(*) as n from t where a >= 100').get().n;
db.prepare('insert into t (a, b) values (?, ?)').run(100 + n, 'held ' + (n + 1));
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
db.exec('COMMIT');
db.close();
`;
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

  it('no memory map (SQLite drops it at every commit of another worker) and a 32 MB page cache on every pooled connection', async () => {
    const url = `file:${join(dir, 'reads.db')}`;
    const client = openClient(url);
    await prepareClient(client, url);
    const settings = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const [map, cache] = await Promise.all([client.execute('PRAGMA mmap_size'), client.execute('PRAGMA cache_size')]);
        return [Number(map.rows[0]![0]), Number(cache.rows[0]![0])];
      }),
    );
    // A negative cache size is in KiB: -32768 is 32 MB.
    expect(settings).toEqual(Array.from({ length: 4 }, () => [0, -32768]));
    client.close();
  });

  it('keeps the settings the rest of the code relies on: foreign keys on', async () => {
    const client = openClient(`file:${join(dir, 'keys.db')}`);
    expect(Number((await client.execute('PRAGMA foreign_keys')).rows[0]![0])).toBe(1);
    client.close();
  });

  it('a write that finds the lock held by another process waits for it in short steps, then succeeds', async () => {
    const path = join(dir, 'busy.db');
    const client = openClient(`file:${path}`);
    await prepareClient(client, `file:${path}`);
    await client.execute('create table t (a integer primary key, b text)');
    // The engine's own busy handler is off (it sleeps 1 ms or more at each try); the wait is the statement's.
    expect(Number((await client.execute('PRAGMA busy_timeout')).rows[0]![0])).toBe(0);
    for (const write of [
      () => client.execute({ sql: 'insert into t (a, b) values (?, ?)', args: [1, 'alone'] }),
      () => client.batch([{ sql: 'insert into t (a, b) values (?, ?)', args: [2, 'in a batch'] }], 'deferred'),
    ]) {
      // Another process takes the write lock, writes a row and holds the lock for 150 ms before committing.
      const holder = spawn(process.execPath, ['-e', HOLD_LOCK, path, '150'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = once(holder, 'exit');
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        holder.once('exit', (code) => reject(new Error(`the lock holder exited first (${code})`)));
      });
      await write();
      expect((await exited)[0]).toBe(0);
    }
    const rows = await client.execute('select a, b from t order by a');
    // Both writes came after the holder's commits: nothing failed as "database is locked", nothing was lost.
    expect(rows.rows.map((r) => [Number(r.a), r.b])).toEqual([
      [1, 'alone'],
      [2, 'in a batch'],
      [100, 'held 1'],
      [101, 'held 2'],
    ]);
    client.close();
  });
});

describe('prepared statements kept per connection', () => {
  it('answers the same as fresh statements: rows, columns, changes, integers, errors, inside and outside transactions', async () => {
    const client = openClient(`file:${join(dir, 'cache.db')}`);
    await client.execute('create table t (a integer primary key, b text)');
    for (let i = 1; i <= 3; i++) {
      const r = await client.execute({ sql: 'insert into t (a, b) values (?, ?)', args: [i, `v${i}`] });
      expect(r.rowsAffected).toBe(1);
      expect(r.lastInsertRowid).toBe(BigInt(i));
    }
    // The same text again with other arguments: each call sees its own rows.
    const read = (min: number) => client.execute({ sql: 'select a, b from t where a >= ? order by a', args: [min] });
    expect((await read(1)).rows.map((r) => r.b)).toEqual(['v1', 'v2', 'v3']);
    expect((await read(3)).rows.map((r) => [r.a, r.b])).toEqual([[3, 'v3']]);
    expect((await read(2)).columns).toEqual(['a', 'b']);
    // A failing run leaves the kept statement usable.
    await expect(client.execute({ sql: 'insert into t (a, b) values (?, ?)', args: [1, 'dup'] })).rejects.toThrow(/UNIQUE|PRIMARY/i);
    expect((await client.execute({ sql: 'insert into t (a, b) values (?, ?)', args: [4, 'v4'] })).rowsAffected).toBe(1);
    // A batch (one transaction) rolled back by its last statement keeps nothing, then commits normally.
    await expect(
      client.batch([
        { sql: 'insert into t (a, b) values (?, ?)', args: [5, 'v5'] },
        { sql: 'insert into t (a, b) values (?, ?)', args: [5, 'again'] },
      ]),
    ).rejects.toThrow();
    expect((await read(5)).rows).toHaveLength(0);
    await client.batch([{ sql: 'insert into t (a, b) values (?, ?)', args: [5, 'v5'] }]);
    expect((await read(5)).rows.map((r) => r.b)).toEqual(['v5']);
    client.close();
  });

  it('forgets what it kept when the schema changes, so a kept statement never answers with old columns', async () => {
    const client = openClient(`file:${join(dir, 'schema.db')}`);
    await client.execute('create table s (a integer)');
    await client.execute('insert into s (a) values (1)');
    expect((await client.execute('select * from s')).columns).toEqual(['a']);
    await client.execute('alter table s add column b text');
    await client.execute("update s set b = 'x'");
    const after = await client.execute('select * from s');
    expect(after.columns).toEqual(['a', 'b']);
    expect(after.rows[0]!.b).toBe('x');
    // Several statements at once (as migrations run) too.
    await client.executeMultiple("alter table s add column c text; update s set c = 'y';");
    expect((await client.execute('select * from s')).columns).toEqual(['a', 'b', 'c']);
    client.close();
  });

  it('keeps at most a bounded number of statements per connection', async () => {
    const client = openClient(`file:${join(dir, 'bound.db')}`);
    for (let i = 0; i < STATEMENT_CACHE_SIZE * 2; i++) expect((await client.execute(`select ${i} as n`)).rows[0]!.n).toBe(i);
    // The first texts were let go and prepare again when asked.
    expect((await client.execute('select 0 as n')).rows[0]!.n).toBe(0);
    client.close();
  });
});
