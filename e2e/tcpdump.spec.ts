import { expect, HOST_PROMPT, test } from './fixtures/terminal';

test.use({ viewport: { width: 1366, height: 768 } });

test('tcpdump -i docker0 after a flow prints its frames and the capture statistics', async ({
  lab,
  terminal,
  page,
}) => {
  await lab.open();
  await expect(terminal.prompt).toHaveText(HOST_PROMPT);
  await terminal.resetLab();
  await terminal.run('docker run -d --name c1 nginx');
  await terminal.run('docker run -d --name c2 busybox sleep 1d');
  await terminal.run('docker exec c2 ping -c 1 172.17.0.2');
  await terminal.run('tcpdump -i docker0 -n');
  const out = await terminal.text();
  expect(out).toMatch(/ARP, Request who-has 172\.17\.0\.2 tell 172\.17\.0\.3, length 28/);
  expect(out).toMatch(
    /IP 172\.17\.0\.3 > 172\.17\.0\.2: ICMP echo request, id \d+, seq 1, length 64/,
  );
  expect(out).toMatch(
    /4 packets captured\n4 packets received by filter\n0 packets dropped by kernel/,
  );
  await page.screenshot({ path: 'test-results/pkt-tcpdump-1366.png' });
});
