import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll, openMenu } from '../helpers/browser.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function answerAll(page: Page): Promise<void> {
  for (let guard = 0; guard < 20 && !page.url().endsWith('/review'); guard++) {
    const questions = page.locator('fieldset.question');
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      // Closed follow-ups are not there for a person; "Không biết" is not the answer this walk gives.
      if (!(await q.isVisible())) continue;
      const radios = q.locator('input[type=radio]:not([value=dont_know])');
      const boxes = q.locator('input[type=checkbox]:not([value=dont_know])');
      if ((await radios.count()) > 0) await radios.last().check();
      else if ((await boxes.count()) > 0) {
        for (let b = 0; b < (await boxes.count()); b++) await boxes.nth(b).uncheck();
        await boxes.first().check();
      } else await q.locator('input[type=text]').fill('2');
    }
    await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
  }
}

describe.each([
  { js: true, phone: '0913 111 222' },
  { js: false, phone: '0913 333 444' },
])('assisted flow at 360 px with JavaScript $js', ({ js, phone }) => {
  it('helper registers a household with consent, adds two products, assesses, ticks a checklist, hands over; the producer claims', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + '/login');
    await page.getByLabel('Email hoặc số điện thoại').fill('demo-totruong@example.com');
    await page.getByLabel('Mật khẩu').fill('demo-portal-2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // A helper lands on the assisted producers' list.
    await page.waitForURL(server.url + '/assisted');
    await openMenu(page);
    await page.getByRole('link', { name: 'Hỗ trợ hộ sản xuất' }).click();
    await page.getByRole('link', { name: 'Đăng ký hộ sản xuất mới' }).click();
    await assertNoHorizontalScroll(page);
    const household = `Hộ bà Lê Thị Sen ${js ? 'A' : 'B'}`;
    await page.getByLabel('Hộ sản xuất, kinh doanh').check();
    await page.getByLabel('Họ tên người đại diện hoặc tên hộ').fill(household);
    await page.getByLabel('Số điện thoại di động').fill(phone);
    await page.getByLabel('Họ tên người đồng ý').fill('Lê Thị Sen');
    await page.getByLabel(/Đồng ý cho Cổng thông tin lưu và xử lý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/businesses\/\d+$/);
    const businessUrl = page.url();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(household);

    for (const [name, stars] of [
      ['Chè lam Kiến Xương', '3'],
      ['Rượu nếp cái hoa vàng', '4'],
    ] as const) {
      await page.getByRole('link', { name: 'Thêm sản phẩm OCOP' }).click();
      await page.getByLabel('Tên sản phẩm').fill(name);
      await page.getByLabel('Nhóm sản phẩm OCOP').selectOption(name.startsWith('Rượu') ? 'beverage' : 'food');
      await page.getByLabel(`${stars} ★`).check();
      await page.getByLabel('Số giấy chứng nhận OCOP').fill(`NB-${stars}-2025`);
      await page.getByLabel('Năm cấp chứng nhận').fill('2025');
      await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
      await page.waitForURL(/\/products\/\d+$/);
      await assertNoHorizontalScroll(page);
      await page.goto(businessUrl);
    }
    expect(await page.locator('main li a[href*="/products/"]').count()).toBe(2);

    // Tick the first product's common checklist once: it counts for every floor.
    await page.locator('main li a[href*="/products/"]').first().click();
    const common = page.locator('#floor-common');
    await common.getByLabel(/Ảnh sản phẩm/).check();
    await common.getByRole('button', { name: 'Lưu danh sách chung' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Đã lưu danh sách');
    const floorSummaries = await page.locator('details.floor > summary').allTextContents();
    expect(floorSummaries.length).toBeGreaterThan(1);
    for (const summary of floorSummaries) expect(summary).toMatch(/Đã chuẩn bị 1\//);

    // The producer assessment, filled in with them.
    await page.goto(businessUrl);
    await page.getByRole('button', { name: 'Bắt đầu đánh giá chuyển đổi số' }).click();
    await page.getByLabel('Ngành kinh doanh chính').selectOption('A');
    await page.getByLabel(/Số lao động/).fill('2');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await answerAll(page);
    await page.getByRole('button', { name: 'Nộp bài và xem kết quả' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await assertNoHorizontalScroll(page);

    // Hand over: a one-time code.
    await page.goto(businessUrl);
    await page.getByRole('button', { name: 'Tạo mã nhận tài khoản' }).click();
    const code = (await page.locator('.slip-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(errors).toEqual([]);
    await ctx.close();

    const producer = await newMobileContext(browser, { javaScript: js });
    const p = await producer.newPage();
    await p.goto(server.url + '/claim');
    await p.getByLabel('Số điện thoại').fill(phone);
    await p.getByLabel(/Mã nhận tài khoản/).fill(code);
    await p.getByLabel('Mật khẩu mới').fill('mat-khau-cua-sen');
    await p.getByRole('button', { name: 'Nhận tài khoản' }).click();
    // A welcome page says what to do next; the result made with the helper is one click away.
    await p.waitForURL(server.url + '/welcome');
    await expect(p.getByRole('heading', { level: 2, name: 'Việc tiếp theo' }).count()).resolves.toBe(1);
    await expect(p.getByRole('link', { name: 'Xem kết quả' }).count()).resolves.toBe(1);
    await p.goto(businessUrl);
    await p.getByRole('link', { name: /Lịch sử thay đổi/ }).click();
    await expect(p.locator('main').textContent()).resolves.toContain('Tổ công nghệ số (mẫu)');
    await assertNoHorizontalScroll(p);
    await openMenu(p);
    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    // The code is spent.
    await p.goto(server.url + '/claim');
    await p.getByLabel('Số điện thoại').fill(phone);
    await p.getByLabel(/Mã nhận tài khoản/).fill(code);
    await p.getByLabel('Mật khẩu mới').fill('mat-khau-khac-nua');
    await p.getByRole('button', { name: 'Nhận tài khoản' }).click();
    await expect(p.getByRole('alert').textContent()).resolves.toContain('đã được dùng');
    await producer.close();
  });
});
