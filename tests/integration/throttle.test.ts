import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';

let server: TestServer;
beforeAll(async () => {
  // Behind a trusted proxy, X-Forwarded-For lets the tests speak from several client IPs.
  server = await startServer({ env: { TRUST_PROXY: '1' } });
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

const from = (ip: string) => ({ 'x-forwarded-for': ip });

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rs = await server.db.execute({ sql, args });
  return Number(rs.rows[0]![0]);
}

describe('login throttling attacks', () => {
  it('a parallel burst of 16 wrong guesses checks at most 5 passwords (check and count are one step)', async () => {
    const c = new Browserless(server.url);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => c.post('/login', { login: ADMIN.email, password: `burst-${i}` }, from('192.0.2.16'))),
    );
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 400).length;
    const refused = statuses.filter((s) => s === 429).length;
    expect(checked + refused, statuses.join(',')).toBe(16);
    expect(checked, statuses.join(',')).toBe(5);
    for (const r of answers.filter((a) => a.status === 429)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a stranger guessing from another IP cannot lock the administrator out', async () => {
    const stranger = new Browserless(server.url);
    let refused = 0;
    for (let i = 0; i < 12; i++) {
      const res = await stranger.post('/login', { login: ADMIN.email, password: `stranger-${i}` }, from('203.0.113.7'));
      if (res.status === 429) refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const admin = new Browserless(server.url);
    const res = await admin.post('/login', { login: ADMIN.email, password: ADMIN.password }, from('198.51.100.1'));
    expect(res.status).toBe(303);
    expect(admin.cookies.has('session')).toBe(true);
  });

  it('the delay after the free tries grows with each further wrong try', async () => {
    const c = new Browserless(server.url);
    const ip = from('192.0.2.77');
    for (let i = 1; i <= 5; i++)
      expect((await c.post('/login', { login: 'growing@example.com', password: `x-${i}` }, ip)).status).toBe(400);
    const first = await c.post('/login', { login: 'growing@example.com', password: 'x-6' }, ip);
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get('retry-after'));
    // Let the wait pass (the throttle state lives in the database; only the clock is simulated).
    await server.db.execute("UPDATE auth_throttle SET blocked_until = 0 WHERE key LIKE 'login:acct:growing@example.com|%'");
    expect((await c.post('/login', { login: 'growing@example.com', password: 'x-7' }, ip)).status).toBe(400);
    const second = await c.post('/login', { login: 'growing@example.com', password: 'x-8' }, ip);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(firstWait);
  });

  it('one IP guessing one password across many accounts hits a per-IP ceiling', async () => {
    const c = new Browserless(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push(
        (await c.post('/login', { login: `spray-${i}@example.com`, password: 'mat-khau-pho-bien' }, from('192.0.2.200'))).status,
      );
    }
    expect(statuses.filter((s) => s === 400).length).toBe(30);
    expect(statuses.at(-1)).toBe(429);
    // Another IP is not affected.
    expect((await c.post('/login', { login: 'spray-0@example.com', password: 'mat-khau-pho-bien' }, from('192.0.2.201'))).status).toBe(400);
  });

  it('an administrator lifts a lock from the admin users page, and it is audited', async () => {
    const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
    const owner = new Browserless(server.url);
    const reg = await owner.post(
      '/register',
      {
        taxCode: taxCodeFrom('087000001'),
        name: 'Cửa hàng Bị Khóa',
        communeCode: String(rs.rows[0]!.code),
        login: 'bikhoa@example.com',
        password: 'mat-khau-bi-khoa',
        consent: 'yes',
      },
      from('192.0.2.90'),
    );
    expect(reg.status).toBe(303);
    const c = new Browserless(server.url);
    for (let i = 1; i <= 6; i++) await c.post('/login', { login: 'bikhoa@example.com', password: `sai-${i}` }, from('192.0.2.90'));
    expect((await c.post('/login', { login: 'bikhoa@example.com', password: 'mat-khau-bi-khoa' }, from('192.0.2.90'))).status).toBe(429);

    const admin = new Browserless(server.url);
    expect((await admin.post('/login', { login: ADMIN.email, password: ADMIN.password }, from('198.51.100.2'))).status).toBe(303);
    const page = await admin.get('/admin/users');
    const html = await page.text();
    expect(html).toContain('bikhoa@example.com');
    const lifted = await admin.post('/admin/users', { intent: 'lift', login: 'bikhoa@example.com' });
    expect(lifted.status).toBe(200);
    expect(await lifted.text()).toContain('Đã gỡ giới hạn đăng nhập');
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'lift_login_throttle'")).toBe(1);
    expect((await c.post('/login', { login: 'bikhoa@example.com', password: 'mat-khau-bi-khoa' }, from('192.0.2.90'))).status).toBe(303);

    // Only administrators may lift a lock.
    const business = await owner.post('/admin/users', { intent: 'lift', login: ADMIN.email });
    expect(business.status).toBe(403);
  });
});
