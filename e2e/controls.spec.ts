// The controls over the diagram (the zoom buttons, the status toast, the "Exit presentation" pill)
// never cover a text of the diagram: at both screens, in both languages, presenting or not, with 2
// and 6 containers, in the fitted view and while the camera follows a flow at its DNAT and un-NAT.
// The band they occupy is measured (useControlsBand) and the SVG is drawn below it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const CONTROLS = ['.zoom-controls button', '[data-testid="status-line"]', '.present-exit'];

const MOMENTS = [
  { name: 'DNAT', tag: /DNAT/ },
  { name: 'un-NAT', tag: /un-NAT|反向 NAT/ },
] as const;

/** "control covers text" for every visible control and every visible text of the diagram they meet. */
async function covered(page: Page, selectors: readonly string[] = CONTROLS): Promise<string[]> {
  return page.evaluate((selectors) => {
    const controls = selectors.flatMap((s) =>
      Array.from(document.querySelectorAll(s))
        .filter((e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        .map((e) => ({ what: s, r: e.getBoundingClientRect() })),
    );
    const svg = document.querySelector('[data-testid="diagram"]')!;
    const frame = svg.getBoundingClientRect();
    const bad: string[] = [];
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || !text || el.closest('[data-decorative]')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const t = range.getBoundingClientRect();
      // A text panned out of the SVG's box is not drawn (the SVG clips it).
      const top = Math.max(t.top, frame.top);
      const bottom = Math.min(t.bottom, frame.bottom);
      const left = Math.max(t.left, frame.left);
      const right = Math.min(t.right, frame.right);
      if (right - left < 1 || bottom - top < 1) continue;
      for (const c of controls) {
        const w = Math.min(right, c.r.right) - Math.max(left, c.r.left);
        const h = Math.min(bottom, c.r.bottom) - Math.max(top, c.r.top);
        if (w > 0 && h > 0) bad.push(`${c.what} covers "${text.slice(0, 30)}"`);
      }
    }
    return bad;
  }, selectors);
}

/** "banner covers X" for each header button, zoom button, pill and side panel the banner meets. */
async function bannerCovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const banner = document.querySelector('[data-testid="share-banner"]')!.getBoundingClientRect();
    const others =
      '.app-header button, .zoom-controls button, .present-exit, .side-panels, .flow-panel';
    const bad: string[] = [];
    for (const e of Array.from(document.querySelectorAll(others))) {
      if (!e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const r = e.getBoundingClientRect();
      const w = Math.min(banner.right, r.right) - Math.max(banner.left, r.left);
      const h = Math.min(banner.bottom, r.bottom) - Math.max(banner.top, r.top);
      if (w > 0 && h > 0)
        bad.push(
          `banner covers ${e.className || e.tagName} "${(e.textContent ?? '').trim().slice(0, 20)}"`,
        );
    }
    return bad;
  });
}

async function addContainers(page: Page, n: number): Promise<void> {
  const input = page.getByTestId('terminal-input');
  for (let i = 0; i < n; i++) {
    await input.fill(`docker run -d --name web${i + 3} nginx`);
    await input.press('Enter');
    await expect(page.getByTestId(`card-web${i + 3}`)).toBeAttached();
  }
}

for (const size of SIZES)
  for (const lang of ['en', 'zh-CN'] as const)
    test(`${size.width}×${size.height} ${lang}: no control covers a text of the diagram`, async ({
      lab,
      page,
    }) => {
      await page.setViewportSize(size);
      const seen: string[] = [];
      const check = async (where: string) => {
        // The camera has settled (reduced motion: no glide) and the band has been measured.
        await page.waitForTimeout(60);
        seen.push(...(await covered(page)).map((b) => `${where}: ${b}`));
      };
      for (const containers of [2, 6]) {
        await lab.open(`?lang=${lang}`);
        if (containers === 6) {
          await addContainers(page, 3);
          // The sixth from the form: its "started" toast is up.
          await page.getByTestId('open-run').click();
          await page.getByTestId('run-form').locator('button[type="submit"]').click();
          await expect(page.getByTestId('status-line')).toBeVisible();
          await expect(page.locator('[data-testid^="card-"]')).toHaveCount(6);
        }
        await check(`${containers} containers, fitted`);
        for (const presenting of [false, true]) {
          const at = `${containers} containers${presenting ? ', presenting' : ''}`;
          await page.getByTestId('preset-outside-to-published-port').click();
          await expect(lab.hopCount).toHaveText(/^(hop|第) 1 \//);
          await page.locator('body').click({ position: { x: 2, y: 2 } });
          if (presenting) {
            await page.keyboard.press('p');
            await expect(page.locator('.present-exit')).toBeVisible();
            await check(`${at}, first hop`);
          }
          await expect(lab.diagram).toHaveAttribute('data-camera', 'follow');
          for (const m of MOMENTS) {
            const tag = page.getByTestId('narration-chapter');
            for (let i = 0; i < 14 && !m.tag.test((await tag.textContent()) ?? ''); i++) {
              const was = await lab.hopCount.textContent();
              await page.keyboard.press(']');
              await expect(lab.hopCount).not.toHaveText(was ?? '');
            }
            await expect(tag).toHaveText(m.tag);
            await check(`${at}, ${m.name}`);
          }
          if (presenting) {
            await page.keyboard.press('Escape');
            await expect(page.locator('.present-exit')).toHaveCount(0);
          }
        }
      }
      expect(seen).toEqual([]);
    });

// A link opened beside the user's own lab says so in a banner: it stays over the diagram, below the
// header's buttons (their row wraps at 1366), the zoom buttons and the pill, and the picture starts
// below it (useControlsBand counts it), presenting or not.
for (const size of SIZES)
  test(`${size.width}×${size.height}: the share banner covers no button, panel or diagram text`, async ({
    lab,
    page,
  }) => {
    await page.setViewportSize(size);
    await lab.open('');
    await addContainers(page, 1);
    // The banner offers the user's own lab back: wait until it is saved. Its autosave starts once
    // the page is idle, and on a loaded machine the card came before it (no banner, once in CI).
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('docker-network-lab:lab') ?? ''))
      .toContain('"web3"');
    await page.goto('./?flow=outside-to-published-port&hop=5');
    const banner = page.getByTestId('share-banner');
    await expect(banner).toBeVisible();
    const seen: string[] = [];
    for (const presenting of [false, true]) {
      if (presenting) {
        await page.locator('body').click({ position: { x: 2, y: 2 } });
        await page.keyboard.press('p');
        await expect(page.locator('.present-exit')).toBeVisible();
      }
      await page.waitForTimeout(100);
      const where = presenting ? 'presenting' : 'not presenting';
      for (const b of await covered(page, ['[data-testid="share-banner"]']))
        seen.push(`${where}: ${b}`);
      for (const b of await bannerCovers(page)) seen.push(`${where}: ${b}`);
    }
    await expect(banner).toBeVisible();
    expect(seen).toEqual([]);
  });
