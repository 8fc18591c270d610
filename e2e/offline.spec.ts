// The built app with no network at all: every request that leaves 127.0.0.1 is aborted and recorded.
import type { Page } from '@playwright/test';
import { LESSONS } from '../src/lessons';
import { expect, test, type LabPage } from './fixtures';

/** Aborts every request not to the local preview server; returns the list of what was refused. */
async function offline(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    refused.push(url.href);
    return route.abort('internetdisconnected');
  });
  page.on('requestfailed', (r) => {
    if (!refused.includes(r.url()))
      refused.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`);
  });
  return refused;
}

/** URLs in the document that would need the network (a CDN script, a web font, an image). */
/** Absolute URLs in the page that point anywhere but its own origin (lazy chunks are same-origin). */
async function externalReferences(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[src], [href]'))
      .map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '')
      .filter((u) => /^(https?:)?\/\//i.test(u))
      .filter((u) => new URL(u, location.href).origin !== location.origin),
  );
}

async function runAndStep(lab: LabPage): Promise<void> {
  await lab.runContainer({ name: 'web', image: 'nginx', ports: '8081:80' });
  await expect(lab.card('web')).toBeVisible();
  await lab.page.getByTestId('open-run').click();
  await lab.sendPreset('container-ping-internet');
  await lab.stepToEnd();
}

test.describe('offline', () => {
  test('runs a container, steps a flow to its end and a lesson step with no network', async ({
    lab,
    page,
  }) => {
    const refused = await offline(page);
    await lab.open();
    await runAndStep(lab);

    // The lessons panel, when this build has one: the first lesson's first step, answered.
    const lessons = page.getByTestId('open-lessons');
    if ((await lessons.count()) > 0) {
      const lesson = LESSONS[0]!;
      const panel = page.getByTestId('lesson-panel');
      await lessons.click();
      await panel.getByTestId(`lesson-${lesson.id}`).click();
      await expect(panel.getByTestId('lesson-step')).toHaveAttribute(
        'data-step',
        lesson.steps[0]!.id,
      );
      for (const _ of lesson.steps[0]!.predictions ?? []) {
        const go = panel.getByTestId('lesson-go-question');
        const choice = panel.getByTestId('lesson-choice').first();
        await expect(choice.or(go)).toBeVisible();
        if (await go.isVisible()) await go.click().catch(() => undefined);
        await choice.click();
        await panel.getByTestId('lesson-continue').click();
      }
      await panel.getByTestId('lesson-next').click();
      await expect(panel.getByTestId('lesson-step')).toHaveAttribute(
        'data-step',
        lesson.steps[1]!.id,
      );
    }

    expect(await externalReferences(page)).toEqual([]);
    expect(refused).toEqual([]);
  });

  test('the Chinese interface (its own font) needs no network either', async ({ lab, page }) => {
    const refused = await offline(page);
    await lab.open('?lang=zh-CN');
    await lab.page.getByTestId('preset-container-to-container').click();
    await expect(lab.hopCount).toContainText('1');
    await page.evaluate(() => document.fonts.ready);
    expect(await externalReferences(page)).toEqual([]);
    expect(refused).toEqual([]);
  });
});
