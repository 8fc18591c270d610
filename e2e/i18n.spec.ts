// English and Simplified Chinese: the header switch translates every panel at once, the choice
// survives a reload, ?lang= in a link wins, <html lang> follows, Docker's own output stays as
// printed, and the bundled CJK font subset is fetched only when Chinese text needs it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserType, Page } from '@playwright/test';
import { expect, LabPage, test } from './fixtures';

const FONT_FILE = 'lab-cjk-subset.woff2';
const CJK = /[\u4e00-\u9fff]/;

/** Counts the page's requests for the bundled font (and fails on any that is not served). */
function countFontRequests(page: Page): { readonly n: number } {
  const seen = { n: 0 };
  page.on('response', (r) => {
    if (!r.url().endsWith(FONT_FILE)) return;
    expect(r.status(), r.url()).toBe(200);
    seen.n += 1;
  });
  return seen;
}

/** Waits until every font the page asked for has loaded (or failed), so counts are final. */
async function fontsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

async function chooseChinese(page: Page): Promise<void> {
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

test.describe('language switch', () => {
  test('中文 translates header, panels, forms and narration at once; Docker output stays as printed', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');

    // Docker output before the switch, in English as Docker prints it.
    const term = page.getByTestId('terminal-slot');
    const input = term.getByRole('textbox', { name: 'Command' });
    await input.fill('docker network ls');
    await input.press('Enter');
    const stdout = term.locator('[data-stream="stdout"]');
    await expect(stdout.first()).toContainText('NETWORK ID');
    const printed = await stdout.allInnerTexts();

    // The lab's own form message, shown in English, follows the switch too.
    const picker = page.getByRole('form', { name: 'Send a flow' });
    await picker.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(picker.getByRole('alert')).toHaveText('Pick a source first.');

    await chooseChinese(page);
    await expect(page.getByRole('form', { name: '发送流量' }).getByRole('alert')).toHaveText(
      '请先选择源。',
    );

    // Header and side panels.
    await expect(page.getByTestId('open-run')).toHaveText('+ 运行容器');
    await expect(page.getByTestId('open-network')).toHaveText('网络');
    await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('切换到深色主题');
    await expect(page.getByTestId('tab-conntrack')).toHaveText('连接跟踪');
    await expect(page.getByRole('heading', { name: '发送流量' })).toBeVisible();
    await expect(page.getByRole('region', { name: '数据包检查器' })).toBeVisible();
    await expect(page.getByRole('button', { name: '适应屏幕' })).toBeVisible();
    await expect(page.getByTestId('narration')).toHaveText(/选一个预设流量/);
    // The terminal's own strings follow too, its output does not.
    await expect(term.getByRole('heading', { name: '终端' })).toBeVisible();
    const input2 = term.getByRole('textbox', { name: '命令' });
    await expect(input2).toHaveAttribute('placeholder', /输入命令/);
    expect(await stdout.allInnerTexts()).toEqual(printed);
    await input2.fill('docker network ls');
    await input2.press('Enter');
    await expect(stdout).toHaveCount(printed.length * 2);
    expect((await stdout.allInnerTexts()).slice(printed.length)).toEqual(printed);
    for (const line of printed) expect(line).not.toMatch(CJK);

    // A preset flow, stepped: narration, hop counter, diagram and inspector in Chinese.
    await page.getByTestId('preset-outside-to-published-port').click();
    await expect(lab.hopCount).toHaveText(/^第 1 \/ \d+ 跳$/);
    await expect(lab.narration).toHaveText(CJK);
    const first = await lab.narration.innerText();
    await page.getByRole('button', { name: '前进一步' }).click();
    await expect(lab.hopCount).toHaveText(/^第 2 \/ \d+ 跳$/);
    await expect(lab.narration).not.toHaveText(first);
    await expect(lab.narration).toHaveText(CJK);
    await expect(page.getByTestId('glyph-label')).toContainText('→ 请求');
    await expect(page.getByTestId('router')).toContainText('默认网关');
    await expect(page.getByTestId('host-frame')).toContainText('宿主机网络命名空间');
    await expect(lab.inspector.getByRole('heading', { level: 2 })).toContainText('数据包');
    await expect(lab.inspector).toContainText('源地址');

    // Forms: labels and the lab's own messages in Chinese; the daemon's error as Docker prints it.
    await page.getByTestId('open-run').click();
    const form = page.getByTestId('run-form');
    await expect(form.getByRole('heading', { name: '运行容器' })).toBeVisible();
    await form.getByLabel('名称').fill('c1');
    await form.getByRole('button', { name: '运行', exact: true }).click();
    await expect(form.getByTestId('error-name')).toHaveText(/^Error response from daemon: .*c1/);
    await expect(form.getByTestId('error-name')).not.toHaveText(CJK);
    await form.getByLabel('名称').fill('web');
    await form.getByRole('button', { name: '运行', exact: true }).click();
    await expect(page.getByTestId('status-line')).toHaveText(/web 已启动（[0-9a-f]{12}）/);
    await expect(page.getByTestId('card-web')).toContainText('● 运行中');

    // And back: English at once, narration included.
    await page.getByTestId('lang-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('open-run')).toHaveText('+ Run container');
    await expect(lab.hopCount).toHaveText(/^hop 2 \/ \d+$/);
    await expect(lab.narration).not.toHaveText(CJK);
  });

  test('the choice survives a reload; ?lang=en in a link wins over it without erasing it', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await chooseChinese(page);
    await page.reload();
    await lab.ready(); // both prerendered copies carry the same test ids until the app starts
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('open-run')).toHaveText('+ 运行容器');
    await expect(page.getByTestId('lang-zh-CN')).toHaveAttribute('aria-pressed', 'true');

    await lab.open('?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('open-run')).toHaveText('+ Run container');
    expect(await page.evaluate(() => localStorage.getItem('docker-network-lab.lang'))).toBe(
      'zh-CN',
    );

    await lab.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('?lang=zh-CN opens the lab in Chinese, with Chinese narration of a linked flow', async ({
    lab,
    page,
  }) => {
    await lab.open('?lang=zh-CN&flow=container-to-container&hop=3');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(lab.hopCount).toHaveText(/^第 3 \/ \d+ 跳$/);
    await expect(lab.narration).toHaveText(CJK);
  });
});

test.describe('Chinese at 1920×1080', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`no clipped header, tab or control label, no serious axe finding (${theme})`, async ({
      lab,
      page,
    }, info) => {
      await lab.open(`?lang=zh-CN&theme=${theme}&flow=outside-to-published-port&hop=9`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await fontsSettled(page);
      const clipped = await page
        .locator(
          '.app-header button, .app-header .label, [role=tab], .playback button, .playback label, .flow-picker label, .flow-picker button',
        )
        .evaluateAll((els) =>
          els
            .filter((e) => e instanceof HTMLElement && e.offsetParent !== null)
            .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .map((e) => `${e.tagName} “${e.textContent ?? ''}” ${e.scrollWidth}>${e.clientWidth}`),
        );
      expect(clipped).toEqual([]);
      await page.screenshot({ path: info.outputPath(`lab-zh-CN-${theme}.png`) });
      const results = await new AxeBuilder({ page })
        .exclude('[data-testid="terminal-slot"]')
        .analyze();
      const serious = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      ).toEqual([]);
    });
  }
});

