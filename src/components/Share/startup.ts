// Which lab opens, and what is kept first. The user's saved lab goes into Recent labs before
// anything else opens, so a link (#lab=, or ?lab=/?flow=/?profile=) opens beside it, never over it.
// A #lab= link that fails opens the user's own lab; a saved lab that cannot be read (corrupt, or
// from a newer version) is kept as it was, never replaced.
import { findScenario } from '../../scenarios';
import { decodeFile, decodeFragment, VERSION, type LabDocument } from '../../share';
import { hasLinkFragment } from '../../share/link';
import type { AppStore } from '../../store';
import { keepLab, textHash, type KeptLab } from '../../store/history';
import { applyLab, claimedVersion } from '../../store/persist';
import { BACKUP_KEY, readKey, STORAGE_KEY, type KeyValueStorage } from '../../store/storage';
import type { BannerAction, ShareIssue } from '../../store/share-slice';

export type Startup =
  | { readonly kind: 'link' | 'stored'; readonly doc: LabDocument; readonly issue: Issue }
  | { readonly kind: 'query' | 'default'; readonly issue: Issue };
type Issue = ShareIssue | null;

/** Query parameters that already choose a lab at boot (see Shell/boot.ts); they win over the autosave. */
export const LAB_PARAMS = ['lab', 'flow', 'hop', 'profile'] as const;

/** The user's saved lab as found at start, already kept in Recent labs (id null if storage refused). */
type Saved =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly doc: LabDocument; readonly id: string | null }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly id: string | null };

const idOf = (list: readonly KeptLab[] | null, text: string): string | null =>
  list?.find((e) => e.hash === textHash(text))?.id ?? null;

/** Reads the lab's slot and keeps what it holds (readable or not) in the history. */
function readSaved(storage: KeyValueStorage, now: number): Saved {
  // The one backup of earlier versions joins the history (and leaves its old key).
  const backup = readKey(storage, BACKUP_KEY);
  if (backup !== null) {
    const r = decodeFile(backup);
    const containers = r.ok ? r.value.world.containers.length : null;
    if (
      keepLab(
        storage,
        { text: backup, origin: 'before-link', containers, at: now },
        { ifAbsent: true },
      )
    )
      storage.removeItem(BACKUP_KEY);
  }
  const text = readKey(storage, STORAGE_KEY);
  if (text === null) return { kind: 'none' };
  const r = decodeFile(text);
  if (r.ok) {
    const input = {
      text,
      origin: 'autosave',
      containers: r.value.world.containers.length,
      at: now,
    } as const;
    return {
      kind: 'ok',
      doc: r.value,
      id: idOf(keepLab(storage, input, { ifAbsent: true }), text),
    };
  }
  return keepUnreadable(storage, text, r.error, now);
}

function keepUnreadable(
  storage: KeyValueStorage,
  text: string,
  reason: string,
  now: number,
): Saved {
  const input = { text, origin: 'unreadable', containers: null, at: now, reason } as const;
  return {
    kind: 'unreadable',
    reason,
    id: idOf(keepLab(storage, input, { ifAbsent: true }), text),
  };
}

/** True when the lab's slot holds a lab of a newer app: this app never writes over it. */
export function heldByNewer(storage: KeyValueStorage | null): boolean {
  const text = storage ? readKey(storage, STORAGE_KEY) : null;
  return text !== null && (claimedVersion(text) ?? 0) > VERSION;
}

const info = (key: ShareIssue['key'], actions: readonly BannerAction[]): ShareIssue => ({
  key,
  tone: 'info',
  actions,
});

/**
 * Resolves once the flow a lab came with has been replayed: the packet walk arrives after the first
 * paint (store/README "Parts that arrive late"), and the autosave, started next, must not take
 * that replay for a change of the user's and write the lab again (over what the user keeps there).
 */
async function flowReplayed(app: AppStore, doc: LabDocument): Promise<void> {
  if (doc.flow) await walkArrived(app);
}

/** Resolves once the packet walk is here (or could not be fetched: the flow then is not sent). */
const walkArrived = (app: AppStore): Promise<void> =>
  app
    .getState()
    .loadWalk()
    .catch(() => undefined);

/**
 * `touched`: the user already changed the lab on screen (a command typed, a container run) while
 * this code was still being fetched. Their saved lab is then not put over that work: it stays in
 * Recent labs, and the banner says where.
 */
export async function openAtStart(
  app: AppStore,
  where: { readonly hash: string; readonly search: string },
  storage: KeyValueStorage | null,
  now: number,
  touched = false,
): Promise<Startup> {
  let saved: Saved = storage ? readSaved(storage, now) : { kind: 'none' };
  const mine: BannerAction[] =
    saved.kind === 'none' || saved.id === null
      ? []
      : [{ kind: saved.kind === 'ok' ? 'restore' : 'download', id: saved.id }];
  let linkError: string | null = null;
  if (hasLinkFragment(where.hash)) {
    const r = await decodeFragment(where.hash);
    const applied = r.ok ? applyLab(app, r.value) : r;
    if (r.ok && applied.ok) {
      await flowReplayed(app, r.value);
      return {
        kind: 'link',
        doc: r.value,
        issue: mine.length ? info('share.linkOpened', mine) : null,
      };
    }
    linkError = applied.ok ? 'unknown error' : applied.error;
  }
  const q = new URLSearchParams(where.search);
  if (linkError === null && LAB_PARAMS.some((p) => q.has(p))) {
    const lab = q.get('lab');
    const flow = q.get('flow');
    // The link's flow is sent once the packet walk has arrived (after the first paint).
    if (flow !== null) await walkArrived(app);
    const issue: Issue =
      lab !== null && !findScenario(lab)
        ? { key: 'share.noLab', params: { lab }, tone: 'error', actions: mine }
        : flow !== null && app.getState().flow === null
          ? { key: 'share.noFlow', params: { flow }, tone: 'error', actions: mine }
          : mine.length
            ? info('share.linkOpened', mine)
            : null;
    return { kind: 'query', issue };
  }
  if (saved.kind === 'ok' && touched && linkError === null)
    return { kind: 'default', issue: info('share.storedBeside', mine) };
  if (saved.kind === 'ok') {
    const applied = applyLab(app, saved.doc);
    if (applied.ok) {
      await flowReplayed(app, saved.doc);
      const issue: Issue = linkError
        ? { key: 'share.linkRefusedOwn', params: { reason: linkError }, tone: 'error' }
        : null;
      return { kind: 'stored', doc: saved.doc, issue };
    }
    saved = storage
      ? keepUnreadable(storage, readKey(storage, STORAGE_KEY) ?? '', applied.error, now)
      : saved;
  }
  if (linkError !== null)
    return {
      kind: 'default',
      issue: { key: 'share.linkRefusedDefault', params: { reason: linkError }, tone: 'error' },
    };
  if (saved.kind !== 'unreadable') return { kind: 'default', issue: null };
  const key = heldByNewer(storage) ? 'share.storedNewer' : 'share.storedRefused';
  const actions: BannerAction[] = saved.id ? [{ kind: 'download', id: saved.id }] : [];
  return {
    kind: 'default',
    issue: { key, params: { reason: saved.reason }, tone: 'error', actions },
  };
}
