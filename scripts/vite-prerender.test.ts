import { describe, expect, it } from 'vitest';
import { rebaseCssUrls } from './vite-prerender';

describe('rebaseCssUrls', () => {
  it('rewrites a url relative to assets/ as one relative to the page', () => {
    expect(rebaseCssUrls('src:url(../fonts/a.woff2)', 'assets/index-x.css')).toBe(
      'src:url(./fonts/a.woff2)',
    );
    expect(rebaseCssUrls("b:url('./img.svg')", 'assets/index-x.css')).toBe(
      "b:url('./assets/img.svg')",
    );
  });
  it('leaves data: and absolute urls alone', () => {
    const css = 'a:url(data:image/svg+xml;base64,AA==);b:url(/x.png)';
    expect(rebaseCssUrls(css, 'assets/i.css')).toBe(css);
  });
});
