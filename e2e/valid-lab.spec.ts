// Issue 17, item 1: what the terminal accepts, a reload restores; what the lab cannot keep, the
// command refuses with Docker's or Linux's error or the lab's limit. Typed in the terminal, then
// the page reloaded: the same cards, no "could not be restored" banner, no uncaught page error.
import type { Page } from '@playwright/test';
import { SharePage } from './fixtures/share';
import { expect, test, type TerminalPage } from './fixtures/terminal';
import type { LabPage } from './fixtures';

const cards = '[data-testid^="card-"]';

/** Uncaught errors of the page, from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  return errors;
}

/**
 * The lines pasted as one block: the terminal runs them one after another as if typed (bounded.spec
 * covers that path), without the ~5 browser round trips terminal.run spends on each of ~100 lines.
 * Each line still leaves its own prompt row, checked here in order.
 */
async function typeAll(terminal: TerminalPage, lines: readonly string[]): Promise<void> {
  const before = await terminal.rows('prompt').count();
  const prompt = (await terminal.prompt.textContent()) ?? '';
  await terminal.paste(`${lines.join('\n')}\n`);
  await expect(terminal.rows('prompt')).toHaveCount(before + lines.length, { timeout: 60_000 });
  expect((await terminal.texts('prompt')).slice(before)).toEqual(lines.map((l) => prompt + l));
}

/** The stderr row a refused line printed last. */
async function lastError(terminal: TerminalPage): Promise<string> {
  return (await terminal.texts('stderr')).at(-1) ?? '';
}

async function cardTexts(page: Page): Promise<string[]> {
  return page.locator(cards).evaluateAll((els) =>
    // textContent: what the card holds, whatever the camera's zoom shows of it.
    els.map((e) => `${e.getAttribute('data-testid')}: ${e.textContent ?? ''}`).sort(),
  );
}

/** Waits for the autosave to hold `marker`, reloads, and checks the lab came back whole. */
async function reloadRestores(lab: LabPage, marker: string, errors: string[]): Promise<void> {
  const share = new SharePage(lab.page);
  const before = await cardTexts(lab.page);
  await share.waitForAutosave((json) => json.includes(marker));
  await lab.page.reload();
  await lab.ready();
  // The saved lab is applied once the session's code has arrived, which may be after the first
  // paint: the default lab has as many cards as some saved ones, so wait for the texts themselves.
  await expect.poll(() => cardTexts(lab.page)).toEqual(before);
  await expect(share.banner).toHaveCount(0);
  expect(errors).toEqual([]);
}

const numbers = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(from + i));

