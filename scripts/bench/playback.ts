// Playback: frame intervals while a flow plays in a 50-container lab, and the heap after minutes of
// looping playback with a new flow now and then (as a lesson does).
import type { CDPSession, Locator, Page } from 'playwright-core';
import type { Figure } from './engine';
import { median, quantile, round } from './stats';

const SOAK_MIN = Number(process.env['BENCH_SOAK_MIN'] ?? 5);
const ANIMATION_S = Number(process.env['BENCH_ANIMATION_S'] ?? 15);

/** Keeps a flow playing: when playback stops at the end, play from the start again. */
function loopPlayback(page: Page, speed: string): Promise<void> {
  return page.evaluate((speedValue) => {
    const speed = document.querySelector<HTMLSelectElement>('select[aria-label="Speed"]');
    if (speed) {
      speed.value = speedValue;
      speed.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const w = window as unknown as { __loop?: number };
    window.clearInterval(w.__loop);
    w.__loop = window.setInterval(() => {
      const play = document.querySelector<HTMLButtonElement>('button[aria-label="Play"]');
      if (play && !play.disabled) play.click();
    }, 250);
  }, speed);
}

export async function animationFigures(page: Page, cards: number): Promise<Figure[]> {
  await page.getByTestId('preset-outside-to-published-port').click();
  await loopPlayback(page, '1');
  await page.waitForTimeout(1500);
  const dts = await page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = 0;
        const end = performance.now() + ms;
        const tick = (t: number) => {
          if (last) out.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    ANIMATION_S * 1000,
  );
  const frame = median(dts);
  const total = dts.reduce((a, b) => a + b, 0);
  const missed = dts.reduce((a, dt) => a + Math.max(0, Math.round(dt / frame) - 1), 0);
  const dropped = missed / (total / frame);
  const p95 = quantile(dts, 0.95);
  return [
    { name: `browser.animation.frame_p50_ms.${cards}_containers`, value: round(frame), unit: 'ms' },
    {
      name: `browser.animation.frame_p95_ms.${cards}_containers`,
      value: round(p95),
      unit: 'ms',
      target: '<= 17 ms',
      ok: p95 <= 17,
    },
    {
      name: `browser.animation.frame_max_ms.${cards}_containers`,
      value: round(Math.max(...dts)),
      unit: 'ms',
    },
    {
      name: `browser.animation.dropped_frames_share.${cards}_containers`,
      value: round(dropped * 100, 1),
      unit: '%',
    },
  ];
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/**
 * Stops the loop and shows the first preset's flow, paused at its first hop: both readings see the
 * same page. What a reading holds depends on what is on screen (a 200-hop flow weighs more than a
 * 20-hop one, an HTTP packet's inspector has more layers than an ARP frame's), so a reading taken
 * wherever playback happened to be would differ without anything kept.
 */
async function atFirstHop(page: Page, first: Locator): Promise<void> {
  await page.evaluate(() =>
    window.clearInterval((window as unknown as { __loop?: number }).__loop),
  );
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  await first.click();
  const hop = page.getByTestId('hop-count');
  await hop.click();
  await page.keyboard.press('Home');
  await hop.filter({ hasText: /^hop 1 \// }).waitFor();
}

/**
 * The heap after SOAK_MIN minutes of looping playback against the heap before, both after two forced
 * collections, both on the same page (atFirstHop), both after the same warm-up. The caller runs this
 * page in a Chromium started --jitless, as e2e/soak does: with the JIT on, V8 keeps adding optimised
 * code for minutes (about 0.6 MB here in the first minutes, none of it data the lab keeps; heap
 * snapshots in e2e/soak/README.md), which reads as a leak where there is none and hides one of
 * that size.
 */
export async function memoryFigures(page: Page, cdp: CDPSession): Promise<Figure[]> {
  const presets = await page.locator('[data-testid^="preset-"]').all();
  const first = presets[0]!;
  await loopPlayback(page, '4');
  // Warm-up: every preset's flow plays once before the first reading, so the chunks and caches a
  // flow loads on first use (hop rows, the story, the inspector's layers) are there in both.
  for (const preset of presets) {
    await preset.click();
    await page.waitForTimeout(3000);
  }
  await atFirstHop(page, first);
  const start = await heapMb(cdp);
  await loopPlayback(page, '4');
  const end = Date.now() + SOAK_MIN * 60_000;
  for (let i = 0; Date.now() < end; i++) {
    // A new flow now and then, as a lesson does; playback loops in between.
    await presets[i % presets.length]?.click();
    await page.waitForTimeout(Math.min(20_000, Math.max(0, end - Date.now())));
  }
  await atFirstHop(page, first);
  const after = await heapMb(cdp);
  const growth = (after - start) / start;
  return [
    { name: 'browser.memory.heap_start_mb', value: round(start, 2), unit: 'MB' },
    { name: `browser.memory.heap_after_${SOAK_MIN}_min_mb`, value: round(after, 2), unit: 'MB' },
    {
      name: 'browser.memory.heap_growth',
      value: round(growth * 100, 1),
      unit: '%',
      target: '<= +5 %',
      ok: growth <= 0.05,
    },
  ];
}
