// A Vite build plugin: the built page's Content-Security-Policy allows exactly the stylesheet and
// the script the build inlined (vite-prerender.ts) and no other inline style or script. index.html
// and public/_headers say `style-src 'self' 'unsafe-inline'` (the dev server injects <style>
// elements as modules load) and `script-src 'self'`; the build swaps 'unsafe-inline' for the sha256
// of each <style> in the page and adds the sha256 of each inline <script> to script-src, in the
// <meta> and in dist/_headers alike. React's style props are set through the CSSOM, which CSP does
// not govern.
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

/** `'sha256-…'` of every inline <script> (one without src), as the browser hashes its text. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs = '']) => !/\ssrc=/i.test(attrs))
    .map(([, , js = '']) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`);
}

/** The policy with `hashes` added to script-src (the directive left alone if there are none). */
export function pinScripts(policy: string, hashes: readonly string[]): string {
  if (hashes.length === 0) return policy;
  return policy.replace(/(\bscript-src\s[^;"\n]*?)\s*(?=;|"|$)/gm, (_, head: string) =>
    [head, ...hashes].join(' '),
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
  let styles: string[] = [];
  let scripts: string[] = [];
  const pin = (policy: string) => pinScripts(pinStyles(policy, styles), scripts);
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
        styles = inlineStyleHashes(html);
        scripts = inlineScriptHashes(html);
        return html.replace(
          /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/i,
          (_, head: string, policy: string) => `${head}${pin(policy)}"`,
        );
      },
    },
    closeBundle() {
      // public/_headers was copied as is: the host's header carries the same pinned policy.
      const file = resolve(outDir, '_headers');
      if (existsSync(file)) writeFileSync(file, pin(readFileSync(file, 'utf8')));
    },
  };
}
