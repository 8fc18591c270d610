import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, inlineStyleHashes, pinScripts, pinStyles } from './vite-csp';

const META =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

describe('the built page’s style policy', () => {
  it('hashes each inline <style> as the browser does (sha256 of its text, base64)', () => {
    const css = 'body{margin:0}\n.a::after{content:"→"}';
    const sha = createHash('sha256').update(css).digest('base64');
    expect(
      inlineStyleHashes(`<head><style>${css}</style></head><style media="x">b{}</style>`),
    ).toEqual([
      `'sha256-${sha}'`,
      `'sha256-${createHash('sha256').update('b{}').digest('base64')}'`,
    ]);
  });

  it('replaces only style-src’s unsafe-inline with the hashes', () => {
    expect(pinStyles(META, ["'sha256-A'", "'sha256-B'"])).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-A' 'sha256-B'; img-src 'self' data:",
    );
    expect(pinStyles("script-src 'self' 'unsafe-inline'", ["'sha256-A'"])).toBe(
      "script-src 'self' 'unsafe-inline'",
    );
    // A comment naming style-src's 'unsafe-inline' in prose is left as written.
    expect(pinStyles("# style-src's 'unsafe-inline' is swapped", ["'sha256-A'"])).toBe(
      "# style-src's 'unsafe-inline' is swapped",
    );
  });
});

describe('the built page’s script policy', () => {
  it('hashes each inline <script> and none loaded from a file', () => {
    const js = "(function(){document.documentElement.lang='zh-CN'})();";
    const sha = createHash('sha256').update(js).digest('base64');
    expect(
      inlineScriptHashes(
        `<head><script>${js}</script><script type="module" crossorigin src="./a.js"></script></head>`,
      ),
    ).toEqual([`'sha256-${sha}'`]);
  });

  it('adds the hashes to script-src alone, in a <meta> and in a headers file', () => {
    expect(pinScripts(META, ["'sha256-A'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-A'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    );
    expect(
      pinScripts("  Content-Security-Policy: default-src 'self'; script-src 'self'\n  X: y", [
        "'sha256-A'",
      ]),
    ).toBe("  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-A'\n  X: y");
    expect(pinScripts(META, [])).toBe(META);
  });
});
