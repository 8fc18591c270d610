// A fresh browser context and page for one measurement, with its console errors collected.
import type { Browser, CDPSession, Page } from 'playwright-core';

export const VIEWPORT = { width: 1920, height: 1080 };

export type BenchPage = Page & { errors?: string[] };

export async function newPage(browser: Browser): Promise<{ page: BenchPage; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // tsx compiles with keepNames: functions handed to page.evaluate call a `__name` helper.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page: BenchPage = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.errors = errors;
  return { page, cdp: await context.newCDPSession(page) };
}

export const closePage = (page: Page) => page.context().close();
