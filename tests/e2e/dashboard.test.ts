// The officer dashboard at 360 px, JavaScript on and off: cards stack, every table scrolls inside its box
// with the first column held (position: sticky), the page never scrolls sideways, it is not thousands of
// pixels tall from word-per-line wrapping, sorting works through plain links, and axe finds nothing serious.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, watchErrors, assertNoHorizontalScroll, loginThroughForm } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';

let server: TestServer;
let browser: Browser;
let year = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  // The demo's assessments fall over the last 360 days: the year holding most of them, whatever today's date.
  const { rows } = await server.db.execute(
    "SELECT period_id AS p FROM commune_cells WHERE period_id NOT LIKE '%-Q%' GROUP BY period_id ORDER BY sum(n) DESC LIMIT 1",
  );
  year = String(rows[0]!.p);
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
  await loginThroughForm(page, server.url, email, 'demo-portal-2025');
  return page;
}

describe.each([{ js: true }, { js: false }])('the officer dashboard at 360 px with JavaScript $js', ({ js }) => {
  it('stacks its cards, scrolls its tables with a sticky first column, stays short and sorts through plain links', async () => {
    const page = await open(js, 'demo-canbo-tinh@example.com');
    const errors = watchErrors(page);
    await page.goto(`${server.url}/dashboard?period=${year}`);
    await assertNoHorizontalScroll(page);

    // Cards stack: one column, each card as wide as the content box.
    const cards = await page
      .locator('main .cards')
      .first()
      .evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(cards).toBe(1);

    // Every dashboard table sits in a scroll box whose first column is sticky.
    const tables = page.locator('main .table-wrap.sticky-first table');
    expect(await tables.count()).toBeGreaterThanOrEqual(4);
    const sticky = await page
      .locator('main .table-wrap.sticky-first table tbody tr:first-child > :first-child')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).position));
    expect(sticky.length).toBeGreaterThanOrEqual(4);
    expect(new Set(sticky)).toEqual(new Set(['sticky']));
    const wraps = await page
      .locator('main .table-wrap.sticky-first')
      .evaluateAll((els) => els.map((el) => ({ overflow: getComputedStyle(el).overflowX, width: el.getBoundingClientRect().width })));
    for (const w of wraps) {
      expect(w.overflow).toBe('auto');
      expect(w.width).toBeLessThanOrEqual(360);
    }

    // No word-per-line wrapping: a value cell of the indicator table is one line, and the page is a few screens.
    const tallest = await page.locator('main .table-wrap.sticky-first td:not(.wrap)').evaluateAll((cells) =>
      Math.max(
        ...cells.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return range.getBoundingClientRect().height / (parseFloat(getComputedStyle(td).lineHeight) || 24);
        }),
      ),
    );
    expect(tallest).toBeLessThan(1.6);
    // The indicator table was 13 474 px of page with a word per line; now it is under two screens, and the whole
    // page (five headline cards, the charts and a 50-row breakdown) under fifteen.
    const indicatorTable = (await page.locator('main .table-wrap.sticky-first').first().boundingBox())!.height;
    expect(indicatorTable).toBeLessThan(2 * 740);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(15 * 740);

    // The trend names the change since the previous quarter; the breakdown flags small samples.
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toMatch(/(\+|-)?\d+(,\d)? điểm % so với Quý \d\/\d{4}|— so với Quý/);
    expect(main).toContain('ít mẫu');

    // Sorting by name through the column heading's link (works with JavaScript off).
    await page.locator('#breakdown ~ div table.breakdown thead a', { hasText: 'Xã/phường' }).click();
    await page.waitForURL(/sort=name/);
    await assertNoHorizontalScroll(page);
    const names = await page.locator('table.breakdown tbody th').allTextContents();
    const collator = new Intl.Collator('vi');
    expect(names.length).toBeGreaterThan(1);
    expect([...names].sort(collator.compare)).toEqual(names);
    expect(await page.locator('table.breakdown thead th[aria-sort="ascending"]').count()).toBe(1);

    if (js) {
      const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
      await page.goto(server.url + '/dashboard');
      const again = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(again, JSON.stringify(again, null, 1)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
