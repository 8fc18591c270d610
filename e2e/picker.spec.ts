import { expect, test } from './fixtures';

test('a flow picked by clicking: source card, target card, protocol and port', async ({
  lab,
  page,
}) => {
  await lab.open();
  await page.getByTestId('pick-source').click();
  await expect(page.getByRole('status').filter({ hasText: 'Click the source' })).toBeVisible();
  await lab.card('c2').click();
  await lab.card('c1').click();
  await expect(page.getByLabel('Target address')).toHaveValue('172.17.0.2');
  await page.getByLabel('Protocol').selectOption('tcp');
  await page.getByLabel('Port').fill('80');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(lab.hopCount).toHaveText(/^hop 1 \/ \d+$/);
  await expect(lab.inspector).toContainText('172.17.0.3');
  await expect(lab.glyphLabel).toBeVisible();
});

test('a bad typed address is refused next to the picker, nothing is sent', async ({
  lab,
  page,
}) => {
  await lab.open();
  await page.getByTestId('pick-source').click();
  await page.getByTestId('remote-client').click();
  await page.getByLabel('Target address').fill('192.0.2.300');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toHaveText('invalid IP address: 192.0.2.300');
  await expect(lab.hopCount).toHaveText('no flow');
});

test('at 1366×768 the source and target boxes show their hint whole', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  for (const id of ['pick-source', 'pick-target']) {
    const pick = page.getByTestId(id);
    await expect(pick).toContainText('click to pick');
    // Not "click to pi…": the hint is set in the interface's type, not the wider monospace.
    expect(await pick.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  }
});
