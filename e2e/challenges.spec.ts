// Every break-fix challenge end to end, in English and Chinese, at the classroom's 1366×768: it opens
// broken, Check says so, hints come one at a time, a wrong fix learners really try is checked
// automatically and still fails, the right fix (typed, as a student would) solves it and the
// explanation appears.
import { expect, test, type Page } from '@playwright/test';
import { challengeText } from '../src/components/Challenge/strings';
import { CHALLENGES, type Challenge } from '../src/lessons/challenges';
import { WRONG_FIXES } from '../src/lessons/challenges/wrong-fixes';
import type { Lang } from '../src/i18n/locale';

const LANGS: readonly Lang[] = ['en', 'zh-CN'];
/** Challenge text as the page shows it: `code` spans lose their backticks. */
const shown = (s: string): string => s.replace(/`/g, '');

test.use({ viewport: { width: 1366, height: 768 } });

async function type(page: Page, line: string): Promise<void> {
  const slot = page.getByTestId('terminal-slot');
  const before = await slot.locator('[data-stream="prompt"]').count();
  const input = slot.getByRole('textbox');
  await input.fill(line);
  await input.press('Enter');
  await expect(slot.locator('[data-stream="prompt"]')).toHaveCount(before + 1);
}

async function open(page: Page, lang: Lang, c: Challenge): Promise<void> {
  await page.goto(`/?lang=${lang}`);
  await expect(page.locator('html[data-ready]')).toHaveCount(1);
  await page.getByTestId('open-lessons').click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByText(challengeText(lang, 'menu'))).toBeVisible();
  await panel.getByTestId(`lesson-${c.id}`).click();
  await expect(panel.getByTestId('challenge')).toHaveAttribute('data-id', c.id);
}

for (const lang of LANGS) {
  for (const c of CHALLENGES) {
    test(`${c.id} [${lang}]: broken, hints, a wrong fix, the right fix`, async ({ page }) => {
      await open(page, lang, c);
      const panel = page.getByTestId('lesson-panel');
      const verdict = panel.getByTestId('challenge-verdict');
      await expect(panel.getByTestId('challenge-goal')).toHaveText(shown(c.goal[lang]));
      // Opened broken and quietly: nothing typed that would name the fault.
      await expect(page.getByTestId('terminal-slot').locator('[data-stream="prompt"]')).toHaveCount(
        0,
      );
      await expect(verdict).toHaveText(challengeText(lang, 'notChecked'));
      await panel.getByTestId('challenge-check').click();
      await expect(verdict).toHaveAttribute('data-solved', 'false');
      await expect(verdict).toHaveAttribute('data-by', 'button');
      await expect(verdict).toContainText(challengeText(lang, 'broken').split('{')[0] ?? '');
      await expect(panel.getByTestId('challenge-explain')).toHaveCount(0);

      // Hints, one at a time, most general first.
      const hints = panel.getByTestId('challenge-hints').locator('li');
      for (const [i, h] of c.hints.entries()) {
        await panel.getByTestId('challenge-hint').click();
        await expect(hints).toHaveCount(i + 1);
        await expect(hints.nth(i)).toContainText(shown(h[lang]));
      }
      await expect(panel.getByTestId('challenge-hint')).toHaveCount(0);

      // A wrong fix: checked by itself once it changes the lab, still broken.
      const wrong = WRONG_FIXES[c.id]?.[0] ?? [];
      expect(wrong.length).toBeGreaterThan(0);
      for (const line of wrong) await type(page, line);
      await expect(verdict).toHaveAttribute('data-by', 'auto');
      await expect(verdict).toHaveAttribute('data-solved', 'false');
      await expect(panel.getByTestId('challenge-explain')).toHaveCount(0);

      // The right fix, from a fresh broken lab.
      await panel.getByTestId('challenge-restart').click();
      await expect(verdict).toHaveAttribute('data-solved', 'unknown');
      for (const line of c.fixes[0]?.commands ?? []) await type(page, line);
      await expect(verdict).toHaveAttribute('data-solved', 'true');
      await expect(verdict).toHaveText(challengeText(lang, 'solved'));
      await expect(
        panel.getByTestId('challenge-goals').locator('li[data-met="false"]'),
      ).toHaveCount(0);
      await expect(panel.getByTestId('challenge-explain')).toContainText(shown(c.explain[lang]));
      if (c.id === 'challenge-firewall-published-port')
        await page.screenshot({ path: `test-results/challenge-solved-${lang}.png` });
    });
  }
}

test('a goal’s flow goes to the diagram on request', async ({ page }) => {
  const c = CHALLENGES[1];
  if (!c) throw new Error('missing');
  await open(page, 'en', c);
  await page.getByTestId('challenge-goals').getByRole('button').first().click();
  await expect(page.getByTestId('hop-count')).toHaveText(/^hop 1 \/ \d+$/);
  await page.screenshot({ path: 'test-results/challenge-broken-en.png' });
});

test('a challenge in progress survives a reload, hints and all', async ({ page }) => {
  const c = CHALLENGES.find((x) => x.id === 'challenge-no-forwarding');
  if (!c) throw new Error('missing');
  await open(page, 'en', c);
  const panel = page.getByTestId('lesson-panel');
  await panel.getByTestId('challenge-hint').click();
  await type(page, 'iptables -P FORWARD ACCEPT');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('docker-network-lab:lab') ?? ''))
    .toContain('"challenge-no-forwarding"');
  await page.reload();
  await expect(page.locator('html[data-ready]')).toHaveCount(1);
  await expect(panel.getByTestId('challenge')).toHaveAttribute('data-id', c.id);
  await expect(panel.getByTestId('challenge-hints').locator('li')).toHaveCount(1);
  await expect(panel.getByTestId('challenge-verdict')).toHaveAttribute('data-solved', 'false');
  await type(page, 'sysctl -w net.ipv4.ip_forward=1');
  await expect(panel.getByTestId('challenge-verdict')).toHaveAttribute('data-solved', 'true');
});
