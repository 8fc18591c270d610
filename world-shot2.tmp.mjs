import { chromium } from '@playwright/test';
const [,, url, out, zooms, lang] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1366, height: 768 } });
await p.goto(url);
await p.waitForTimeout(1500);
if (lang) { await p.getByRole('button', { name: '中文' }).click(); await p.waitForTimeout(300); }
for (let i = 0; i < Number(zooms); i++) { await p.locator('.zoom-controls button').nth(1).click(); await p.waitForTimeout(200); }
await p.locator('.diagram-svg').evaluate((e) => e.setAttribute('data-lod', 'near'));
await p.locator('[data-testid=internet]').scrollIntoViewIfNeeded();
await p.screenshot({ path: out });
await b.close();
