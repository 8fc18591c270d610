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
    test(`thirty containers ${w}x${h}`, async ({ lab, page }) => {
      await page.setViewportSize({ width: w, height: h });
      await lab.open();
      await page.getByTestId('open-network').click();
      for (const name of ['front', 'back']) {
        await page.getByTestId('network-form').getByLabel('Name').fill(name);
        await page.getByRole('button', { name: 'Create network' }).click();
      }
      await page.getByTestId('network-form').getByRole('button', { name: 'Close' }).click();
      const nets = ['bridge', 'front', 'back'];
      for (let i = 0; i < 27; i++)
        await lab.runContainer({
          name: `app${i}`,
          image: 'nginx',
          network: nets[i % 3] ?? 'bridge',
        });
      await lab.runContainer({ name: 'hostnet', image: 'nginx', network: 'host' });
      await lab.runContainer({ name: 'iso', image: 'redis', network: 'none' });
      await lab.card('app3').getByRole('button', { name: 'Stop' }).click();
      await page.getByTestId('fit').click();
      await page.screenshot({ path: `test-results/tour/thirty-${w}.png` });
    });
    test(`tour ${w}x${h}`, async ({ lab, page }) => {
      await page.setViewportSize({ width: w, height: h });
      for (const [name, q] of SHOTS) {
        await lab.open(q);
        await page.screenshot({ path: `test-results/tour/${name}-${w}.png` });
      }
    });
  }
}
