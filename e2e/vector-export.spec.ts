// The SVG export is pure SVG (no foreignObject: Inkscape, PowerPoint, Keynote and librsvg don't
// draw it), and librsvg draws it like the page: rsvg-convert's PNG of the file is compared with a
// screenshot of the same region of the diagram with ImageMagick's `compare`.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures/share';

// The comparison hides overlays with an injected stylesheet, which the built page's CSP refuses.
test.use({ bypassCSP: true });

async function textOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * How much of the picture differs. Both pictures are blurred by 1 px first: the two renderers
 * anti-alias glyph and shape edges their own way and place them a fraction of a pixel apart, which
 * is noise here; then a pixel counts when its colour differs by more than FUZZ. What must not
 * differ is anything larger than an edge: a missing card or word, a box out of place, a wrong
 * colour or size. Measured on this machine, fitted on a 2560×1800 screen where every tier shows
 * (light / dark): the whole picture 1.7 / 1.5 %, the c1 card 4.0 / 3.2 % (what is left: the two
 * text engines' glyph shapes, widths and weights, larger at this scale); the same file with the
 * cards' words left out: card 10.7 / 9.8 %, so leaving the words out must at least double the
 * card's difference. The old export (HTML in foreignObject, which librsvg leaves out) draws no
 * card content at all. Since the internet cloud joined the diagram (two more lines of proportional
 * text, where the engines differ most; the picture 1440×1272 where it was 1604×1259, its cards
 * narrower, so their edges weigh more): whole 2.6 / 1.9 %, card 5.3 / 4.0 %, words left out 11.5 /
 * 10.2 %; the bounds follow, and leaving the words out still more than doubles the card's.
 */
const FUZZ = '20%';
const MAX_DIFF = 0.03;
const MAX_CARD_DIFF = 0.065;

interface Crop {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The share of pixels (of `crop`, or of all) that differ between two PNGs of the same size. */
function differing(a: string, b: string, out: string, crop: Crop | null): number {
  const prep = (f: string) => {
    const g = `${out}-${f.split('/').pop()}`;
    const cut = crop ? ['-crop', `${crop.w}x${crop.h}+${crop.x}+${crop.y}`, '+repage'] : [];
    execFileSync('convert', [f, ...cut, '-blur', '0x1', g]);
    return g;
  };
  // `compare` exits 1 when the images differ at all; the count is on stderr.
  const r = spawnSync('compare', ['-metric', 'AE', '-fuzz', FUZZ, prep(a), prep(b), out], {
    encoding: 'utf8',
  });
  const count = Number.parseFloat(r.stderr.trim());
  if (!Number.isFinite(count)) throw new Error(`compare said: ${r.stderr}`);
  const [w, h] = execFileSync('identify', ['-format', '%w %h', out], { encoding: 'utf8' })
    .split(' ')
    .map(Number);
  return count / ((w ?? 1) * (h ?? 1));
}

for (const theme of ['light', 'dark'] as const) {
  test(`the exported SVG is pure SVG and librsvg draws it as the page does (${theme})`, async ({
    lab,
    share,
    page,
  }, testInfo) => {
    // A screen where the whole diagram fits at a scale that shows every tier (camera.ts lodOf:
    // near), so the page draws what the export draws; the camera fitted, not following the packet.
    await page.setViewportSize({ width: 2560, height: 1800 });
    await lab.open(`?flow=outside-to-published-port&hop=5&theme=${theme}`);
    await expect(lab.hopCount).toHaveText(/^hop 5 \//);
    await page.getByTestId('fit').click();
    await expect(lab.diagram).toHaveAttribute('data-lod', 'near');
    const svg = await textOf(await share.download('export-svg'));
    await page.keyboard.press('Escape'); // the Share menu closes

    expect(svg).not.toContain('foreignObject');
    expect(svg).not.toContain('http://www.w3.org/1999/xhtml');
    const facts = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const texts = Array.from(doc.querySelectorAll('text'));
      return {
        viewBox: doc.documentElement.getAttribute('viewBox') ?? '',
        cards: doc.querySelectorAll('[data-testid^="card-"] rect').length,
        words: texts.map((t) => t.textContent ?? '').join(' '),
        families: [...new Set(texts.map((t) => t.getAttribute('font-family') ?? ''))],
      };
    }, svg);
    // Cards are rects and their text is <text>: names, addresses, the MAC.
    expect(facts.cards).toBeGreaterThanOrEqual(2);
    for (const word of ['c1', 'c2', '172.17.0.2', '02:42:ac:11:00:02', 'running'])
      expect(facts.words).toContain(word);
    // Fonts by name, each list ending in a generic family.
    for (const f of facts.families.filter((x) => x !== ''))
      expect(f).toMatch(/(sans-serif|monospace)$/);

    // The same region of the page: the exported viewBox mapped through the diagram's zoom. The
    // overlays (zoom buttons, toasts) and the dotted backdrop are not part of the picture.
    await page.addStyleTag({
      content:
        '.zoom-controls,.status-line,.creation-story,.present-exit{visibility:hidden!important}' +
        '.diagram{background:var(--bg)!important}',
    });
    const clip = await page.evaluate((vb) => {
      const [x = 0, y = 0, w = 0, h = 0] = vb.split(' ').map(Number);
      const g = document.querySelector('svg.diagram-svg > g') as SVGGElement;
      const m = g.getScreenCTM()!;
      const a = new DOMPoint(x, y).matrixTransform(m);
      const b = new DOMPoint(x + w, y + h).matrixTransform(m);
      return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
    }, facts.viewBox);
    const shot = testInfo.outputPath('page.png');
    await page.screenshot({ path: shot, clip, animations: 'disabled' });
    const [w, h] = execFileSync('identify', ['-format', '%w %h', shot], { encoding: 'utf8' })
      .split(' ')
      .map(Number);
    // The first card's box in the screenshot: most of it is text the export had to redraw.
    const box = await lab.card('c1').boundingBox();
    if (!box) throw new Error('no card c1');
    const card: Crop = {
      x: Math.round(box.x - clip.x),
      y: Math.round(box.y - clip.y),
      w: Math.round(box.width),
      h: Math.round(box.height),
    };
    const differ = (name: string, text: string) => {
      const file = testInfo.outputPath(`${name}.svg`);
      writeFileSync(file, text);
      const drawn = testInfo.outputPath(`${name}.png`);
      execFileSync('rsvg-convert', ['-w', String(w), '-h', String(h), '-o', drawn, file]);
      return {
        all: differing(shot, drawn, testInfo.outputPath(`${name}-diff.png`), null),
        card: differing(shot, drawn, testInfo.outputPath(`${name}-card-diff.png`), card),
      };
    };
    const ratio = differ('export', svg);
    // The comparison can tell: the same file without the cards' words is well over the line.
    const mute = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      for (const t of Array.from(doc.querySelectorAll('[data-testid^="card-"] text'))) t.remove();
      return new XMLSerializer().serializeToString(doc);
    }, svg);
    const muted = differ('no-card-text', mute);
    const pc = (x: number) => `${(x * 100).toFixed(2)} %`;
    const said = `${theme} ${w}x${h}: ${pc(ratio.all)} differ, card ${pc(ratio.card)}; without the cards' text ${pc(muted.all)}, card ${pc(muted.card)}`;
    testInfo.annotations.push({ type: 'pixels differing', description: said });
    console.log(said);
    expect(ratio.all).toBeLessThan(MAX_DIFF);
    expect(ratio.card).toBeLessThan(MAX_CARD_DIFF);
    expect(muted.card).toBeGreaterThan(ratio.card * 2);
  });
}
