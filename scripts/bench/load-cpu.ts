// The load yardsticks again, as CPU instead of wall time: a Chromium trace of each load, and the
// thread CPU time (trace `tdur`) spent from navigation start to the first contentful paint — by
// the page's renderer (its main thread; its compositor and raster workers), the display compositor
// (viz) and the browser's main thread (navigation, font matching). Waiting for a core does not
// count, so on this shared machine these move far less than the wall-clock medians.
import type { Browser } from 'playwright-core';
import type { Figure } from './engine';
import { PATH, type Kind } from './load';
import { closePage, newPage } from './page';
import { median, round } from './stats';

const ROUNDS = 5;
const CATEGORIES = ['devtools.timeline', 'loading', 'toplevel', 'blink', 'blink.user_timing', 'cc'];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: {
    name?: string;
    data?: { isLoadingMainFrame?: boolean; documentLoaderURL?: string };
  };
}

type Part = 'renderer_main' | 'renderer_raster' | 'viz' | 'browser_main';
const PARTS: readonly Part[] = ['renderer_main', 'renderer_raster', 'viz', 'browser_main'];

/** CPU ms of each part from navigation start to first contentful paint, in one traced load. */
async function tracedLoad(browser: Browser, url: string): Promise<Record<Part, number>> {
  const { page, cdp } = await newPage(browser);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  await closePage(page);
  const nav = events.filter(
    (e) =>
      e.name === 'navigationStart' &&
      e.args?.data?.isLoadingMainFrame === true &&
      String(e.args.data.documentLoaderURL).startsWith('http'),
  );
  const start = nav[nav.length - 1];
  const fcp = events.find(
    (e) => e.name === 'firstContentfulPaint' && e.pid === start?.pid && e.ts >= start.ts,
  );
  if (!start || !fcp) throw new Error(`no navigation or first contentful paint in ${url}'s trace`);
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const partOf = (e: TraceEvent): Part | null => {
    const thread = threadName.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.pid === start.pid)
      return thread === 'CrRendererMain' ? 'renderer_main' : 'renderer_raster';
    if (thread === 'VizCompositorThread') return 'viz';
    return thread === 'CrBrowserMain' ? 'browser_main' : null;
  };
  // Top-level slices only (a slice inside another on its thread is already counted).
  const cpu: Record<Part, number> = {
    renderer_main: 0,
    renderer_raster: 0,
    viz: 0,
    browser_main: 0,
  };
  const endOf = new Map<string, number>();
  const slices = events
    .filter((e) => e.ph === 'X' && e.tdur !== undefined && e.ts >= start.ts && e.ts <= fcp.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of slices) {
    const part = partOf(e);
    const key = `${e.pid}:${e.tid}`;
    if (!part || e.ts < (endOf.get(key) ?? -1)) continue;
    endOf.set(key, e.ts + (e.dur ?? 0));
    cpu[part] += (e.tdur ?? 0) / 1000;
  }
  return cpu;
}

export async function cpuBeforePaint(browser: Browser, base: string): Promise<Figure[]> {
  const kinds = Object.keys(PATH) as Kind[];
  const runs: Record<Kind, Record<Part, number>[]> = { app: [], noscript: [], text: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (let j = 0; j < kinds.length; j++) {
      const k = kinds[(i + j) % kinds.length]!;
      runs[k].push(await tracedLoad(browser, base + PATH[k]));
    }
  }
  const total = (k: Kind) => median(runs[k].map((r) => PARTS.reduce((a, p) => a + r[p], 0)));
  const parts = (k: Kind) =>
    PARTS.map((p) => `${p} ${round(median(runs[k].map((r) => r[p])))}`).join(', ');
  return [
    ...kinds.map((k) => ({
      name: `browser.load.cpu_before_paint_ms.${k}`,
      value: round(total(k)),
      unit: 'ms CPU',
      spread: `medians of ${ROUNDS} traced loads: ${parts(k)}`,
    })),
    {
      name: 'browser.load.cpu_ratio_to_page_without_scripts',
      value: round(total('app') / total('noscript'), 2),
      unit: '×',
    },
    {
      name: 'browser.load.cpu_ratio_to_one_line_of_text',
      value: round(total('app') / total('text'), 2),
      unit: '×',
    },
  ];
}
