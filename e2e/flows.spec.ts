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

// At 1366 px the preset chips do not all fit: the strip scrolls, and its cut edge fades out so a
// teacher can tell there is more; at 1920 px they all fit and nothing fades.
for (const [width, start, end] of [
  [1366, '40px', '0px'],
  [1920, '0px', '0px'],
] as const) {
  test(`the preset strip fades its cut edge only when it scrolls (${width} px)`, async ({
    lab,
    page,
  }) => {
    await page.setViewportSize({ width, height: 768 });
    await lab.open();
    const strip = page.locator('.presets');
    const fade = () =>
      strip.evaluate((el) => getComputedStyle(el).getPropertyValue('--presets-fade-end'));
    await expect.poll(fade).toBe(start);
    await strip.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(fade).toBe(end);
    // The last chip is then fully in view.
    const [chip, box] = [
      await strip.locator('button').last().boundingBox(),
      await strip.boundingBox(),
    ];
    expect(chip!.x + chip!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
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
