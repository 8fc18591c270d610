// Presentation mode tells each of the seed's four stories in at most 12 key moments (the clicker
// goes moment by moment), and at every NAT moment the "what changed" card shows the header before
// and after, the rule with its counters and the conntrack entry, at ≥ 20 px on a 1366×768 projector.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { measureText } from './support/textSize';

const PROJECTED = 20;
const MAX_MOMENTS = 12;

/** The hop numbers the clicker lands on, from the first to the last (PageDown until it stays). */
async function clickThrough(page: Page): Promise<{ hop: number; chapter: string }[]> {
  const count = page.getByTestId('hop-count');
  const seen: { hop: number; chapter: string }[] = [];
  const now = async () => Number(/(\d+) \//.exec((await count.textContent()) ?? '')?.[1] ?? 0);
  for (let i = 0; i < 40; i++) {
    const hop = await now();
    const chapter = (await page.getByTestId('narration-chapter').textContent()) ?? '';
    seen.push({ hop, chapter });
    await page.keyboard.press('PageDown');
    // A moment further on, or the last one (then the count stays).
    await expect
      .poll(now, { timeout: 2000 })
      .toBeGreaterThan(hop)
      .catch(() => undefined);
    if ((await now()) === hop) return seen;
  }
  throw new Error('more than 40 moments');
}

async function present(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
}

const STORIES = [
  { story: 'container ↔ host', flow: 'host-to-container', nat: [] },
  { story: 'outside → published port', flow: 'outside-to-published-port', nat: ['DNAT', 'un-NAT'] },
  {
    story: 'container → outside and back',
    flow: 'container-to-internet',
    nat: ['MASQUERADE', 'un-NAT'],
  },
  { story: 'the three modes: bridge', flow: 'container-to-container', nat: [] },
  // The none-mode scenario's own lab (its container exists only there) and its first flow.
  { story: 'the three modes: none', flow: '0&lab=none-mode', nat: [] },
] as const;

test.describe('presentation mode at 1366×768', () => {
  test.beforeEach(({ page }) => page.setViewportSize({ width: 1366, height: 768 }));

  for (const s of STORIES)
    test(`${s.story}: ≤ ${MAX_MOMENTS} key moments, the rule and entry at each NAT`, async ({
      lab,
      page,
    }) => {
      await lab.open(`?flow=${s.flow}`);
      await expect(lab.hopCount).toHaveText(/^hop 1 \//);
      await present(page);
      const card = page.getByTestId('what-changed');
      const moments = await clickThrough(page);
      expect(moments.length).toBeLessThanOrEqual(MAX_MOMENTS);
      expect(moments.length).toBeGreaterThan(0);
      // Back to the start, then to each NAT moment: the card tells what the hop did.
      const nats = moments.filter((m) => /DNAT|MASQUERADE|un-NAT/.test(m.chapter));
      expect(nats.map((m) => /DNAT|MASQUERADE|un-NAT/.exec(m.chapter)?.[0])).toEqual(s.nat);
      await page.keyboard.press('Home');
      for (const m of moments) {
        if (m.hop > 1) await page.keyboard.press('PageDown');
        await expect(lab.hopCount).toHaveText(new RegExp(`^hop ${m.hop} /`));
        if (!nats.includes(m)) {
          await expect(card).toHaveCount(0);
          continue;
        }
        await expect(card).toBeVisible();
        await expect(card.getByTestId('wc-before').locator('mark').first()).toBeVisible();
        await expect(card.getByTestId('wc-after').locator('mark').first()).toBeVisible();
        const rule = card.getByTestId('wc-rule');
        if (m.chapter.includes('un-NAT')) await expect(rule).toContainText('no rule');
        else await expect(rule).toContainText(/ → (DNAT|MASQUERADE) .*pkts 1 bytes \d+/);
        await expect(card.getByTestId('wc-entry')).toContainText(/src=\S+ dst=\S+ sport=\d+/);
      }
    });

  test('the three modes: a host-mode process in ≤ 12 moments', async ({ lab, page }) => {
    await lab.open();
    const input = page.getByTestId('terminal-input');
    for (const line of [
      'docker run -dit --network host --name hn busybox',
      'docker exec hn wget -q -O- 172.17.0.2',
    ]) {
      await input.fill(line);
      await input.press('Enter');
    }
    await expect(lab.hopCount).toHaveText(/^hop \d+ \/ \d+$/);
    await present(page);
    await page.keyboard.press('Home');
    await expect(lab.hopCount).toHaveText(/^hop 1 \//);
    expect((await clickThrough(page)).length).toBeLessThanOrEqual(MAX_MOMENTS);
  });

  for (const at of ['DNAT', 'un-NAT'] as const)
    test(`at the ${at} moment the card and the current hop read at ≥ ${PROJECTED} px`, async ({
      lab,
      page,
    }, info) => {
      await lab.open('?flow=outside-to-published-port');
      await present(page);
      await lab.page.keyboard.press('PageDown');
      await expect
        .poll(async () => {
          const tag = (await page.getByTestId('narration-chapter').textContent()) ?? '';
          if (!tag.includes(at)) await page.keyboard.press('PageDown');
          return tag.includes(at);
        })
        .toBe(true);
      const card = page.getByTestId('what-changed');
      await expect(card).toBeVisible();
      const words = await measureText(page, ['[data-testid="what-changed"]']);
      expect(words.length).toBeGreaterThan(10);
      const hop = ['[data-testid="glyph-label"]', '.diagram .active text'];
      await expect
        .poll(async () =>
          [...words, ...(await measureText(page, hop))]
            .filter((m) => m.px < PROJECTED - 0.01)
            .map((m) => `${m.px.toFixed(1)} px ${m.where} "${m.text}"`),
        )
        .toEqual([]);
      const all = [...words, ...(await measureText(page, hop))];
      info.annotations.push({
        type: `smallest at the ${at} moment (card and current hop)`,
        description: `${Math.min(...all.map((m) => m.px)).toFixed(1)} px`,
      });
      // Nothing of the card is cut: it fits the screen below the diagram.
      const box = await card.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(768);
      expect(await card.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: info.outputPath(`present-${at}.png`) });
    });
});

/**
 * Diagram labels (SVG text and the cards' text, as rendered) that the packet's envelope or its words
 * cover, with at least 2 px of overlap each way: `glyph-shape` and `glyph-label` rectangles against
 * the rectangle of every visible text of the diagram (the callout's own words aside).
 */
async function coveredLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const frame = document.querySelector('.diagram')!.getBoundingClientRect();
    const covers = ['[data-testid="glyph-shape"]', '[data-testid="glyph-label"]']
      .map((s) => document.querySelector(s))
      .filter((e): e is Element => e !== null)
      .map((e) => ({ what: e.getAttribute('data-testid'), r: e.getBoundingClientRect() }));
    const bad: string[] = [];
    const svg = document.querySelector('[data-testid="diagram"]')!;
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (
        !el ||
        !text ||
        el.closest('.glyph-words, [data-testid="packet-glyph"], [data-decorative]')
      )
        continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const t = range.getBoundingClientRect();
      if (t.width < 1 || t.bottom < frame.top || t.top > frame.bottom) continue;
      for (const c of covers) {
        const w = Math.min(t.right, c.r.right) - Math.max(t.left, c.r.left);
        const h = Math.min(t.bottom, c.r.bottom) - Math.max(t.top, c.r.top);
        if (w > 2 && h > 2) bad.push(`${c.what} covers "${text.slice(0, 30)}"`);
      }
    }
    return bad;
  });
}

