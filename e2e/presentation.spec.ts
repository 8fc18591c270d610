import { expect, test } from './fixtures';

test.describe('presentation mode', () => {
  test('folds the panels, fills the screen with the diagram, and steps with clicker keys', async ({
    lab,
    page,
  }, testInfo) => {
    await lab.open('?flow=outside-to-published-port');
    await expect(lab.hopCount).toHaveText(/^hop 1 \//);
    await expect(lab.inspector).toBeVisible();

    await page.getByTestId('present-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
    await expect(lab.inspector).toBeHidden();
    await expect(lab.netfilter).toBeHidden();
    await expect(page.getByTestId('open-run')).toBeHidden();
    await expect(lab.narration).toBeVisible();
    await expect(lab.hopCount).toBeVisible();
    const box = await lab.diagram.boundingBox();
    expect(box?.width).toBeGreaterThan(1900);
    expect(box?.height).toBeGreaterThan(0.7 * 1080);
    // Large type: the narration reads across a room.
    const size = await lab.narration.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);

    // What presenter clickers send: PageDown / PageUp; the keyboard's → ← and Space too. While
    // presenting they go key moment by key moment: ARP (hop 3), DNAT (27), routing (28), verdict (35).
    await page.keyboard.press('PageDown');
    await expect(lab.hopCount).toHaveText(/^hop 3 \//);
    await page.keyboard.press('PageDown');
    await expect(lab.hopCount).toHaveText(/^hop 27 \//);
    await page.keyboard.press('ArrowRight');
    await expect(lab.hopCount).toHaveText(/^hop 28 \//);
    // Space steps here; it does not start playback.
    await page.keyboard.press('Space');
    await expect(lab.hopCount).toHaveText(/^hop 35 \//);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(lab.hopCount).toHaveText(/^hop 28 \//);
    await page.keyboard.press('ArrowLeft');
    await expect(lab.hopCount).toHaveText(/^hop 27 \//);

    await page.screenshot({ path: testInfo.outputPath('presentation-1920x1080.png') });
    await testInfo.attach('presentation', {
      path: testInfo.outputPath('presentation-1920x1080.png'),
    });

    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveAttribute('data-presenting');
    await expect(lab.inspector).toBeVisible();
    await expect(lab.hopCount).toHaveText(/^hop 27 \//);
  });

  test('P toggles it, not while typing; the exit control leaves it', async ({ lab, page }) => {
    await lab.open('?flow=container-to-container&theme=dark');
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
    await expect(lab.inspector).toBeHidden();
    await page.getByTestId('present-exit').click();
    await expect(lab.inspector).toBeVisible();

    await page.keyboard.press('P');
    await expect(lab.inspector).toBeHidden();
    await page.keyboard.press('p');
    await expect(lab.inspector).toBeVisible();

    // A "p" typed into a form field is a letter, not the shortcut.
    await page.getByTestId('open-run').click();
    await page.getByTestId('run-form').getByLabel('Name').fill('pp');
    await expect(page.locator('html')).not.toHaveAttribute('data-presenting');
  });
});
