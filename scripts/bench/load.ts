// Load: when the diagram is first painted, against two yardsticks measured in the same run,
// interleaved: the same built page with its scripts taken out (the floor its own HTML and CSS
// set) and a page holding one line of text. All three come from the same `vite preview` server,
// each into a fresh browser context (an empty HTTP cache), in a rotating order each round; the
// medians go with their spread and the machine's load, as this 2-core machine is shared.
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import type { Figure } from './engine';
import { cpuBeforePaint } from './load-cpu';
import { closePage, newPage } from './page';
import { median, round, spread } from './stats';

export type Kind = 'app' | 'noscript' | 'text';
export const PATH: Record<Kind, string> = {
  app: '/',
  noscript: '/noscript.html',
  text: '/text.html',
};
const KINDS: readonly Kind[] = ['app', 'noscript', 'text'];
const ROUNDS = 12;

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

const ratio = (name: string, a: number, b: number, target: number, pairs: number[]): Figure => ({
  name,
  value: round(a / b, 2),
  unit: '×',
  target: `<= ${target}×`,
  ok: a / b <= target,
  spread: `round by round: ${spread(pairs.map((p) => round(p, 2)))}`,
});

export async function loadFigures(browser: Browser, base: string): Promise<Figure[]> {
  const times: Record<Kind, number[]> = { app: [], noscript: [], text: [] };
  const loadBefore = loadavg()[0] ?? 0;
  for (const k of KINDS) await paintMs(browser, base + PATH[k]); // warm server and disk cache
  for (let i = 0; i < ROUNDS; i++) {
    // A different order each round, so no page always comes first after a pause.
    for (let j = 0; j < KINDS.length; j++) {
      const k = KINDS[(i + j) % KINDS.length]!;
      times[k].push(await paintMs(browser, base + PATH[k]));
    }
  }
  const loadAfter = loadavg()[0] ?? 0;
  const app = median(times.app);
  const floor = median(times.noscript);
  const text = median(times.text);
  const perRound = (k: Kind) => times.app.map((a, i) => a / (times[k][i] ?? NaN));
  return [
    {
      name: 'browser.load.diagram_painted_ms',
      value: round(app),
      unit: 'ms',
      spread: spread(times.app),
    },
    {
      name: 'browser.load.same_page_without_scripts_ms',
      value: round(floor),
      unit: 'ms',
      spread: spread(times.noscript),
    },
    {
      name: 'browser.load.one_line_of_text_ms',
      value: round(text),
      unit: 'ms',
      spread: spread(times.text),
    },
    ratio('browser.load.ratio_to_page_without_scripts', app, floor, 1.1, perRound('noscript')),
    ratio('browser.load.ratio_to_one_line_of_text', app, text, 2.5, perRound('text')),
    {
      name: 'browser.load.machine_load_1min',
      value: round(loadBefore, 2),
      unit: `runnable tasks (after: ${round(loadAfter, 2)})`,
    },
    ...(await cpuBeforePaint(browser, base)),
  ];
}
