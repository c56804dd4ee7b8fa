import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMO_MARKER } from '../../scripts/build/astro-runtime-patches.ts';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ demo: true });
});
afterAll(async () => {
  await server?.stop();
});

async function firstCommune(provinceCode = '37'): Promise<string> {
  const rs = await server.db.execute({
    sql: 'SELECT code FROM communes WHERE province_code = ? ORDER BY code LIMIT 1',
    args: [provinceCode],
  });
  return String(rs.rows[0]!.code);
}

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rs = await server.db.execute({ sql, args });
  return Number(rs.rows[0]![0]);
}

describe('health and home', () => {
  it('GET /healthz reports ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('home page is Vietnamese with diacritics, English under /en', async () => {
    const vi = await fetch(`${server.url}/`);
    const viHtml = await vi.text();
    expect(vi.status).toBe(200);
    expect(viHtml).toContain('<html lang="vi"');
    expect(viHtml).toContain('Doanh nghiệp của bạn đã chuyển đổi số đến đâu?');
    expect(viHtml).toContain('Sở Công Thương');
    const en = await fetch(`${server.url}/en/`);
    const enHtml = await en.text();
    expect(en.status).toBe(200);
    expect(enHtml).toContain('<html lang="en"');
    expect(enHtml).toContain('How far has your business come in digital transformation?');
  });

  it('sends security headers and a CSP without unsafe-inline scripts', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
    const scriptSrc = [csp, meta]
      .join(';')
      .split(';')
      .filter((d) => d.trim().startsWith('script-src'));
    for (const d of scriptSrc) expect(d).not.toContain('unsafe-inline');
    expect(csp + meta).toMatch(/script-src|default-src/);
  });

  it('lists every inline style and script of a page by its own hash, on a first and a repeated request alike', async () => {
    // Astro's hashes are kept after the first request (scripts/build/astro-runtime-patches.ts): the build has the patch,
    // and a kept hash is still the hash of what the page sends.
    const built = ['entry.mjs', ...readdirSync(join(ROOT, 'dist/server/chunks')).map((f) => `chunks/${f}`)]
      .map((f) => readFileSync(join(ROOT, 'dist/server', f), 'utf8'))
      .filter((text) => text.includes(MEMO_MARKER));
    expect(built.join('').split(`${MEMO_MARKER}Digests.get(`).length).toBeGreaterThan(1);
    expect(built.join('').split(`${MEMO_MARKER}Pages.get(`).length).toBeGreaterThan(1);
    expect(built.join('').split(`${MEMO_MARKER}StaticMethod(req.method)`).length).toBeGreaterThan(1);
    for (const path of ['/', '/platforms', '/login', '/', '/login']) {
      const res = await fetch(`${server.url}${path}`);
      const html = await res.text();
      const policy =
        (res.headers.get('content-security-policy') ?? '') +
        (/<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '');
      const inline = [...html.matchAll(/<(style|script)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g)]
        .map((m) => m[2]!)
        .filter((t) => t.length > 0);
      expect(inline.length, path).toBeGreaterThan(0);
      for (const text of inline) expect(policy, path).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    }
  });

  it('serves static files to GET and HEAD only: a form POST goes straight to the pages', async () => {
    const get = await fetch(`${server.url}/favicon.svg`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toContain('image/svg');
    expect((await fetch(`${server.url}/favicon.svg`, { method: 'HEAD' })).status).toBe(200);
    const post = await fetch(`${server.url}/favicon.svg`, { method: 'POST', headers: { origin: server.url }, body: 'a=1' });
    expect(post.headers.get('content-type') ?? '').not.toContain('image/svg');
    expect(post.status).toBe(404);
  });

  it('seeds Ninh Bình with its 129 communes and the former districts', async () => {
    expect(await count("SELECT count(*) FROM communes WHERE province_code = '37'")).toBe(129);
    expect(await count('SELECT count(*) FROM provinces')).toBe(34);
    expect(
      await count(
        "SELECT count(DISTINCT old_province) FROM former_wards f JOIN communes c ON c.code = f.new_code WHERE c.province_code = '37'",
      ),
    ).toBe(3);
    expect(await count('SELECT count(*) FROM businesses WHERE is_demo = 1')).toBeGreaterThanOrEqual(200);
    expect(await count('SELECT count(DISTINCT commune_code) FROM businesses WHERE is_demo = 1')).toBeGreaterThanOrEqual(50);
  });
});

