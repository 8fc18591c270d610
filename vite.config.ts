import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { strictStyles } from './scripts/vite-csp.ts';
import { prerender } from './scripts/vite-prerender.ts';

export default defineConfig({
  plugins: [react(), prerender(), strictStyles()],
  base: './',
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'kernel/**/*.test.ts'],
    environment: 'node',
  },
});
