// For tests: a lab saved the way the autosave, the link and the file save it, then opened again.
import type { World } from '../sim';
import { applyLab, labOf } from '../store/persist';
import { createAppStore, type AppStore } from '../store';
import { decodeFile, encodeFile } from './codec';
import { compactWorld } from './compact';

/** JSON with its object keys sorted: two worlds built in a different key order compare equal. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** What a saved lab keeps of a world: everything but counters (compact.ts says what is left out). */
export const kept = (w: World): string => canonical(compactWorld(w));

export type Reopened =
  | { readonly ok: true; readonly saved: World; readonly opened: World; readonly store: AppStore }
  | { readonly ok: false; readonly error: string };

/** Saves the store's lab as the autosave does (encodeFile of labOf), opens it in a fresh store. */
export function reopen(store: AppStore): Reopened {
  const doc = labOf(store);
  const back = decodeFile(encodeFile(doc));
  if (!back.ok) return back;
  const fresh = createAppStore();
  const applied = applyLab(fresh, back.value);
  if (!applied.ok) return applied;
  if (canonical(back.value.flow) !== canonical(doc.flow))
    return { ok: false, error: 'the flow came back changed' };
  return { ok: true, saved: doc.world, opened: back.value.world, store: fresh };
}
