// The SME default (the tool inventory): a retail micro shop finishes it in at most 30 questions on a 360 px phone,
// with JavaScript on and off, and the result says which framework it was scored with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll } from '../helpers/browser.ts';
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

/** Answers the page as a small shop would: the first tool of each job, links "by hand" or "files"; returns the ids. */
async function answerPage(page: Page): Promise<string[]> {
  const questions = page.locator('fieldset.question');
  const ids: string[] = [];
  for (let i = 0; i < (await questions.count()); i++) {
    const q = questions.nth(i);
    ids.push((await q.getAttribute('id'))!.slice(2));
    const boxes = q.locator('input[type=checkbox]');
    const radios = q.locator('input[type=radio]');
    if ((await boxes.count()) > 0) {
      // Half the jobs have no tool yet ("none" is last), the others their first tool.
      await (i % 2 === 0 ? boxes.first() : boxes.last()).check();
    } else if ((await radios.count()) > 0) {
      await radios.nth(i % 2).check();
    }
  }
  return ids;
}

describe.each([
  { js: true, prefix: '087000003' },
  { js: false, prefix: '087000002' },
])('retail micro shop, JavaScript $js', ({ js, prefix }) => {
  it('finishes the default questionnaire in at most 30 questions at 360 px', async () => {
    const ctx = await newMobileContext(browser, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + '/register');
    await page.getByLabel('Mã số thuế').fill(validTaxCode(prefix));
    await page.getByLabel('Tên doanh nghiệp').fill(`Tạp hóa Cô Lan ${js ? 'A' : 'B'}`);
    await page.getByLabel('Xã/phường nơi đặt trụ sở').selectOption({ index: 3 });
    await page.getByLabel('Email hoặc số điện thoại').fill(`taphoa-${js}@example.com`);
    await page.getByLabel('Mật khẩu').fill('mat-khau-tap-hoa');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/businesses\/\d+$/);

    await page.getByRole('button', { name: 'Bắt đầu đánh giá chuyển đổi số' }).click();
    await page.waitForURL(/\/assessment\/profile$/);
    await page.getByLabel('Ngành kinh doanh chính').selectOption('G');
    await page.getByLabel('Doanh nghiệp', { exact: true }).check();
    await page.getByLabel(/Số lao động/).fill('2');
    await page.getByLabel(/Doanh thu năm gần nhất/).fill('900');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.waitForURL(/\/assessment\/1$/);
    expect(await page.locator('h1').textContent()).toContain('Công cụ số cho từng việc');

    const asked = new Set<string>();
    let pages = 0;
    for (let guard = 0; guard < 10 && !page.url().endsWith('/review'); guard++) {
      await assertNoHorizontalScroll(page);
      for (const id of await answerPage(page)) asked.add(id);
      await Promise.all([page.waitForEvent('load'), page.locator('button[name=intent][value=next]').click()]);
      pages++;
    }
    expect(page.url()).toMatch(/\/assessment\/review$/);
    expect(asked.size).toBeGreaterThanOrEqual(10);
    expect(asked.size).toBeLessThanOrEqual(30);
    expect(pages).toBeLessThanOrEqual(3);
    // No other sector's module was asked.
    expect([...asked].filter((id) => /^[tl]_[caihf]_/.test(id))).toEqual([]);

    await page.getByRole('button', { name: 'Nộp bài và xem kết quả' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await expect(page.locator('.framework-badge').first().textContent()).resolves.toContain('không phải bộ chỉ số chính thức');
    await expect(page.locator('.level-badge').textContent()).resolves.toMatch(/Cấp độ \d: /);
    // Jobs without a tool feed the plan.
    expect(await page.locator('[id^="need-"]').count()).toBeGreaterThan(0);
    await assertNoHorizontalScroll(page);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
