// Teacher-made lessons: a teacher records a lesson in the lab (a published nginx, the client's
// request, a note, a question), exports its link; students open it in English and Chinese and
// answer; a broken lesson link says what is wrong and leaves the student's own lab as it was.
import type { Browser, Page } from '@playwright/test';
import { LabPage } from './fixtures';
import { STORAGE_KEY } from './fixtures/share';
import { TerminalPage } from './fixtures/terminal';
import { expect, test } from './fixtures/lessons';
import { encodeLessonLink } from '../src/teacher/codec';
import { LESSON_FORMAT } from '../src/teacher/format';

const PROJECTOR = { width: 1366, height: 768 };

async function student(
  browser: Browser,
  url: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: PROJECTOR, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}

/** Records the lesson and returns its link. */
async function record(page: Page): Promise<string> {
  const lab = new LabPage(page);
  await lab.open();
  await page.getByTestId('open-lessons').click();
  await page.getByTestId('record-lesson').click();
  const recorder = page.getByTestId('recorder');
  await expect(recorder).toBeVisible();
  // Recording starts from a fresh host.
  await expect(page.locator('[data-testid^="card-"]')).toHaveCount(0);
  const term = new TerminalPage(page);
  await term.run('docker run -d --name web -p 8080:80 nginx');
  await term.run('docker ps'); // reads only: not recorded
  await expect(recorder.getByTestId('rec-step-0')).toContainText(
    '$ docker run -d --name web -p 8080:80 nginx',
  );
  await expect(recorder.getByTestId('rec-step-0')).not.toContainText('docker ps');
  await term.run('lab from client curl http://192.0.2.10:8080/');
  await expect(recorder.getByTestId('rec-flow-0')).toHaveText('⇢ client → 192.0.2.10:8080 (http)');
  await recorder.getByTestId('rec-title').fill('Publishing a port');
  await recorder
    .getByTestId('step-note-0')
    .fill('web listens on port 80; the host publishes it as 8080.');
  await recorder.getByTestId('q-kind-0').selectOption('choices');
  await recorder
    .getByTestId('q-text-0')
    .fill('Which port does the client connect to on 192.0.2.10?');
  await recorder.getByTestId('q-add-choice-0').click();
  for (const [k, text] of ['80', '8080', '443'].entries())
    await recorder.getByTestId(`q-choice-0-${k}`).fill(text);
  await recorder.getByTestId('q-right-0-1').check();
  await page.screenshot({ path: 'test-results/teacher-recorder.png' });
  await recorder.getByTestId('rec-finish').click();
  await expect(recorder.getByTestId('rec-export')).toBeVisible();
  await expect(recorder.getByTestId('rec-link')).toHaveValue(/#lesson=[A-Za-z0-9_-]+$/);
  return recorder.getByTestId('rec-link').inputValue();
}

test.describe('teacher-made lessons', () => {
  test.use({ viewport: PROJECTOR });

  test('recorded in the lab, opened from its link in English and Chinese, answered wrong then right', async ({
    page,
    browser,
  }) => {
    const link = await record(page);

    // An English student: the command typed for them, the note, the question before the flow plays.
    const en = await student(browser, link);
    const panel = en.page.getByTestId('lesson-panel');
    await expect(panel.getByTestId('lesson-title')).toHaveText('Step 1');
    await expect(panel).toContainText('web listens on port 80; the host publishes it as 8080.');
    await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 1 of 1');
    await expect(en.page.getByTestId('terminal-slot')).toContainText(
      'docker run -d --name web -p 8080:80 nginx',
    );
    await expect(en.page.getByTestId('card-web')).toBeVisible();
    const question = panel.getByTestId('lesson-question');
    await expect(question.locator('h3')).toHaveText(
      'Which port does the client connect to on 192.0.2.10?',
    );
    await expect(panel.getByTestId('lesson-choice')).toHaveCount(3);
    await en.page.screenshot({ path: 'test-results/teacher-student-en.png' });
    await panel.locator('[data-testid="lesson-choice"][data-choice="c0"]').click();
    await expect(panel.getByTestId('lesson-feedback')).toContainText('The right answer: 8080.');
    await en.close();

    // A Chinese student: the interface in Chinese, the teacher's text as written; the right answer.
    const zhUrl = new URL(link);
    zhUrl.search = '?lang=zh-CN';
    const zh = await student(browser, zhUrl.toString());
    const zp = zh.page.getByTestId('lesson-panel');
    await expect(zp.getByTestId('lesson-title')).toHaveText('第 1 步');
    await expect(zp).toContainText('web listens on port 80; the host publishes it as 8080.');
    await expect(zp.getByTestId('lesson-choice')).toHaveCount(3);
    await zp.locator('[data-testid="lesson-choice"][data-choice="c1"]').click();
    await expect(zp.getByTestId('lesson-feedback')).toContainText('答对了：8080。');
    await zh.page.screenshot({ path: 'test-results/teacher-student-zh.png' });
    // Then the flow plays: the client's request reaches nginx in web.
    await zp.getByTestId('lesson-continue').click();
    await expect(zh.page.getByTestId('hop-count')).toBeVisible();
    await zh.close();
  });

  test('a student’s step in a teacher’s lesson survives a reload (the link gives way to the autosave)', async ({
    page,
  }) => {
    const steps = ['Publish web.', 'A shell beside it.', 'Both are running.'];
    const link = await encodeLessonLink({
      format: LESSON_FORMAT,
      version: 1,
      title: { en: 'Three steps' },
      profile: 'docker-27',
      steps: [
        { note: { en: steps[0]! }, commands: ['docker run -d --name web -p 8080:80 nginx'] },
        { note: { en: steps[1]! }, commands: ['docker run -dit --name app busybox'] },
        { note: { en: steps[2]! }, commands: [] },
      ],
    });
    if (!link.ok) throw new Error(link.error);
    await page.goto(`/${link.value}`);
    const panel = page.getByTestId('lesson-panel');
    await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
    await panel.getByTestId('lesson-next').click();
    await panel.getByTestId('lesson-next').click();
    await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 3 of 3');
    await expect(panel).toContainText(steps[2]!);
    await expect(page).not.toHaveURL(/#lesson=/);
    await expect
      .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY))
      .toMatch(/"teacher":[\s\S]*"step": 2/);
    await page.reload();
    await expect(page.locator('html[data-ready]')).toHaveCount(1);
    await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 3 of 3');
    await expect(panel).toContainText(steps[2]!);
    await expect(page.getByTestId('card-app')).toBeVisible();
    await expect(page.getByTestId('card-web')).toBeVisible();
    // Nothing was typed again: the two runs of the first visit, no more.
    await expect(page.getByTestId('terminal-slot').locator('[data-stream="prompt"]')).toHaveCount(
      0,
    );
    await panel.getByTestId('lesson-prev').click();
    await expect(panel.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  });

  test('a broken lesson link says what is wrong and leaves the stored lab untouched', async ({
    page,
    browser,
  }) => {
    const link = await record(page);
    const context = await browser.newContext({ viewport: PROJECTOR, reducedMotion: 'reduce' });
    const p = await context.newPage();
    const lab = new LabPage(p);
    await lab.open();
    await new TerminalPage(p).run('docker run -d --name mine nginx');
    await expect(lab.card('mine')).toBeVisible();
    await expect
      .poll(() => p.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY))
      .toContain('"mine"');
    const stored = await p.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
    const data = new URL(link).hash.slice('#lesson='.length);
    for (const [hash, reason] of [
      // Cut short to a length no link has.
      [
        `#lesson=${data.slice(0, data.length - 4 - ((data.length - 1) % 4))}`,
        /corrupt or truncated/,
      ],
      ['#lesson=not*base64', /not valid base64url/],
    ] as const) {
      await p.goto('about:blank');
      await p.goto(`/${hash}`);
      await lab.ready();
      const banner = p.getByTestId('share-banner');
      await expect(banner).toContainText('This lesson could not be opened:');
      await expect(banner).toContainText(reason);
      await expect(banner).toContainText('Your lab is unchanged.');
      await expect(lab.card('mine')).toBeVisible();
      await expect(p.getByTestId('lesson-step')).toHaveCount(0);
      expect(await p.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(stored);
    }
    await context.close();
  });

  test('a click is recorded as the command it stands for', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await page.getByTestId('open-lessons').click();
    await page.getByTestId('record-lesson').click();
    await new TerminalPage(page).run('docker run -d --name web nginx');
    await page.getByTestId('open-network').click();
    const form = page.getByTestId('network-form');
    await form.getByLabel('Name').fill('front');
    await form.getByRole('button', { name: 'Create network' }).click();
    await expect(page.getByTestId('terminal-slot')).toContainText('docker network create front');
    const step = page.getByTestId('recorder').getByTestId('rec-step-0');
    await expect(step).toContainText('$ docker run -d --name web nginx');
    await expect(step).toContainText('$ docker network create front');
  });

  test('the lesson file opens from the lesson menu and by a drop; a lab file is refused, the lab kept', async ({
    page,
    browser,
  }) => {
    await record(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rec-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('publishing-a-port.lesson.json');
    const file = await download.path();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'docker-network-lab/lesson', version: 1 });

    const context = await browser.newContext({ viewport: PROJECTOR, reducedMotion: 'reduce' });
    const p = await context.newPage();
    const lab = new LabPage(p);
    await lab.open();
    await new TerminalPage(p).run('docker run -d --name mine nginx');
    // A lab file is not a lesson: refused by name, nothing changed.
    await p.getByTestId('open-lessons').click();
    await p.getByTestId('lesson-file-input').setInputFiles({
      name: 'lab.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'docker-network-lab', version: 1, world: {} })),
    });
    await expect(p.getByTestId('share-banner')).toContainText(
      'This lesson could not be opened: format: "docker-network-lab" is not a lesson',
    );
    await expect(lab.card('mine')).toBeVisible();
    // The teacher's file, picked.
    await p.getByTestId('lesson-file-input').setInputFiles({
      name: 'publishing-a-port.lesson.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(p.getByTestId('share-banner')).toHaveCount(0);
    await expect(p.getByTestId('lesson-title')).toHaveText('Step 1');
    await expect(p.getByTestId('card-web')).toBeVisible();
    await expect(lab.card('mine')).toHaveCount(0);
    // The same file dropped on a fresh page.
    const q = await context.newPage();
    await new LabPage(q).open();
    await q.evaluate(async (t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'lesson.lesson.json', { type: 'application/json' }));
      // The session (and its drop listener) starts once the page is idle.
      for (let i = 0; i < 50; i++) {
        const e = new DragEvent('drop', { dataTransfer: dt, cancelable: true });
        window.dispatchEvent(e);
        if (e.defaultPrevented) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    }, text);
    await expect(q.getByTestId('lesson-title')).toHaveText('Step 1');
    await context.close();
  });

  test('an engine-answered question at the hop on screen: the destination after DNAT', async ({
    page,
    browser,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await page.getByTestId('open-lessons').click();
    await page.getByTestId('record-lesson').click();
    const term = new TerminalPage(page);
    await term.run('docker run -d --name web -p 8080:80 nginx');
    await term.run('lab from client curl http://192.0.2.10:8080/');
    const recorder = page.getByTestId('recorder');
    await recorder.getByTestId('rec-title').fill('DNAT');
    await recorder.getByTestId('q-kind-0').selectOption('dst-after');
    // The teacher goes to the DNAT hop in the list of key moments, then takes it.
    await page.getByRole('button', { name: 'Key moments', exact: true }).click();
    await page
      .getByTestId('moment-row')
      .filter({ hasText: 'DNAT' })
      .getByRole('button')
      .first()
      .click();
    await recorder.getByTestId('q-use-hop-0').click();
    await expect(recorder.getByTestId('q-hop-0')).toHaveText(/^At hop \d+ of the flow$/);
    await recorder.getByTestId('rec-finish').click();
    await expect(recorder.getByTestId('rec-link')).toHaveValue(/#lesson=/);
    const link = await recorder.getByTestId('rec-link').inputValue();

    const s = await student(browser, link);
    const panel = s.page.getByTestId('lesson-panel');
    const go = panel.getByTestId('lesson-go-question');
    const choices = panel.getByTestId('lesson-choice');
    await expect(choices.first().or(go)).toBeVisible();
    if (await go.isVisible()) await go.click().catch(() => undefined);
    await expect(panel.getByTestId('lesson-question').locator('h3')).toHaveText(
      'What is the destination after this hop?',
    );
    await panel.locator('[data-testid="lesson-choice"][data-choice="172.17.0.2:80"]').click();
    await expect(panel.getByTestId('lesson-feedback')).toContainText('Right: 172.17.0.2:80.');
    await s.close();
  });
});
