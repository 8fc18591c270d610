// The default lab is drawn into index.html at build time, so the diagram shows before any script
// runs; the app then takes that very markup over (hydration) instead of drawing it again.
import { expect, test } from './fixtures';

test('the built page shows the default lab with scripts off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  // The English copy shows; the Chinese one is there but not drawn.
  const root = page.locator('#root');
  await expect(page.locator('#root-zh-CN')).toBeHidden();
  const diagram = root.getByTestId('diagram');
  await expect(diagram).toBeVisible();
  // The article's lab: c1 (nginx, published 8080) and c2 on docker0, addresses in order from .2.
  await expect(root.getByTestId('card-c1')).toContainText('172.17.0.2/16');
  await expect(root.getByTestId('card-c2')).toContainText('172.17.0.3/16');
  await expect(root.getByTestId('card-c1')).toContainText('0.0.0.0:8080->80/tcp');
  // Fitted by its viewBox (no script measures the box): the whole picture is inside it.
  await expect(diagram).toHaveAttribute('viewBox', /^-\d+ -\d+ \d+ \d+$/);
  const box = await diagram.boundingBox();
  const card = await root.getByTestId('card-c2').boundingBox();
  expect(box && card && card.y + card.height <= box.y + box.height).toBe(true);
  await context.close();
});

test('a Chinese browser sees the Chinese lab from the first paint, before the app runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // The app's script never arrives: what shows is the page as first drawn.
  await page.route('**/assets/index-*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#root')).toBeHidden();
  const zh = page.locator('#root-zh-CN');
  await expect(zh.getByTestId('diagram')).toContainText('宿主机网络命名空间');
  await expect(zh.getByTestId('open-run')).toHaveText('+ 运行容器');
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

test('a Chinese browser: the app takes over the Chinese copy, and the English one is gone', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(m.text());
  });
  page.on('pageerror', (e) => messages.push(String(e)));
  await page.addInitScript(`document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') window.__svg = document.querySelector('#root-zh-CN svg.diagram-svg');
  });`);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-ready');
  await expect(page.locator('#root-zh-CN')).toHaveCount(0);
  await expect(page.getByTestId('diagram')).toHaveCount(1);
  await expect(page.getByTestId('open-run')).toHaveText('+ 运行容器');
  const kept = await page.evaluate(
    () =>
      (window as unknown as { __svg?: Element }).__svg ===
      document.querySelector('svg.diagram-svg'),
  );
  expect(kept, 'the prerendered Chinese <svg> is the live one').toBe(true);
  expect(messages).toEqual([]);
  await context.close();
});

test('a lab chosen by the URL is drawn afresh over the prerendered one', async ({ page, lab }) => {
  await page.addInitScript(`document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') window.__svg = document.querySelector('#root-zh-CN svg.diagram-svg');
  });`);
  await lab.open('?lab=none-mode&lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(lab.diagram).toContainText('宿主机网络命名空间');
  await expect(lab.card('iso')).toContainText('--network none');
  const kept = await page.evaluate(
    () =>
      (window as unknown as { __svg?: Element }).__svg ===
      document.querySelector('svg.diagram-svg'),
  );
  expect(kept).toBe(false);
});

test('a link asking for the dark theme is dark from the first paint, before the app runs', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/assets/index-*.js', (route) => route.abort());
  await page.goto('/?theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The page's background is the dark theme's, not white.
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 255, g = 255, b = 255] = (bg.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b, bg).toBeLessThan(150);
  await context.close();
});

test('the app’s code is fetched only once the prerendered page is painted', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.runContainer({ name: 'web', image: 'nginx', ports: '8081:80' });
  await expect(lab.card('web')).toBeVisible();
  // Every script but the tiny entry (index-*.js, which only waits: src/main.tsx) is requested after
  // the first contentful paint, so nothing of React or the lab competes with the page's first frame.
  const { fcp, scripts } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    scripts: performance
      .getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.endsWith('.js'))
      .map((r) => ({ file: new URL(r.name).pathname.split('/').pop() ?? '', at: r.startTime })),
  }));
  expect(fcp).toBeGreaterThan(0);
  const app = scripts.filter((s) => !s.file.startsWith('index-'));
  expect(app.map((s) => s.file)).toContainEqual(expect.stringMatching(/^start-/));
  expect(app.filter((s) => s.at < fcp)).toEqual([]);
});
