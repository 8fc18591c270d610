// What keeps the lab in the browser, started once the share code has loaded: the lab opened from a
// link or the autosave (with its lesson and language), then an autosave of every change into the
// lab's slot and into this visit's entry of Recent labs. Framed by any page, it writes nothing.
import type { Lang } from '../../i18n/locale';
import { encodeFile } from '../../share';
import { hasLinkFragment } from '../../share/link';
import { hasLessonFragment } from '../../teacher/link';
import type { AppStore, LabState } from '../../store';
import { keepLab } from '../../store/history';
import { labOf, startAutosave, type Autosave } from '../../store/persist';
import { browserStorage, STORAGE_KEY, type KeyValueStorage } from '../../store/storage';
import { applyExtras, labExtras } from './extras';
import { framing } from './framed';
import { setKeeping, type Keeping } from './keeper';
import { heldByNewer, LAB_PARAMS, openAtStart } from './startup';
import { watchOtherTabs } from './tabs';

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

/** A page visit's id: its autosaves update one entry of Recent labs. */
const visitId = () => Math.floor(Math.random() * 36 ** 8).toString(36);

/**
 * The autosave's writer: the lab's slot (unless a newer app's lab sits there: that is never
 * overwritten) and this visit's entry in Recent labs. Throws when neither could be stored.
 */
function writer(app: AppStore, storage: KeyValueStorage, visit: { id: string }) {
  return (text: string) => {
    let stored = false;
    if (!heldByNewer(storage)) {
      storage.setItem(STORAGE_KEY, text);
      stored = true;
    }
    const containers = app.getState().world.containers.length;
    const input = {
      text,
      origin: 'autosave',
      containers,
      at: Date.now(),
      session: visit.id,
    } as const;
    const kept = keepLab(storage, input);
    if (kept) app.getState().bumpRecent();
    else if (!stored) throw new Error('not stored');
  };
}

/** Drops ?lab=/?flow=/… once the user changes the lab they chose, so a reload opens their work. */
function adoptQuery(): void {
  const url = new URL(window.location.href);
  for (const p of LAB_PARAMS) url.searchParams.delete(p);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

/** `opened` is the store as the page first showed it: a change made since is saved at once. */
export function startSession(app: AppStore, bridge: LangBridge, opened: LabState): Session {
  let auto: Autosave | null = null;
  let unwatchTabs = () => {};
  let unadopted = () => {};
  let stopped = false;
  const framed = framing() !== 'top';
  // Framed, the lab is shown but never read from nor written to this browser's storage.
  const storage = framed ? null : browserStorage();
  const visit = { id: visitId() };
  const { showIssue, showError, bumpRecent } = app.getState();
  const extras = labExtras(app, bridge.lang);
  const where = { hash: window.location.hash, search: window.location.search };
  void openAtStart(app, where, storage, Date.now(), changed(opened, app.getState())).then(
    async (start) => {
      if (stopped) return;
      if (hasLinkFragment(where.hash) && !framed) {
        // The link has been read: drop it, so a reload opens the autosave (with later changes).
        history.replaceState(history.state, '', window.location.pathname + window.location.search);
      }
      if (start.kind === 'link' || start.kind === 'stored')
        await applyExtras(app, start.doc, start.kind === 'link' ? bridge.setLang : null);
      if (framed) showIssue({ key: 'share.framed', tone: 'info' });
      else if (start.issue) showIssue(start.issue);
      // A teacher's lesson (#lesson=) plays over the lab just opened, once that lab can be kept.
      // Once it plays, the link is dropped (as a #lab= link is): a reload opens the autosave, which
      // carries the lesson and the student's step in it, instead of the lesson from its start.
      const lesson = () => {
        if (!hasLessonFragment(where.hash)) return;
        void import('../Teacher/open')
          .then((m) => m.openLessonLink(app, where.hash))
          .then((opened) => {
            if (opened && storage && !framed && window.location.hash === where.hash)
              history.replaceState(
                history.state,
                '',
                window.location.pathname + window.location.search,
              );
          });
      };
      if (!storage || stopped) return lesson();
      auto = startAutosave(app, storage, {
        extras,
        onError: (reason) => showError('share.autosaveOff', { reason }),
        write: writer(app, storage, visit),
      });
      const keep: Keeping = {
        keepShown: (origin) => {
          auto?.flush();
          const text = encodeFile(labOf(app, extras));
          const containers = app.getState().world.containers.length;
          const list = keepLab(storage, { text, origin, containers, at: Date.now() });
          bumpRecent();
          // What opens next is a new piece of work: its autosaves start a new entry.
          visit.id = visitId();
          return list?.[0]?.id ?? null;
        },
      };
      setKeeping(keep);
      lesson();
      unwatchTabs = watchOtherTabs(app, storage);
      if (start.kind === 'link' || (start.kind === 'default' && changed(opened, app.getState())))
        auto.schedule();
      if (start.kind === 'query') {
        unadopted = app.subscribe((s, prev) => {
          if (!changed(s, prev)) return;
          unadopted();
          adoptQuery();
        });
      }
    },
  );
  // A lesson step is kept too (the lesson slice lives in the app store, beside the world).
  const unwatch = app.subscribe((s, prev) => {
    if (s.lesson !== prev.lesson || s.challenge !== prev.challenge) auto?.schedule();
  });
  const flush = () => auto?.flush();
  window.addEventListener('pagehide', flush);
  // A teacher's lesson file dropped on the page plays (components/Teacher).
  let undrop = () => {};
  void import('../Teacher/drop').then((m) => {
    if (!stopped) undrop = m.listenForLessonDrops(app);
  });
  return {
    langChanged: () => auto?.schedule(),
    stop: () => {
      stopped = true;
      unwatch();
      undrop();
      unwatchTabs();
      unadopted();
      setKeeping(null);
      window.removeEventListener('pagehide', flush);
      auto?.flush();
      auto?.stop();
      auto = null;
    },
  };
}
