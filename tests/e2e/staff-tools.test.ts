// Province staff at 360 px, with JavaScript on and off: a province officer sets a commune's target and the commune
// officer sees it; a registry file naming communes (with and without diacritics, one former name) imports after
// its preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, watchErrors, assertNoHorizontalScroll } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { taxCodeFrom } from '../helpers/http.ts';

const PASSWORD = 'demo-portal-2025';
let server: TestServer;
let browser: Browser;
let commune = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  const { rows } = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-canbo-xa@example.com'");
  commune = String(rows[0]!.c);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(js: boolean, email: string): Promise<Page> {
  // bypassCSP only so that axe can be injected; the pages' own scripts run under the CSP as in production.
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: js,
    locale: 'vi-VN',
    bypassCSP: true,
  });
  const page = await ctx.newPage();
  await page.goto(server.url + '/login');
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** axe runs as a script in the page: checked on the JavaScript run (the markup is the same without it). */
async function expectAccessible(page: Page, js: boolean) {
  if (!js) return;
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
}

describe.each([{ js: true }, { js: false }])('staff tools at 360 px with JavaScript $js', ({ js }) => {
  it('a province officer sets a commune target and the commune officer sees it, with who set it and when', async () => {
    const page = await open(js, 'demo-canbo-tinh@example.com');
    const errors = watchErrors(page);
    await page.goto(server.url + '/admin/targets');
    await assertNoHorizontalScroll(page);
    await page.getByLabel('Chỉ số').selectOption('einvoice_adoption');
    await page.getByLabel('Áp dụng cho').selectOption(commune);
    await page.getByLabel('Ngày mốc').fill('2026-01-01');
    await page.getByLabel('Giá trị mốc (%)').fill('40');
    await page.getByLabel('Hạn mục tiêu').fill('2027-12-31');
    const value = js ? '91,5' : '92,5';
    await page.getByLabel('Mục tiêu (%)').fill(value);
    await page.getByRole('button', { name: 'Lưu mục tiêu' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã lưu mục tiêu');
    await expect(page.locator('main table').textContent()).resolves.toContain(`${value} % (31/12/2027)`);
    await expectAccessible(page, js);

    const officer = await open(js, 'demo-canbo-xa@example.com');
    await officer.goto(server.url + '/dashboard');
    const text = (await officer.locator('main').textContent()) ?? '';
    expect(text).toContain(`${value} % (31/12/2027)`);
    expect(text).toMatch(/Đặt bởi .+ \(Cán bộ[^)]*\) ngày \d{2}\/\d{2}\/\d{4}/);
    // The commune officer can read targets but not set them.
    const res = await officer.goto(server.url + '/admin/targets');
    expect(res?.status()).toBe(403);
    expect(errors).toEqual([]);
    await officer.context().close();
    await page.context().close();
  });

  it('a registry file naming communes with and without diacritics and by a former name imports after its preview', async () => {
    const page = await open(js, 'demo-canbo-tinh@example.com');
    const errors = watchErrors(page);
    await page.goto(server.url + '/admin/registry');
    await assertNoHorizontalScroll(page);
    const base = js ? '088100000' : '088200000';
    const codes = [0, 100, 200].map((d) => taxCodeFrom(String(Number(base) + d)));
    const csv = [
      'Mã số thuế,Tên doanh nghiệp,Ngành,Xã/phường,Số lao động,Doanh thu (triệu đồng)',
      `${codes[0]},Công ty Phủ Lý ${js},4711,Phường Phủ Lý,5,3000`,
      `${codes[1]},Công ty Không Dấu ${js},4711,phuong phu ly,4,2000`,
      `${codes[2]},Công ty Kiện Khê ${js},1079,Thị trấn Kiện Khê,9,8000`,
    ].join('\n');
    await page
      .getByLabel('Tệp CSV hoặc Excel (.xlsx)')
      .setInputFiles({ name: 'danh-ba.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
    await page.getByRole('heading', { name: 'Xem trước: chưa có gì được nhập' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('3 dòng hợp lệ, 0 dòng lỗi');
    await assertNoHorizontalScroll(page);
    await expectAccessible(page, js);
    const before = await server.db.execute({ sql: 'SELECT count(*) AS n FROM businesses WHERE tax_code IN (?, ?, ?)', args: codes });
    expect(Number(before.rows[0]!.n)).toBe(0);
    await page.getByRole('button', { name: 'Nhập 3 dòng hợp lệ' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã nhập 3 doanh nghiệp');
    const after = await server.db.execute({
      sql: 'SELECT commune_code AS c FROM businesses WHERE tax_code IN (?, ?, ?) ORDER BY tax_code',
      args: codes,
    });
    expect(after.rows.map((r) => r.c)).toEqual(['13285', '13285', '13318']);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
