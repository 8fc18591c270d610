import { chromium } from '@playwright/test';
const [,, url, out, sel, lang] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: sel ? 3 : 1 });
await p.goto(url);
await p.waitForTimeout(1500);
if (lang) { await p.getByRole('button', { name: '中文' }).click(); await p.waitForTimeout(500); }
if (sel) await p.locator(sel).first().screenshot({ path: out });
else await p.screenshot({ path: out });
await b.close();
