import AxeBuilder from '@axe-core/playwright';
import { BUSYBOX_PROMPT, HOST_PROMPT, expect, test } from './fixtures/terminal';

const cards = '[data-testid^="card-"]';

test.describe('the terminal runs the article’s commands on the simulated host', () => {
  test('docker network ls, two docker runs and docker ps: Docker’s output, and the diagram grows', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    await expect(terminal.prompt).toHaveText(HOST_PROMPT);
    await expect(terminal.location).toHaveText('host');
    await terminal.resetLab();

    await terminal.run('docker network ls');
    const out = await terminal.text();
    expect(out).toMatch(/NETWORK ID {5}NAME {6}DRIVER {4}SCOPE/);
    expect(out).toMatch(/[0-9a-f]{12} {3}bridge {4}bridge {4}local/);
    expect(out).toMatch(/[0-9a-f]{12} {3}host {6}host {6}local/);
    expect(out).toMatch(/[0-9a-f]{12} {3}none {6}null {6}local/);

    await terminal.run('docker run -itd --net=host busybox');
    await expect(terminal.lastRow()).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.locator(cards)).toHaveCount(1);

    await terminal.run('docker run -d -p 80:5000 training/webapp python app.py');
    await expect(terminal.lastRow()).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.locator(cards)).toHaveCount(2);
    await expect(page.locator(cards).filter({ hasText: '0.0.0.0:80->5000/tcp' })).toHaveCount(1);

    await terminal.run('docker ps');
    const ps = terminal.rows('stdout');
    await expect(ps.filter({ hasText: /^CONTAINER ID {3}IMAGE/ })).toHaveCount(1);
    await expect(ps.filter({ hasText: /training\/webapp {3}"python app\.py"/ })).toHaveCount(1);
    await expect(ps.filter({ hasText: /busybox .*"sh"/ })).toHaveCount(1);
    await expect(terminal.rows('stderr')).toHaveCount(0);
  });

  test('a typed docker run tells its veth story on the new card, as the form does', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    await terminal.run('docker run -itd --name web -p 8081:80 nginx');
    await expect(lab.card('web')).toBeVisible();
    await expect(lab.card('web')).toContainText('0.0.0.0:8081->80/tcp');
    // The story opens on its first moment; its second is the host end joining the bridge.
    const story = page.getByTestId('veth-story');
    await expect(story).toHaveAttribute('data-step', 'create');
    await story.getByTestId('story-step-join').click();
    await expect(story).toContainText('joins docker0');
  });

  test('an engine error prints Docker’s message on stderr and changes nothing', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    const before = await page.locator(cards).count();
    await terminal.run('docker run -p 70000:80 nginx');
    await expect(terminal.rows('stderr')).toHaveCount(2);
    expect(await terminal.texts('stderr')).toEqual([
      'docker: invalid hostPort: 70000.',
      "See 'docker run --help'.",
    ]);
    // Screen readers hear that these are errors; a copy gets Docker's words only.
    await expect(terminal.rows('stderr').first()).toContainText('error:');
    expect(await terminal.selectedText()).toContain(
      "nginx\ndocker: invalid hostPort: 70000.\nSee 'docker run --help'.",
    );
    await expect(page.locator(cards)).toHaveCount(before);
    await terminal.run('docker ps -aq');
    await expect(terminal.rows('stdout')).toHaveCount(before);
  });
});

