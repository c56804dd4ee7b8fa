// The officer dashboard keeps its reads per worker until a change counter moves: on two workers, a target set in
// one is on the page in every worker within a second; a commune officer never gets the province's answer, and the
// cache answers nobody who may not see the dashboard.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';

const DEMO_PASSWORD = 'demo-portal-2025';
let server: TestServer;

async function login(login: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password: DEMO_PASSWORD })).status).toBe(303);
  return c;
}

/** A GET on a new connection each time, so the cluster hands successive requests to different workers. */
function page(path: string, who: Browserless | null): Promise<{ status: number; body: string }> {
  const cookie = who ? [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startServer({ demo: true, workers: 2 });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('the dashboard’s per-worker cache', () => {
  it('a province target set in one worker is on the dashboard of every worker within one second', async () => {
    const province = await login('demo-canbo-tinh@example.com');
    // Both workers answer (and keep) the dashboard before the change.
    for (let i = 0; i < 6; i++) {
      const before = await page('/dashboard', province);
      expect(before.status).toBe(200);
      expect(before.body).not.toContain('63,5 % (31/12/2027)');
    }
    const set = await province.post('/admin/targets', {
      indicatorId: 'sme_platform_adoption',
      communeCode: '',
      baselineDate: '2026-01-01',
      baselineValue: '20',
      targetDate: '2027-12-31',
      targetValue: '63,5',
    });
    expect(set.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    for (let i = 0; i < 6; i++) expect((await page('/dashboard', province)).body).toContain('63,5 % (31/12/2027)');
  });

  it('a commune officer after a province officer gets their commune’s answer, never the province’s', async () => {
    const province = await login('demo-canbo-tinh@example.com');
    const commune = await login('demo-canbo-xa@example.com');
    const { rows } = await server.db.execute(
      "SELECT c.name AS name FROM users u JOIN communes c ON c.code = u.scope_commune_code WHERE u.email = 'demo-canbo-xa@example.com'",
    );
    const communeName = String(rows[0]!.name);
    const whole = await page('/dashboard', province);
    expect(whole.body).toContain('Toàn tỉnh');
    for (let i = 0; i < 4; i++) {
      const own = await page('/dashboard', commune);
      expect(own.status).toBe(200);
      expect(own.body).toContain(communeName);
      // The province-wide commune choice is not on a commune officer's page.
      expect(own.body).not.toContain('Toàn tỉnh');
    }
  });

  it('nobody else gets a cached answer: a helper, a business and a stranger', async () => {
    const province = await login('demo-canbo-tinh@example.com');
    expect((await page('/dashboard', province)).status).toBe(200);
    const stranger = await page('/dashboard', null);
    expect([302, 303, 401]).toContain(stranger.status);
    expect(stranger.body).not.toContain('Toàn tỉnh');
    const { rows } = await server.db.execute(
      "SELECT email FROM users WHERE role IN ('helper', 'business') AND email LIKE 'demo-%' ORDER BY role LIMIT 2",
    );
    expect(rows.length).toBe(2);
    for (const r of rows) {
      const who = await login(String(r.email));
      const res = await page('/dashboard', who);
      expect(res.status, String(r.email)).toBe(403);
      expect(res.body).not.toContain('Toàn tỉnh');
    }
  });
});
