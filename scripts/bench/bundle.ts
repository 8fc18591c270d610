// Bundle figures: initial JS and CSS (what index.html loads, and the app its entry starts once the
// first paint is on screen) and the whole dist, in KB gzip.
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

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/**
 * The JS the page runs before the lab can be used: index.html's entry and everything it imports,
 * and the app that entry always starts (its dynamic imports: src/main.tsx waits for the first
 * paint, then imports src/start.tsx), with their static imports. Read from Vite's manifest (the
 * build below writes it), not from index.html's tags: those name only the entry.
 */
function initialJs(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  const entry = manifest['index.html'];
  if (!entry) throw new Error('the manifest has no index.html entry');
  visit('index.html');
  for (const k of entry.dynamicImports ?? []) visit(k);
  return [...files].map((f) => join(DIST, f));
}

/** Stylesheets index.html links (the prerender plugin inlines the app's one: counted below). */
function linkedCss(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.?\/?([^"]+\.css)"/g)].map((m) =>
    join(DIST, m[1] ?? ''),
  );
}

/** Stylesheets inlined into index.html by the prerender plugin (scripts/vite-prerender.ts). */
function inlineCssKb(): number {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('');
  return css ? gzipSync(css, { level: 9 }).length / 1024 : 0;
}

export function bundleFigures(build = true): Figure[] {
  if (build) {
    const args = ['vite', 'build', '--manifest', '--logLevel', 'error'];
    execFileSync('npx', args, { stdio: 'inherit' });
  }
  const js = initialJs().reduce((a, f) => a + gzKb(f), 0);
  const css = linkedCss().reduce((a, f) => a + gzKb(f), 0) + inlineCssKb();
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
