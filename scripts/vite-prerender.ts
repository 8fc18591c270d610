// A Vite build plugin: the default lab rendered at build time into index.html, its stylesheet and
// public/early.js inlined, so the diagram is drawn as soon as the HTML is parsed, with no request
// in between (an external early.js held the parser for a round trip and cost an empty frame).
// main.tsx hydrates this markup when the page opens in the default state (src/prerender.tsx).
// Both languages are drawn: public/early.js, run in <head> before the body is parsed, marks
// <html> for Chinese, and CSS then shows the Chinese copy from the first paint (app.css).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type Plugin, type Rollup } from 'vite';

const ROOT_TAG = '<div id="root"></div>';
/** The marker Vite leaves at the end of a single (cssCodeSplit: false) stylesheet. */
const VITE_MARK = /\/\*\$vite\$:\d+\*\/\s*$/;
const EARLY_TAG = /<script src="\.?\/early\.js"><\/script>/;

/** index.html's `<script src="./early.js">` with the script's text in its place. */
export function inlineEarly(html: string, early: string): string {
  if (!EARLY_TAG.test(html)) throw new Error('index.html has no <script src="./early.js">');
  if (early.includes('</script')) throw new Error('early.js cannot be inlined: it names </script');
  return html.replace(EARLY_TAG, () => `<script>${early.trim()}</script>`);
}

/** Runs src/prerender.tsx through Vite's SSR loader (no config file: this plugin must not recurse). */
async function renderDefaultLab(root: string): Promise<{ en: string; zh: string }> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const mod = (await server.ssrLoadModule('/src/prerender.tsx')) as {
      renderDefaultLab: (lang: 'en' | 'zh-CN') => Promise<string>;
    };
    return { en: await mod.renderDefaultLab('en'), zh: await mod.renderDefaultLab('zh-CN') };
  } finally {
    await server.close();
  }
}

/** CSS `url(../x)` is relative to assets/; inlined into index.html it must be relative to the page. */
export function rebaseCssUrls(css: string, from: string): string {
  return css.replace(/url\((['"]?)(\.\.?\/[^)'"]+)\1\)/g, (_, q: string, path: string) => {
    const url = new URL(path, `https://x/${from}`);
    return `url(${q}.${url.pathname}${q})`;
  });
}

export function prerender(): Plugin {
  let markup = { en: '', zh: '' };
  let early = '';
  return {
    name: 'dnl-prerender',
    apply: 'build',
    async configResolved(config) {
      markup = await renderDefaultLab(config.root);
      early = readFileSync(resolve(config.publicDir, 'early.js'), 'utf8');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!html.includes(ROOT_TAG)) throw new Error(`index.html has no ${ROOT_TAG}`);
        let out = inlineEarly(html, early).replace(
          ROOT_TAG,
          () =>
            `<div id="root" data-prerendered="en">${markup.en}</div>` +
            `<div id="root-zh-CN" data-prerendered="zh-CN" lang="zh-CN">${markup.zh}</div>`,
        );
        // Inline the entry stylesheet: the first paint waits for no request at all.
        for (const [file, chunk] of Object.entries(ctx.bundle ?? {})) {
          if (chunk.type !== 'asset' || !file.endsWith('.css')) continue;
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="\\.?/?${file}"[^>]*>`);
          if (!link.test(out)) continue;
          const source = String((chunk as Rollup.OutputAsset).source).replace(VITE_MARK, '');
          const css = rebaseCssUrls(source, file);
          out = out.replace(link, () => `<style>${css}</style>`);
          delete ctx.bundle?.[file];
        }
        return out;
      },
    },
  };
}
