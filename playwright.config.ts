// Browser tests against the built app, served by `vite preview`; Debian's Chromium, never a download.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/chromium.ts';

// PW_PORT lets several work trees run their browser tests side by side on one machine.
const port = Number(process.env['PW_PORT'] ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Test by test rather than file by file: the queue's last files (valid-lab, vector-export, ~40 s
  // each) left one worker idle for ~30 s at the end. No spec shares state between its tests (each
  // has a fresh context; there is no beforeAll).
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 180_000,
  reporter: process.env['CI'] ? 'list' : [['list']],
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  // 10 s: on a busy 2-core CI machine a lazily fetched chunk (lessons, the Chinese catalogue) can take longer than 5.
  expect: {
    timeout: 10_000,
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, animations: 'disabled' },
  },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  // The heap soak first, in a worker of its own: it runs Chromium --jitless, which needs its own
  // browser and so its own worker. Playwright queues a run's files grouped by worker, the groups in
  // order of first appearance, so in one project the soak's ~80 s came last, alone on one of the two
  // cores while the other sat idle. As the first project it runs beside the rest from the start.
  projects: [
    { name: 'soak', testMatch: 'soak/**/*.spec.ts' },
    { name: 'lab', testIgnore: 'soak/**' },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
