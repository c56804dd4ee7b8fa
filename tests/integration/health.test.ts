import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('/healthz', () => {
  it('answers 503 while the database cannot be read, and ok again once it can', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.db.execute('ALTER TABLE provinces RENAME TO provinces_unavailable');
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'error', db: 'unavailable' });
    } finally {
      await server.db.execute('ALTER TABLE provinces_unavailable RENAME TO provinces');
    }
    const back = await fetch(`${server.url}/healthz`);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ status: 'ok', db: 'ok' });
  });
});
