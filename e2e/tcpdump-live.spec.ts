// A capture running beside a flow: `tcpdump -i docker0 -n &` typed first, then a preset flow
// played hop by hop; its packet lines appear as hops pass docker0 (bridged frames included: tcpdump
// makes docker0 promiscuous), and Ctrl+C at the empty prompt ends it with tcpdump's statistics.
import { expect, HOST_PROMPT, test } from './fixtures/terminal';

test.use({ viewport: { width: 1366, height: 768 } });

const packetRows = (text: string) =>
  text.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l));

test('tcpdump & prints a preset flow as it plays, and Ctrl+C gives its counts', async ({
  lab,
  terminal,
  page,
}) => {
  await lab.open();
  await expect(terminal.prompt).toHaveText(HOST_PROMPT);
  await terminal.run('tcpdump -i docker0 -n &');
  await expect(terminal.root.getByTestId('terminal-captures')).toContainText(
    'tcpdump [1] capturing on docker0',
  );
  await expect(terminal.log).toContainText('listening on docker0, link-type EN10MB (Ethernet)');
  expect(packetRows(await terminal.text())).toEqual([]);

  await lab.sendPreset('container-to-container');
  // Hop by hop until c2's SYN has crossed the bridge: the ARP exchange first, then the SYN.
  await lab.stepUntil(
    async () => / Flags \[S\], seq/.test(await terminal.text()),
    "the SYN's line",
  );
  const partial = packetRows(await terminal.text());
  expect(partial[0]).toMatch(/ ARP, Request who-has 172\.17\.0\.2 tell 172\.17\.0\.3, length 28$/);
  expect(partial[partial.length - 1]).toMatch(
    /IP 172\.17\.0\.3\.\d+ > 172\.17\.0\.2\.80: Flags \[S\], seq \d+, win \d+/,
  );
  // The log follows the lines the capture prints: the newest is in view, not behind the jump button.
  await expect(terminal.root.getByRole('button', { name: /Jump to latest output/ })).toBeHidden();
  await expect(terminal.lastRow()).toBeInViewport();
  await page.screenshot({ path: 'test-results/cap-live-1366.png' });

  // Stepping back prints nothing again.
  await lab.stepBack();
  expect(packetRows(await terminal.text())).toEqual(partial);

  // The last hop: the rest of the connection, down to the last ACK of the close.
  await lab.stepToEnd();
  const all = packetRows(await terminal.text());
  expect(all.length).toBeGreaterThan(partial.length + 4);
  expect(all.slice(0, partial.length)).toEqual(partial);

  await terminal.input.focus();
  await terminal.input.press('Control+c');
  await expect(terminal.root.getByTestId('terminal-captures')).toHaveCount(0);
  const n = all.length;
  await expect(terminal.log).toContainText(
    `^C\n${n} packets captured\n${n} packets received by filter\n0 packets dropped by kernel`,
    { useInnerText: true },
  );
  await page.screenshot({ path: 'test-results/cap-live-end-1366.png' });
});
