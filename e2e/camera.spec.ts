// The camera that follows the packet: it keeps the current hop in view at a readable scale, a zoom
// the user sets survives the page's own layout changes, and the glyph never sits on a label.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const transformOf = (page: Page) =>
  page.locator('[data-testid="diagram"] > g').getAttribute('transform');

test.describe('the camera', () => {
  test.beforeEach(async ({ page }) => page.setViewportSize({ width: 1366, height: 768 }));

  test('follows the hop, and the glyph covers no text on any of the first 40 hops', async ({
    lab,
    page,
  }) => {
    await lab.open('?flow=outside-to-published-port');
    await expect(lab.diagram).toHaveAttribute('data-camera', 'follow');
    await page.getByTestId('narration').click();
    for (let i = 0; i < 40; i++) {
      // Read once the camera has followed: the hop's render and the camera's move are separate
      // frames, and a reading between them (seen on a loaded machine) sees the glyph off screen.
      const covered = () =>
        page.evaluate(() => {
          const g = document.querySelector('[data-testid="glyph-shape"]')!.getBoundingClientRect();
          const frame = document.querySelector('[data-testid="diagram"]')!.getBoundingClientRect();
          const inView =
            g.left >= frame.left &&
            g.right <= frame.right &&
            g.top >= frame.top &&
            g.bottom <= frame.bottom;
          const hits: string[] = [];
          for (const t of Array.from(document.querySelectorAll('[data-testid="diagram"] text'))) {
            if (!(t as SVGElement).checkVisibility()) continue;
            const r = t.getBoundingClientRect();
            if (r.width < 1) continue;
            if (r.left < g.right && g.left < r.right && r.top < g.bottom && g.top < r.bottom)
              hits.push(t.textContent ?? '');
          }
          return { inView, hits };
        });
      await expect.poll(covered, { message: `hop ${i + 1}` }).toEqual({ inView: true, hits: [] });
      await page.keyboard.press('ArrowRight');
      await expect(lab.hopCount).toHaveText(new RegExp(`^hop ${i + 2} /`));
    }
  });

  test('a zoom the user sets stays through steps and narration changes; follow comes back on', async ({
    lab,
    page,
  }) => {
    await lab.open('?flow=outside-to-published-port');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(lab.diagram).toHaveAttribute('data-camera', 'user');
    await expect(page.getByTestId('follow')).toHaveAttribute('aria-pressed', 'false');
    await page.waitForTimeout(400);
    const set = await transformOf(page);
    const h0 = (await lab.narration.boundingBox())!.height;
    let grew = false;
    await page.getByTestId('narration').click();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowRight');
      grew ||= (await lab.narration.boundingBox())!.height !== h0;
    }
    await page.waitForTimeout(500);
    expect(await transformOf(page)).toBe(set);
    await page.getByTestId('follow').click();
    await expect(lab.diagram).toHaveAttribute('data-camera', 'follow');
    await expect.poll(() => transformOf(page)).not.toBe(set);
    test.info().annotations.push({ type: 'narration changed height', description: String(grew) });
  });
});
