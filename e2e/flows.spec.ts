import { expect, test } from './fixtures';

test.describe('the article flows, stepped hop by hop', () => {
  test('outside → published port 8080: DNAT to 172.17.0.2:80, undone on the reply', async ({
    lab,
  }) => {
    await lab.open();
    await lab.sendPreset('outside-to-published-port');
    await lab.stepUntil(() => lab.was('ip.dst').isVisible(), 'a DNAT hop');
    await expect(lab.value('ip.dst')).toHaveText('172.17.0.2');
    await expect(lab.was('ip.dst')).toHaveText('was 192.0.2.10');
    await expect(lab.value('tcp.dport')).toHaveText('80');
    await expect(lab.was('tcp.dport')).toHaveText('was 8080');
    await expect(lab.glyphLabel.getByTestId('glyph-old')).toContainText('192.0.2.10:8080');
    await expect(lab.glyphLabel.getByTestId('glyph-ends')).toContainText('172.17.0.2:80');
    // The SYN-ACK comes back from 172.17.0.2:80; conntrack puts back the address the client used.
    await lab.stepUntil(() => lab.was('ip.src').isVisible(), 'the un-DNAT of the reply');
    await expect(lab.value('ip.src')).toHaveText('192.0.2.10');
    await expect(lab.was('ip.src')).toHaveText('was 172.17.0.2');
    await expect(lab.value('tcp.sport')).toHaveText('8080');
    await lab.stepToEnd();
    await expect(lab.page.getByTestId('event-list').locator('[aria-current="step"]')).toContainText(
      'deliver',
    );
  });

  test('container → internet: MASQUERADE rewrites the source to 192.0.2.10', async ({ lab }) => {
    await lab.open();
    await lab.sendPreset('container-to-internet');
    await lab.stepUntil(() => lab.was('ip.src').isVisible(), 'a MASQUERADE hop');
    await expect(lab.narration).toContainText('MASQUERADE');
    await expect(lab.value('ip.src')).toHaveText('192.0.2.10');
    await expect(lab.was('ip.src')).toHaveText('was 172.17.0.2');
    await expect(lab.value('ip.dst')).toHaveText('198.51.100.7');
    await lab.stepToEnd();
    await expect(lab.hopCount).toHaveText(/^hop (\d+) \/ \1$/);
  });

  for (const id of ['container-to-container', 'host-to-container', 'container-ping-internet']) {
    test(`${id}: steps to the last hop and ends delivered`, async ({ lab }) => {
      await lab.open();
      await lab.sendPreset(id);
      await lab.stepToEnd();
      await expect(lab.hopCount).toHaveText(/^hop (\d+) \/ \1$/);
      const current = lab.page.getByTestId('event-list').locator('[aria-current="step"]');
      await expect(current).toContainText('deliver');
      await expect(lab.page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
    });
  }

  test('container → container is switched by docker0 without NAT', async ({ lab, page }) => {
    await lab.open();
    await lab.sendPreset('container-to-container');
    await lab.stepUntil(
      () => page.getByTestId('bridge-docker0').evaluate((g) => g.classList.contains('switching')),
      'a switching hop',
    );
    await expect(lab.narration).toContainText('docker0');
    await expect(lab.inspector.locator('.field.changed')).toHaveCount(0);
  });
});

// Every preset chip is on screen at both sizes: the header wraps to a second row rather than hide
// one behind a scrolling strip (1366 px).
for (const width of [1366, 1920] as const) {
  test(`every preset chip is in view (${width} px)`, async ({ lab, page }) => {
    await page.setViewportSize({ width, height: 768 });
    await lab.open();
    const strip = page.locator('.presets');
    expect(await strip.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    for (const chip of await strip.locator('button').all())
      await expect(chip).toBeInViewport({ ratio: 1 });
  });
}

test('at 1366×768 the hop list shows where each hop happened in full, under its event', async ({
  lab,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.sendPreset('outside-to-published-port');
  const nfNow = page.getByTestId('nf-now');
  await lab.stepUntil(
    async () => (await nfNow.isVisible()) && (await nfNow.getAttribute('data-target')) === 'DNAT',
    'the DNAT rule',
  );
  const where = page.locator('[data-testid="event-list"] button[aria-current="step"] .ev-where');
  await expect(where).toHaveText('nat/DOCKER → DNAT');
  // Not cut to "na…" by the ~180 px column: the text fits its box.
  expect(await where.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});
