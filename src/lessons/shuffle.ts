// The order a question's choices are shown in: a shuffle seeded by the lesson, its run and the
// question, so it is the same on every render and reload of one run and differs between runs.
// Pure: the run's seed comes in with the lesson state (never Math.random here).
import type { Choice } from './types';

/** FNV-1a over the UTF-16 code units: a small, stable string hash (also a teacher lesson's id). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: uniform enough for a Fisher–Yates shuffle of four choices. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The choices in the order this run shows them; `key` names the question within the lesson. */
export function orderChoices<C extends Choice>(
  choices: readonly C[],
  lessonId: string,
  seed: number,
  key: string,
): C[] {
  const next = generator(hash(`${lessonId}|${seed >>> 0}|${key}`));
  const out = [...choices].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const x = out[i]!;
    out[i] = out[j]!;
    out[j] = x;
  }
  return out;
}