describe('registration', () => {
  it('rejects a tax code with a wrong check digit, names the field, stores nothing', async () => {
    const valid = validTaxCode('080123456');
    const wrong = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
    const before = await count('SELECT count(*) FROM businesses');
    const c = new Browserless(server.url);
    const res = await c.post('/register', {
      taxCode: wrong,
      name: 'Công ty TNHH Thử Nghiệm',
      communeCode: await firstCommune(),
      login: 'thu.nghiem@example.com',
      password: 'mat-khau-an-toan',
      consent: 'yes',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Mã số thuế không hợp lệ: chữ số kiểm tra không khớp');
    expect(html).toMatch(/id="f-taxCode-error"/);
    expect(await count('SELECT count(*) FROM businesses')).toBe(before);
    expect(await count("SELECT count(*) FROM users WHERE email = 'thu.nghiem@example.com'")).toBe(0);
    expect(c.cookies.has('session')).toBe(false);
  });

  it('rejects a password equal to the tax code', async () => {
    const tax = validTaxCode('080123457');
    const c = new Browserless(server.url);
    const res = await c.post('/register', {
      taxCode: tax,
      name: 'Công ty Mật Khẩu',
      communeCode: await firstCommune(),
      login: 'mk@example.com',
      password: tax,
      consent: 'yes',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Mật khẩu không được là mã số thuế');
  });

  it('requires consent (never pre-ticked)', async () => {
    const c = new Browserless(server.url);
    const page = await (await c.get('/register')).text();
    expect(page).toMatch(/<input type="checkbox" id="f-consent" name="consent" value="yes"(?![^>]*checked)/);
    const res = await c.post('/register', {
      taxCode: validTaxCode('080123458'),
      name: 'Công ty Đồng Ý',
      communeCode: await firstCommune(),
      login: 'dongy@example.com',
      password: 'mat-khau-an-toan',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Bạn cần đồng ý để tiếp tục');
  });

  it('registers a valid business, logs it in, and refuses the same tax code twice', async () => {
    const tax = validTaxCode('080123459');
    const c = new Browserless(server.url);
    const res = await c.post('/register', {
      taxCode: tax,
      name: 'Công ty TNHH Đúc Đồng Ý Yên',
      communeCode: await firstCommune(),
      login: 'ducdong@example.com',
      password: 'mat-khau-an-toan',
      consent: 'yes',
    });
    expect(res.status).toBe(303);
    const cookie = c.lastSetCookie.find((l) => l.startsWith('session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http on localhost
    const home = await c.get(res.headers.get('location')!);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Công ty TNHH Đúc Đồng Ý Yên');
    expect(await count('SELECT count(*) FROM consents c JOIN businesses b ON b.id = c.business_id WHERE b.tax_code = ?', [tax])).toBe(1);

    const again = new Browserless(server.url);
    const dup = await again.post('/register', {
      taxCode: tax,
      name: 'Công ty Khác',
      communeCode: await firstCommune(),
      login: 'khac@example.com',
      password: 'mat-khau-an-toan',
      consent: 'yes',
    });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('Mã số thuế này đã được đăng ký');
  });
});

describe('login, logout, password', () => {
  it('wrong password gives no session; logout deletes the session row', async () => {
    const c = new Browserless(server.url);
    const bad = await c.post('/login', { login: ADMIN.email, password: 'wrong-password' });
    expect(bad.status).toBe(400);
    expect(c.cookies.has('session')).toBe(false);
    const ok = await c.post('/login', { login: ADMIN.email, password: ADMIN.password });
    expect(ok.status).toBe(303);
    expect(c.cookies.has('session')).toBe(true);
    const sessionsBefore = await count('SELECT count(*) FROM sessions');
    const out = await c.post('/logout', {});
    expect(out.status).toBe(303);
    expect(await count('SELECT count(*) FROM sessions')).toBe(sessionsBefore - 1);
    expect(c.cookies.has('session')).toBe(false);
    const account = await c.get('/account');
    expect(account.status).toBe(303);
    expect(account.headers.get('location')).toContain('/login');
  });

  it('change password ends other sessions and the new one works', async () => {
    const tax = validTaxCode('080123460');
    const a = new Browserless(server.url);
    await a.post('/register', {
      taxCode: tax,
      name: 'Công ty Đổi Mật Khẩu',
      communeCode: await firstCommune(),
      login: 'doimk@example.com',
      password: 'mat-khau-cu-1',
      consent: 'yes',
    });
    const b = new Browserless(server.url);
    expect((await b.post('/login', { login: 'doimk@example.com', password: 'mat-khau-cu-1' })).status).toBe(303);
    const changed = await a.post('/account', { current: 'mat-khau-cu-1', next: 'mat-khau-moi-2' });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Đã đổi mật khẩu');
    expect((await a.get('/account')).status).toBe(200);
    expect((await b.get('/account')).status).toBe(303);
    const c = new Browserless(server.url);
    expect((await c.post('/login', { login: 'doimk@example.com', password: 'mat-khau-moi-2' })).status).toBe(303);
  });
});

describe('English under /en', () => {
  it('forms post and answer in English', async () => {
    const c = new Browserless(server.url);
    const bad = await c.post('/en/login', { login: ADMIN.email, password: 'wrong-password' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Wrong email/phone number or password');
    const ok = await c.post('/en/login', { login: ADMIN.email, password: ADMIN.password });
    expect(ok.status).toBe(303);
    // The administrator's workspace, in English.
    expect(ok.headers.get('location')).toBe('/en/admin');
    expect(await (await c.get('/en/account')).text()).toContain('Change password');
  });
});

describe('authorisation', () => {
  async function loginAs(email: string, password: string): Promise<Browserless> {
    const c = new Browserless(server.url);
    const res = await c.post('/login', { login: email, password });
    expect(res.status).toBe(303);
    return c;
  }

  it('a business cannot open another business or the admin pages', async () => {
    const owner = await loginAs('demo-doanhnghiep@example.com', 'demo-portal-2025');
    const rs = await server.db.execute(
      "SELECT b.id FROM businesses b JOIN users u ON u.business_id = b.id WHERE u.email = 'demo-doanhnghiep@example.com'",
    );
    const ownId = Number(rs.rows[0]!.id);
    const other = await server.db.execute({ sql: 'SELECT id FROM businesses WHERE id <> ? LIMIT 1', args: [ownId] });
    expect((await owner.get(`/businesses/${ownId}`)).status).toBe(200);
    expect((await owner.get(`/businesses/${Number(other.rows[0]!.id)}`)).status).toBe(404);
    expect((await owner.get('/admin/users')).status).toBe(403);
    expect((await owner.get('/businesses')).status).toBe(403);
  });

  it('a commune officer sees only their commune', async () => {
    const officer = await loginAs('demo-canbo-xa@example.com', 'demo-portal-2025');
    const scope = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-canbo-xa@example.com'");
    const commune = String(scope.rows[0]!.c);
    const inside = await server.db.execute({ sql: 'SELECT id FROM businesses WHERE commune_code = ? LIMIT 1', args: [commune] });
    const outside = await server.db.execute({ sql: 'SELECT id FROM businesses WHERE commune_code <> ? LIMIT 1', args: [commune] });
    expect((await officer.get(`/businesses/${Number(inside.rows[0]!.id)}`)).status).toBe(200);
    expect((await officer.get(`/businesses/${Number(outside.rows[0]!.id)}`)).status).toBe(404);
    const list = await (await officer.get('/businesses')).text();
    const expected = await count('SELECT count(*) FROM businesses WHERE commune_code = ?', [commune]);
    expect(list).toContain(`${expected} doanh nghiệp trong phạm vi của bạn`);
  });

  it('an admin creates a helper scoped to a commune; the helper logs in', async () => {
    const admin = await loginAs(ADMIN.email, ADMIN.password);
    const commune = await firstCommune();
    const noCommune = await admin.post('/admin/users', {
      role: 'helper',
      displayName: 'Nguyễn Văn Hỗ Trợ',
      login: 'hotro@example.com',
      password: 'mat-khau-hotro',
    });
    expect(noCommune.status).toBe(400);
    expect(await noCommune.text()).toContain('phải gắn với một xã/phường');
    const res = await admin.post('/admin/users', {
      role: 'helper',
      displayName: 'Nguyễn Văn Hỗ Trợ',
      login: 'hotro@example.com',
      password: 'mat-khau-hotro',
      communeCode: commune,
    });
    expect(res.status).toBe(200);
    expect(
      await count("SELECT count(*) FROM users WHERE email = 'hotro@example.com' AND role = 'helper' AND scope_commune_code = ?", [commune]),
    ).toBe(1);
    await loginAs('hotro@example.com', 'mat-khau-hotro');
  });

  it('refuses a cross-origin form POST', async () => {
    const c = new Browserless(server.url);
    const res = await c.post('/login', { login: ADMIN.email, password: ADMIN.password }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(c.cookies.has('session')).toBe(false);
  });
});
