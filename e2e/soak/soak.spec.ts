// A lesson-length run in two minutes: playback loops while containers come and go. No console
// error, and the JS heap after garbage collection stays within +10 % of where it started.
import { expect, test } from '../fixtures';

const SOAK_MS = Number(process.env['SOAK_MS'] ?? 120_000);

test('looping playback with containers added and removed keeps the heap flat', async ({
  lab,
  page,
}) => {
  test.setTimeout(SOAK_MS + 120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await lab.open();
  const cdp = await page.context().newCDPSession(page);
  const heap = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const input = page.getByTestId('terminal-input');
  const run = async (line: string) => {
    await input.fill(line);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  };
  const play = page.getByRole('button', { name: 'Play' });
  await page.getByLabel('Speed').selectOption('4');
  const presets = await page.locator('[data-testid^="preset-"]').all();
  expect(presets.length).toBeGreaterThan(0);

  const pause = page.getByRole('button', { name: 'Pause' });
  // One round: a new container, a preset flow played for a few seconds (hops keep animating), the
  // container removed again. The article's flows are long (200 hops): a round never waits for the end.
  const round = async (i: number) => {
    // The terminal's scrollback is bounded by design (2,000 rows); clearing it keeps this a test of
    // leaks, not of how much a teacher has typed.
    await run('clear');
    const name = `soak${i % 4}`;
    await run(`docker run -d --name ${name} -p ${18000 + (i % 4)}:80 nginx`);
    await expect(lab.card(name)).toBeVisible();
    await presets[i % presets.length]?.click();
    await play.click();
    await page.waitForTimeout(4000);
    if (await pause.isVisible()) await pause.click();
    await run(`docker rm -f ${name}`);
    await expect(lab.card(name)).toHaveCount(0);
  };

  // Heap readings are taken at the same point of the preset cycle: the flow on screen is held
  // (a 200-hop flow weighs more than a 20-hop one), so readings after different presets differ.
  const cycle = presets.length;
  let rounds = 0;
  const runCycle = async () => {
    for (let k = 0; k < cycle; k++) await round(rounds++);
  };
  await runCycle(); // warm up: lazy chunks, caches, JIT
  await runCycle();
  const start = await heap();
  const end = Date.now() + SOAK_MS;
  while (Date.now() < end) await runCycle();
  const after = await heap();
  test.info().annotations.push({
    type: 'heap',
    description: `${(start / 2 ** 20).toFixed(2)} MB -> ${(after / 2 ** 20).toFixed(2)} MB after ${rounds} rounds`,
  });
  expect(errors).toEqual([]);
  expect(after).toBeLessThanOrEqual(start * 1.1);
});
