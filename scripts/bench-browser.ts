// Browser figures: load, animation, interaction and memory of a fresh build under `vite preview`,
// in Debian's Chromium (software rendering, as on a school laptop without GPU drivers).
// Builds into its own temp folder, serves it on a free port, and stops everything it started.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { Figure } from './bench-engine';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

const VIEWPORT = { width: 1920, height: 1080 };
const LAB = 50;
const SOAK_MIN = Number(process.env['BENCH_SOAK_MIN'] ?? 5);
const ANIMATION_S = Number(process.env['BENCH_ANIMATION_S'] ?? 15);
/** BENCH_BROWSER=load,interaction runs some of the browser figures (all by default). */
const ONLY = new Set(
  (process.env['BENCH_BROWSER'] ?? 'load,interaction,animation,memory').split(','),
);

const median = (xs: readonly number[]): number => quantile(xs, 0.5);
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i] ?? NaN;
}
const round = (n: number, d = 1): number => +n.toFixed(d);
/** Progress on stderr, so stdout stays one JSON object per line. */
const log = (msg: string) => process.stderr.write(`bench browser: ${msg}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

/** Builds the app into a temp folder and serves it; `stop` kills the server's process group. */
async function serveFreshBuild(): Promise<{ base: string; stop: () => void }> {
  const out = mkdtempSync(join(tmpdir(), 'dnl-bench-'));
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  // The yardstick for load: an empty page from the same server.
  writeFileSync(
    join(out, 'blank.html'),
    '<!doctype html><html><head><title>blank</title></head><body></body></html>\n',
  );
  const port = await freePort();
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      out,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { detached: true, stdio: 'ignore' },
  );
  const stop = () => {
    try {
      if (server.pid !== undefined && server.exitCode === null)
        process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(out, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/`, server);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

async function newPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // tsx compiles with keepNames: functions handed to page.evaluate call a `__name` helper.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors?: string[] }).errors = errors;
  return { page, cdp: await context.newCDPSession(page) };
}

const closePage = (page: Page) => page.context().close();

/**
 * Navigation to the first paint of the diagram (the Element Timing entry of the host frame's title,
 * `elementtiming="diagram"`), or to a blank page's load event; wall clock, from before `goto`.
 */
async function loadMs(browser: Browser, url: string, blank: boolean): Promise<number> {
  const { page } = await newPage(browser);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: blank ? 'load' : 'commit' });
  const at = await page.evaluate(
    (blankPage) =>
      new Promise<number>((resolve) => {
        if (blankPage) {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          resolve(performance.timeOrigin + nav.loadEventEnd);
          return;
        }
        new PerformanceObserver((list, obs) => {
          const e = list
            .getEntries()
            .find(
              (x) => (x as PerformanceEntry & { identifier?: string }).identifier === 'diagram',
            );
          if (!e) return;
          obs.disconnect();
          resolve(
            performance.timeOrigin + (e as PerformanceEntry & { renderTime: number }).renderTime,
          );
        }).observe({ type: 'element', buffered: true });
      }),
    blank,
  );
  await closePage(page);
  return at - t0;
}

async function loadFigures(browser: Browser, base: string): Promise<Figure[]> {
  const app: number[] = [];
  const blank: number[] = [];
  await loadMs(browser, `${base}/`, false); // warm the server and the disk cache
  for (let i = 0; i < 7; i++) {
    blank.push(await loadMs(browser, `${base}/blank.html`, true));
    app.push(await loadMs(browser, `${base}/`, false));
  }
  const ratio = median(app) / median(blank);
  return [
    { name: 'browser.load.diagram_drawn_ms', value: round(median(app)), unit: 'ms' },
    { name: 'browser.load.blank_page_ms', value: round(median(blank)), unit: 'ms' },
    {
      name: 'browser.load.ratio_to_blank',
      value: round(ratio, 2),
      unit: '×',
      target: '<= 1.5×',
      ok: ratio <= 1.5,
    },
  ];
}

/** The default lab (c1, c2, a remote client) grown to 50 containers by pasting `docker run`s. */
async function openLab(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByTestId('diagram').waitFor();
  const have = await page.locator('[data-testid^="card-"]').count();
  const lines = Array.from(
    { length: LAB - have },
    (_, i) => `docker run -d --name w${i} -p ${20000 + i}:80 nginx`,
  );
  const input = page.getByTestId('terminal-input');
  await input.evaluate(
    (el, text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    `${lines.join('\n')}\n`,
  );
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid^="card-"]').length >= n,
    LAB,
  );
}

/** Arms the page to time the next card named `name`: event -> DOM -> next frame presented. */
function armCardTimer(page: Page, name: string, event: 'submit' | 'keydown'): Promise<void> {
  return page.evaluate(
    ({ name, event }) => {
      const w = window as unknown as { __timing?: Promise<{ dom: number; frame: number }> };
      w.__timing = new Promise((resolve) => {
        let t0 = 0;
        const onEvent = (e: Event) => {
          if (event === 'keydown' && (e as KeyboardEvent).key !== 'Enter') return;
          t0 = performance.now();
          document.removeEventListener(event, onEvent, true);
        };
        document.addEventListener(event, onEvent, true);
        const svg = document.querySelector('[data-testid="diagram"]');
        if (!svg) throw new Error('no diagram');
        const mo = new MutationObserver(() => {
          if (!document.querySelector(`[data-testid="card-${name}"]`)) return;
          mo.disconnect();
          const dom = performance.now() - t0;
          // The frame that shows it: rAF runs before style/layout/paint, a task after it.
          requestAnimationFrame(() =>
            setTimeout(() => resolve({ dom, frame: performance.now() - t0 })),
          );
        });
        mo.observe(svg, { childList: true, subtree: true });
      });
    },
    { name, event },
  );
}

