// The default lab is drawn into index.html at build time, so the diagram shows before any script
// runs; the app then takes that very markup over (hydration) instead of drawing it again.
import { expect, test } from './fixtures';

test('the built page shows the default lab with scripts off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const diagram = page.getByTestId('diagram');
  await expect(diagram).toBeVisible();
  // The article's lab: c1 (nginx, published 8080) and c2 on docker0, addresses in order from .2.
  await expect(page.getByTestId('card-c1')).toContainText('172.17.0.2/16');
  await expect(page.getByTestId('card-c2')).toContainText('172.17.0.3/16');
  await expect(page.getByTestId('card-c1')).toContainText('0.0.0.0:8080->80/tcp');
  // Fitted by its viewBox (no script measures the box): the whole picture is inside it.
  await expect(diagram).toHaveAttribute('viewBox', /^-\d+ -\d+ \d+ \d+$/);
  const box = await diagram.boundingBox();
  const card = await page.getByTestId('card-c2').boundingBox();
  expect(box && card && card.y + card.height <= box.y + box.height).toBe(true);
  await context.close();
});

/** Before the app's script runs (readyState "interactive"), remembers the prerendered <svg>. */
const rememberPrerenderedSvg = `document.addEventListener('readystatechange', () => {
  if (document.readyState === 'interactive') window.__svg = document.querySelector('svg.diagram-svg');
});`;

test('the app hydrates the prerendered diagram without a console message', async ({
  page,
  lab,
}) => {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(m.text());
  });
  page.on('pageerror', (e) => messages.push(String(e)));
  await page.addInitScript(rememberPrerenderedSvg);
  await lab.open();
  // Once measured, the view is a transform (d3-zoom's) and the viewBox is gone.
  await expect(lab.diagram).not.toHaveAttribute('viewBox', /.*/);
  const kept = await page.evaluate(
    () =>
      (window as unknown as { __svg?: Element }).__svg ===
      document.querySelector('svg.diagram-svg'),
  );
  expect(kept, 'the prerendered <svg> element is the live one').toBe(true);
  await lab.runContainer({ name: 'web', image: 'nginx', ports: '8081:80' });
  await expect(lab.card('web')).toContainText('172.17.0.4/16');
  expect(messages).toEqual([]);
});

test('a lab chosen by the URL is drawn afresh over the prerendered one', async ({ page, lab }) => {
  await page.addInitScript(rememberPrerenderedSvg);
  await lab.open('?lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(lab.diagram).toContainText('宿主机网络命名空间');
  const kept = await page.evaluate(
    () =>
      (window as unknown as { __svg?: Element }).__svg ===
      document.querySelector('svg.diagram-svg'),
  );
  expect(kept).toBe(false);
});