test.describe('inside a container', () => {
  test('exec into c1, ping c2 and step the packet hop by hop; exit returns to the host', async ({
    lab,
    terminal,
  }) => {
    await lab.open();
    await terminal.resetLab();
    await terminal.run('docker run -itd --name c1 busybox');
    await terminal.run('docker run -itd --name c2 busybox');
    await expect(lab.card('c1')).toBeVisible();
    await expect(lab.card('c2')).toContainText('172.17.0.3');

    await terminal.run('docker exec -it c1 sh');
    await expect(terminal.prompt).toHaveText(BUSYBOX_PROMPT);
    await expect(terminal.location).toHaveText('container c1');
    await expect(terminal.location).toHaveAttribute('data-where', 'container');

    await terminal.run('ping -c 1 172.17.0.3');
    await expect(
      terminal.rows('stdout').filter({ hasText: '64 bytes from 172.17.0.3: seq=0 ttl=64' }),
    ).toHaveCount(1);
    await expect(
      terminal
        .rows('stdout')
        .filter({ hasText: '1 packets transmitted, 1 packets received, 0% packet loss' }),
    ).toHaveCount(1);
    // The flow is ready at its first hop (reduced motion: nothing moves by itself).
    await expect(lab.hopCount).toHaveText(/^hop 1 \/ \d+$/);
    const events = lab.page.getByTestId('event-list');
    await expect(events.getByRole('button').first()).toHaveAttribute('aria-current', 'step');
    await expect(events).toContainText('c1');
    await expect(events).toContainText('c2');
    const { of } = await lab.position();
    expect(of).toBeGreaterThan(4);
    await lab.stepForward();
    await expect(events.getByRole('button').nth(1)).toHaveAttribute('aria-current', 'step');
    await lab.stepToEnd();

    await terminal.run('exit');
    await expect(terminal.prompt).toHaveText(HOST_PROMPT);
    await expect(terminal.location).toHaveText('host');
    await expect(lab.card('c1')).toBeVisible(); // exec's shell leaves the container running
  });
});

test.describe('editing the line', () => {
  test('↑ recalls the previous command and ↓ walks back to the fresh line', async ({
    lab,
    terminal,
  }) => {
    await lab.open();
    await terminal.run('docker network ls');
    await terminal.run('ifconfig docker0');
    await terminal.input.pressSequentially('dock');
    await terminal.input.press('ArrowUp');
    await expect(terminal.input).toHaveValue('ifconfig docker0');
    await terminal.input.press('ArrowUp');
    await expect(terminal.input).toHaveValue('docker network ls');
    await terminal.input.press('ArrowDown');
    await terminal.input.press('ArrowDown');
    await expect(terminal.input).toHaveValue('dock');
    await terminal.input.press('ArrowUp');
    await terminal.input.press('Enter');
    await expect(terminal.rows('prompt').last()).toHaveText(`${HOST_PROMPT}ifconfig docker0`);
  });

  test('Tab completes a command, a subcommand and a container name; a second Tab lists choices', async ({
    lab,
    terminal,
  }) => {
    await lab.open(); // the default lab runs c1 and c2
    await terminal.input.pressSequentially('docker ne');
    await terminal.input.press('Tab');
    await expect(terminal.input).toHaveValue('docker network ');
    await terminal.input.pressSequentially('l');
    await terminal.input.press('Tab');
    await expect(terminal.input).toHaveValue('docker network ls ');
    await terminal.input.press('Enter');
    await expect(terminal.rows('stdout').first()).toContainText('NETWORK ID');

    await terminal.input.pressSequentially('docker stop c');
    await terminal.input.press('Tab');
    await expect(terminal.input).toHaveValue('docker stop c');
    await terminal.input.press('Tab');
    await expect(terminal.rows('prompt').last()).toHaveText(`${HOST_PROMPT}docker stop c`);
    await expect(terminal.lastRow()).toHaveText(/^c1 +c2$/);
    await terminal.input.pressSequentially('2');
    await terminal.input.press('Tab');
    await expect(terminal.input).toHaveValue('docker stop c2 ');
  });

  test('Ctrl-C abandons the line with ^C; clear and Ctrl-L empty the screen', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    await terminal.input.pressSequentially('docker rm -f c1');
    await terminal.input.press('Control+c');
    await expect(terminal.input).toHaveValue('');
    await expect(terminal.lastRow()).toHaveText(`${HOST_PROMPT}docker rm -f c1^C`);
    await expect(lab.card('c1')).toBeVisible();

    await terminal.run('hostname');
    await terminal.input.fill('docker ps');
    await terminal.input.press('Control+l');
    await expect(terminal.log.locator('[data-stream]')).toHaveCount(0);
    await expect(terminal.input).toHaveValue('docker ps');

    await terminal.input.press('Enter');
    await expect(terminal.rows('stdout').first()).toContainText('CONTAINER ID');
    await terminal.input.fill('clear');
    await terminal.input.press('Enter');
    await expect(terminal.log.locator('[data-stream]')).toHaveCount(0);
    await expect(page.locator(cards)).toHaveCount(2);
  });

  test('pasting several lines runs each one and leaves the unfinished tail to edit', async ({
    lab,
    terminal,
  }) => {
    await lab.open();
    await terminal.paste('docker network create front\ndocker network ls\ndocker network rm fr');
    await expect(terminal.rows('prompt')).toHaveText([
      `${HOST_PROMPT}docker network create front`,
      `${HOST_PROMPT}docker network ls`,
    ]);
    await expect(
      terminal.rows('stdout').filter({ hasText: / front {5}bridge {4}local$/ }),
    ).toHaveCount(1);
    await expect(terminal.input).toHaveValue('docker network rm fr');
  });
});

