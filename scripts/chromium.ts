// Debian's Chromium, headless, as the tests and the bench start it: no sandbox (root in CI), no GPU,
// and none of the background requests that this machine's closed network refuses.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
