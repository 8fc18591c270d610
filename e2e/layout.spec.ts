// Layout at the two screens the lab is taught on (a 1366×768 projector, a 1920×1080 laptop), in
// both languages: nothing cut or hidden, nothing covered, Compare usable, the terminal wrapping as a
// terminal of its width does.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The diagram's nodes: what a toast, a pill, a drawer or a button must never cover. */
const NODES = [
  '[data-testid="router"] rect',
  '[data-testid="remote-client"] rect',
  '[data-testid="remote-server"] rect',
  '[data-testid="host-eth0"] rect',
  '[data-testid^="stage-"] rect',
  // Every container's card (c1, c2 and any launched here).
  '[data-testid^="card-"]',
];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every node wholly inside the diagram's box, and its centre hit by itself (nothing over it). */
async function nodesInSightAndUncovered(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const bad: string[] = [];
    const frame = document.querySelector('[data-testid="diagram"]')!.getBoundingClientRect();
    for (const sel of selectors)
      for (const el of Array.from(document.querySelectorAll(sel))) {
        const r = el.getBoundingClientRect();
        const name = `${sel} ${el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''}`;
        if (
          r.left < frame.left - 1 ||
          r.right > frame.right + 1 ||
          r.top < frame.top - 1 ||
          r.bottom > frame.bottom + 1
        ) {
          bad.push(`${name} outside the diagram`);
          continue;
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const group = el.closest('[data-testid]');
        if (!hit || !(group?.contains(hit) || el.contains(hit)))
          bad.push(`${name} covered by ${hit?.tagName}.${hit?.getAttribute('class') ?? ''}`);
      }
    return bad;
  }, NODES);
}

/** Boxes of the nodes, to check an overlay against. */
async function nodeBoxes(page: Page): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const sel of NODES)
    for (const l of await page.locator(sel).all()) {
      const b = await l.boundingBox();
      if (b) boxes.push(b);
    }
  return boxes;
}

async function notOverNodes(page: Page, overlay: Locator): Promise<void> {
  const box = await overlay.boundingBox();
  expect(box).not.toBeNull();
  const under = (await nodeBoxes(page)).filter((b) => overlap(box!, b));
  expect(under, 'nodes under the overlay').toEqual([]);
}

for (const size of SIZES)
  for (const lang of ['en', 'zh-CN'] as const)
    test.describe(`${size.width}×${size.height} ${lang}`, () => {
      test.beforeEach(async ({ page }) => page.setViewportSize(size));

      test('the header shows the title and every action and preset, none covered', async ({
        lab,
        page,
      }) => {
        await lab.open(`?lang=${lang}`);
        await expect(page.locator('.brand-name')).toBeVisible();
        const header = page.locator('.app-header');
        expect(await header.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
        const controls = await header.locator('button, .brand-name').all();
        expect(controls.length).toBeGreaterThan(10);
        for (const c of controls) {
          const b = (await c.boundingBox())!;
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(size.width);
          const hit = await c.evaluate((el) => {
            const r = el.getBoundingClientRect();
            const h = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return h !== null && el.contains(h);
          });
          expect(hit, (await c.textContent()) ?? '').toBe(true);
        }
        await expect(page.getByTestId('preset-container-ping-internet')).toBeInViewport({
          ratio: 1,
        });
        expect(await nodesInSightAndUncovered(page)).toEqual([]);
      });

      test('a toast and the presentation pill never cover a node', async ({ lab, page }) => {
        await lab.open(`?lang=${lang}`);
        await page.getByTestId('open-run').click();
        await page.getByTestId('run-form').locator('button[type="submit"]').click();
        const toast = page.getByTestId('status-line');
        await expect(toast).toBeVisible();
        await notOverNodes(page, toast);
        // The launch also opens the creation story over the diagram's lower left: the diagram
        // refits beside or above it, so while it is open no node is under it.
        const story = page.getByTestId('veth-story');
        await expect(story).toBeVisible();
        await expect.poll(() => nodesInSightAndUncovered(page)).toEqual([]);
        await notOverNodes(page, story);
        await story.getByTestId('story-close').click();
        await expect.poll(() => nodesInSightAndUncovered(page)).toEqual([]);

        await page.keyboard.press('Escape');
        await page.locator('body').click({ position: { x: 2, y: 2 } });
        await page.keyboard.press('p');
        const pill = page.locator('.present-exit');
        await expect(pill).toBeVisible();
        await expect(lab.diagram).toHaveAttribute('data-camera', 'follow');
        await notOverNodes(page, pill);
        expect(await nodesInSightAndUncovered(page)).toEqual([]);
      });

      test('the lesson drawer and Compare: the diagram refits, hop list and terminal ≥ 240 px', async ({
        lab,
        page,
      }) => {
        await lab.open(`?lang=${lang}&flow=outside-to-published-port`);
        await page.getByTestId('open-lessons').click();
        await expect(page.getByTestId('lesson-panel')).toBeVisible();
        // Follow is on in lessons: the fitted view is what a Fit shows; every node in sight then.
        await page.getByTestId('fit').click();
        await expect(lab.diagram).toHaveAttribute('data-camera', 'fit');
        await expect.poll(() => nodesInSightAndUncovered(page)).toEqual([]);

        await page.getByTestId('open-compare').click();
        const list = page.locator('.dock > :nth-child(2)');
        const term = page.getByTestId('terminal-slot');
        for (const region of [list, term]) {
          const b = (await region.boundingBox())!;
          expect(b.width).toBeGreaterThanOrEqual(240);
          expect(b.height).toBeGreaterThanOrEqual(80);
          expect(b.x + b.width).toBeLessThanOrEqual(size.width);
          expect(b.y + b.height).toBeLessThanOrEqual(size.height);
        }
        const [lb, tb] = [(await list.boundingBox())!, (await term.boundingBox())!];
        expect(overlap(lb, tb)).toBe(false);
      });

      test('the terminal wraps long lines at its own width, with no sideways scroll', async ({
        lab,
        page,
      }) => {
        await lab.open(`?lang=${lang}`);
        const input = page.getByTestId('terminal-slot').getByRole('textbox');
        for (const cmd of ['docker ps', 'ifconfig', 'iptables -t nat -L -n -v']) {
          await input.fill(cmd);
          await input.press('Enter');
        }
        const log = page.getByTestId('terminal-slot').getByRole('log');
        await expect(log).toContainText('DNAT');
        expect(await log.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
        // Every row takes as many lines as a terminal of that many columns gives it.
        const rows = await page.evaluate(() => {
          const probe = document.querySelector('.term-probe')!.getBoundingClientRect().width / 10;
          const log = document.querySelector('.term-log')!;
          const style = getComputedStyle(log);
          const inner =
            log.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const cols = Math.floor(inner / probe);
          return Array.from(document.querySelectorAll('.term-row[data-stream="stdout"]')).map(
            (r) => {
              const lh = parseFloat(getComputedStyle(r).lineHeight);
              const text = (r.textContent ?? '').replace(/\n$/, '');
              return {
                cols,
                want: Math.max(1, Math.ceil(text.length / cols)),
                got: Math.round(r.getBoundingClientRect().height / lh),
              };
            },
          );
        });
        expect(rows.length).toBeGreaterThan(10);
        expect(rows.some((r) => r.want > 1)).toBe(true);
        expect(rows.filter((r) => r.want !== r.got)).toEqual([]);
      });
    });
