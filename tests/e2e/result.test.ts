/**
 * The result page a shop owner can act on (issue 14): "Việc nên làm trước" first, a short plan,
 * honest adoption marks, a shared page a stranger can open (and that dies when revoked), and an
 * A4 print of at most four pages. At 360 px, with JavaScript on and off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, newMobileContext, watchErrors, assertNoHorizontalScroll } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue } from '../helpers/assessment.ts';

let server: TestServer;
let browser: Browser;
let commune: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A shop with the lowest answers everywhere: the longest plan there is. */
async function lowScoringShop(prefix: string, login: string): Promise<{ c: Browserless; id: number; resultPath: string; taxCode: string }> {
  const c = new Browserless(server.url);
  const taxCode = validTaxCode(prefix);
  const reg = await c.post('/register', {
    taxCode,
    name: 'Cửa hàng Tạp hóa Cô Ba',
    communeCode: commune,
    login,
    password: 'mat-khau-co-ba',
    consent: 'yes',
  });
  const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
  // The 2021 questionnaire by name: its lowest answers give the longest plan there is.
  await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
  await c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'G',
    producerType: 'enterprise',
    employees: '3',
    revenueMillion: '',
    capitalMillion: '',
    communeCode: commune,
  });
  const review = await answerPages(c, id, await fetchFramework(server.url, 'dbi-sme'), worstFormValue);
  const submitted = await c.post(review, {});
  return { c, id, resultPath: submitted.headers.get('location')!, taxCode };
}

