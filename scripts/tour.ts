// `npm run tour`: screenshots of the lab's key states at the projector's and a laptop's size, for a
// person to look at (not a test): test-results/tour/*.png. Builds and serves like the bench.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveFreshBuild } from './bench/serve';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

const SHOTS = [
  ['default', ''],
  ['dnat', '?flow=outside-to-published-port&hop=28'],
  ['masq', '?flow=container-to-internet&hop=35&theme=dark'],
  ['drop', '?lab=icc-off&flow=0&hop=31'],
  ['c2c', '?flow=container-to-container&hop=14'],
  ['zh', '?lang=zh-CN&flow=outside-to-published-port&hop=28'],
] as const;
const SIZES = [
  [1366, 768],
  [1920, 1080],
] as const;
/** Thirty containers on three networks, one in host mode, one with none, one stopped. */
const CROWD = [
  'docker network create front',
  'docker network create back',
  ...Array.from({ length: 27 }, (_, i) => {
    const net = ['bridge', 'front', 'back'][i % 3];
    return `docker run -d --name app${i} --network ${net} nginx`;
  }),
  'docker run -d --name hostnet --network host nginx',
  'docker run -d --name iso --network none redis',
  'docker stop app3',
];

const OUT = 'test-results/tour';
mkdirSync(OUT, { recursive: true });
const { base, stop } = await serveFreshBuild();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const [name, query] of SHOTS) {
      await page.goto(`${base}/${query}`);
      await page.locator('html[data-ready]').waitFor({ state: 'attached' });
      await page.screenshot({ path: `${OUT}/${name}-${width}.png` });
    }
    await page.goto(`${base}/`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    const input = page.getByTestId('terminal-input');
    for (const line of CROWD) {
      await input.fill(line);
      await input.press('Enter');
    }
    await page.getByTestId('card-iso').waitFor();
    await page.getByTestId('fit').click();
    await page.screenshot({ path: `${OUT}/thirty-${width}.png` });
    await page.close();
  }
  console.log(`screenshots in ${OUT}/`);
} finally {
  await browser.close();
  stop();
}
