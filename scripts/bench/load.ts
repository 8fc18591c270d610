// Load: when the diagram is first painted, against two yardsticks measured in the same run,
// interleaved: the same built page with its scripts taken out (the floor its own HTML and CSS
// set) and a page holding one line of text.
import type { Browser } from 'playwright-core';
import type { Figure } from './engine';
import { closePage, newPage } from './page';
import { median, round } from './stats';

type Kind = 'app' | 'noscript' | 'text';
const PATH: Record<Kind, string> = { app: '/', noscript: '/noscript.html', text: '/text.html' };
const ROUNDS = 9;

/** Milliseconds from navigation start to the Element Timing entry `diagram` (its render time). */
async function paintMs(browser: Browser, url: string): Promise<number> {
  const { page } = await newPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, obs) => {
          const e = list
            .getEntries()
            .find(
              (x) => (x as PerformanceEntry & { identifier?: string }).identifier === 'diagram',
            ) as (PerformanceEntry & { renderTime: number; loadTime: number }) | undefined;
          if (!e) return;
          obs.disconnect();
          resolve(e.renderTime || e.loadTime);
        }).observe({ type: 'element', buffered: true });
      }),
  );
  await closePage(page);
  return ms;
}

export async function loadFigures(browser: Browser, base: string): Promise<Figure[]> {
  const times: Record<Kind, number[]> = { app: [], noscript: [], text: [] };
  const kinds: Kind[] = ['app', 'noscript', 'text'];
  for (const k of kinds) await paintMs(browser, base + PATH[k]); // warm server and disk cache
  for (let i = 0; i < ROUNDS; i++) {
    // A different order each round, so no page always comes first after a pause.
    for (let j = 0; j < kinds.length; j++) {
      const k = kinds[(i + j) % kinds.length]!;
      times[k].push(await paintMs(browser, base + PATH[k]));
    }
  }
  const app = median(times.app);
  const floor = median(times.noscript);
  const text = median(times.text);
  return [
    { name: 'browser.load.diagram_painted_ms', value: round(app), unit: 'ms' },
    { name: 'browser.load.same_page_without_scripts_ms', value: round(floor), unit: 'ms' },
    { name: 'browser.load.one_line_of_text_ms', value: round(text), unit: 'ms' },
    {
      name: 'browser.load.ratio_to_page_without_scripts',
      value: round(app / floor, 2),
      unit: '×',
      target: '<= 1.1×',
      ok: app / floor <= 1.1,
    },
    {
      name: 'browser.load.ratio_to_one_line_of_text',
      value: round(app / text, 2),
      unit: '×',
      target: '<= 2.5×',
      ok: app / text <= 2.5,
    },
  ];
}
