// Guided lessons, a failure lab and compare mode, in English and Chinese. Answers come from the engine.
import AxeBuilder from '@axe-core/playwright';
import { commandFor, runCompare, runLessonStep, type Lesson } from '../src/lessons';
import type { Lang } from '../src/i18n/locale';
import {
  expect,
  feedbackFor,
  lessonById,
  resolved,
  shown,
  test,
  type LessonsPage,
} from './fixtures/lessons';

const LANGS: readonly Lang[] = ['en', 'zh-CN'];
const GUIDED = ['modes', 'veth', 'inbound', 'outbound'] as const;

const SCORE: { readonly [L in Lang]: (c: number, a: number) => string } = {
  en: (c, a) => `You got ${c} of ${a} right.`,
  'zh-CN': (c, a) => `答对 ${c} 题，共答 ${a} 题。`,
};

/** Plays every step: one wrong prediction first, every other answer right; returns [correct, answered]. */
async function playSteps(
  lessons: LessonsPage,
  lesson: Lesson,
  lang: Lang,
): Promise<[number, number]> {
  let answered = 0;
  let wrongGiven = false;
  for (const [i, step] of lesson.steps.entries()) {
    await expect(lessons.panel.getByTestId('lesson-step')).toHaveAttribute('data-step', step.id);
    await expect(lessons.title).toHaveText(shown(step.title[lang]));
    await expect(lessons.focus).toHaveAttribute('data-focus', step.focus);
    for (const action of step.setup)
      await expect(lessons.terminalLog).toContainText(commandFor(action.op));
    for (const p of step.predictions ?? []) {
      const r = resolved(lesson, i, p);
      await lessons.reachQuestion();
      await expect(lessons.question.locator('h3')).toHaveText(shown(r.question[lang]));
      await expect(lessons.choices).toHaveCount(r.choices.length);
      const wrong = r.choices.find((c) => c.id !== r.answer)?.id ?? r.answer;
      const choice = wrongGiven ? r.answer : wrong;
      await lessons.choose(choice);
      await expect(lessons.feedback).toHaveAttribute('data-correct', String(choice === r.answer));
      await expect(lessons.feedback).toContainText(feedbackFor(lesson, p, r, choice, lang));
      wrongGiven = true;
      answered++;
      await lessons.proceed();
    }
    await lessons.next();
  }
  return [answered - 1, answered];
}

async function playChecks(lessons: LessonsPage, lesson: Lesson, lang: Lang): Promise<void> {
  await expect(lessons.panel.getByTestId('lesson-check')).toHaveAttribute('data-phase', 'check');
  for (const c of lesson.checks) {
    const r = resolved(lesson, c.step, c.prediction);
    await lessons.reachQuestion();
    await expect(lessons.question.locator('h3')).toHaveText(shown(r.question[lang]));
    await lessons.choose(r.answer);
    await expect(lessons.feedback).toHaveAttribute('data-correct', 'true');
    await lessons.proceed();
  }
}

for (const lang of LANGS) {
  for (const id of GUIDED) {
    test(`${id}: the whole lesson with a wrong and a right prediction and the final check (${lang})`, async ({
      lessons,
    }) => {
      const lesson = lessonById(id);
      await lessons.open(lang);
      await lessons.start(id);
      const [correct, answered] = await playSteps(lessons, lesson, lang);
      await playChecks(lessons, lesson, lang);
      await lessons.next();
      const total = answered + lesson.checks.length;
      await expect(lessons.panel.getByTestId('lesson-score-text')).toHaveText(
        SCORE[lang](correct + lesson.checks.length, total),
      );
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
