// Name resolution as packets in the page: a busybox ping of a name walks its DNS queries (A, then
// AAAA) and answers first (src/sim/walk/dns.ts), and the key moments name them "Name resolution".
import { expect, test } from './fixtures/terminal';

test('ping example.com in a container: the DNS queries and answers are moments before the echo', async ({
  lab,
  terminal,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await terminal.resetLab();
  await terminal.run('docker run -itd --name c1 busybox');
  await expect(lab.card('c1')).toBeVisible();
  await terminal.run('docker exec c1 ping -c 1 example.com');
  await expect(terminal.rows('stdout').nth(1)).toHaveText(
    'PING example.com (93.184.216.34): 56 data bytes',
  );
  await page.getByTestId('moments-toggle').click();
  const lookups = page.getByTestId('moment-row').filter({ hasText: 'Name resolution' });
  await expect(lookups).toHaveCount(4);
  await lookups.first().click();
  await expect(page.getByTestId('moment-count')).toHaveText(/^moment \d+ \/ 16$/);
  await page.screenshot({ path: 'test-results/dns-moments.png' });
});
