import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { strictStyles } from './scripts/vite-csp.ts';
import { prerender } from './scripts/vite-prerender.ts';

export default defineConfig({
  plugins: [react(), prerender(), strictStyles()],
  base: './',
  // One stylesheet for the whole app (the prerender plugin inlines it): the components the entry
  // loads after the first paint (start.tsx) bring CSS the prerendered page needs from the start.
  build: {
    target: 'es2022',
    sourcemap: false,
    cssCodeSplit: false,
    // The engine (src/sim) and the scenarios in one chunk: the first download needs most of them,
    // and left to itself the bundler cut them into a dozen small chunks shared with the lazy ones,
    // each compressed apart (initial JS 151.0 → 149.5 KB gzip, measured by `npm run bench -- bundle`).
    // Not the parts only lazy code uses (a group takes every module its test matches, wherever it is
    // imported): the world's invariants (reading a shared lab), the creation story's commands
    // (153.5 → 152.0 KB) and the packet walk (src/sim/walk: the store fetches it after the first
    // paint, store/README "Parts that arrive late"; 152.1 → 140.5 KB). What the first paint reads
    // of walk/ (the tables a hop saw, the sockets listening) goes where the bundler puts it.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'core',
              test: /src[\\/](sim[\\/](?!properties[\\/]|creation\.ts|walk[\\/])|scenarios[\\/])/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'kernel/**/*.test.ts'],
    environment: 'node',
  },
});
