import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { strictStyles } from './scripts/vite-csp.ts';
import { prerender } from './scripts/vite-prerender.ts';

export default defineConfig({
  plugins: [react(), prerender(), strictStyles()],
  base: './',
  // One stylesheet for the whole app (the prerender plugin inlines it): the components the entry
  // loads after the first paint (start.tsx) bring CSS the prerendered page needs from the start.
  build: { target: 'es2022', sourcemap: false, cssCodeSplit: false },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'kernel/**/*.test.ts'],
    environment: 'node',
  },
});
