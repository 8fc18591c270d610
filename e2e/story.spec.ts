// Container creation as its own story, the run form's echo, and the small things a class trips on:
// Tab and Esc out of the terminal, New lab with Undo, ARP named as ARP, conntrack's summary colour.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/terminal';
import { HOST_PROMPT } from './fixtures/terminal';

const PROJECTOR = { width: 1366, height: 768 };

/** The rendered font size, in CSS px, of an HTML element (the story is HTML: no SVG scaling). */
const px = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

async function smallestText(story: Locator): Promise<number> {
  return story.evaluate((root) => {
    let min = Infinity;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (own && el.offsetParent !== null)
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

const focusedInTerminal = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid="terminal-slot"]') !== null);

test.describe('container creation story', () => {
  test.use({ viewport: PROJECTOR });

  test('a form launch echoes its docker run, and the story steps through the real commands', async ({
    lab,
    page,
    terminal,
  }) => {
    await lab.open();
    await page.getByTestId('open-run').click();
    const form = page.getByTestId('run-form');
    await form.getByLabel('Name').fill('web');
    await form.getByLabel('Publish').fill('8081:80');
    const line = 'docker run -dit --name web -p 8081:80 nginx';
    await expect(form.getByTestId('run-preview')).toHaveText(line);
    await form.getByRole('button', { name: 'Run' }).click();
    await expect(form).toBeHidden();

    // The terminal shows the line as typed at the host's prompt, then the id `docker run -d` prints.
    await expect(terminal.rows('prompt').last()).toHaveText(HOST_PROMPT + line, {
      useInnerText: true,
    });
    await expect(terminal.lastRow()).toHaveText(/^[0-9a-f]{64}$/);
    await expect(terminal.lastRow()).toHaveAttribute('data-stream', 'stdout');

    const veth = (await lab.cable('web').getAttribute('data-veth')) ?? '';
    expect(veth).toMatch(/^veth[0-9a-f]{7}$/);
    const card = lab.card('web');
    const addr = (await card.locator('.if-ip').innerText()).trim();
    const mac = (await card.locator('.if-mac').innerText()).trim();
    expect(addr).toBe('172.17.0.4/16');

    const story = page.getByTestId('veth-story');
    const cmds = story.getByTestId('story-commands');
    await expect(story).toHaveAttribute('data-step', 'create');
    await expect(story.getByTestId('story-caption')).toContainText(veth);
    await expect(cmds).toContainText(`ip link add ${veth} type veth peer name veth`);
    expect(await smallestText(story)).toBeGreaterThanOrEqual(14);

    const next = story.getByTestId('story-next');
    await next.click();
    await expect(story).toHaveAttribute('data-step', 'join');
    await expect(story.getByTestId('story-caption')).toContainText(`${veth} joins docker0`);
    await expect(cmds).toContainText(`ip link set ${veth} master docker0`);
    await expect(cmds).toContainText(`ip link set ${veth} up`);

    await next.click();
    await expect(story).toHaveAttribute('data-step', 'move');
    await expect(cmds).toContainText('ip netns attach web ');
    await expect(cmds).toContainText(/ip -n web link set veth[0-9a-f]{7} name eth0/);

    await next.click();
    await expect(story).toHaveAttribute('data-step', 'address');
    await expect(cmds).toContainText(`ip -n web link set eth0 address ${mac}`);
    await expect(cmds).toContainText(`ip -n web addr add ${addr} brd 172.17.255.255 dev eth0`);
    await expect(cmds).toContainText('ip -n web route add default via 172.17.0.1 dev eth0');
    await expect(next).toBeDisabled();
    await expect(story.getByText('4 of 4')).toBeVisible();
    await expect(story.getByTestId('story-step-address')).toHaveAttribute('aria-current', 'step');
    expect(await smallestText(story)).toBeGreaterThanOrEqual(14);

    // Back a step, then close; the card's button plays it again from the first moment.
    await story.getByTestId('story-prev').click();
    await expect(story).toHaveAttribute('data-step', 'move');
    await story.getByTestId('story-close').click();
    await expect(story).toBeHidden();
    await card.getByTestId('replay-web').click();
    await expect(story).toHaveAttribute('data-step', 'create');
    await expect(cmds).toContainText(`ip link add ${veth} type veth`);
    // Jump straight to a moment by its name.
    await story.getByTestId('story-step-address').click();
    await expect(story).toHaveAttribute('data-step', 'address');
    // Replay from the story itself.
    await story.getByTestId('story-replay').click();
    await expect(story).toHaveAttribute('data-step', 'create');

    // Presentation mode: everything in the story at 20 px or more.
    await page.getByTestId('present-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
    await expect(story).toBeVisible();
    expect(await smallestText(story)).toBeGreaterThanOrEqual(20);
    expect(await px(cmds)).toBeGreaterThanOrEqual(20);
  });

  test('a typed docker run tells the same story; none mode has none to tell', async ({
    lab,
    page,
    terminal,
  }) => {
    await lab.open();
    await terminal.run('docker run -d --name typed nginx');
    const story = page.getByTestId('veth-story');
    await expect(story).toHaveAttribute('data-step', 'create');
    await story.getByTestId('story-close').click();
    await terminal.run('docker run -d --name iso --network none nginx');
    await expect(lab.card('iso')).toBeVisible();
    await expect(story).toBeHidden();
    await expect(lab.card('iso').getByTestId('replay-iso')).toHaveCount(0);
  });
});

test.describe('keyboard, new lab, labels', () => {
  test('Tab leaves the terminal on an empty line, completes otherwise; Esc always leaves', async ({
    lab,
    page,
    terminal,
  }) => {
    await lab.open();
    await terminal.input.focus();
    // Completion is ready once the shell has loaded.
    await terminal.input.pressSequentially('docker ne');
    await terminal.input.press('Tab');
    await expect(terminal.input).toHaveValue('docker network ');
    expect(await focusedInTerminal(page)).toBe(true);

    await terminal.input.press('Escape');
    expect(await focusedInTerminal(page)).toBe(false);
    await expect(terminal.input).toHaveValue('docker network ');

    await terminal.input.fill('');
    await terminal.input.focus();
    await page.keyboard.press('Tab');
    expect(await focusedInTerminal(page)).toBe(false);
    // Focus went on to the next control on the page, not back to the top.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  });

  test('New lab empties the host and the terminal; Undo brings both back', async ({
    lab,
    page,
    terminal,
  }) => {
    await lab.open();
    await terminal.run('docker ps');
    const cards = page.locator('[data-testid^="card-"]');
    await expect(cards).toHaveCount(2);
    const transcript = await terminal.text();

    await page.getByTestId('new-lab').click();
    await expect(cards).toHaveCount(0);
    await expect(terminal.log.locator('[data-stream]')).toHaveCount(0);
    const status = page.getByTestId('status-line');
    await expect(status).toContainText('New lab');
    await status.getByTestId('status-action').click();
    await expect(cards).toHaveCount(2);
    expect(await terminal.text()).toBe(transcript);
    await expect(status).toContainText('The previous lab is back');
  });

  test('ARP frames are named ARP in the inspector and narration', async ({
    lab,
    page,
    terminal,
  }) => {
    await lab.open();
    await terminal.resetLab();
    await terminal.run('docker run -d --name web nginx');
    await terminal.run('curl -s 172.17.0.2');
    await expect(lab.hopCount).toHaveText(/^hop 1 \/ \d+$/);
    const heading = lab.inspector.getByRole('heading');
    await lab.stepUntil(async () => (await heading.innerText()).includes('ARP'), 'an ARP frame');
    await expect(heading).toContainText('ARP request who-has 172.17.0.2');
    await expect(heading).not.toContainText('SYN');
    await expect(page.getByTestId('narration')).toContainText('ARP request who-has 172.17.0.2');
    await lab.stepUntil(async () => (await heading.innerText()).includes('ARP reply'), 'the reply');
    const mac = (await lab.card('web').locator('.if-mac').innerText()).trim();
    await expect(heading).toContainText(`ARP reply 172.17.0.2 is-at ${mac}`);
  });

  test('conntrack’s summary line reads as output, an error still reads as an error', async ({
    lab,
    terminal,
  }) => {
    await lab.open();
    await terminal.run('echo plain output');
    await terminal.run('conntrack -L');
    const row = terminal.log
      .locator('[data-stream]')
      .filter({ hasText: /flow entries have been shown/ });
    // Written to stderr, as conntrack does, and shown as output: the command succeeded.
    await expect(row).toHaveAttribute('data-stream', 'stderr');
    await expect(row).toHaveClass(/term-stdout/);
    await terminal.run('docker stop nosuch');
    const error = terminal.rows('stderr').last();
    await expect(error).toContainText('No such container: nosuch');
    const look = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.color} ${s.backgroundColor} ${s.boxShadow}`;
      });
    const plain = await look(terminal.rows('stdout').first());
    expect(await look(row)).toBe(plain);
    expect(await look(error)).not.toBe(plain);
  });
});
