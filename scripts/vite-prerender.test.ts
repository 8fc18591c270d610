import { describe, expect, it } from 'vitest';
import { inlineEarly, rebaseCssUrls } from './vite-prerender';

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

describe('inlineEarly', () => {
  const page = '<head><title>t</title>\n    <script src="./early.js"></script>\n  </head>';
  it('puts early.js’s text where index.html loads it, so the parser waits for no request', () => {
    expect(inlineEarly(page, '(function(){})();\n')).toBe(
      '<head><title>t</title>\n    <script>(function(){})();</script>\n  </head>',
    );
  });
  it('refuses a page without the tag and a script that would end its own element', () => {
    expect(() => inlineEarly('<head></head>', 'x')).toThrow(/early\.js/);
    expect(() => inlineEarly(page, "var s = '</script>';")).toThrow(/<\/script/);
  });
});
