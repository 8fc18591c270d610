// Browser figures: load, interaction, animation and memory of a fresh build under `vite preview`,
// in Debian's Chromium (software rendering, as on a school laptop without GPU drivers).
// Builds into its own temp folder, serves it on a free port, and stops everything it started.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium';
import type { Figure } from './engine';
import { growLab, interactionFigures } from './interaction';
import { loadFigures } from './load';
import { newPage } from './page';
import { animationFigures, memoryFigures } from './playback';
import { serveFreshBuild } from './serve';
import { log } from './stats';

/** BENCH_BROWSER=load,interaction runs some of the browser figures (all by default). */
const ONLY = new Set(
  (process.env['BENCH_BROWSER'] ?? 'load,interaction,animation,memory').split(','),
);
/** Lab sizes and the `docker run` → commit target at each (issue 16: 16.7 ms at 10, 33 ms at 50). */
const SIZES = [
  { cards: 10, target: 16.7 },
  { cards: 50, target: 33 },
] as const;

export async function browserFigures(): Promise<Figure[]> {
  const { base, stop } = await serveFreshBuild();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const out: Figure[] = [];
    if (ONLY.has('load')) {
      log('load');
      out.push(...(await loadFigures(browser, base)));
    }
    const lab = ['interaction', 'animation'].some((f) => ONLY.has(f));
    const { page } = await newPage(browser);
    await page.goto(`${base}/`);
    // The app has taken over the prerendered page (until then both languages' copies are there).
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await page.getByTestId('diagram').waitFor();
    for (const { cards, target } of lab ? SIZES : []) {
      log(`a lab of ${cards} containers`);
      await growLab(page, cards);
      if (ONLY.has('interaction')) {
        log('interaction');
        out.push(...(await interactionFigures(browser, page, cards, target)));
      }
    }
    const cards = SIZES[SIZES.length - 1]!.cards;
    if (ONLY.has('animation')) {
      log('animation');
      out.push(...(await animationFigures(page, cards)));
    }
    const errors = [...(page.errors ?? [])];
    if (ONLY.has('memory')) {
      log('memory (a --jitless Chromium of its own)');
      // No bytecode flushing either: V8 drops the bytecode of functions idle for a while, so code
      // that ran only in the warm-up left the heap during a 5-minute soak (-5 % there, +0.3 % with
      // it kept): a drop of that size would hide a leak of that size.
      const jitless = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS, '--js-flags=--jitless --no-flush-bytecode'],
      });
      try {
        const mem = await newPage(jitless);
        await mem.page.goto(`${base}/`);
        await mem.page.locator('html[data-ready]').waitFor({ state: 'attached' });
        await growLab(mem.page, cards);
        out.push(...(await memoryFigures(mem.page, mem.cdp)));
        errors.push(...(mem.page.errors ?? []));
      } finally {
        await jitless.close();
      }
    }
    out.push({
      name: 'browser.console_errors',
      value: errors.length,
      unit: 'errors',
      target: '0',
      ok: errors.length === 0,
    });
    for (const e of errors.slice(0, 3)) console.error(`console error: ${e}`);
    return out;
  } finally {
    await browser?.close();
    stop();
  }
}
