// Code fetched after the first paint: the terminal's commands, the lessons, the share code and the
// second language. Nothing typed or saved is lost while it is on its way.
import type { Page } from '@playwright/test';
import { LessonsPage } from './fixtures/lessons';
import { HOST_PROMPT, expect, test } from './fixtures/terminal';

const STORAGE_KEY = 'docker-network-lab:lab';

/** Holds back the built chunks whose file name matches `name` until the returned function is called. */
async function holdChunk(page: Page, name: RegExp): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(
    (url) => url.pathname.includes('/assets/') && name.test(url.pathname),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  return release;
}

/** The terminal's commands (the shell chunk), held back while a test types ahead of them. */
const SHELL_CHUNK = /\/shell-[\w-]+\.js$/;

test('lines typed before the commands arrive run, in order, once they do', async ({
  lab,
  terminal,
  page,
}) => {
  const release = await holdChunk(page, SHELL_CHUNK);
  await lab.open();
  const lines = ['docker run -d --name web nginx', 'docker ps'];
  for (const line of lines) {
    await terminal.input.fill(line);
    await terminal.input.press('Enter');
    await expect(terminal.input).toHaveValue('');
  }
  await expect(terminal.rows('prompt')).toHaveCount(0);
  release();
  await expect(terminal.rows('prompt')).toHaveCount(2);
  expect(await terminal.texts('prompt')).toEqual(lines.map((l) => HOST_PROMPT + l));
  await expect(lab.card('web')).toBeVisible();
  // docker ps ran after the run: it lists web.
  expect(await terminal.texts('stdout')).toContainEqual(expect.stringMatching(/\sweb$/));
});

/** The packet walk (src/sim/walk, every flow), fetched after the first paint like the shell. */
const WALK_CHUNK = /\/simulate-[\w-]+\.js$/;

test('a preset clicked before the packet walk arrives is sent once it does, in order with a line', async ({
  lab,
  terminal,
}) => {
  const release = await holdChunk(lab.page, WALK_CHUNK);
  await lab.open();
  await lab.page.getByTestId('preset-outside-to-published-port').click();
  await terminal.input.fill('conntrack -L');
  await terminal.input.press('Enter');
  await expect(terminal.input).toHaveValue('');
  await expect(lab.hopCount).toHaveText('no flow');
  release();
  await expect(lab.hopCount).toHaveText(/^hop 1 \/ \d+$/);
  await expect(lab.page.getByTestId('preset-outside-to-published-port')).toHaveClass(/\bon\b/);
  await lab.stepForward();
  // The line ran after the flow it followed: conntrack lists the connection the preset made.
  await expect(terminal.rows('prompt')).toHaveCount(1);
  expect(await terminal.texts('stdout')).toContainEqual(
    expect.stringMatching(/dport=8080 .*ASSURED/),
  );
});

test('a Tab pressed before the commands arrive completes once they do', async ({
  lab,
  terminal,
}) => {
  const release = await holdChunk(lab.page, SHELL_CHUNK);
  await lab.open();
  await terminal.input.fill('docker netw');
  await terminal.input.press('Tab');
  await expect(terminal.input).toHaveValue('docker netw');
  release();
  await expect(terminal.input).toHaveValue('docker network ');
});

test('an autosaved lesson reopens at its step after a reload', async ({ page }) => {
  const lessons = new LessonsPage(page);
  await lessons.open('en');
  await lessons.start('modes');
  const first = await lessons.panel.getByTestId('lesson-step').getAttribute('data-step');
  await lessons.next();
  const step = lessons.panel.getByTestId('lesson-step');
  await expect(step).not.toHaveAttribute('data-step', first ?? '');
  const second = await step.getAttribute('data-step');
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY))
    .toMatch(/"lesson":\s*\{\s*"id":\s*"modes",\s*"step":\s*1/);
  await page.reload();
  await expect(lessons.panel.getByTestId('lesson-step')).toHaveAttribute('data-step', second ?? '');
});

test('an English page never fetches the Chinese catalogue; the switch does, once', async ({
  lab,
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (/\/zh-CN-all-[\w-]+\.js$/.test(new URL(r.url()).pathname)) fetched.push(r.url());
  });
  await lab.open('?lang=en&flow=container-to-container&hop=2');
  await page.getByTestId('open-lessons').click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  expect(fetched).toEqual([]);
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.getByTestId('open-run')).toHaveText('+ 运行容器');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(fetched).toHaveLength(1);
});
