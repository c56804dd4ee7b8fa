import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { Browserless } from '../helpers/http.ts';

let server: TestServer;
let browser: Browser;
let ctx: BrowserContext;
let businessId: number;
let resultPath: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  // A logged-in business with one submitted assessment, so the questionnaire and result pages exist.
  const c = new Browserless(server.url);
  await c.post('/login', { login: 'demo-doanhnghiep@example.com', password: 'demo-portal-2025' });
  const rs = await server.db.execute("SELECT business_id AS id FROM users WHERE email = 'demo-doanhnghiep@example.com'");
  businessId = Number(rs.rows[0]!.id);
  const commune = await server.db.execute({ sql: 'SELECT commune_code AS c FROM businesses WHERE id = ?', args: [businessId] });
  await c.post(`/businesses/${businessId}/assessment`, {});
  await c.post(`/businesses/${businessId}/assessment/profile`, {
    sector: 'I',
    producerType: 'enterprise',
    employees: '9',
    revenueMillion: '',
    capitalMillion: '',
    communeCode: String(commune.rows[0]!.c),
  });
  const submit = await c.post(`/businesses/${businessId}/assessment/review`, {});
  resultPath = submit.headers.get('location')!;
  await c.post(`/businesses/${businessId}/assessment`, {});
  ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
  await ctx.addCookies([{ name: 'session', value: c.cookies.get('session')!, url: server.url }]);
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await server?.stop();
});

describe('WCAG 2.1 AA (axe-core) on the main pages', () => {
  it.each([
    ['home', '/'],
    ['home (English)', '/en/'],
    ['register', '/register'],
    ['login', '/login'],
    ['privacy', '/privacy'],
    ['account', '/account'],
    ['my data', '/account/data'],
    ['business', () => `/businesses/${businessId}`],
    ['profile step', () => `/businesses/${businessId}/assessment/profile`],
    ['questionnaire page', () => `/businesses/${businessId}/assessment/1`],
    ['review', () => `/businesses/${businessId}/assessment/review`],
    ['result', () => resultPath],
    ['history', () => `/businesses/${businessId}/assessments`],
    ['platform catalog', '/platforms'],
    ['platform page', '/platforms/postmart'],
    ['OCOP products', '/ocop'],
    ['open data', '/open-data'],
    ['claim an account', '/claim'],
    ['change history', () => `/businesses/${businessId}/history`],
    ['consents', () => `/businesses/${businessId}/consents`],
    ['welcome after claiming', '/welcome'],
  ])('%s has no violations', async (_name, path) => {
    const page = await ctx.newPage();
    const url = server.url + (typeof path === 'function' ? path() : path);
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.close();
  });

  it.each([
    [
      'admin',
      ADMIN.email,
      ADMIN.password,
      [
        '/admin',
        '/admin/users',
        '/admin/platforms',
        '/admin/platforms/postmart',
        '/admin/targets',
        '/admin/registry',
        '/admin/takeovers',
        '/admin/contacts',
        '/admin/stories',
        '/dashboard',
        '/worklist',
        '/businesses',
      ],
    ],
    ['helper', 'demo-totruong@example.com', 'demo-portal-2025', ['/assisted', '/assisted/new']],
  ] as const)('staff pages of the %s have no violations', async (_role, login, password, paths) => {
    const c = new Browserless(server.url);
    await c.post('/login', { login, password });
    const staff = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
    await staff.addCookies([{ name: 'session', value: c.cookies.get('session')!, url: server.url }]);
    for (const path of paths) {
      const page = await staff.newPage();
      const res = await page.goto(server.url + path);
      expect(res?.status(), path).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await page.close();
    }
    await staff.close();
  });

  it("an OCOP product with a photo and a price has no violations (the editor's page and the public page)", async () => {
    // An administrator edits any product; the product is a public demo one, so /ocop shows it too.
    const c = new Browserless(server.url);
    await c.post('/login', { login: ADMIN.email, password: ADMIN.password });
    const rs = await server.db.execute(`SELECT p.id AS pid, p.business_id AS bid FROM ocop_products p
      WHERE EXISTS (SELECT 1 FROM consents k WHERE k.business_id = p.business_id
        AND k.purpose = 'publish_products' AND k.withdrawn_at IS NULL) ORDER BY p.id LIMIT 1`);
    const { pid, bid } = rs.rows[0]! as unknown as { pid: number; bid: number };
    const path = `/businesses/${bid}/products/${pid}`;
    await server.db.execute({ sql: "UPDATE ocop_products SET price_vnd = 120000, price_unit = 'hộp 500 g' WHERE id = ?", args: [pid] });
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c8782a' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('photo', new Blob([photo as BlobPart], { type: 'image/jpeg' }), 'anh.jpg');
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const up = await fetch(server.url + path, { method: 'POST', headers: { origin: server.url, cookie }, body: form });
    expect(up.status).toBe(200);
    const staff = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
    await staff.addCookies([{ name: 'session', value: c.cookies.get('session')!, url: server.url }]);
    for (const url of [path, `/ocop/${pid}`, '/ocop']) {
      const page = await staff.newPage();
      const res = await page.goto(server.url + url);
      expect(res?.status(), url).toBe(200);
      expect(await page.locator('img[src^="/ocop/photos/"]').count(), url).toBeGreaterThan(0);
      expect(await page.textContent('main'), url).toMatch(/120\.000\s₫ \/ hộp 500 g/);
      const violations = await axeViolations(page);
      expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await page.close();
    }
    await staff.close();
  });

  it('the skip link is the first focusable element and moves focus to the main content', async () => {
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});
