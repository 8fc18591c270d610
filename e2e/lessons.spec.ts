// Every lesson and failure lab end to end, compare mode, in English and Chinese: predictions asked
// before their explanation, wrong and right answers, the review of misses. Answers come from the engine.
import AxeBuilder from '@axe-core/playwright';
import {
  LESSONS,
  setupLine,
  runCompare,
  runLessonStep,
  type Lesson,
  type ResolvedPrediction,
} from '../src/lessons';
import { loadCatalogue } from '../src/i18n';
import type { Lang } from '../src/i18n/locale';
import { narrate } from '../src/i18n/narrate';
import {
  expect,
  feedbackFor,
  lessonById,
  profileOf,
  resolved,
  shown,
  test,
  type LessonsPage,
} from './fixtures/lessons';

const LANGS: readonly Lang[] = ['en', 'zh-CN'];

const SCORE: { readonly [L in Lang]: (c: number, a: number) => string } = {
  en: (c, a) => `You got ${c} of ${a} right.`,
  'zh-CN': (c, a) => `答对 ${c} 题，共答 ${a} 题。`,
};
const RIGHT_ANSWER: { readonly [L in Lang]: string } = {
  en: 'the right answer',
  'zh-CN': '正确答案',
};

interface Miss {
  readonly key: string;
  readonly step: number;
  readonly r: ResolvedPrediction;
}

/**
 * While the question waits, the hop list, the narration and the netfilter panel's "this hop" line
 * don't give its answer away: no row shows a field rewritten to an address of the answer, and
 * neither of the others carries the answer's words.
 */
async function expectNotGivenAway(
  lessons: LessonsPage,
  r: ResolvedPrediction,
  lang: Lang,
): Promise<void> {
  const right = shown(r.choices.find((c) => c.id === r.answer)?.label[lang] ?? r.answer);
  const page = lessons.page;
  const events = page.getByTestId('event-list');
  const list = (await events.count()) ? ((await events.textContent()) ?? '') : '';
  for (const ip of right.match(/\d+\.\d+\.\d+\.\d+/g) ?? []) expect(list).not.toContain(`→${ip}`);
  const narration = page.getByTestId('narration');
  if (await narration.count()) expect((await narration.textContent()) ?? '').not.toContain(right);
  const now = page.getByTestId('nf-now');
  if (await now.count()) expect((await now.textContent()) ?? '').not.toContain(right);
}

/**
 * Plays every step: the lesson's first prediction wrong, every other right. Before each answer the
 * step's explanation is not on screen; after the step's last answer it is. Returns the misses.
 */
async function playSteps(lessons: LessonsPage, lesson: Lesson, lang: Lang): Promise<Miss[]> {
  const misses: Miss[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    await expect(lessons.panel.getByTestId('lesson-step')).toHaveAttribute('data-step', step.id);
    await expect(lessons.title).toHaveText(shown(step.title[lang]));
    await expect(lessons.focus).toHaveAttribute('data-focus', step.focus ?? '');
    for (const action of step.setup)
      await expect(lessons.terminalLog).toContainText(setupLine(action));
    for (const p of step.predictions ?? []) {
      const r = resolved(lesson, i, p);
      await lessons.reachQuestion();
      await expect(lessons.explain).toHaveCount(0);
      await expect(lessons.question.locator('h3')).toHaveText(shown(r.question[lang]));
      await expectNotGivenAway(lessons, r, lang);
      await expect(lessons.choices).toHaveCount(r.choices.length);
      const wrong = r.choices.find((c) => c.id !== r.answer)?.id ?? r.answer;
      const choice = misses.length === 0 ? wrong : r.answer;
      await lessons.choose(choice);
      await expect(lessons.feedback).toHaveAttribute('data-correct', String(choice === r.answer));
      await expect(lessons.feedback).toContainText(feedbackFor(lesson, p, r, choice, lang));
      // Every wrong choice says why it is wrong.
      await expect(lessons.panel.getByTestId('lesson-why')).toHaveCount(r.choices.length - 1);
      if (choice !== r.answer) misses.push({ key: `${step.id}/${p.id}`, step: i, r });
      await lessons.proceed();
    }
    if (step.explain) await expect(lessons.explain).toContainText(shown(step.explain[lang]));
    await lessons.next();
  }
  return misses;
}

/** The checks: the first one wrong, the rest right; the last Continue goes straight to the score. */
async function playChecks(lessons: LessonsPage, lesson: Lesson, lang: Lang): Promise<Miss[]> {
  const misses: Miss[] = [];
  await expect(lessons.panel.getByTestId('lesson-check')).toHaveAttribute('data-phase', 'check');
  for (const [n, c] of lesson.checks.entries()) {
    const r = resolved(lesson, c.step, c.prediction);
    await lessons.reachQuestion();
    await expect(lessons.question.locator('h3')).toHaveText(shown(r.question[lang]));
    const choice = n === 0 ? (r.choices.find((x) => x.id !== r.answer)?.id ?? r.answer) : r.answer;
    await lessons.choose(choice);
    await expect(lessons.feedback).toHaveAttribute('data-correct', String(choice === r.answer));
    if (choice !== r.answer) misses.push({ key: `check/${c.prediction.id}`, step: c.step, r });
    await lessons.proceed();
  }
  return misses;
}

