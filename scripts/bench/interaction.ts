// `docker run` from the form and from the terminal: from the input event to the end of the commit
// of the frame that shows the new card, read from a Chromium trace (not from the next vsync).
import type { Browser, Page } from 'playwright-core';
import type { Figure } from './engine';
import { median, round } from './stats';

const RUNS = 8;
const START = 'dnl-run-start';
const IN_DOM = 'dnl-card-in-dom';
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
}

/** Grows the open lab to `n` cards by pasting `docker run`s into the terminal. */
export async function growLab(page: Page, n: number): Promise<void> {
  const have = await page.locator('[data-testid^="card-"]').count();
  if (have >= n) return;
  const lines = Array.from(
    { length: n - have },
    (_, i) => `docker run -d --name w${have + i} -p ${20000 + have + i}:80 nginx`,
  );
  await page.getByTestId('terminal-input').evaluate(
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
    (k) => document.querySelectorAll('[data-testid^="card-"]').length >= k,
    n,
    { timeout: 120_000 },
  );
}

/** Marks the input event and the moment the card named `name` is in the DOM (user timing). */
function arm(page: Page, name: string, event: 'submit' | 'keydown'): Promise<void> {
  return page.evaluate(
    ({ name, event, START, IN_DOM }) => {
      const onEvent = (e: Event) => {
        if (event === 'keydown' && (e as KeyboardEvent).key !== 'Enter') return;
        performance.mark(START);
        document.removeEventListener(event, onEvent, true);
      };
      document.addEventListener(event, onEvent, true);
      const svg = document.querySelector('[data-testid="diagram"]');
      if (!svg) throw new Error('no diagram');
      const mo = new MutationObserver(() => {
        if (!document.querySelector(`[data-testid="card-${name}"]`)) return;
        mo.disconnect();
        performance.mark(IN_DOM);
      });
      mo.observe(svg, { childList: true, subtree: true });
    },
    { name, event, START, IN_DOM },
  );
}

/** From the input event to the end of the first compositor commit after the card is in the DOM. */
export function commitMs(events: readonly TraceEvent[]): { commit: number; js: number } {
  const mark = (n: string) => events.find((e) => e.name === n);
  const start = mark(START);
  const inDom = mark(IN_DOM);
  if (!start || !inDom) throw new Error('the trace lacks the user timing marks');
  const commit = events
    .filter((e) => e.name === 'Commit' && e.pid === inDom.pid && e.ts >= inDom.ts)
    .sort((a, b) => a.ts - b.ts)[0];
  if (!commit) throw new Error('no Commit after the card reached the DOM');
  return {
    commit: (commit.ts + (commit.dur ?? 0) - start.ts) / 1000,
    js: (inDom.ts - start.ts) / 1000,
  };
}

async function traced(browser: Browser, page: Page, act: () => Promise<void>) {
  await browser.startTracing(page, { categories: CATEGORIES });
  await act();
  // Two frames later the commit that shows the card is surely in the trace.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const buf = await browser.stopTracing();
  const json = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
  await page.evaluate(() => performance.clearMarks());
  return commitMs(json.traceEvents);
}

async function removeAgain(page: Page, name: string): Promise<void> {
  const input = page.getByTestId('terminal-input');
  await input.fill(`docker rm -f ${name}`);
  await input.press('Enter');
  await page.waitForFunction((n) => !document.querySelector(`[data-testid="card-${n}"]`), name);
}

export async function interactionFigures(
  browser: Browser,
  page: Page,
  cards: number,
  target: number,
): Promise<Figure[]> {
  const form: number[] = [];
  const term: number[] = [];
  const formJs: number[] = [];
  const termJs: number[] = [];
  const input = page.getByTestId('terminal-input');
  for (let i = 0; i < RUNS; i++) {
    const f = `f${cards}x${i}`;
    await page.getByTestId('open-run').click();
    const sheet = page.getByTestId('run-form');
    await sheet.getByLabel('Name').fill(f);
    await sheet.getByLabel('Publish').fill(`${30000 + i}:80`);
    await arm(page, f, 'submit');
    const a = await traced(browser, page, async () => {
      await sheet.getByRole('button', { name: 'Run' }).click();
      await page.waitForSelector(`[data-testid="card-${f}"]`);
    });
    form.push(a.commit);
    formJs.push(a.js);
    await removeAgain(page, f);

    const t = `t${cards}x${i}`;
    await input.fill(`docker run -d --name ${t} -p ${31000 + i}:80 nginx`);
    await arm(page, t, 'keydown');
    const b = await traced(browser, page, async () => {
      await input.press('Enter');
      await page.waitForSelector(`[data-testid="card-${t}"]`);
    });
    term.push(b.commit);
    termJs.push(b.js);
    await removeAgain(page, t);
  }
  const fig = (name: string, xs: number[], js: number[]): Figure[] => [
    {
      name: `browser.interaction.${name}_run_to_commit_ms.${cards}_containers`,
      value: round(median(xs)),
      unit: 'ms',
      target: `<= ${target} ms`,
      ok: median(xs) <= target,
    },
    {
      name: `browser.interaction.${name}_run_js_ms.${cards}_containers`,
      value: round(median(js)),
      unit: 'ms',
    },
  ];
  return [...fig('form', form, formJs), ...fig('terminal', term, termJs)];
}
