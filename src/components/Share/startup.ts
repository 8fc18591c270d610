// Which lab opens: a #lab= link first, then (when the URL names no lab of its own) the autosaved one.
// A link that fails opens the default lab and keeps the autosaved lab aside, so nothing is lost.
import { decodeFragment, type LabDocument } from '../../share';
import { hasLinkFragment } from '../../share/link';
import type { AppStore } from '../../store';
import { applyLab, backUpStored, readStored, type KeyValueStorage } from '../../store/persist';

export type Startup =
  | { readonly kind: 'link' | 'stored'; readonly doc: LabDocument }
  | { readonly kind: 'default' }
  | { readonly kind: 'refused'; readonly text: string; readonly offerBackup: boolean };

/** Query parameters that already choose a lab at boot (see Shell/boot.ts); they win over the autosave. */
const LAB_PARAMS = ['lab', 'flow', 'hop', 'profile'];

export async function openAtStart(
  app: AppStore,
  where: { readonly hash: string; readonly search: string },
  storage: KeyValueStorage | null,
): Promise<Startup> {
  if (hasLinkFragment(where.hash)) {
    const hadLab = storage ? backUpStored(storage) : false;
    const r = await decodeFragment(where.hash);
    const applied = r.ok ? applyLab(app, r.value) : r;
    if (r.ok && applied.ok) return { kind: 'link', doc: r.value };
    const reason = r.ok ? (applied.ok ? '' : applied.error) : r.error;
    return {
      kind: 'refused',
      text: `This link could not be opened: ${reason}. The default lab is open instead${hadLab ? '; your last lab is kept' : ''}.`,
      offerBackup: hadLab,
    };
  }
  const q = new URLSearchParams(where.search);
  if (!storage || LAB_PARAMS.some((p) => q.has(p))) return { kind: 'default' };
  const stored = readStored(storage);
  if (stored === null) return { kind: 'default' };
  if (!stored.ok)
    return {
      kind: 'refused',
      text: `Your last lab could not be restored: ${stored.error}. The default lab is open instead.`,
      offerBackup: false,
    };
  const applied = applyLab(app, stored.value);
  return applied.ok
    ? { kind: 'stored', doc: stored.value }
    : {
        kind: 'refused',
        text: `Your last lab could not be restored: ${applied.error}.`,
        offerBackup: false,
      };
}
