import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { assertNoHorizontalScroll, launchBrowser, loginThroughForm, newMobileContext, openMenu, watchErrors } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { Browserless, businessWithResult as registerWithResult } from '../helpers/http.ts';
import { decodeMail, startSmtp, waitForMail, type TestSmtp } from '../helpers/smtp.ts';

// A help request that comes back: the business asks from its plan (choosing a contact and agreeing to
// share it), an officer of its commune moves it on from the worklist, and the business sees the new
// status on its page and next to the plan item, and gets an e-mail. At 360 px, JavaScript on and off.

let server: TestServer;
let browser: Browser;
let smtp: TestSmtp;
let commune = '';

beforeAll(async () => {
  smtp = await startSmtp();
  [server, browser] = await Promise.all([startServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
  const [c] = (await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1")).rows;
  commune = String(c!.code);
  const admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  const res = await admin.post('/admin/users', {
    role: 'officer',
    displayName: 'Cán bộ xã Hỗ Trợ',
    login: 'canbo-hotro@example.com',
    password: 'mat-khau-can-bo',
    communeCode: commune,
  });
  expect(res.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

/** A registered business with a submitted assessment in the test's commune; its id and result page. */
function businessWithResult(first9: string, name: string, email: string): Promise<{ id: number; result: string }> {
  return registerWithResult(server.url, commune, first9, name, email);
}

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
  { js: true, prefix: '088000010' },
  { js: false, prefix: '088000030' },
])('help request with JavaScript $js', ({ js, prefix }) => {
  it('the business asks with a contact → an officer moves it through contacted, being helped and done → the business sees each (page, plan item, e-mail)', async () => {
    const name = `Cửa hàng Gạo Bà Sáu ${js ? 'A' : 'B'}`;
    const email = `ba-sau-${js}@example.com`;
    const { id, result } = await businessWithResult(prefix, name, email);

    // The business asks from the first item of its plan.
    const owner = await newMobileContext(browser, { javaScript: js });
    const page = await owner.newPage();
    const errors = watchErrors(page);
    await loginThroughForm(page, server.url, email, 'mat-khau-cua-hang');
    await page.goto(server.url + result);
    const item = page.locator('.plan-item').first();
    const need = (await item.getAttribute('id'))!.replace(/^need-/, '');
    await item.getByText('Chi tiết và cập nhật').click();
    await item.getByLabel('Tư vấn').check();
    await item.getByLabel('Gọi điện thoại').check();
    await item.getByLabel('Số điện thoại, số Zalo hoặc địa chỉ e-mail').fill('0912 345 678');
    // Forgot the agreement: the error is next to the box, what was typed is kept.
    await item.getByRole('button', { name: 'Gửi yêu cầu hỗ trợ' }).click();
    await expect(page.locator('.help-form .error').first().textContent()).resolves.toContain('Vui lòng đánh dấu đồng ý');
    expect(await page.getByLabel('Số điện thoại, số Zalo hoặc địa chỉ e-mail').inputValue()).toBe('0912 345 678');
    await assertNoHorizontalScroll(page);
    await page.getByLabel(/Tôi đồng ý để cán bộ và tổ công nghệ số/).check();
    await page.getByRole('button', { name: 'Gửi yêu cầu hỗ trợ' }).click();
    await page.waitForURL(/\/assessments\/\d+\?done=help-/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Đã gửi yêu cầu hỗ trợ');
    await expect(page.locator(`#need-${need} .help-status`).textContent()).resolves.toBe('Mới');

    // The officer of the commune sees the contact and marks the request contacted, with a due date.
    const staff = await newMobileContext(browser, { javaScript: js });
    const op = await staff.newPage();
    const staffErrors = watchErrors(op);
    await loginThroughForm(op, server.url, 'canbo-hotro@example.com', 'mat-khau-can-bo');
    await openMenu(op);
    await op.getByRole('link', { name: 'Yêu cầu hỗ trợ' }).click();
    const card = op.locator('.help-card', { hasText: name });
    await expect(card.textContent()).resolves.toContain('0912 345 678');
    await assertNoHorizontalScroll(op);
    await card.getByText('Cập nhật yêu cầu').click();
    await card.getByLabel('Trạng thái').selectOption('contacted');
    await card.getByLabel('Hạn xử lý').fill('2099-12-31');
    await card.getByRole('button', { name: 'Lưu' }).click();
    await expect(op.getByRole('status').first().textContent()).resolves.toContain('Đã lưu thay đổi');
    const saved = op.locator('.help-card', { hasText: name });
    await expect(saved.locator('.help-status').textContent()).resolves.toBe('Đã liên hệ');
    await expect(saved.textContent()).resolves.toContain('31/12/2099');
    await expectNoAxeViolations(op, server.url + '/worklist');
    await saved.getByRole('link', { name: /Chi tiết và lịch sử/ }).click();
    await expect(op.locator('main').textContent()).resolves.toContain('Trạng thái: Mới → Đã liên hệ');
    await assertNoHorizontalScroll(op);
    await expectNoAxeViolations(op, op.url());
    expect(staffErrors).toEqual([]);
    await staff.close();

    // The business sees it at its next visit (once), next to the plan item, and by e-mail.
    await page.goto(`${server.url}/businesses/${id}`);
    const notice = page.getByRole('status').filter({ hasText: 'Yêu cầu hỗ trợ của bạn có cập nhật mới' });
    await expect(notice.textContent()).resolves.toContain('Đã liên hệ');
    await assertNoHorizontalScroll(page);
    await page.reload();
    expect(await page.getByText('Yêu cầu hỗ trợ của bạn có cập nhật mới').count()).toBe(0);
    await expect(page.locator('#help-title + .help-status-list').textContent()).resolves.toContain('Đã liên hệ');
    await page.goto(server.url + result);
    await expect(page.locator(`#need-${need} .help-status`).textContent()).resolves.toBe('Đã liên hệ');
    await page.locator(`#need-${need} .help-status-list a`).click();
    await expect(page.locator('main').textContent()).resolves.toContain('Trạng thái: Mới → Đã liên hệ');
    await expectNoAxeViolations(page, page.url());
    await expectNoAxeViolations(page, `${server.url}/businesses/${id}/help`);
    const mail = await waitForMail(smtp, (m) => m.to.includes(email));
    expect(decodeMail(mail.raw).subject).toBe('Yêu cầu hỗ trợ: Đã liên hệ / Help request: Contacted');

    // The rest of the flow: đang hỗ trợ → đã xong; the business sees each status on its side.
    for (const [status, word, previous] of [
      ['in_progress', 'Đang hỗ trợ', 'Đã liên hệ'],
      ['done', 'Đã xong', 'Đang hỗ trợ'],
    ] as const) {
      const ctx = await newMobileContext(browser, { javaScript: js });
      const officer = await ctx.newPage();
      await loginThroughForm(officer, server.url, 'canbo-hotro@example.com', 'mat-khau-can-bo');
      await officer.goto(server.url + '/worklist');
      const open = officer.locator('.help-card', { hasText: name });
      await open.getByText('Cập nhật yêu cầu').click();
      await open.getByLabel('Trạng thái').selectOption(status);
      await open.getByRole('button', { name: 'Lưu' }).click();
      await expect(officer.getByRole('status').first().textContent()).resolves.toContain('Đã lưu thay đổi');
      await ctx.close();

      await page.goto(`${server.url}/businesses/${id}/help`);
      await expect(page.locator('main').textContent()).resolves.toContain(word);
      await page.goto(server.url + result);
      await expect(page.locator(`#need-${need} .help-status`).textContent()).resolves.toBe(word);
      await page.locator(`#need-${need} .help-status-list a`).click();
      await expect(page.locator('main').textContent()).resolves.toContain(`Trạng thái: ${previous} → ${word}`);
    }
    expect(errors).toEqual([]);
    await owner.close();
  });
});
