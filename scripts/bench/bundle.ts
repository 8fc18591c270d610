// Bundle figures: initial JS and CSS (what index.html loads) and the whole dist, in KB gzip.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './engine';

const DIST = resolve(import.meta.dirname, '..', '..', 'dist');

function gzKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Files index.html loads before anything else: its module script, modulepreloads and stylesheets. */
function initialFiles(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  );
  return refs.map((r) => join(DIST, r));
}

/** Stylesheets inlined into index.html by the prerender plugin (scripts/vite-prerender.ts). */
function inlineCssKb(): number {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('');
  return css ? gzipSync(css, { level: 9 }).length / 1024 : 0;
}

export function bundleFigures(build = true): Figure[] {
  if (build) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const initial = initialFiles();
  const js = initial.filter((f) => f.endsWith('.js')).reduce((a, f) => a + gzKb(f), 0);
  const css =
    initial.filter((f) => f.endsWith('.css')).reduce((a, f) => a + gzKb(f), 0) + inlineCssKb();
  const html = gzKb(join(DIST, 'index.html'));
  const total = walk(DIST)
    .filter((f) => /\.(js|css|html|woff2?|svg)$/.test(f))
    .reduce((a, f) => a + gzKb(f), 0);
  return [
    {
      name: 'bundle.initial_js_kb_gzip',
      value: +js.toFixed(1),
      unit: 'KB',
      target: '<= 150 KB',
      ok: js <= 150,
    },
    { name: 'bundle.initial_css_kb_gzip', value: +css.toFixed(1), unit: 'KB' },
    // The page itself: the prerendered lab and the inlined CSS (counted above too).
    { name: 'bundle.index_html_kb_gzip', value: +html.toFixed(1), unit: 'KB' },
    { name: 'bundle.total_kb_gzip', value: +total.toFixed(1), unit: 'KB' },
  ];
}
