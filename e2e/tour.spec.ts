// Not a check: takes screenshots of a few states for a person to look at (set TOUR=1 to run).
import { test } from './fixtures';

const SHOTS = [
  ['default', ''],
  ['dnat', '?flow=outside-to-published-port&hop=28'],
  ['masq', '?flow=container-to-internet&hop=35&theme=dark'],
  ['drop', '?lab=icc-off&flow=0&hop=31'],
  ['c2c', '?flow=container-to-container&hop=14'],
] as const;

if (process.env['TOUR']) {
  for (const [w, h] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`tour ${w}x${h}`, async ({ lab, page }) => {
      await page.setViewportSize({ width: w, height: h });
      for (const [name, q] of SHOTS) {
        await lab.open(q);
        await page.screenshot({ path: `test-results/tour/${name}-${w}.png` });
      }
    });
  }
}