// Neither the envelope nor its words cover a label. The words (layout/callout.ts) take the first free
// spot beside the glyph, coming closer before saying less, else the nearest free spot with a leader;
// placed naively (above the glyph, every line) they cover 78 texts on these walks (126 presenting).
// One walk per mode checks both the envelope and its words (two walks did the same stepping twice).
for (const presenting of [false, true])
  test(`1366×768${presenting ? ', presenting' : ''}: at no key moment does glyph-shape or glyph-label cover a label`, async ({
    lab,
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const bad: Record<'glyph-shape' | 'glyph-label', string[]> = {
      'glyph-shape': [],
      'glyph-label': [],
    };
    for (const flow of [
      'outside-to-published-port',
      'container-to-internet',
      'host-to-container',
    ]) {
      await lab.open(`?flow=${flow}`);
      // Presenting, the clicker goes moment by moment; otherwise ] does.
      if (presenting) await present(page);
      else await page.locator('body').click({ position: { x: 2, y: 2 } });
      let last = '';
      for (let i = 0; i < 14; i++) {
        const at = (await lab.hopCount.textContent()) ?? '';
        if (at === last) break;
        last = at;
        // The camera glides to the hop (no glide here: reduced motion), then the words are placed.
        await page.waitForTimeout(50);
        const covered = await coveredLabels(page);
        for (const what of ['glyph-shape', 'glyph-label'] as const)
          bad[what].push(
            ...covered.filter((b) => b.startsWith(what)).map((b) => `${flow} ${at}: ${b}`),
          );
        await page.keyboard.press(presenting ? 'PageDown' : ']');
        await expect(lab.hopCount)
          .not.toHaveText(at, { timeout: 1000 })
          .catch(() => undefined);
      }
    }
    expect.soft(bad['glyph-shape']).toEqual([]);
    expect.soft(bad['glyph-label']).toEqual([]);
  });
