import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll, openMenu } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { questionnairePages } from '#src/domain/framework/questionnaire.ts';
import { followUpsOnPage } from '#src/domain/framework/presentation.ts';
import { toProfile } from '#src/domain/framework/questionnaire.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The first SME page with a follow-up that opens from an answer on the same page, and an answer that opens it. */
function followUpCase() {
  const fw = getFramework('dbi-sme')!;
  const profile = toProfile({
    sector: 'I',
    employees: 9,
    revenueVnd: null,
    capitalVnd: null,
    producerType: 'enterprise',
    communeCode: '00000',
  });
  for (const page of questionnairePages(fw)) {
    const up = followUpsOnPage(page, profile, {})[0];
    if (!up) continue;
    const trigger = up.condition!.field.slice('answers.'.length);
    return { page: page.number, followUp: up.id, trigger, value: String(up.condition!.in[0]) };
  }
  throw new Error('no same-page follow-up in the SME framework');
}

/**
 * A business registered through the HTTP client, its profile filled in (sector I, 9 staff), logged in.
 * It asks for the 2021 SME questionnaire by name (a start page may offer several), whose follow-ups
 * the tests read.
 */
async function businessWithDraft(prefix: string): Promise<{ c: Browserless; id: number }> {
  const c = new Browserless(server.url);
  const commune = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  const res = await c.post('/register', {
    taxCode: taxCodeFrom(prefix),
    name: `Quán ăn Hương Sen ${prefix}`,
    communeCode: String(commune.rows[0]!.code),
    login: `journey-${prefix}@example.com`,
    password: 'mat-khau-quan-an',
    consent: 'yes',
  });
  expect(res.status).toBe(303);
  const id = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
  await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
  const profile = await c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'I',
    producerType: 'enterprise',
    employees: '9',
    revenueMillion: '',
    capitalMillion: '',
    communeCode: String(commune.rows[0]!.code),
  });
  expect(profile.status).toBe(303);
  return { c, id };
}

async function withSession(c: Browserless, js: boolean, bypassCSP = false): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: js,
    locale: 'vi-VN',
    bypassCSP,
  });
  await ctx.addCookies([{ name: 'session', value: c.cookies.get('session')!, url: server.url }]);
  return ctx;
}