async function contextAs(c: Browserless, opts: { javaScript: boolean; bypassCSP?: boolean }): Promise<BrowserContext> {
  const ctx = opts.bypassCSP
    ? await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true, locale: 'vi-VN' })
    : await newMobileContext(browser, { javaScript: opts.javaScript });
  await ctx.addCookies([{ name: 'session', value: c.cookies.get('session')!, url: server.url }]);
  return ctx;
}

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe.each([
  { js: true, prefix: '086000001' },
  { js: false, prefix: '086000003' },
])('the result page with JavaScript $js', ({ js, prefix }) => {
  it('leads with "Việc nên làm trước" (at most 3 actions, one primary button each) and fits in four screens at 360 px', async () => {
    const shop = await lowScoringShop(prefix, `result-${js}@example.com`);
    const ctx = await contextAs(shop.c, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + shop.resultPath);

    const first = page.locator('section.first-actions');
    await expect(first.getByRole('heading', { name: 'Việc nên làm trước' }).count()).resolves.toBe(1);
    const actions = first.locator('li.first-action');
    const n = await actions.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(3);
    for (let i = 0; i < n; i++) {
      const primary = actions.nth(i).locator('button, a.button');
      expect(await primary.count()).toBe(1);
      expect(await primary.first().textContent()).toMatch(/Dùng thử|Tôi đã làm|Nhờ hỗ trợ/);
    }
    // It comes before the pillar chart and the full plan.
    const order = await page.evaluate(() => {
      const top = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
      return [top('section.first-actions'), top('figure.chart'), top('#plan')];
    });
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);

    // The plan: grouped by step, only the first step open, the disclaimer once.
    const steps = page.locator('#plan details.plan-step');
    expect(await steps.count()).toBeGreaterThan(1);
    expect(await steps.first().getAttribute('open')).not.toBeNull();
    for (let i = 1; i < (await steps.count()); i++) expect(await steps.nth(i).getAttribute('open')).toBeNull();
    const mainText = (await page.locator('main').textContent())!;
    expect(mainText.split('Không nhà cung cấp nào trả tiền để được xếp trước').length - 1).toBe(1);
    expect(mainText).toContain('Bước 1: Bắt buộc theo quy định');
    expect(mainText).not.toContain('Không hối tiếc');

    expect(await pageHeight(page)).toBeLessThanOrEqual(4 * 780);
    await assertNoHorizontalScroll(page);

    // Opening a later step works without JavaScript (native <details>).
    await steps.nth(1).locator(':scope > summary').click();
    expect(await steps.nth(1).getAttribute('open')).not.toBeNull();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('"Tôi đã dùng" has no preselected platform; a mandatory item cannot be dismissed', async () => {
    const shop = await lowScoringShop(String(Number(prefix) + 10).padStart(9, '0'), `adopt-${js}@example.com`);
    const ctx = await contextAs(shop.c, { javaScript: js });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url + shop.resultPath);

    const einvoice = page.locator('#need-e_invoice');
    await einvoice.getByText('Chi tiết và cập nhật').click();
    const select = einvoice.getByLabel('Tôi đã dùng nền tảng');
    expect(await select.inputValue()).toBe('');
    await expect(select.locator('option', { hasText: 'Nền tảng khác' }).count()).resolves.toBe(1);
    // Pressing the button without choosing records nothing (the browser asks for a choice).
    await einvoice.getByRole('button', { name: 'Đánh dấu đã áp dụng' }).click();
    await page.waitForTimeout(300);
    const marks = async () =>
      Number(
        (await server.db.execute({ sql: 'SELECT count(*) AS n FROM recommendation_marks WHERE business_id = ?', args: [shop.id] })).rows[0]!
          .n,
      );
    expect(await marks()).toBe(0);
    // The same in the "do this first" card.
    const firstSelect = page.locator('#first-adopt-e_invoice');
    if ((await firstSelect.count()) > 0) expect(await firstSelect.inputValue()).toBe('');

    // Mandatory: no "Không phù hợp" for e-invoices, e-tax or digital signatures; help is still there.
    for (const need of ['e_invoice', 'e_tax', 'digital_signature']) {
      const item = page.locator(`#need-${need}`);
      if ((await item.count()) === 0) continue;
      // Counted in the markup, open or not.
      await expect(item.locator('button', { hasText: 'Không phù hợp' }).count()).resolves.toBe(0);
      await expect(item.locator('input[name=intent][value=dismiss]').count()).resolves.toBe(0);
      await expect(item.locator('button', { hasText: 'Gửi yêu cầu hỗ trợ' }).count()).resolves.toBe(1);
    }
    // Choosing "another platform" records the truth: adopted, no vendor.
    await select.selectOption('other');
    await Promise.all([page.waitForURL(/done=adopt-e_invoice/), einvoice.getByRole('button', { name: 'Đánh dấu đã áp dụng' }).click()]);
    const row = await server.db.execute({
      sql: "SELECT kind, platform_id AS p FROM recommendation_marks WHERE business_id = ? AND need = 'e_invoice'",
      args: [shop.id],
    });
    expect([row.rows[0]!.kind, row.rows[0]!.p]).toEqual(['adopted', null]);
    // And the server refuses to dismiss a mandatory item even when asked directly.
    const res = await shop.c.post(`/businesses/${shop.id}/plan`, { intent: 'dismiss', need: 'e_tax', back: shop.resultPath });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Mục bắt buộc theo quy định không thể ẩn');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('sharing and printing', () => {
  it('a shared result opens for a stranger without login (og:image present, no name unless ticked); after revoking, page and image are 404', async () => {
    const shop = await lowScoringShop('086000021', 'share@example.com');
    const ctx = await contextAs(shop.c, { javaScript: false });
    const page = await ctx.newPage();
    await page.goto(server.url + shop.resultPath);
    await page.getByRole('button', { name: 'Chia sẻ kết quả' }).click();
    const link = page.locator('a.share-link');
    const url = (await link.getAttribute('href'))!;
    expect(url).toMatch(/\/share\/[a-z2-7]{26}$/);
    // Plain share links, no third-party script on the page.
    expect(await page.locator('a[href^="https://www.facebook.com/sharer/sharer.php?u="]').count()).toBe(1);
    expect(await page.locator('a[href^="https://sp.zalo.me/share_inline?url="]').count()).toBe(1);
    expect(await page.locator('script[src^="http"]').count()).toBe(0);

    const stranger = await newMobileContext(browser, { javaScript: true });
    const sp = await stranger.newPage();
    const res = await sp.goto(url);
    expect(res!.status()).toBe(200);
    expect(sp.url()).toBe(url); // not sent to a login page
    const og = (await sp.locator('meta[property="og:image"]').getAttribute('content'))!;
    expect(og).toMatch(/\/share\/[a-z2-7]{26}\.png$/);
    const img = await fetch(og);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    const text = (await sp.locator('main').textContent())!;
    expect(text).toContain('Cấp độ');
    expect(text).toContain('Điểm theo trụ cột');
    expect(text).not.toContain('Cô Ba');
    await assertNoHorizontalScroll(sp);

    // Ticking the name shows it; revoking kills both the page and the image.
    await page.getByRole('button', { name: 'Ngừng chia sẻ' }).click();
    expect((await sp.goto(url))!.status()).toBe(404);
    expect((await fetch(og)).status).toBe(404);
    await page.getByLabel('Hiện tên doanh nghiệp trên trang chia sẻ').check();
    await page.getByRole('button', { name: 'Chia sẻ kết quả' }).click();
    const url2 = (await page.locator('a.share-link').getAttribute('href'))!;
    expect(url2).not.toBe(url); // a new link: the revoked one stays dead
    await sp.goto(url2);
    await expect(sp.locator('h1').textContent()).resolves.toContain('Cửa hàng Tạp hóa Cô Ba');
    expect((await sp.goto(url))!.status()).toBe(404);

    // Axe on the public page.
    const axeCtx = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true });
    const ap = await axeCtx.newPage();
    await ap.goto(url2);
    const violations = await axeViolations(ap);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await axeCtx.close();
    await stranger.close();
    await ctx.close();
  });

  it('prints on A4 with the header (portal, province, business, tax code, date, framework), no forms or toggles, in at most four pages', async () => {
    const shop = await lowScoringShop('086000031', 'print@example.com');
    const ctx = await contextAs(shop.c, { javaScript: true });
    const page = await ctx.newPage();
    await page.goto(server.url + shop.resultPath);
    await page.emulateMedia({ media: 'print' });
    const header = page.locator('.print-header');
    expect(await header.isVisible()).toBe(true);
    const h = (await header.textContent())!;
    for (const part of ['Cổng đánh giá chuyển đổi số', 'Ninh Bình', 'Cửa hàng Tạp hóa Cô Ba', shop.taxCode, 'Ngày nộp', 'DBI']) {
      expect(h, part).toContain(part);
    }
    const visible = (sel: string) =>
      page.evaluate(
        (s) =>
          [...document.querySelectorAll(s)].filter(
            (e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display !== 'none',
          ).length,
        sel,
      );
    expect(await visible('main form')).toBe(0);
    expect(await visible('main summary')).toBe(0);
    expect(await visible('main button')).toBe(0);
    // Link targets are printed.
    const after = await page.evaluate(() => {
      const a = document.querySelector('main a[href^="/platforms/"], main a[href]:not(.button)') as HTMLElement | null;
      return a ? getComputedStyle(a, '::after').content : '';
    });
    expect(after).toMatch(/\(/);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(4);
    await ctx.close();
  });

  it('the result and history pages have no axe violations', async () => {
    const shop = await lowScoringShop('086000041', 'axe@example.com');
    const ctx = await contextAs(shop.c, { javaScript: true, bypassCSP: true });
    for (const path of [shop.resultPath, `${shop.resultPath}?open=online_presence`, `/businesses/${shop.id}/history`]) {
      const page = await ctx.newPage();
      await page.goto(server.url + path);
      const violations = await axeViolations(page);
      expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await page.close();
    }
    await ctx.close();
  });
});
