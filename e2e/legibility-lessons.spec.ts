// Legibility in the lesson drawer and compare mode at 1366×768: the lesson's words, its commands,
// the question, and the diagram's "Look here" marker render at ≥ 14 CSS px, as every other text a
// student reads (legibility.spec.ts). The "Look here" tag is drawn in the diagram's units, so it is
// measured at the camera's fitted scale, where it was 6.5 px before it was grown against the scale.
import { expect, test } from './fixtures/lessons';
import { measureText, type Measured } from './support/textSize';

const FLOOR = 14;

function below(list: readonly Measured[]): string[] {
  return list
    .filter((m) => m.px < FLOOR - 0.01)
    .map((m) => `${m.px.toFixed(1)} px ${m.where} "${m.text}"`);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`1366×768 ${lang}: a lesson step reads at ≥ ${FLOOR} px`, async ({ page, lessons }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await lessons.open(lang);
    await lessons.start('inbound');
    await expect(lessons.focus).toBeVisible();
    const tag = await measureText(page, ['[data-testid="lesson-focus"]']);
    expect(tag.length, 'the "Look here" tag is drawn').toBeGreaterThan(0);
    expect(below(tag), 'the focus tag').toEqual([]);
    const drawer = await measureText(page, ['[data-testid="lesson-panel"]']);
    expect(drawer.length).toBeGreaterThan(5);
    expect(below(drawer), 'the lesson drawer').toEqual([]);
  });

  test(`1366×768 ${lang}: compare mode reads at ≥ ${FLOOR} px`, async ({ page, lessons }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await lessons.open(lang);
    await lessons.panel.getByTestId('open-compare').click();
    await expect(page.getByTestId('compare-bridge-inbound')).toBeVisible();
    const compare = await measureText(page, ['[data-testid="lesson-panel"]']);
    expect(compare.length).toBeGreaterThan(10);
    expect(below(compare), 'compare mode').toEqual([]);
  });
}
