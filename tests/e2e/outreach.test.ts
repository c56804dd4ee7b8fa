import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { assertNoHorizontalScroll, launchBrowser, loginThroughForm, newMobileContext, watchErrors } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { Browserless, businessWithResult as registerWithResult } from '../helpers/http.ts';

// The outreach list at 360 px, JavaScript on and off: from a dashboard indicator to the businesses that
// do not have it, a selection turned into help tasks for the commune's helper, who finds them in the worklist.

let server: TestServer;
let browser: Browser;
let commune = '';

async function businessWithResult(first9: string, name: string, email: string): Promise<number> {
  return (await registerWithResult(server.url, commune, first9, name, email)).id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const [c] = (await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1")).rows;
  commune = String(c!.code);
  const admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  for (const [role, displayName, login] of [
    ['officer', 'Cán bộ xã Tiếp Cận', 'canbo-tiepcan@example.com'],
    ['helper', 'Tổ CNS Tiếp Cận', 'tocns-tiepcan@example.com'],
  ] as const)
    expect((await admin.post('/admin/users', { role, displayName, login, password: 'mat-khau-can-bo', communeCode: commune })).status).toBe(
      200,
    );
  await businessWithResult('089000010', 'Cửa hàng Tiếp Cận Một', 'tc1@example.com');
  await businessWithResult('089000020', 'Cửa hàng Tiếp Cận Hai', 'tc2@example.com');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNoAxeViolations(page: Page, url: string): Promise<void> {
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
  await ctx.addCookies(await page.context().cookies());
  const p = await ctx.newPage();
  expect((await p.goto(url))?.status(), url).toBe(200);
  const violations = await axeViolations(p);
  expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await ctx.close();
}

describe.each([
  { js: true, shop: 'Cửa hàng Tiếp Cận Một' },
  { js: false, shop: 'Cửa hàng Tiếp Cận Hai' },
])('outreach list with JavaScript $js', ({ js, shop }) => {
  it('dashboard → "does not have it" → tick a business → help task → in the helper’s worklist', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await loginThroughForm(page, server.url, 'canbo-tiepcan@example.com', 'mat-khau-can-bo');
    await page.goto(server.url + '/dashboard');
    await page.locator('a[href*="flag=einvoice"][href*="side=not"]').first().click();
    await page.waitForURL(/side=not/);
    const nav = page.getByRole('navigation', { name: 'Bên của chỉ số' });
    await expect(nav.textContent()).resolves.toMatch(/Đã có \(0\).*Chưa có \(2\)/s);
    await assertNoHorizontalScroll(page);
    await expectNoAxeViolations(page, page.url());

    await page.getByLabel(`Chọn ${shop}`).check();
    // The share's need is chosen already; the helper of the commune is offered.
    expect(await page.getByLabel('Nội dung hỗ trợ').inputValue()).toBe('e_invoice');
    await page.getByLabel('Giao cho (tổ công nghệ số của xã/phường)').selectOption({ label: 'Tổ CNS Tiếp Cận' });
    await page.getByLabel('Hạn xử lý').fill('2099-12-31');
    await page.getByLabel('Ghi chú cho người hỗ trợ').fill('Hướng dẫn đăng ký hóa đơn điện tử');
    await page.getByRole('button', { name: 'Tạo yêu cầu hỗ trợ' }).click();
    await page.waitForURL(/created=1/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã tạo 1 yêu cầu hỗ trợ; bỏ qua 0 doanh nghiệp');
    await assertNoHorizontalScroll(page);
    expect(errors).toEqual([]);
    await ctx.close();

    const hctx = await newMobileContext(browser, { javaScript: js });
    const hp = await hctx.newPage();
    await loginThroughForm(hp, server.url, 'tocns-tiepcan@example.com', 'mat-khau-can-bo');
    await hp.goto(server.url + '/worklist?mine=1');
    const card = hp.locator('.help-card', { hasText: shop });
    await expect(card.textContent()).resolves.toContain('31/12/2099');
    // The helper may not open the officers' list.
    expect((await hp.goto(server.url + '/dashboard/businesses?flag=einvoice&side=not'))?.status()).toBe(403);
    await hctx.close();
  }, 120_000);
});

it('the dashboard with both sides’ links has no accessibility issue axe finds', async () => {
  const ctx = await newMobileContext(browser, { javaScript: true });
  const page = await ctx.newPage();
  await loginThroughForm(page, server.url, 'canbo-tiepcan@example.com', 'mat-khau-can-bo');
  await expectNoAxeViolations(page, server.url + '/dashboard');
  await ctx.close();
}, 60_000);