for (const lang of LANGS) {
  for (const lesson of LESSONS) {
    test(`${lesson.id}: every step and check, wrong and right answers, then the review (${lang})`, async ({
      lessons,
      page,
    }) => {
      await lessons.open(lang);
      await lessons.start(lesson.id);
      const misses = await playSteps(lessons, lesson, lang);
      // (Without checks, the last step's button already led to the score.)
      if (lesson.checks.length > 0) misses.push(...(await playChecks(lessons, lesson, lang)));
      // No empty "Check n of n" page: the score is next.
      await expect(lessons.panel.getByTestId('lesson-check')).toHaveAttribute('data-phase', 'done');
      const questions =
        lesson.steps.reduce((n, s) => n + (s.predictions ?? []).length, 0) + lesson.checks.length;
      await expect(lessons.panel.getByTestId('lesson-score-text')).toHaveText(
        SCORE[lang](questions - misses.length, questions),
      );
      // The review goes through each miss, the right answer named as such.
      const rows = lessons.panel.getByTestId('lesson-miss');
      await expect(rows).toHaveCount(misses.length);
      for (const [i, m] of misses.entries()) {
        const row = rows.nth(i);
        await expect(row).toHaveAttribute('data-key', m.key);
        await expect(row).toContainText(shown(m.r.question[lang]));
        await expect(row).toContainText(RIGHT_ANSWER[lang]);
        const right = m.r.choices.find((c) => c.id === m.r.answer)?.label[lang] ?? m.r.answer;
        await expect(row).toContainText(shown(right));
      }
      await page.screenshot({ path: test.info().outputPath(`review-${lesson.id}-${lang}.png`) });
      // A miss with a hop: the diagram replays its step and stops on that hop.
      const withHop = misses.findIndex((m) => m.r.at);
      if (withHop >= 0) {
        const m = misses[withHop]!;
        await rows.nth(withHop).getByTestId('lesson-miss-show').click();
        const hop = runLessonStep(lesson, m.step, profileOf(lesson)).sim!.packets[m.r.at!.packet]!
          .hops[m.r.at!.hop]!;
        await loadCatalogue('zh-CN');
        await expect(page.getByTestId('narration')).toContainText(narrate(hop.why, lang, hop.node));
      }
    });
  }
}

test('a failure lab ends on its drop reason (ip_forward=0)', async ({ lessons, page }) => {
  const lesson = lessonById('lab-ip-forward');
  await lessons.open('en');
  await lessons.start(lesson.id);
  const p = lesson.steps[0]?.predictions?.[0];
  if (!p) throw new Error('the lab asks a question');
  const r = resolved(lesson, 0, p);
  await lessons.reachQuestion();
  await lessons.choose(r.answer);
  await lessons.proceed();
  await page.getByRole('button', { name: 'Last hop' }).click();
  const drop = runLessonStep(lesson, 0).sim?.packets.find((x) => x.outcome.kind === 'dropped');
  const outcome = lessons.panel.getByTestId('lesson-drop');
  await expect(outcome).toHaveAttribute(
    'data-reason',
    drop?.outcome.kind === 'dropped' ? drop.outcome.reason : '',
  );
  await expect(outcome).toContainText('ip_forward is 0: the host does not route');
});

for (const lang of LANGS) {
  test(`compare mode: bridge, host and none side by side as the engine computes (${lang})`, async ({
    lessons,
    page,
  }) => {
    await lessons.open(lang);
    await lessons.panel.getByTestId('open-compare').click();
    for (const lane of runCompare()) {
      for (const [i, which] of (['inbound', 'outbound'] as const).entries()) {
        const run = lane.runs[i];
        const cell = page
          .getByTestId(`compare-${lane.mode}-${which}`)
          .getByTestId('compare-result');
        await expect(cell).toHaveAttribute('data-result', run?.result.kind ?? '');
      }
    }
    const inbound = (mode: string) =>
      page.getByTestId(`compare-${mode}-inbound`).getByTestId('compare-result');
    await expect(inbound('bridge')).toHaveAttribute('data-result', 'connected');
    await expect(inbound('host')).toHaveAttribute('data-result', 'connected');
    await expect(inbound('none')).toHaveAttribute('data-result', /^(unreachable|refused)$/);
    await expect(page.getByTestId('compare-bridge-inbound')).toContainText(
      'ip.dst 192.0.2.10 → 172.17.0.2',
    );
    await page.screenshot({ path: test.info().outputPath(`compare-${lang}.png`) });
    await page.getByTestId('compare-open-bridge-inbound').click();
    await expect(lessons.terminalLog).toContainText(
      'docker run -d --name web --network=bridge -p 80:80 nginx',
    );
    await expect(page.getByTestId('card-web')).toBeVisible();
  });
}

for (const lang of LANGS) {
  for (const [w, h] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`screenshot: a lesson mid-prediction ${w}x${h} (${lang})`, async ({
      lessons,
      page,
    }, info) => {
      await page.setViewportSize({ width: w, height: h });
      await lessons.open(lang);
      await lessons.start('inbound');
      await lessons.next();
      await lessons.reachQuestion();
      await expect(lessons.focus).toHaveAttribute('data-focus', 'nat:PREROUTING');
      await page.screenshot({ path: info.outputPath(`lesson-${lang}-${w}.png`) });
      await lessons.choose(
        resolved(lessonById('inbound'), 1, lessonById('inbound').steps[1]!.predictions![0]!)
          .choices[0]!.id,
      );
      await page.screenshot({ path: info.outputPath(`lesson-feedback-${lang}-${w}.png`) });
    });
  }
}

test('axe: the lesson drawer mid-question and after the verdict', async ({ lessons, page }) => {
  await lessons.open('en');
  await lessons.start('inbound');
  await lessons.next();
  await lessons.reachQuestion();
  const scan = () =>
    new AxeBuilder({ page })
      .include('[data-testid="lesson-panel"]')
      .analyze()
      .then((r) =>
        r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
  expect(await scan()).toEqual([]);
  await lessons.choose('192.0.2.10:8080');
  expect(await scan()).toEqual([]);
});
