import { describe, expect, it } from 'vitest';
import type { Db } from '#src/db/client.ts';
import { cachedPublic, clearIndicatorCaches } from '#src/server/services/indicators.ts';

// The cache reads only what this worker already knows of the database's change counters: no database is opened.
const db = {} as Db;

describe('open-data answer cache', () => {
  it('shares one computation between concurrent askers and keeps the answer', async () => {
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    const [a, b] = await Promise.all([cachedPublic(db, 'share', compute), cachedPublic(db, 'share', compute)]);
    expect(a).toEqual({ run: 1 });
    expect(b).toBe(a);
    expect(await cachedPublic(db, 'share', compute)).toBe(a);
    expect(runs).toBe(1);
  });

  it('does not keep a failed computation', async () => {
    await expect(cachedPublic(db, 'fail', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cachedPublic(db, 'fail', async () => ({ ok: true }))).toEqual({ ok: true });
  });

  it('an invalidation during a computation still answers the asker, and the old answer is not kept', async () => {
    let release!: (v: { n: number }) => void;
    const pending = cachedPublic(db, 'inval', () => new Promise<{ n: number }>((r) => (release = r)));
    clearIndicatorCaches();
    release({ n: 1 });
    expect(await pending).toEqual({ n: 1 });
    expect(await cachedPublic(db, 'inval', async () => ({ n: 2 }))).toEqual({ n: 2 });
  });
});