describe('questionnaire: follow-up questions', () => {
  const fc = followUpCase();

  it('JS on: the follow-up opens in place as soon as the answer changes, without leaving the page, and is saved', async () => {
    const { c, id } = await businessWithDraft('084000010');
    const ctx = await withSession(c, true);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/businesses/${id}/assessment/${fc.page}`);
    const followUp = page.locator(`#q-${fc.followUp}`);
    expect(await followUp.isVisible()).toBe(false);
    let loads = 0;
    page.on('load', () => loads++);
    await page.locator(`#q-${fc.trigger} input[value="${fc.value}"]`).check();
    await followUp.waitFor({ state: 'visible' });
    expect(loads).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    // The follow-up is answered in place and the page moves on in one press.
    await followUp.locator('input:not([value=dont_know])').first().check();
    await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
    expect(new URL(page.url()).pathname).not.toBe(`/businesses/${id}/assessment/${fc.page}`);
    const saved = await server.db.execute({
      sql: "SELECT answers FROM assessments WHERE business_id = ? AND status = 'draft'",
      args: [id],
    });
    expect(Object.keys(JSON.parse(String(saved.rows[0]!.answers)))).toContain(fc.followUp);
    await assertNoHorizontalScroll(page);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('JS off: after saving, the page returns to the first new question, focused and highlighted, never to the top', async () => {
    const { c, id } = await businessWithDraft('084000020');
    const ctx = await withSession(c, false);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/businesses/${id}/assessment/${fc.page}`);
    expect(await page.locator(`#q-${fc.followUp}`).isVisible()).toBe(false);
    await page.locator(`#q-${fc.trigger} input[value="${fc.value}"]`).check();
    await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/businesses/${id}/assessment/${fc.page}`);
    expect(url.hash).toBe(`#q-${fc.followUp}`);
    const followUp = page.locator(`#q-${fc.followUp}`);
    expect(await followUp.isVisible()).toBe(true);
    expect(await followUp.getAttribute('class')).toContain('is-new');
    // Focus is on the new question's first answer, and the question is on screen (the page is scrolled).
    expect(await page.evaluate((qid) => document.getElementById(qid)!.contains(document.activeElement), `q-${fc.followUp}`)).toBe(true);
    const box = (await followUp.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(740);
    if (fc.page > 0) expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(page.getByRole('status').filter({ hasText: 'Có thêm câu hỏi' }).count()).resolves.toBe(1);
    await ctx.close();
  });

  it('progress says how many questions and minutes are left; "Không biết" is offered and listed to check in the result', async () => {
    const { c, id } = await businessWithDraft('084000030');
    const ctx = await withSession(c, false, true);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/businesses/${id}/assessment/1`);
    await expect(page.locator('.progress label').textContent()).resolves.toMatch(/còn \d+ câu hỏi, khoảng \d+ phút/);
    const first = page.locator('fieldset.question:visible').first();
    const firstText = (await first.locator('legend').textContent())!.replace(/^\s*\d+\.\s*/, '').trim();
    await first.getByLabel('Không biết').check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Lưu và làm tiếp sau' }).click()]);
    const submit = await c.post(`/businesses/${id}/assessment/review`, {});
    expect(submit.status).toBe(303);
    await page.goto(server.url + submit.headers.get('location')!);
    const toCheck = page.getByRole('region', { name: /Cần kiểm tra/ });
    await expect(toCheck.textContent()).resolves.toContain(firstText);
    await ctx.close();
    // axe runs as a script: a JavaScript context for the changed pages (questionnaire, result, welcome).
    const axeCtx = await withSession(c, true, true);
    const a = await axeCtx.newPage();
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    for (const path of [`/businesses/${id}/assessment/1`, submit.headers.get('location')!]) {
      await a.goto(server.url + path);
      expect(await axeViolations(a), path).toEqual([]);
    }
    await axeCtx.close();
  });
});

describe.each([{ js: true }, { js: false }])('landing, header and home with JavaScript $js', ({ js }) => {
  async function loginAs(page: Page, login: string, password: string, next?: string): Promise<string> {
    await page.goto(server.url + '/login' + (next ? `?next=${encodeURIComponent(next)}` : ''));
    await page.getByLabel('Email hoặc số điện thoại').fill(login);
    await page.getByLabel('Mật khẩu').fill(password);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
    return new URL(page.url()).pathname;
  }

  it('each role lands on its workspace after login; a safe `next` wins', async () => {
    const demoBiz = await server.db.execute("SELECT business_id AS id FROM users WHERE email = 'demo-doanhnghiep@example.com'");
    const bizId = Number(demoBiz.rows[0]!.id);
    const draft = await server.db.execute({
      sql: "SELECT current_step AS s FROM assessments WHERE business_id = ? AND status = 'draft'",
      args: [bizId],
    });
    const cases: [string, string, RegExp][] = [
      [
        'demo-doanhnghiep@example.com',
        'demo-portal-2025',
        draft.rows.length ? new RegExp(`^/businesses/${bizId}/assessment(/[a-z0-9]+)?$`) : new RegExp(`^/businesses/${bizId}$`),
      ],
      ['demo-totruong@example.com', 'demo-portal-2025', /^\/assisted$/],
      ['demo-canbo-xa@example.com', 'demo-portal-2025', /^\/dashboard$/],
      ['demo-canbo-tinh@example.com', 'demo-portal-2025', /^\/dashboard$/],
      [ADMIN.email, ADMIN.password, /^\/admin$/],
    ];
    for (const [login, password, expected] of cases) {
      const ctx = await newMobileContext(browser, { javaScript: js });
      const page = await ctx.newPage();
      expect(await loginAs(page, login, password), login).toMatch(expected);
      await ctx.close();
    }
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    expect(await loginAs(page, 'demo-totruong@example.com', 'demo-portal-2025', '/platforms')).toBe('/platforms');
    await ctx.close();
  });

  it('the commune officer is labelled as such and sees the commune’s indicators, not the province’s', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    await loginAs(page, 'demo-canbo-xa@example.com', 'demo-portal-2025');
    await openMenu(page);
    await expect(page.getByRole('link', { name: 'Chỉ số của xã/phường' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Chỉ số của tỉnh' }).count()).resolves.toBe(0);
    await page.goto(server.url + '/account');
    await expect(page.locator('main dl').textContent()).resolves.toContain('Cán bộ xã/phường');
    await expect(page.locator('main dl').textContent()).resolves.not.toContain('Sở Công Thương');
    await ctx.close();
  });

  it('the header is a compact menu no taller than 64 px at 360 px, for every role, and opens without JavaScript', async () => {
    const logins: (readonly [string, string] | null)[] = [
      null,
      ['demo-doanhnghiep@example.com', 'demo-portal-2025'],
      ['demo-totruong@example.com', 'demo-portal-2025'],
      ['demo-canbo-tinh@example.com', 'demo-portal-2025'],
      [ADMIN.email, ADMIN.password],
    ];
    for (const who of logins) {
      const ctx = await newMobileContext(browser, { javaScript: js });
      const page = await ctx.newPage();
      if (who) await loginAs(page, who[0], who[1]);
      await page.goto(server.url + '/platforms');
      const height = (await page.locator('header.site').boundingBox())!.height;
      expect(height, `${who?.[0] ?? 'anonymous'}: ${height}px`).toBeLessThanOrEqual(64);
      await assertNoHorizontalScroll(page);
      await openMenu(page);
      await expect(page.getByRole('link', { name: 'Nền tảng số' }).isVisible()).resolves.toBe(true);
      await ctx.close();
    }
  });

  it('the home page names the province and its Department, shows the public API’s numbers, the three steps, what to have at hand, a sample result and the claim link', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + '/');
    const api = (await (await fetch(server.url + '/api/v1/indicators')).json()) as {
      period: string;
      indicators: { id: string; value: number | null; numerator: number | null; denominator: number | null }[];
    };
    const of = (id: string) => api.indicators.find((i) => i.id === id)!;
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('Sở Công Thương tỉnh Ninh Bình');
    await expect(main.textContent()).resolves.toContain(`Số liệu của tỉnh Ninh Bình năm ${api.period}`);
    const item = (id: string) => page.locator(`[data-indicator="${id}"]`);
    const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    expect(await item('assessment_coverage').getAttribute('data-numerator')).toBe(String(of('assessment_coverage').numerator ?? ''));
    expect(await item('sme_platform_adoption').getAttribute('data-value')).toBe(String(of('sme_platform_adoption').value ?? ''));
    expect(await item('ocop_products_on_ecommerce').getAttribute('data-numerator')).toBe(
      String(of('ocop_products_on_ecommerce').numerator ?? ''),
    );
    // The demo province has enough businesses for the numbers to be published; what is shown is the API's.
    expect(of('assessment_coverage').numerator).not.toBeNull();
    await expect(item('assessment_coverage').locator('strong').textContent()).resolves.toBe(fmt(of('assessment_coverage').numerator!));
    const sme = of('sme_platform_adoption').value;
    await expect(item('sme_platform_adoption').locator('strong').textContent()).resolves.toBe(sme === null ? '—' : `${fmt(sme)} %`);
    const ocop = of('ocop_products_on_ecommerce').numerator;
    await expect(item('ocop_products_on_ecommerce').locator('strong').textContent()).resolves.toBe(ocop === null ? '—' : fmt(ocop));
    expect(await page.locator('main ol.steps > li').count()).toBe(3);
    await expect(page.getByRole('heading', { name: 'Chuẩn bị sẵn' }).count()).resolves.toBe(1);
    await expect(main.textContent()).resolves.toMatch(/Mã số thuế/);
    await expect(main.textContent()).resolves.toMatch(/Khoảng \d+ phút/);
    expect(await page.getByRole('img', { name: /Ví dụ kết quả/ }).count()).toBe(1);
    expect(await page.locator('main').getByRole('link', { name: 'Nhận tài khoản bằng mã' }).getAttribute('href')).toBe('/claim');
    await assertNoHorizontalScroll(page);
    expect(errors).toEqual([]);
    // The login page leads there too.
    await page.goto(server.url + '/login');
    expect(await page.locator('main').getByRole('link', { name: 'Nhận tài khoản bằng mã' }).getAttribute('href')).toBe('/claim');
    await ctx.close();
  });

  it('registration reports every field error in one round', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    await page.goto(server.url + '/register');
    // An invalid tax code, an invalid e-mail, and everything else left empty.
    await page.getByLabel('Mã số thuế').fill('12345');
    await page.getByLabel('Email hoặc số điện thoại').fill('not-an-email@');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForLoadState('load');
    const summary = page.getByRole('alert').locator('ul li a');
    const targets = await summary.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(targets)).toEqual(new Set(['#f-taxCode', '#f-name', '#f-communeCode', '#f-login', '#f-password', '#f-consent']));
    await ctx.close();
  });
});

describe.each([{ js: true }, { js: false }])('claim slip with JavaScript $js', ({ js }) => {
  it('the helper prints an A6 slip whose QR code decodes to the claim address', async () => {
    const c = new Browserless(server.url);
    await c.post('/login', { login: 'demo-totruong@example.com', password: 'demo-portal-2025' });
    const helper = await c.get('/assisted/new');
    expect(helper.status).toBe(200);
    const ctx = await withSession(c, js, true);
    const page = await ctx.newPage();
    await page.goto(server.url + '/assisted/new');
    await page.getByLabel('Hộ sản xuất, kinh doanh').check();
    await page.getByLabel('Họ tên người đại diện hoặc tên hộ').fill(`Hộ ông Phạm Văn Lúa ${js ? 'A' : 'B'}`);
    await page.getByLabel('Số điện thoại di động').fill(js ? '0914 555 001' : '0914 555 002');
    await page.getByLabel('Họ tên người đồng ý').fill('Phạm Văn Lúa');
    await page.getByLabel(/Đồng ý cho Cổng thông tin lưu và xử lý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/businesses\/\d+$/);
    // A household is an OCOP producer: it can add products.
    await expect(page.getByRole('link', { name: 'Thêm sản phẩm OCOP' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Tạo mã nhận tài khoản' }).click();
    await page.waitForLoadState('load');
    const code = (await page.locator('.slip-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // axe is a script: it runs where JavaScript does.
    if (js) expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('.claim-slip').isVisible()).toBe(true);
    await expect(page.locator('.claim-slip').textContent()).resolves.toContain(code);
    await expect(page.locator('.claim-slip').textContent()).resolves.toContain(`${server.url}/claim`);
    const png = await page.locator('.slip-qr svg').screenshot();
    const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(decoded?.data).toBe(`${server.url}/claim`);
    // The print is an A6 page: the PDF Chromium makes for it has one 105 × 148 mm page.
    if (js) {
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const text = pdf.toString('latin1');
      expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)!;
      expect(Math.round((Number(box[1]) * 25.4) / 72)).toBe(105);
      expect(Math.round((Number(box[2]) * 25.4) / 72)).toBe(148);
    }
    await ctx.close();
  });

  it('an enterprise can add OCOP products too', async () => {
    const { c, id } = await businessWithDraft(js ? '084000040' : '084000050');
    const res = await c.get(`/businesses/${id}`);
    expect(await res.text()).toContain(`href="/businesses/${id}/products/new"`);
  });
});
