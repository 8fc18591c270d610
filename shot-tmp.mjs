import { chromium } from '@playwright/test';
const [,, query='', out='/tmp/legible/a.png', w='1366', h='768', extra=''] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h }, reducedMotion: 'reduce' });
await p.goto('http://127.0.0.1:4185/' + query);
await p.waitForSelector('html[data-ready]');
await p.waitForTimeout(800);
if (extra.includes('present')) { await p.keyboard.press('p'); await p.waitForTimeout(800); }
await p.screenshot({ path: out });
const sizes = await p.evaluate(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n; 
  while ((n = walker.nextNode())) {
    const t = n.textContent.trim(); if (!t) continue;
    const el = n.parentElement; const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height===0) continue;
    const cs = getComputedStyle(el); if (cs.visibility==='hidden') continue;
    let fs = parseFloat(cs.fontSize);
    // scale: ctm of nearest svg graphics element
    let g = el.closest('svg') ? (el instanceof SVGGraphicsElement ? el : el.closest('foreignObject')) : null;
    let k = 1;
    if (g) { const m = g.getScreenCTM(); k = Math.hypot(m.a, m.b); }
    out.push([Math.round(fs*k*10)/10, t.slice(0,30), el.className?.baseVal ?? el.className]);
  }
  return out.sort((a,b)=>a[0]-b[0]).slice(0,25);
});
console.log(sizes.map(s=>s.join(' | ')).join('\n'));
await b.close();
