// What keeps the lab in the browser, started once the share code has loaded: the lab opened from a
// link or the autosave (with its lesson and language), then an autosave of every change.
import type { Lang } from '../../i18n/locale';
import { hasLinkFragment } from '../../share/link';
import type { AppStore, LabState } from '../../store';
import { browserStorage, startAutosave, type Autosave } from '../../store/persist';
import { showIssue } from './banner';
import { applyExtras, labExtras } from './extras';
import { openAtStart } from './startup';

/** The UI store's language as the session reads and (for a link's lab) sets it. */
export interface LangBridge {
  lang(): Lang;
  setLang(lang: Lang): void;
}

export interface Session {
  /** The language changed: it is part of the saved lab too. */
  langChanged(): void;
  /** Saves what is pending and stops saving. */
  stop(): void;
}

/** True when what the autosave watches changed between two states of the store. */
const changed = (a: LabState, b: LabState): boolean =>
  a.world !== b.world || a.packets !== b.packets || a.cursor !== b.cursor || a.lesson !== b.lesson;

/** `opened` is the store as the page first showed it: a change made since is saved at once. */
export function startSession(app: AppStore, bridge: LangBridge, opened: LabState): Session {
  let auto: Autosave | null = null;
  let stopped = false;
  const storage = browserStorage();
  const where = { hash: window.location.hash, search: window.location.search };
  void openAtStart(app, where, storage).then(async (start) => {
    if (stopped) return;
    if (hasLinkFragment(where.hash)) {
      // The link has been read: drop it, so a reload opens the autosave (with later changes).
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
    }
    if (start.kind === 'link' || start.kind === 'stored')
      await applyExtras(app, start.doc, start.kind === 'link' ? bridge.setLang : null);
    if (start.kind === 'refused') showIssue(start.text, start.offerBackup);
    if (!storage || stopped) return;
    auto = startAutosave(app, storage, {
      extras: labExtras(app, bridge.lang),
      onError: (m) => showIssue(`Autosave is off: ${m}.`),
    });
    if (start.kind === 'link' || (start.kind === 'default' && changed(opened, app.getState())))
      auto.schedule();
  });
  // A lesson step is kept too (the lesson slice lives in the app store, beside the world).
  const unwatch = app.subscribe((s, prev) => {
    if (s.lesson !== prev.lesson) auto?.schedule();
  });
  const flush = () => auto?.flush();
  window.addEventListener('pagehide', flush);
  return {
    langChanged: () => auto?.schedule(),
    stop: () => {
      stopped = true;
      unwatch();
      window.removeEventListener('pagehide', flush);
      auto?.flush();
      auto?.stop();
      auto = null;
    },
  };
}
