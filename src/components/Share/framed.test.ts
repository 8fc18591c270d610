import { describe, expect, it } from 'vitest';
import { framing } from './framed';

/** A window as framing() sees it: its top, and its top's location (which may refuse to be read). */
function win(origin: string, top: 'self' | { origin: string } | 'refuses'): Window {
  const w = { location: { origin } } as unknown as { top: unknown; location: { origin: string } };
  w.top =
    top === 'self'
      ? w
      : top === 'refuses'
        ? {
            get location(): never {
              throw new DOMException('Blocked a frame', 'SecurityError');
            },
          }
        : { location: { origin: top.origin } };
  return w as unknown as Window;
}

describe('framing', () => {
  it('is top for a page in its own tab', () => {
    expect(framing(win('https://lab.example', 'self'))).toBe('top');
  });

  it('tells a frame of the same site from one of another', () => {
    expect(framing(win('https://lab.example', { origin: 'https://lab.example' }))).toBe(
      'same-origin',
    );
    expect(framing(win('https://lab.example', { origin: 'https://evil.example' }))).toBe(
      'cross-origin',
    );
    // A browser refuses to show another origin's location: that is a cross-origin frame too.
    expect(framing(win('https://lab.example', 'refuses'))).toBe('cross-origin');
  });
});
