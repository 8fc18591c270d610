// A Vite build plugin: the built page's Content-Security-Policy allows exactly the stylesheet the
// build inlined (vite-prerender.ts) and no other inline style. index.html and public/_headers say
// `style-src 'self' 'unsafe-inline'` (the dev server injects <style> elements as modules load); the
// build swaps 'unsafe-inline' for the sha256 of each <style> in the page, in the <meta> and in
// dist/_headers alike. React's style props are set through the CSSOM, which CSP does not govern.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** `'sha256-…'` of every inline <style> element's text, as the browser hashes it. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(
    ([, css = '']) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`,
  );
}

/** The policy with style-src's 'unsafe-inline' replaced by `hashes` (left alone if it has none). */
export function pinStyles(policy: string, hashes: readonly string[]): string {
  return policy.replace(/(\bstyle-src\s[^;"\n]*?)\s'unsafe-inline'/g, (_, head: string) =>
    [head, ...hashes].join(' '),
  );
}

export function strictStyles(): Plugin {
  let outDir = 'dist';
  let hashes: string[] = [];
  return {
    name: 'dnl-strict-styles',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      // After the prerender plugin (listed before this one) has inlined the stylesheet.
      order: 'post',
      handler(html) {
        hashes = inlineStyleHashes(html);
        return html.replace(
          /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/i,
          (_, head: string, policy: string) => `${head}${pinStyles(policy, hashes)}"`,
        );
      },
    },
    closeBundle() {
      // public/_headers was copied as is: the host's header carries the same pinned policy.
      const file = resolve(outDir, '_headers');
      if (existsSync(file)) writeFileSync(file, pinStyles(readFileSync(file, 'utf8'), hashes));
    },
  };
}
