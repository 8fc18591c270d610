import { expect, test } from './fixtures';

test('key moments: ] jumps to the DNAT, every panel shows that moment, then on to the un-NAT', async ({
  lab,
  page,
}) => {
  await lab.open('?flow=outside-to-published-port');
  await expect(lab.hopCount).toHaveText(/^hop 1 \/ 29\d$/);
  await expect(page.getByTestId('moment-count')).toHaveText('moment 1 / 11');

  // The full hop list groups the hops under their chapter: the DNAT's chain walk under "DNAT".
  const dnatHead = page.locator('.events .ch-head[data-chapter="dnat"]').first();
  await expect(dnatHead).toHaveText('DNAT');

  // ARP first (hop 3), then the DNAT: hop 27 of ~290, two key presses away.
  await page.keyboard.press(']');
  await expect(lab.hopCount).toHaveText(/^hop 3 \//);
  await page.keyboard.press(']');
  await expect(lab.hopCount).toHaveText(/^hop 27 \//);
  await expect(page.getByTestId('moment-count')).toHaveText('moment 2 / 11');

  // The netfilter panel names the rule that asked for the rewrite, the way the packet got there…
  const nfNow = page.getByTestId('nf-now');
  await expect(nfNow).toHaveAttribute('data-chain', 'nat/DOCKER');
  await expect(nfNow).toHaveAttribute('data-target', 'DNAT');
  await expect(page.getByTestId('nf-path')).toHaveText('nat/PREROUTING → DOCKER');
  // …and lights it in nat/DOCKER with its counters at this moment: this SYN, 60 bytes.
  const matched = lab.netfilter.getByTestId('chain-nat-DOCKER').locator('tr.matched');
  await expect(matched).toHaveCount(1);
  await expect(matched).toContainText('DNAT');
  await expect(matched.locator('td').nth(0)).toHaveText('1');
  await expect(matched.locator('td').nth(1)).toHaveText('60');

  // conntrack: the entry this SYN created, not yet confirmed (the kernel does that in POSTROUTING).
  await page.getByTestId('tab-conntrack').click();
  const hot = page.locator('.ct-list li.hot');
  await expect(hot).toHaveCount(1);
  await expect(hot).toContainText('new, unconfirmed');
  await expect(hot).toContainText('src=203.0.113.5 dst=192.0.2.10 sport=40000 dport=8080');
  await expect(hot).toContainText('src=172.17.0.2 dst=203.0.113.5 sport=80 dport=40000');

  // On to the reply's un-NAT: conntrack rewrites it from that entry, no rule consulted.
  for (let i = 0; i < 10 && !(await hot.filter({ hasText: 'de-NATs this reply' }).count()); i++) {
    await page.keyboard.press(']');
  }
  await expect(hot).toContainText('de-NATs this reply');
  await expect(hot).not.toContainText('unconfirmed');
  await expect(lab.hopCount).toHaveText(/^hop 75 \//);
  await expect(page.getByTestId('moment-count')).toHaveText('moment 8 / 11');
  await page.getByTestId('tab-netfilter').click();
  await expect(lab.netfilter.locator('.nf-now')).toHaveText(
    'conntrack rewrote this packet from its entry: no rule was consulted.',
  );
  // The DNAT rule still counts one packet: the later ones were rewritten by conntrack.
  await expect(
    lab.netfilter.getByTestId('chain-nat-DOCKER').locator('tr[data-rule-id*="DNAT"] td').nth(0),
  ).toHaveText('1');

  // [ goes back; the key-moments view folds the list to one row per moment.
  await page.keyboard.press('[');
  await expect(lab.hopCount).toHaveText(/^hop 59 \//);
  await page.getByTestId('moments-toggle').click();
  await expect(page.getByTestId('moment-row')).toHaveCount(11);
  await expect(page.getByTestId('moment-row').nth(1)).toContainText('DNAT');
  // Each row says how many hops it spans, a moment of one hop in the singular.
  const spans = await page
    .getByTestId('moment-row')
    .locator('button[aria-expanded]')
    .allTextContents();
  expect(spans).toHaveLength(11);
  for (const s of spans) expect(s).toMatch(/^(1 hop|([2-9]|\d\d+) hops)$/);
});
