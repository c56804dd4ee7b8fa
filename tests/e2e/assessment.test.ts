import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll } from '../helpers/browser.ts';
import { chooseFramework, loginThroughForm, openMenu } from '../helpers/browser.ts';
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

/** Answers every question on the current page: `choice` picks the first or last option. */
async function answerPage(page: Page, choice: 'first' | 'last'): Promise<void> {
  const questions = page.locator('fieldset.question');
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    // A follow-up still closed (its trigger not answered that way) is not there for a person.
    if (!(await q.isVisible())) continue;
    // "Không biết" is a real choice but not the best or the worst one: pick among the framework's options.
    const radios = q.locator('input[type=radio]:not([value=dont_know])');
    const boxes = q.locator('input[type=checkbox]:not([value=dont_know])');
    const text = q.locator('input[type=text]');
    if ((await radios.count()) > 0) {
      await (choice === 'first' ? radios.first() : radios.last()).check();
    } else if ((await boxes.count()) > 0) {
      // First option is a real tool; the exclusive "none" option is last. Clear earlier ticks first,
      // as a person would: "none" together with a tool is refused.
      for (let b = 0; b < (await boxes.count()); b++) await boxes.nth(b).uncheck();
      await (choice === 'first' ? boxes.last() : boxes.first()).check();
    } else if ((await text.count()) > 0) {
      await text.fill(choice === 'first' ? '0' : '5');
    }
  }
}

/** Answers and saves the page; when new questions appear on it (a condition now holds), answers them too. */
async function answerAndNext(page: Page, choice: 'first' | 'last'): Promise<void> {
  for (let guard = 0; guard < 3; guard++) {
    const before = page.url();
    await answerPage(page, choice);
    // The next document's load event, registered before the click (same URL when the page stays).
    await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
    // Without JavaScript the page comes back (same path, `?new=…#q-…`) when follow-ups opened.
    const samePage = new URL(page.url()).pathname === new URL(before).pathname;
    if (!samePage || !(await page.getByRole('status').filter({ hasText: 'Có thêm câu hỏi' }).count())) return;
  }
}

async function pageNumber(page: Page): Promise<number> {
  const m = /\/assessment\/(\d+)$/.exec(new URL(page.url()).pathname);
  return m ? Number(m[1]) : NaN;
}

function login(page: Page, email: string, password: string): Promise<void> {
  return loginThroughForm(page, server.url, email, password);
}

describe.each([
  { js: true, prefix: '083000001' },
  { js: false, prefix: '083000002' },
])('assessment with JavaScript $js', ({ js, prefix }) => {
  it('register → profile → part → log out → log in → resume → finish → result → retake → history', async () => {
    const email = `assess-${js ? 'js' : 'nojs'}@example.com`;
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);

    await page.goto(server.url + '/register');
    await page.getByLabel('Mã số thuế').fill(validTaxCode(prefix));
    await page.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH Gốm Sứ Bát Tràng Ninh Bình');
    await page.getByLabel('Xã/phường nơi đặt trụ sở').selectOption({ index: 4 });
    await page.getByLabel('Email hoặc số điện thoại').fill(email);
    await page.getByLabel('Mật khẩu').fill('mat-khau-gom-su');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/businesses\/\d+$/);
    const businessUrl = page.url();

    // This flow pages through the 2021 index (13 pages), chosen on the start page: the SME default is the tool inventory.
    await page.goto(`${businessUrl}/assessment`);
    await chooseFramework(page, /DBI, QĐ 1970/);
    await page.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await page.waitForURL(/\/assessment\/profile$/);
    await page.getByLabel('Ngành kinh doanh chính').selectOption('C');
    await page.getByLabel('Doanh nghiệp', { exact: true }).check();
    await page.getByLabel(/Số lao động/).fill('25');
    await page.getByLabel(/Doanh thu năm gần nhất/).fill('12000');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.waitForURL(/\/assessment\/1$/);
    await assertNoHorizontalScroll(page);

    // Page 1 by submit; on page 2, answer and (with JS) rely on autosave before leaving.
    await answerAndNext(page, 'last');
    await page.waitForURL(/\/assessment\/2$/);
    await answerPage(page, 'last');
    if (js) {
      await expect.poll(() => page.locator('.autosave-status').textContent(), { timeout: 5000 }).toMatch(/Đã lưu/);
    } else {
      await page.getByRole('button', { name: 'Lưu và làm tiếp sau' }).click();
      await page.waitForURL(businessUrl);
    }
    await page.goto(businessUrl);
    await openMenu(page);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(server.url + '/');

    await login(page, email, 'mat-khau-gom-su');
    await page.goto(businessUrl);
    await page.getByRole('link', { name: 'Làm tiếp bài đánh giá' }).click();
    await page.waitForURL(/\/assessment\/\d+$/);
    // JS: autosave kept the person on page 2; no JS: "save and finish later" moved them to page 3.
    expect(await pageNumber(page)).toBe(js ? 2 : 3);
    if (js) {
      // The autosaved answers are there after a new login.
      expect(await page.locator('fieldset.question input:checked').count()).toBeGreaterThan(0);
    }

    for (let guard = 0; guard < 20 && !page.url().endsWith('/review'); guard++) await answerAndNext(page, 'last');
    expect(page.url()).toMatch(/\/assessment\/review$/);
    await page.getByRole('button', { name: 'Nộp bài và xem kết quả' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await expect(page.locator('.level-badge').textContent()).resolves.toMatch(/Cấp độ \d: /);
    expect(await page.getByRole('img', { name: /Điểm theo trụ cột/ }).count()).toBe(1);
    await assertNoHorizontalScroll(page);

    // Retake with the lowest options.
    await page.getByRole('link', { name: 'Đánh giá lại' }).click();
    await chooseFramework(page, /DBI, QĐ 1970/);
    await page.getByRole('button', { name: 'Đánh giá lại' }).click();
    await page.waitForURL(/\/assessment\/profile$/);
    expect(await page.getByLabel(/Số lao động/).inputValue()).toBe('25');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    for (let guard = 0; guard < 20 && !page.url().endsWith('/review'); guard++) await answerAndNext(page, 'first');
    await page.getByRole('button', { name: 'Nộp bài và xem kết quả' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await expect(page.locator('.panel').first().textContent()).resolves.toContain('So với lần trước');
    await page.getByRole('link', { name: 'Lịch sử đánh giá' }).click();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(1).locator('td').last().textContent()).resolves.toMatch(/^-\d/);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
