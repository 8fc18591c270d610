import { expect, test } from './fixtures';

// The side panel is ~350 px wide at 1366×768 and ~420 px at 1920×1080: what it lists must fit.
for (const [w, h] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`ARP entries read as ip neigh prints them, nothing cut off (${w}x${h})`, async ({
    lab,
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    await lab.open();
    await lab.sendPreset('host-to-container');
    await page.getByTestId('tab-tables').click();
    const panel = page.getByTestId('tables-panel');
    // The tables as they stood at the hop shown: at the first, the host has not asked yet…
    const c1 = panel.getByRole('listitem').filter({ hasText: '172.17.0.2 dev docker0' });
    await expect(c1).toHaveCount(0);
    // …at the last, it has asked for c1's MAC and got the reply: REACHABLE (iproute2's line format), then the
    // seconds until it turns STALE.
    await page.keyboard.press('End');
    await expect(panel.getByRole('region', { name: 'host' }).getByRole('listitem')).toHaveText([
      /^172\.17\.0\.2 dev docker0 lladdr 02:42:ac:11:00:02 REACHABLE · \d+s$/,
    ]);
    const scroller = page.locator('.side-panels .tab-body');
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // The tab labels stay on one line ("ARP & FDB" used to wrap).
    const tabs = await page
      .locator('.side-panels [role="tab"]')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.max(...tabs) - Math.min(...tabs)).toBeLessThan(1);
  });
}
