import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/ensure-chromium.ts';

// Flags from this machine's notes: no sandbox as root, no background network on a closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `npm test`, which installs it, or set CHROMIUM_PATH');
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}

/** A phone-sized context (360 px wide); `javaScriptEnabled: false` checks the no-JS path. */
export async function newMobileContext(browser: Browser, opts: { javaScript: boolean }): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: opts.javaScript,
    locale: 'vi-VN',
  });
}

/** Fails the test on any console error or uncaught page error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // Chromium logs every 4xx response as a console error; a refused form is expected, a script error is not.
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) {
      errors.push(m.text());
    }
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The page must not scroll sideways at 360 px. */
export async function assertNoHorizontalScroll(page: Page): Promise<void> {
  // A form posted without JavaScript may still be navigating: measure the page that arrives, not the one leaving.
  let overflow: number | null = null;
  for (let attempt = 0; overflow === null && attempt < 5; attempt++) {
    await page.waitForLoadState('load');
    overflow = await page
      .evaluate(() => (document.documentElement ? document.documentElement.scrollWidth - document.documentElement.clientWidth : null))
      .catch(() => null);
  }
  if (overflow === null) throw new Error(`page at ${page.url()} could not be measured`);
  if (overflow > 1) throw new Error(`page scrolls horizontally by ${overflow}px at ${page.url()}`);
}

/** Logs in through the real form and waits for the page the person lands on (their workspace). */
export async function loginThroughForm(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(base + '/login');
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.origin === new URL(base).origin && u.pathname !== '/login');
}

/** Opens the header's compact menu (a <details>, so it works with JavaScript off too). */
export async function openMenu(page: Page): Promise<void> {
  const menu = page.locator('header.site details.menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

/** On the assessment start page: opens "Chọn bộ tiêu chí khác" and picks the framework whose title matches. */
export async function chooseFramework(page: Page, title: RegExp): Promise<void> {
  await page.locator('details.framework-choice summary').click();
  await page.getByLabel(title).check();
}
