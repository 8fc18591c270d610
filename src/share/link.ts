// Whether an address carries a lab (#lab=…). Cheap on purpose: the first paint asks it, and only a
// yes fetches the codec (codec.ts) before anything else.

export const FRAGMENT_KEY = 'lab';

export function hasLinkFragment(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(FRAGMENT_KEY);
}
