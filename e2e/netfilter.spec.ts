import { expect, test } from './fixtures';

test('the netfilter panel highlights the rule the engine matched', async ({ lab }) => {
  await lab.open();
  await lab.sendPreset('outside-to-published-port');
  const nfNow = lab.page.getByTestId('nf-now');
  await lab.stepUntil(
    async () => (await nfNow.isVisible()) && (await nfNow.getAttribute('data-target')) === 'DNAT',
    'the DNAT rule',
  );
  await expect(nfNow).toHaveAttribute('data-chain', 'nat/DOCKER');
  await expect(nfNow).toContainText(
    '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
  );
  const matched = lab.netfilter.locator('tr.matched');
  await expect(matched).toHaveCount(1);
  await expect(matched).toContainText('DNAT');
  // The rule's second row: addresses and matches, ending in the rewrite the lesson is about.
  const more = lab.netfilter.locator('tr.more-matched');
  await expect(more).toHaveCount(1);
  await expect(more).toHaveText('0.0.0.0/0 → 0.0.0.0/0 tcp dpt:8080 to:172.17.0.2:80');
  // None of it is cut off at the panel's edge, on this rule or any other.
  const scroller = lab.netfilter.getByTestId('netfilter-rules');
  const [row, panel] = [await more.boundingBox(), await scroller.boundingBox()];
  expect(row!.x + row!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 0.5);
  const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(matched).toHaveAttribute(
    'title',
    '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
  );
  // The RETURN for docker0 came first in the chain and did not match: shown as passed.
  await expect(lab.netfilter.getByTestId('chain-nat-DOCKER').locator('tr.passed')).toContainText(
    'RETURN',
  );
  await expect(lab.page.getByTestId('stage-PREROUTING')).toHaveClass(/active/);
});

test('conntrack shows the entry that de-NATs the reply', async ({ lab, page }) => {
  await lab.open();
  await lab.sendPreset('outside-to-published-port');
  await page.getByTestId('tab-conntrack').click();
  await lab.stepUntil(
    () => page.locator('.ct-list li.hot').filter({ hasText: 'de-NATs this reply' }).isVisible(),
    'a de-NAT',
  );
  const entry = page.locator('.ct-list li.hot');
  await expect(entry).toContainText('src=203.0.113.5 dst=192.0.2.10 sport=40000 dport=8080');
  await expect(entry).toContainText('src=172.17.0.2 dst=203.0.113.5 sport=80 dport=40000');
});

test('before any packet the panel says there is none; a hop outside netfilter says so', async ({
  lab,
}) => {
  await lab.open();
  const note = lab.netfilter.locator('.nf-now');
  await expect(note).toHaveText(/^No packet yet: these are the host’s rules now\./);
  // The rules are listed all the same (the published port's DNAT among them).
  await expect(lab.netfilter.getByTestId('chain-nat-DOCKER')).toContainText('DNAT');
  await lab.sendPreset('outside-to-published-port');
  // Hop 1 leaves the outside client: no netfilter of the Docker host is on its way yet.
  await expect(note).toHaveText('This hop does not traverse netfilter.');
});
