import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll } from '../helpers/browser.ts';
import { chooseFramework, loginThroughForm, openMenu } from '../helpers/browser.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';

let server: TestServer;
let browser: Browser;
let communeA: string;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  const rs = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-canbo-xa@example.com'");
  communeA = String(rs.rows[0]!.c);
  const other = await server.db.execute({
    sql: "SELECT code FROM communes WHERE province_code = '37' AND code <> ? ORDER BY code LIMIT 1",
    args: [communeA],
  });
  const admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  await admin.post('/admin/users', {
    role: 'officer',
    displayName: 'Cán bộ xã khác',
    login: 'canbo-khac@example.com',
    password: 'mat-khau-can-bo',
    communeCode: String(other.rows[0]!.code),
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Answers every page with the first option (the lowest grade; "none" for tool lists) until the review page. */
async function answerAllLowest(page: Page, keep: Set<string> = new Set()): Promise<void> {
  for (let guard = 0; guard < 30 && !page.url().endsWith('/review'); guard++) {
    const questions = page.locator('fieldset.question');
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      const id = (await q.getAttribute('id'))!.slice(2);
      if (keep.has(id)) continue;
      // Closed follow-ups are not there for a person; "Không biết" is not the lowest option of the framework.
      if (!(await q.isVisible())) continue;
      const radios = q.locator('input[type=radio]:not([value=dont_know])');
      const boxes = q.locator('input[type=checkbox]:not([value=dont_know])');
      if ((await radios.count()) > 0) await radios.first().check();
      else if ((await boxes.count()) > 0) {
        for (let b = 0; b < (await boxes.count()); b++) await boxes.nth(b).uncheck();
        await boxes.last().check();
      } else await q.locator('input[type=text]').fill('0');
    }
    await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
  }
}

/** Opens a plan item's details, and first its step when that step is collapsed. */
async function openItem(item: Locator): Promise<void> {
  const step = item.locator('xpath=ancestor::details[contains(@class,"plan-step")]');
  if ((await step.getAttribute('open')) === null) await step.locator(':scope > summary').click();
  await item.locator(':scope > details > summary').click();
}

function login(page: Page, email: string, password: string): Promise<void> {
  return loginThroughForm(page, server.url, email, password);
}

describe.each([
  { js: true, prefix: '085000001' },
  { js: false, prefix: '085000003' },
])('plan and adoption loop with JavaScript $js', ({ js, prefix }) => {
  it('see the plan → adopt one, dismiss one, ask for help → retake: adopted prefilled, dismissed hidden; worklist scoped', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    const name = `Cửa hàng Điện máy Phú Thịnh ${js ? 'A' : 'B'}`;
    await page.goto(server.url + '/register');
    await page.getByLabel('Mã số thuế').fill(validTaxCode(prefix));
    await page.getByLabel('Tên doanh nghiệp').fill(name);
    await page.getByLabel('Xã/phường nơi đặt trụ sở').selectOption(communeA);
    await page.getByLabel('Email hoặc số điện thoại').fill(`plan-${js}@example.com`);
    await page.getByLabel('Mật khẩu').fill('mat-khau-phu-thinh');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/businesses\/\d+$/);
    // This flow reads the 2021 index's questions (i2_einvoice): chosen on the start page.
    await page.goto(`${page.url()}/assessment`);
    await chooseFramework(page, /DBI, QĐ 1970/);
    await page.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await page.getByLabel('Ngành kinh doanh chính').selectOption('G');
    await page.getByLabel('Doanh nghiệp', { exact: true }).check();
    await page.getByLabel(/Số lao động/).fill('4');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await answerAllLowest(page);
    await page.getByRole('button', { name: 'Nộp bài và xem kết quả' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);

    await expect(page.getByRole('heading', { name: 'Lộ trình nền tảng số đề xuất' }).count()).resolves.toBe(1);
    const einvoice = page.locator('#need-e_invoice');
    expect(await einvoice.locator('a[href*="/platforms/"]').count()).toBeGreaterThanOrEqual(2);
    await assertNoHorizontalScroll(page);

    await einvoice.getByText('Chi tiết và cập nhật').click();
    // Nothing is preselected: the person picks the platform they use.
    const adoptSelect = einvoice.getByLabel('Tôi đã dùng nền tảng');
    const firstPlatform = adoptSelect.locator('option:not([disabled])').first();
    const chosenName = (await firstPlatform.textContent())!;
    await adoptSelect.selectOption((await firstPlatform.getAttribute('value'))!);
    await einvoice.getByRole('button', { name: 'Đánh dấu đã áp dụng' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã ghi nhận');
    expect(await page.locator('#need-e_invoice').count()).toBe(0);

    const payment = page.locator('#need-cashless_payment');
    await openItem(payment);
    await payment.getByLabel(/Không phù hợp vì/).fill('Khách quen trả tiền mặt');
    await payment.getByRole('button', { name: 'Không phù hợp' }).click();
    expect(await page.locator('#need-cashless_payment').count()).toBe(0);

    const presence = page.locator('#need-online_presence');
    await openItem(presence);
    await presence.getByLabel('Tư vấn').check();
    await presence.getByRole('button', { name: 'Gửi yêu cầu hỗ trợ' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã gửi yêu cầu hỗ trợ');

    // Retake: the adopted e-invoice is prefilled; keep it and answer the rest low again.
    await page.getByRole('link', { name: 'Đánh giá lại' }).click();
    await chooseFramework(page, /DBI, QĐ 1970/);
    await page.getByRole('button', { name: 'Đánh giá lại' }).click();
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    for (let guard = 0; guard < 15 && (await page.locator('#q-i2_einvoice').count()) === 0; guard++) {
      await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
    }
    const checked = await page.locator('#q-i2_einvoice input:checked').getAttribute('value');
    expect(['g3', 'g4', 'g5']).toContain(checked);
    await page.goto(page.url().replace(/\/\d+$/, '/1'));
    await answerAllLowest(page, new Set(['i2_einvoice', 'x_tools_accounting']));
    await page.getByRole('button', { name: 'Nộp bài và xem kết quả' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    expect(await page.locator('#need-cashless_payment').count()).toBe(0);
    expect(await page.locator('#need-e_invoice').count()).toBe(0);
    // Shown as done, with the platform chosen.
    await expect(page.locator('#plan .status-done').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining(chosenName)]),
    );
    expect(errors).toEqual([]);
    await ctx.close();

    // The help request reaches the commune's officer, not an officer of another commune.
    const officer = await newMobileContext(browser, { javaScript: js });
    const op = await officer.newPage();
    await login(op, 'demo-canbo-xa@example.com', 'demo-portal-2025');
    await openMenu(op);
    await op.getByRole('link', { name: 'Yêu cầu hỗ trợ' }).click();
    await expect(op.locator('main').textContent()).resolves.toContain(name);
    await officer.close();
    const other = await newMobileContext(browser, { javaScript: js });
    const xp = await other.newPage();
    await login(xp, 'canbo-khac@example.com', 'mat-khau-can-bo');
    await xp.goto(server.url + '/worklist');
    await expect(xp.locator('main').textContent()).resolves.not.toContain(name);
    await other.close();
  });
});
