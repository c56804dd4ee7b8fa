import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll, openMenu } from '../helpers/browser.ts';
import { validTaxCode } from '../helpers/http.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each([
  { js: true, prefix: '08100000' },
  { js: false, prefix: '08200000' },
])('foundation flows with JavaScript $js', ({ js, prefix }) => {
  it('home in Vietnamese and English, at 360 px', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + '/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Doanh nghiệp của bạn đã chuyển đổi số đến đâu?');
    await assertNoHorizontalScroll(page);
    await openMenu(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'How far has your business come in digital transformation?',
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('register with a bad check digit, fix it, log out, log in, change password', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    const tax = validTaxCode(prefix + '1');
    const wrong = tax.slice(0, 9) + String((Number(tax[9]) + 1) % 10);
    const email = `e2e-${js ? 'js' : 'nojs'}@example.com`;

    await page.goto(server.url + '/');
    await page.getByRole('link', { name: 'Bắt đầu đánh giá miễn phí' }).click();
    await page.getByLabel('Mã số thuế').fill(wrong);
    await page.getByLabel('Tên doanh nghiệp').fill('Hợp tác xã Nông sản Đồng Tháp Mười');
    await page.getByLabel('Xã/phường nơi đặt trụ sở').selectOption({ index: 3 });
    await page.getByLabel('Email hoặc số điện thoại').fill(email);
    await page.getByLabel('Mật khẩu').fill('mat-khau-e2e-1');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('chữ số kiểm tra không khớp');
    await assertNoHorizontalScroll(page);
    // What was typed is kept (except the password), so a slip costs one field, not the whole form.
    expect(await page.getByLabel('Tên doanh nghiệp').inputValue()).toBe('Hợp tác xã Nông sản Đồng Tháp Mười');
    await page.getByLabel('Mã số thuế').fill(tax);
    await page.getByLabel('Mật khẩu').fill('mat-khau-e2e-1');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/businesses\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Hợp tác xã Nông sản Đồng Tháp Mười');

    await openMenu(page);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(server.url + '/');
    await openMenu(page);
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await page.getByLabel('Email hoặc số điện thoại').fill(email);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('không đúng');
    await page.getByLabel('Mật khẩu').fill('mat-khau-e2e-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // A business lands on its own page, not the home page.
    await page.waitForURL(/\/businesses\/\d+$/);
    await openMenu(page);
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByLabel('Mật khẩu hiện tại').fill('mat-khau-e2e-1');
    await page.getByLabel('Mật khẩu mới').fill('mat-khau-e2e-2');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Đã đổi mật khẩu');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('admin creates a commune helper; a business cannot reach the admin page', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('Email hoặc số điện thoại').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The administrator lands on the administration page.
    await page.waitForURL(server.url + '/admin');
    await openMenu(page);
    await page.getByRole('link', { name: 'Quản trị tài khoản' }).click();
    await page.getByLabel('Thành viên Tổ công nghệ số cộng đồng').check();
    await page.getByLabel('Họ và tên').fill('Trần Thị Hỗ Trợ');
    const login = `helper-${js ? 'js' : 'nojs'}@example.com`;
    await page.getByLabel('Email hoặc số điện thoại').fill(login);
    await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-helper');
    await page.getByLabel(/Xã\/phường phụ trách/).selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Đã tạo tài khoản');
    expect(await page.getByRole('cell', { name: login }).count()).toBe(1);
    await ctx.close();

    const biz = await newMobileContext(browser, { javaScript: js });
    const p2 = await biz.newPage();
    await p2.goto(server.url + '/login');
    await p2.getByLabel('Email hoặc số điện thoại').fill(`e2e-${js ? 'js' : 'nojs'}@example.com`);
    await p2.getByLabel('Mật khẩu').fill('mat-khau-e2e-2');
    await p2.getByRole('button', { name: 'Đăng nhập' }).click();
    // The business lands on its own page.
    await p2.waitForURL(/\/businesses\/\d+$/);
    const res = await p2.goto(server.url + '/admin/users');
    expect(res?.status()).toBe(403);
    await expect(p2.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Bạn không có quyền');
    await biz.close();
  });
});