// A machine without any CJK font: fontconfig limited to DejaVu, so Chinese text must fall back to
// the bundled subset. That is the only way the subset gets fetched; English never asks for it.
const FONTCONFIG_DIR = join(tmpdir(), 'dnl-i18n-fontconfig');
const FONTCONFIG_FILE = join(FONTCONFIG_DIR, 'fonts.conf');
mkdirSync(FONTCONFIG_DIR, { recursive: true });
// Written aside and renamed into place: each worker that loads this file (tests run fully
// parallel) and other work trees on the machine rewrite it, and a Chromium starting meanwhile
// must never read a half-written file.
const FONTCONFIG_NEXT = `${FONTCONFIG_FILE}.${process.pid}`;
writeFileSync(
  FONTCONFIG_NEXT,
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
    `  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${join(FONTCONFIG_DIR, 'cache')}</cachedir>\n</fontconfig>\n`,
);
renameSync(FONTCONFIG_NEXT, FONTCONFIG_FILE);

/** A Chromium of its own that sees only the fontconfig above; the page shares the test's settings. */
async function withoutCjkFonts(
  browserType: BrowserType,
  baseURL: string | undefined,
  body: (lab: LabPage, page: Page) => Promise<void>,
): Promise<void> {
  const browser: Browser = await browserType.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    env: { ...process.env, FONTCONFIG_FILE },
  });
  try {
    const context = await browser.newContext({
      ...(baseURL ? { baseURL } : {}),
      viewport: { width: 1920, height: 1080 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    await body(new LabPage(page), page);
  } finally {
    await browser.close();
  }
}

test.describe('the bundled CJK font on a machine without CJK fonts', () => {
  test('English never requests it; Chinese requests it once, at the switch', async ({
    playwright,
    baseURL,
  }) => {
    await withoutCjkFonts(playwright.chromium, baseURL, async (lab, page) => {
      const fetched = countFontRequests(page);
      await lab.open('?lang=en&flow=container-to-container&hop=2');
      await fontsSettled(page);
      expect(fetched.n).toBe(0);

      const request = page.waitForRequest((r) => r.url().endsWith(FONT_FILE));
      await chooseChinese(page);
      await request;
      await fontsSettled(page);
      expect(fetched.n).toBe(1);
      expect(
        await page.evaluate(() => document.fonts.check('16px "Lab CJK Subset"', '运行容器')),
      ).toBe(true);
      // Stepping and switching back and forth load nothing more.
      await page.getByRole('button', { name: '前进一步' }).click();
      await page.getByTestId('lang-en').click();
      await chooseChinese(page);
      await fontsSettled(page);
      expect(fetched.n).toBe(1);
    });
  });

  test('a page opened in Chinese fetches it once, same-origin', async ({ playwright, baseURL }) => {
    await withoutCjkFonts(playwright.chromium, baseURL, async (lab, page) => {
      const fetched = countFontRequests(page);
      const request = page.waitForRequest((r) => r.url().endsWith(FONT_FILE));
      await lab.open('?lang=zh-CN');
      expect(new URL((await request).url()).origin).toBe(new URL(baseURL ?? '').origin);
      await fontsSettled(page);
      expect(fetched.n).toBe(1);
    });
  });
});

test.describe('the system CJK font first', () => {
  const hasNoto = (() => {
    try {
      return (
        execFileSync('fc-list', [':family=Noto Sans CJK SC'], { encoding: 'utf-8' }).trim() !== ''
      );
    } catch {
      return false;
    }
  })();

  test('with Noto Sans CJK SC installed, Chinese pages do not fetch the subset', async ({
    lab,
    page,
  }) => {
    if (!hasNoto) {
      // Nothing to show on a machine without it (.ci/run installs fonts-noto-cjk).
      test.info().annotations.push({ type: 'note', description: 'fonts-noto-cjk not installed' });
      return;
    }
    const fetched = countFontRequests(page);
    await lab.open('?lang=zh-CN&flow=container-to-container&hop=2');
    await fontsSettled(page);
    expect(fetched.n).toBe(0);
  });
});