const readTiming = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __timing: Promise<{ dom: number; frame: number }> }).__timing,
  );

async function interactionFigures(page: Page): Promise<Figure[]> {
  const form: number[] = [];
  const term: number[] = [];
  const formDom: number[] = [];
  const termDom: number[] = [];
  const input = page.getByTestId('terminal-input');
  const removeAgain = async (name: string) => {
    await input.fill(`docker rm -f ${name}`);
    await input.press('Enter');
    await page.waitForFunction((n) => !document.querySelector(`[data-testid="card-${n}"]`), name);
  };
  for (let i = 0; i < 8; i++) {
    const f = `f${i}`;
    await page.getByTestId('open-run').click();
    const sheet = page.getByTestId('run-form');
    await sheet.getByLabel('Name').fill(f);
    await sheet.getByLabel('Publish').fill(`${30000 + i}:80`);
    await armCardTimer(page, f, 'submit');
    await sheet.getByRole('button', { name: 'Run' }).click();
    const a = await readTiming(page);
    form.push(a.frame);
    formDom.push(a.dom);
    await removeAgain(f);

    const t = `t${i}`;
    await input.fill(`docker run -d --name ${t} -p ${31000 + i}:80 nginx`);
    await armCardTimer(page, t, 'keydown');
    await input.press('Enter');
    const b = await readTiming(page);
    term.push(b.frame);
    termDom.push(b.dom);
    await removeAgain(t);
  }
  const fig = (name: string, xs: number[], dom: number[]): Figure[] => [
    {
      name: `browser.interaction.${name}_run_ms.${LAB}_containers`,
      value: round(median(xs)),
      unit: 'ms',
      target: '<= 16 ms',
      ok: median(xs) <= 16,
    },
    {
      name: `browser.interaction.${name}_run_js_ms.${LAB}_containers`,
      value: round(median(dom)),
      unit: 'ms',
    },
  ];
  return [...fig('form', form, formDom), ...fig('terminal', term, termDom)];
}

/** Keeps a flow playing: when playback stops at the end, play from the start again. */
function loopPlayback(page: Page, speed: string): Promise<void> {
  return page.evaluate((speedValue) => {
    const speed = document.querySelector<HTMLSelectElement>('select[aria-label="Speed"]');
    if (speed) {
      speed.value = speedValue;
      speed.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const w = window as unknown as { __loop?: number };
    window.clearInterval(w.__loop);
    w.__loop = window.setInterval(() => {
      const play = document.querySelector<HTMLButtonElement>('button[aria-label="Play"]');
      if (play && !play.disabled) play.click();
    }, 250);
  }, speed);
}

async function animationFigures(page: Page): Promise<Figure[]> {
  await page.getByTestId('preset-outside-to-published-port').click();
  await loopPlayback(page, '1');
  await page.waitForTimeout(1500);
  const dts = await page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = 0;
        const end = performance.now() + ms;
        const tick = (t: number) => {
          if (last) out.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    ANIMATION_S * 1000,
  );
  const frame = median(dts);
  const total = dts.reduce((a, b) => a + b, 0);
  const missed = dts.reduce((a, dt) => a + Math.max(0, Math.round(dt / frame) - 1), 0);
  const dropped = missed / (total / frame);
  const p95 = quantile(dts, 0.95);
  return [
    { name: `browser.animation.frame_p50_ms.${LAB}_containers`, value: round(frame), unit: 'ms' },
    {
      name: `browser.animation.frame_p95_ms.${LAB}_containers`,
      value: round(p95),
      unit: 'ms',
      target: '<= 17 ms',
      ok: p95 <= 17,
    },
    {
      name: `browser.animation.frame_max_ms.${LAB}_containers`,
      value: round(Math.max(...dts)),
      unit: 'ms',
    },
    {
      name: `browser.animation.dropped_frames_share.${LAB}_containers`,
      value: round(dropped * 100, 1),
      unit: '%',
    },
  ];
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

async function memoryFigures(page: Page, cdp: CDPSession): Promise<Figure[]> {
  await loopPlayback(page, '4');
  await page.waitForTimeout(10_000); // one loop first: lazy chunks and caches settle
  const start = await heapMb(cdp);
  const presets = await page.locator('[data-testid^="preset-"]').all();
  const end = Date.now() + SOAK_MIN * 60_000;
  for (let i = 0; Date.now() < end; i++) {
    // A new flow now and then, as a lesson does; playback loops in between.
    await presets[i % presets.length]?.click();
    await page.waitForTimeout(Math.min(20_000, Math.max(0, end - Date.now())));
  }
  const after = await heapMb(cdp);
  const growth = (after - start) / start;
  return [
    { name: 'browser.memory.heap_start_mb', value: round(start, 2), unit: 'MB' },
    { name: `browser.memory.heap_after_${SOAK_MIN}_min_mb`, value: round(after, 2), unit: 'MB' },
    {
      name: 'browser.memory.heap_growth',
      value: round(growth * 100, 1),
      unit: '%',
      target: '<= +5 %',
      ok: growth <= 0.05,
    },
  ];
}

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
    const { page, cdp } = await newPage(browser);
    log(`a lab of ${LAB} containers`);
    await openLab(page, base);
    if (ONLY.has('interaction')) {
      log('interaction');
      out.push(...(await interactionFigures(page)));
    }
    if (ONLY.has('animation')) {
      log(`animation (${ANIMATION_S} s)`);
      out.push(...(await animationFigures(page)));
    }
    if (ONLY.has('memory')) {
      log(`memory (${SOAK_MIN} min)`);
      out.push(...(await memoryFigures(page, cdp)));
    }
    const errors = (page as Page & { errors?: string[] }).errors ?? [];
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
