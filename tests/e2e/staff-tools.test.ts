// Province staff at 360 px, with JavaScript on and off: a province officer sets a commune's target and the commune
// officer sees it; a registry file naming communes (with and without diacritics, one former name) imports after
// its preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
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

async function open(js: boolean, email: string, password = PASSWORD): Promise<Page> {
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
  await page.getByLabel('Mật khẩu').fill(password);
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

describe.each([{ js: true }, { js: false }])('an OCOP product page at 360 px with JavaScript $js', ({ js }) => {
  it('fits in four screens; a wrong-domain listing link shows its error by the field, with the focus, and saves nothing', async () => {
    const { rows } = await server.db.execute(
      "SELECT p.id AS pid, p.business_id AS bid FROM ocop_products p WHERE p.product_group <> 'tourism' ORDER BY p.id LIMIT 1",
    );
    const { pid, bid } = rows[0] as unknown as { pid: number; bid: number };
    // The demo's producers sit in several communes: the administrator can act for any of them, as a helper does in theirs.
    const page = await open(js, ADMIN.email, ADMIN.password);
    const errors = watchErrors(page);
    await page.goto(`${server.url}/businesses/${bid}/products/${pid}`);
    await assertNoHorizontalScroll(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(4 * 740);
    await expectAccessible(page, js);

    const count = async () =>
      (
        await server.db.execute({
          sql: 'SELECT (SELECT count(*) FROM product_listings WHERE product_id = ?) AS l, (SELECT count(*) FROM product_checklist WHERE product_id = ?) AS c',
          args: [pid, pid],
        })
      ).rows[0];
    const before = await count();
    const lazada = page.locator('#floor-lazada');
    await lazada.locator('summary').click();
    await lazada.getByLabel('Trạng thái trên sàn').selectOption('listed');
    await lazada.getByLabel(/Đường dẫn tới sản phẩm trên sàn/).fill('https://shopee.vn/san-pham-123');
    await lazada.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForLoadState('load');
    const error = page.locator('#url-lazada-error');
    await expect(error.textContent()).resolves.toContain('Lazada');
    expect(await error.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('url-lazada');
    // The field error is next to its field: inside the same block, just above the input.
    expect(await page.locator('#floor-lazada .field:has(#url-lazada) #url-lazada-error').count()).toBe(1);
    expect(await count()).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