test.describe('reading the transcript', () => {
  test('wide iptables tables wrap at the terminal width, and the view follows new output', async ({
    lab,
    terminal,
  }) => {
    await lab.open();
    await terminal.run('iptables -t nat -L -n -v');
    const dnat = terminal.rows('stdout').filter({ hasText: 'DNAT' });
    await expect(dnat).toHaveCount(1);
    const row = await dnat.evaluate((el) => ({
      h: el.getBoundingClientRect().height,
      lh: parseFloat(getComputedStyle(el).lineHeight),
    }));
    // Longer than the terminal is wide: it goes on at the next line, as a terminal wraps it.
    expect(row.h).toBeGreaterThan(row.lh * 1.5);
    // The log scrolls to its newest line in the frame that draws it, and never sideways.
    await expect
      .poll(() =>
        terminal.log.evaluate((el) => ({
          wide: el.scrollWidth > el.clientWidth,
          bottom: Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) <= 6,
        })),
      )
      .toEqual({ wide: false, bottom: true });

    // Scrolled up to read, the reader stays there until they type again.
    await terminal.log.evaluate((el) => {
      el.scrollTop = 0;
      el.dispatchEvent(new Event('scroll'));
    });
    await expect(
      terminal.root.getByRole('button', { name: /Jump to latest output/ }),
    ).toBeVisible();
    await terminal.run('docker ps');
    await expect
      .poll(() => terminal.log.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop))
      .toBeLessThanOrEqual(6);
  });

  test('clicking the panel focuses the prompt, but selecting transcript text does not', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    await terminal.run('docker network ls');
    await page.getByRole('button', { name: 'Step forward' }).focus();
    await terminal.root.getByRole('heading', { name: 'Terminal' }).click();
    await expect(terminal.input).toBeFocused();

    await page.getByRole('button', { name: 'Step forward' }).focus();
    const header = terminal.rows('stdout').first();
    const box = await header.boundingBox();
    if (!box) throw new Error('no header row');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(/^NETWORK/);
    await expect(terminal.input).not.toBeFocused();
  });

  test('the panel passes axe checks and renders output as text, never HTML', async ({
    lab,
    terminal,
    page,
  }) => {
    await lab.open();
    await terminal.run('echo "<b>bold</b>"');
    await expect(terminal.lastRow()).toHaveText('<b>bold</b>');
    await expect(terminal.log.locator('b')).toHaveCount(0);
    await terminal.run('docker run -p 70000:80 nginx');
    const result = await new AxeBuilder({ page })
      .include('[data-testid="terminal-slot"]')
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test.describe('room to read', () => {
  test('Enlarge lifts the terminal over the diagram in larger type; Esc docks it again', async ({
    lab,
    terminal,
  }) => {
    await lab.open();
    const enlarge = terminal.root.getByRole('button', { name: 'Enlarge' });
    const docked = await terminal.root.boundingBox();
    await enlarge.click();
    await expect(enlarge).toHaveAttribute('aria-pressed', 'true');
    const large = await terminal.root.boundingBox();
    expect(large?.height ?? 0).toBeGreaterThan((docked?.height ?? 0) * 1.8);
    await expect(lab.page.getByRole('button', { name: 'Step forward' })).toBeInViewport();
    await terminal.input.focus();
    await terminal.input.press('Escape');
    await expect(enlarge).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('with motion allowed', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('a typed ping starts playback from the first hop', async ({ lab, terminal, page }) => {
    await lab.open();
    await terminal.run('docker exec -it c2 sh');
    await terminal.run('ping -c 1 172.17.0.2');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });
});
