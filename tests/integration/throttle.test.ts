import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('login throttling', () => {
  it('answers 429 with a retry time on the 6th wrong try within 15 minutes, even with the right password', async () => {
    const c = new Browserless(server.url);
    for (let i = 1; i <= 5; i++) {
      const res = await c.post('/login', { login: ADMIN.email, password: `wrong-${i}` });
      expect(res.status, `attempt ${i}`).toBe(400);
    }
    const sixth = await c.post('/login', { login: ADMIN.email, password: 'wrong-6' });
    expect(sixth.status).toBe(429);
    const retry = Number(sixth.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(await sixth.text()).toContain('Vui lòng thử lại sau');
    const right = await c.post('/login', { login: ADMIN.email, password: ADMIN.password });
    expect(right.status).toBe(429);
    expect(c.cookies.has('session')).toBe(false);
  });
});
