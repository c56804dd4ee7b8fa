import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rs = await server.db.execute({ sql, args });
  return Number(rs.rows[0]![0]);
}

/** Where a browser would go with this answer: redirects must stay on the portal's origin. */
function landsOnOrigin(res: Response): boolean {
  const location = res.headers.get('location');
  if (location === null) return true;
  return new URL(location, server.url).origin === new URL(server.url).origin;
}

describe('open redirect after login', () => {
  it('POST /login?next=/%09/evil.com with valid credentials never redirects off-origin', async () => {
    const c = new Browserless(server.url);
    const res = await c.post('/login?next=/%09/evil.com', { login: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBeLessThan(500);
    expect(landsOnOrigin(res), `Location: ${JSON.stringify(res.headers.get('location'))}`).toBe(true);
    expect(res.headers.get('location') ?? '').not.toMatch(/[\t\\]/);
  });

  it.each([
    ['protocol-relative', '//evil.com'],
    ['backslash', '/\\evil.com'],
    ['absolute URL', 'https://evil.com/x'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['tab inside a path', '/\t/evil.com'],
    ['dot segment to a protocol-relative path', '/.//evil.com'],
  ])('next as a %s never redirects off-origin', async (_name, next) => {
    const c = new Browserless(server.url);
    const res = await c.post(`/login?next=${encodeURIComponent(next)}`, { login: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBeLessThan(500);
    expect(landsOnOrigin(res), `Location: ${JSON.stringify(res.headers.get('location'))}`).toBe(true);
  });

  it('CRLF in next answers 400 before any login happens (no session created)', async () => {
    const before = await count('SELECT count(*) FROM sessions');
    const c = new Browserless(server.url);
    const res = await c.post('/login?next=/%0d%0aSet-Cookie:%20x=1', { login: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Địa chỉ chuyển tiếp không hợp lệ');
    expect(c.cookies.has('session')).toBe(false);
    expect(await count('SELECT count(*) FROM sessions')).toBe(before);
  });

  it('non-ASCII in next answers 400 before any login happens (no session created)', async () => {
    const before = await count('SELECT count(*) FROM sessions');
    const c = new Browserless(server.url);
    const res = await c.post(`/login?next=${encodeURIComponent('/doanh-nghiệp')}`, { login: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(400);
    expect(c.cookies.has('session')).toBe(false);
    expect(await count('SELECT count(*) FROM sessions')).toBe(before);
  });

  it('a safe next is kept through the login form and followed', async () => {
    const c = new Browserless(server.url);
    const page = await c.get('/login?next=%2Fadmin%2Fusers%3Fx%3D1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/login?next=%2Fadmin%2Fusers%3Fx%3D1"');
    const res = await c.post('/login?next=%2Fadmin%2Fusers%3Fx%3D1', { login: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/users?x=1');
  });

  it('the login redirect for a protected page carries a next the login page accepts', async () => {
    const c = new Browserless(server.url);
    const res = await c.get('/admin/users?tab=a%20b');
    expect(res.status).toBe(303);
    const login = await c.post(res.headers.get('location')!, { login: ADMIN.email, password: ADMIN.password });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/admin/users?tab=a%20b');
  });

  it('CRLF in the plan form back field answers 400 before the action (nothing written)', async () => {
    const c = new Browserless(server.url);
    const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
    const reg = await c.post('/register', {
      taxCode: validTaxCode('086000001'),
      name: 'Cửa hàng Chuyển Hướng',
      communeCode: String(rs.rows[0]!.code),
      login: 'chuyenhuong@example.com',
      password: 'mat-khau-chuyen-huong',
      consent: 'yes',
    });
    expect(reg.status).toBe(303);
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    const before = await count('SELECT count(*) FROM recommendation_marks WHERE business_id = ?', [id]);
    const res = await c.post(`/businesses/${id}/plan`, {
      intent: 'dismiss',
      need: 'e_invoice',
      back: `/businesses/${id}/\r\nSet-Cookie: x=1`,
    });
    expect(res.status).toBe(400);
    expect(await count('SELECT count(*) FROM recommendation_marks WHERE business_id = ?', [id])).toBe(before);
    const offsite = await c.post(`/businesses/${id}/plan`, { intent: 'dismiss', need: 'e_invoice', back: `/businesses/${id}/\t/evil.com` });
    expect(offsite.status).toBe(400);
  });
});
