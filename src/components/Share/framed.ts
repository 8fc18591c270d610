// Whether the page runs inside another page's frame. Framed, the lab never writes the browser's
// storage (no autosave, no link adopted, no history): a page of another site, or a hidden frame of
// this one, must not be able to overwrite the user's lab. The host should also send
// `frame-ancestors 'none'` (README, public/_headers); a <meta> CSP cannot say that.

export type Framing = 'top' | 'same-origin' | 'cross-origin';

export function framing(win: Window = window): Framing {
  let top: Window | null;
  try {
    top = win.top;
  } catch {
    return 'cross-origin';
  }
  if (top === win) return 'top';
  try {
    // Reading another origin's location throws (or gives nothing): that is what tells them apart.
    return top?.location.origin === win.location.origin ? 'same-origin' : 'cross-origin';
  } catch {
    return 'cross-origin';
  }
}
