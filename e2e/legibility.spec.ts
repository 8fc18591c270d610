// Legibility as a measured property: every text a student must read renders at ≥ 14 CSS px after
// the diagram's scaling, and the current hop at ≥ 20 px when projected.
//
// "Must read", here: every text drawn in the diagram (node, interface and chain names, addresses,
// MACs, published ports, subtitles, the cards' buttons), the packet's words beside its glyph (its
// kind, src → dst and, at a NAT hop, the ends before the rewrite) and the narration. None of it is
// exempt: nothing in these regions is marked data-decorative. What does not fit at a readable size
// is left out by the diagram's level of detail (src/hooks/camera.ts), never drawn smaller, and the
// camera's follow mode brings the current hop close enough to read it all. The side panels a student
// reads (rules, conntrack, the packet inspector, the hop list, the narration) are measured at
// 1366×768 too, at the DNAT and at an un-NAT; the terminal is not (its size is the user's).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { measureText, type Measured } from './support/textSize';

const SCOPES = ['.diagram', '[data-testid="narration"]'];
const FLOOR = 14;
const PROJECTED = 20;
const DNAT_HOP = 27; // client → :8080: the hop where nat/PREROUTING's DNAT rewrites the destination

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

function below(list: readonly Measured[], floor: number): string[] {
  return list
    .filter((m) => m.px < floor - 0.01)
    .map((m) => `${m.px.toFixed(1)} px ${m.where} "${m.text}"`);
}

async function addContainers(page: Page, n: number): Promise<void> {
  const input = page.getByTestId('terminal-slot').getByRole('textbox', { name: /Command|命令/ });
  for (let i = 0; i < n; i++) {
    await input.fill(`docker run -d --name web${i + 3} nginx`);
    await input.press('Enter');
    await expect(page.getByTestId(`card-web${i + 3}`)).toBeAttached();
  }
  // The veth story of the last launch stays until closed (a teacher sets its pace): closed here, so
  // the lab itself is measured. (This waited for a '.veth-story' class that no element has.)
  await page.getByTestId('story-close').click();
  await expect(page.getByTestId('veth-story')).toHaveCount(0);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
}

async function toDnatHop(page: Page): Promise<void> {
  await page.getByTestId('preset-outside-to-published-port').click();
  await expect(page.getByTestId('hop-count')).toHaveText(/^(hop 1 \/|第 1 \/)/);
  await page.getByTestId('narration').click();
  for (let i = 1; i < DNAT_HOP; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('glyph-old')).toBeVisible();
}

for (const size of SIZES)
  for (const lang of ['en', 'zh-CN'] as const)
    for (const theme of ['light', 'dark'] as const)
      for (const containers of [2, 6] as const)
        test(`${size.width}×${size.height} ${lang} ${theme}, ${containers} containers: no text under ${FLOOR} px, projected hop ≥ ${PROJECTED} px`, async ({
          page,
          lab,
        }, info) => {
          await page.setViewportSize(size);
          await lab.open(`?lang=${lang}&theme=${theme}`);
          if (containers === 6) await addContainers(page, 4);

          // The lab as it opens: the whole picture, names only where addresses would be too small.
          const overview = await measureText(page, SCOPES);
          expect(overview.length).toBeGreaterThan(8);
          expect(below(overview, FLOOR), 'the lab as it opens').toEqual([]);

          // At the DNAT: the camera follows the packet, and the rewrite reads at full size.
          await toDnatHop(page);
          await expect(lab.diagram).toHaveAttribute('data-camera', 'follow');
          const dnat = await measureText(page, SCOPES);
          expect(below(dnat, FLOOR), 'at the DNAT hop').toEqual([]);
          // The hop's own words are there to be read: the rewrite's before and after.
          expect(dnat.some((m) => m.where.includes('glyph-label') || m.text.includes('→'))).toBe(
            true,
          );
          const stage = await measureText(page, ['[data-testid="stage-PREROUTING"]']);
          expect(stage.map((m) => m.text)).toContain('PREROUTING');

          // Projected: everything the current hop shows (its node, the packet's words) at ≥ 20 px.
          await page.keyboard.press('p');
          await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
          await expect(lab.diagram).toHaveAttribute('data-lod', 'near');
          // The camera refits in the frames after the panels fold: wait for it, then measure.
          const hop = ['[data-testid="stage-PREROUTING"]', '[data-testid="glyph-label"]'];
          await expect
            .poll(async () => below(await measureText(page, hop), PROJECTED), {
              message: 'the projected DNAT hop',
            })
            .toEqual([]);
          expect((await measureText(page, hop)).length).toBeGreaterThan(3);
          expect(below(await measureText(page, SCOPES), FLOOR), 'projected').toEqual([]);
          const min = Math.min(...dnat.map((m) => m.px));
          info.annotations.push({
            type: 'smallest at the DNAT hop',
            description: `${min.toFixed(1)} px`,
          });
        });

/** The side panels a student reads while a flow plays: the rules, conntrack, the packet, the hop list. */
const PANELS = [
  '[data-testid="netfilter-panel"]',
  '[data-testid="inspector"]',
  '[data-testid="event-list"]',
  '[data-testid="narration"]',
];

for (const lang of ['en', 'zh-CN'] as const)
  test(`1366×768 ${lang}: the side panels and the hop list read at ≥ ${FLOOR} px`, async ({
    page,
    lab,
  }, info) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await lab.open(`?lang=${lang}&flow=outside-to-published-port&hop=${DNAT_HOP}`);
    await expect(page.getByTestId('nf-now')).toBeVisible();
    // The hop list's rows load after the first paint (EventList.tsx): measure once they are there.
    await expect(page.getByTestId('event-list')).toBeVisible();
    const rules = await measureText(page, PANELS);
    // Each panel has its words on screen (none measured empty).
    for (const p of PANELS) expect((await measureText(page, [p])).length, p).toBeGreaterThan(2);
    await page.getByTestId('tab-conntrack').click();
    // The un-NAT of the reply (] goes moment by moment): its entry in the table, lit.
    await page.getByTestId('narration').click();
    await expect
      .poll(async () => {
        const tag = (await page.getByTestId('narration-chapter').textContent()) ?? '';
        if (!/un-NAT|反向/.test(tag)) await page.keyboard.press(']');
        return /un-NAT|反向/.test(tag);
      })
      .toBe(true);
    await expect(page.locator('[data-testid="conntrack-list"] li.hot')).toBeVisible();
    await expect(page.getByTestId('conntrack-list')).toBeVisible();
    const ct = await measureText(page, ['[data-testid="conntrack-list"]', '.side-col .tabs']);
    expect(ct.length).toBeGreaterThan(4);
    const all = [...rules, ...ct];
    expect(below(all, FLOOR)).toEqual([]);
    info.annotations.push({
      type: 'smallest side-panel text',
      description: `${Math.min(...all.map((m) => m.px)).toFixed(1)} px`,
    });
  });
