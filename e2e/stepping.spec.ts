import { expect, test } from './fixtures';

test.describe('stepping is exact', () => {
  test('stepping back restores the previous hop exactly', async ({ lab }) => {
    await lab.open();
    await lab.sendPreset('outside-to-published-port');
    // Stop on the hop before the DNAT rewrite (found with the → key, then one step back with the
    // button), then cross it and come back with the buttons.
    await lab.stepUntil(() => lab.was('ip.dst').isVisible(), 'the DNAT hop');
    await lab.stepBack();
    await expect(lab.was('ip.dst')).toHaveCount(0);
    const before = await lab.hopSnapshot();
    await lab.stepForward();
    const dnat = await lab.hopSnapshot();
    expect(dnat).not.toEqual(before);
    await lab.stepBack();
    expect(await lab.hopSnapshot()).toEqual(before);
    await expect(lab.was('ip.dst')).toHaveCount(0);
    await expect(lab.value('ip.dst')).toHaveText('192.0.2.10');
  });

  test('keyboard: → and ← step, End and Home jump, Space plays and pauses', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.sendPreset('container-to-container');
    await page.keyboard.press('ArrowRight');
    await expect(lab.hopCount).toHaveText(/^hop 2 \//);
    await page.keyboard.press('ArrowLeft');
    await expect(lab.hopCount).toHaveText(/^hop 1 \//);
    await page.keyboard.press('End');
    await expect(lab.hopCount).toHaveText(/^hop (\d+) \/ \1$/);
    await page.keyboard.press('Home');
    await expect(lab.hopCount).toHaveText(/^hop 1 \//);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('clicking an event in the list jumps to that hop', async ({ lab, page }) => {
    await lab.open();
    await lab.sendPreset('container-to-internet');
    await page.getByTestId('event-list').getByRole('button').nth(9).click();
    await expect(lab.hopCount).toHaveText(/^hop 10 \//);
    await expect(page.getByTestId('event-list').locator('[aria-current="step"]')).toContainText(
      '10',
    );
  });

  test('a drop stops the packet with its reason', async ({ lab }) => {
    await lab.open('?lab=icc-off&flow=0');
    await lab.stepUntil(() => lab.glyphLabel.getByTestId('glyph-drop').isVisible(), 'a drop');
    await expect(lab.glyphLabel.getByTestId('glyph-drop')).toContainText(
      'Dropped by the rule -A FORWARD -i docker0 -o docker0 -j DROP',
    );
    await expect(lab.narration).toContainText('Dropped by the rule');
    // The netfilter panel keeps the rule that decided the drop lit.
    await expect(lab.netfilter.locator('tr.matched')).toHaveAttribute(
      'title',
      '-A FORWARD -i docker0 -o docker0 -j DROP',
    );
  });

  test('a none-mode container cannot send: dropped, no network', async ({ lab }) => {
    await lab.open('?lab=none-mode&flow=0');
    await lab.stepUntil(() => lab.glyphLabel.getByTestId('glyph-drop').isVisible(), 'a drop');
    await expect(lab.glyphLabel).toContainText('no network interface but lo');
  });
});
