import { expect, test } from './fixtures';

test('the text view lists the topology and every hop of the flow as tables', async ({ lab }) => {
  await lab.open();
  await lab.page.getByTestId('tab-text').click();
  const view = lab.page.getByTestId('text-view');
  await expect(view.getByRole('row', { name: /c1 \(nginx\)/ })).toContainText('172.17.0.2/16');
  await expect(view.getByRole('row', { name: /c1 \(nginx\)/ })).toContainText(
    '0.0.0.0:8080->80/tcp',
  );
  await lab.sendPreset('outside-to-published-port');
  const rows = view.locator('.text-trace tbody tr');
  await expect(rows.first()).toContainText('the client');
  await expect(view).not.toContainText('remote:client');
  // The DNAT hop as text: the destination the engine rewrote, and its narration.
  await expect(
    view.locator('.text-trace tbody tr', { hasText: 'the destination is rewritten' }).first(),
  ).toContainText('203.0.113.5:40000 → 172.17.0.2:80');
  const count = await rows.count();
  await expect(lab.hopCount).toHaveText(new RegExp(`/ ${count}$`));
});