test.describe('one definition of a valid lab', () => {
  test('--network container:a after a is removed: b keeps running and the lab reopens', async ({
    lab,
    terminal,
    page,
  }) => {
    const errors = pageErrors(page);
    await lab.open();
    await terminal.resetLab();
    await typeAll(terminal, [
      'docker run -d --name a nginx',
      'docker run -d --name b --network container:a busybox sleep 999',
      'docker rm -f a',
    ]);
    await expect(lab.card('a')).toHaveCount(0);
    await expect(lab.card('b')).toBeVisible();
    await reloadRestores(lab, '"name": "b"', errors);
    await terminal.run('docker ps');
    await expect(terminal.rows('stdout').filter({ hasText: /busybox .* b$/ })).toHaveCount(1);
  });

  test('a bridge named constructor: ping prints its replies, stop and rm work, a reload restores it', async ({
    lab,
    terminal,
    page,
  }) => {
    const errors = pageErrors(page);
    await lab.open();
    await terminal.resetLab();
    await typeAll(terminal, [
      'docker network create -o com.docker.network.bridge.name=constructor n1',
      'docker run -d --name toString --network n1 busybox sleep 1d',
      'docker run -d --name peer --network n1 busybox sleep 1d',
      'docker exec toString ping -c 1 peer',
    ]);
    await expect(terminal.rows('stdout').filter({ hasText: '1 packets received' })).toHaveCount(1);
    await reloadRestores(lab, '"constructor"', errors);
    await terminal.run('docker exec toString ping -c 1 peer');
    await expect(terminal.rows('stdout').filter({ hasText: '1 packets received' })).toHaveCount(1);
    await terminal.run('docker stop toString');
    await expect(terminal.lastRow()).toHaveText('toString');
    await terminal.run('docker rm -f peer');
    await expect(terminal.lastRow()).toHaveText('peer');
    await expect(lab.card('peer')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("what the lab cannot keep is refused at the command with Docker's, Linux's or the lab's words", async ({
    lab,
    terminal,
    page,
  }) => {
    const errors = pageErrors(page);
    await lab.open();
    await terminal.resetLab();
    const refusals: [string, string][] = [
      [
        `docker run -d --name ${'n'.repeat(65)} nginx`,
        `docker: the lab holds container names of at most 64 characters ("${'n'.repeat(20)}…" has 65).`,
      ],
      [
        'docker network create -o com.docker.network.driver.mtu=abc m1',
        'Error response from daemon: failed to parse com.docker.network.driver.mtu value: abc (strconv.Atoi: parsing "abc": invalid syntax)',
      ],
      [
        'docker network create -o com.docker.network.driver.mtu=67 m1',
        'Error response from daemon: invalid argument',
      ],
      [
        'docker run -d -p 1000-1064:1000-1064 nginx',
        'docker: the lab holds at most 64 published ports per container.',
      ],
      [
        `docker run -d busybox sleep ${numbers(32).join(' ')}`,
        'docker: the lab keeps commands of at most 32 arguments.',
      ],
      [
        `docker run -d busybox sleep ${'1'.repeat(257)}`,
        'docker: the lab keeps command arguments of at most 256 characters.',
      ],
      [
        `lab remote add many 198.51.100.33 ${numbers(17).join(' ')}`,
        'lab: a remote machine in the lab listens on at most 16 ports',
      ],
      [
        'lab host eth0 192.0.2.10/0',
        "lab: the lab's host needs a prefix of /1 to /32 on eth0 (a /0 puts every address on its link)",
      ],
      ['lab remote add twin 192.0.2.10', 'lab: address 192.0.2.10 is already in use'],
      ['nc -zv 127.0.0.1 0', 'nc: port number too small: 0'],
      ['curl "http://127.0.0.1:8080/a b"', 'curl: (3) URL using bad/illegal format or missing URL'],
    ];
    for (const [line, error] of refusals) {
      await terminal.run(line);
      // A docker run report ends with its help hint on a row of its own.
      const rows = await terminal.texts('stderr');
      expect(
        rows.some((r) => r === error),
        `${line}\n${rows.slice(-3).join('\n')}`,
      ).toBe(true);
    }
    await expect(page.locator(cards)).toHaveCount(0);
    // And the edges it keeps: a 64-character name, 64 ports, a URL path in Chinese, port 0.
    await typeAll(terminal, [
      `docker run -d --name ${'n'.repeat(64)} -p 8080:80 nginx`,
      'docker run -d --name many -p 2000-2063:2000-2063 nginx',
      'curl -s http://127.0.0.1:8080/名前',
      'curl http://127.0.0.1:0/',
    ]);
    expect(await lastError(terminal)).toBe(
      "curl: (7) Failed to connect to 127.0.0.1 port 0 after 0 ms: Couldn't connect to server",
    );
    await expect(page.locator(cards)).toHaveCount(2);
    await reloadRestores(lab, '"port": 0', errors);
  });

  test('networks and remotes up to the limit reopen; one more is refused', async ({
    lab,
    terminal,
    page,
  }) => {
    test.setTimeout(300_000);
    const errors = pageErrors(page);
    await lab.open();
    await terminal.resetLab();
    // A fresh host has two remotes (client and server) and three networks (bridge, host, none).
    await typeAll(terminal, [
      ...numbers(30).map((i) => `lab remote add r${i} 198.51.100.${100 + Number(i)}`),
      ...numbers(15).map((i) => `docker network create n${i}`),
      'docker run -d --name c busybox sleep 1d',
      ...numbers(15).map((i) => `docker network connect n${i} c`),
    ]);
    await terminal.run('lab remote add one-more 198.51.100.99');
    expect(await lastError(terminal)).toBe('lab: the lab holds at most 32 remote machines');
    await terminal.run('docker network create n16');
    await terminal.run('docker network connect n16 c');
    expect(await lastError(terminal)).toBe(
      'docker: a container in the lab joins at most 16 networks',
    );
    await reloadRestores(lab, '"n16"', errors);
    await typeAll(
      terminal,
      numbers(45).map((i) => `docker network create --subnet 10.${i}.0.0/24 m${i}`),
    );
    await terminal.run('docker network create --subnet 10.99.0.0/24 m99');
    expect(await lastError(terminal)).toBe(
      'docker: the lab holds at most 64 networks (bridge, host and none included)',
    );
    await reloadRestores(lab, '"m45"', errors);
  });
});
