// Keeps the lab: the store as a shareable lab document, a document applied back, and the autosave.
// Glue only: encoding and validation live in src/share; this file never parses untrusted text itself.
import type { StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n/locale';
import { decodeFile, encodeFile, type Cursor, type LabDocument, type ParseResult } from '../share';
import type { World } from '../sim';
import { flowOriginOf } from './flow-origin';
import { selectTimeline } from './selectors';
import { showingOnly } from './showing';
import { readKey, STORAGE_KEY, type KeyValueStorage } from './storage';
import type { AppState } from './types';

export { STORAGE_KEY, browserStorage, type KeyValueStorage } from './storage';

type Store = StoreApi<AppState>;
export type LabContent = Omit<LabDocument, 'format' | 'version'>;
export type LessonAt = NonNullable<LabDocument['lesson']>;
export type ChallengeAt = NonNullable<LabDocument['challenge']>;
export type TeacherAt = NonNullable<LabDocument['teacher']>;

/** What a lab carries that the app store does not own (the lesson on screen, the language). */
export interface LabExtras {
  readonly lesson?: () => LessonAt | null;
  readonly challenge?: () => ChallengeAt | null;
  /** A teacher's lesson on screen, carried whole (no catalogue knows it) with the step reached. */
  readonly teacher?: () => TeacherAt | null;
  readonly lang?: () => Lang | null;
}

/** What time passing changes: the clock, conntrack's expiries, neighbours' unanswered probes. */
const AGED: ReadonlySet<keyof World> = new Set(['clock', 'conntrack', 'neigh']);

/** True when `b` is `a` with only time gone by (the terminal ages the clock by a second a line). */
function onlyTimePassed(a: World, b: World): boolean {
  return (Object.keys(a) as (keyof World)[]).every((k) => AGED.has(k) || a[k] === b[k]);
}

export function cursorOf(s: Pick<AppState, 'packets' | 'cursor'>): Cursor | undefined {
  const e = selectTimeline(s)[s.cursor];
  return e ? { packet: e.packetIndex, hop: e.hopIndex } : undefined;
}

/** The flat timeline index of a document's cursor; the nearest earlier hop if the walk is shorter. */
export function indexOfCursor(s: Pick<AppState, 'packets'>, c: Cursor): number {
  const t = selectTimeline(s);
  let best = 0;
  for (const e of t) {
    if (e.packetIndex > c.packet || (e.packetIndex === c.packet && e.hopIndex > c.hop)) break;
    best = e.index;
  }
  return best;
}

/**
 * The lab as a document. With a flow on screen the world is the one the flow started from, so
 * opening the link replays the very same hops; if the lab was changed since (a container run
 * after the flow), the changed world is kept and the flow replays in it.
 */
export function labOf(store: Store, extras: LabExtras = {}): LabContent {
  const s = store.getState();
  const lesson = extras.lesson?.() ?? null;
  const lang = extras.lang?.() ?? null;
  const challenge = extras.challenge?.() ?? null;
  const teacher = extras.teacher?.() ?? null;
  const tail = {
    ...(lesson ? { lesson } : {}),
    ...(teacher ? { teacher } : {}),
    ...(challenge ? { challenge } : {}),
    ...(lang ? { lang } : {}),
  };
  if (!s.flow) return { world: s.world, ...tail };
  const o = flowOriginOf(store);
  const replayable = o !== undefined && o.packets === s.packets && onlyTimePassed(o.after, s.world);
  const cursor = cursorOf(s);
  return {
    world: replayable ? o.before : s.world,
    flow: s.flow,
    ...(cursor ? { cursor } : {}),
    ...tail,
  };
}

/** Makes the store show a document's lab: its world, its flow replayed, the same hop. All or nothing. */
export function applyLab(store: Store, doc: LabContent): ParseResult<null> {
  const before = store.getState();
  try {
    store.setState(showingOnly(doc.world));
    const cursor = doc.cursor;
    // Before the walk has arrived (a saved lab opened at boot) the flow is replayed when it does.
    if (doc.flow)
      store.getState().sendFlow(doc.flow, () => {
        if (cursor) store.getState().seek(indexOfCursor(store.getState(), cursor));
      });
    return { ok: true, value: null };
  } catch {
    store.setState(before, true);
    return { ok: false, error: 'the lab could not be replayed' };
  }
}

/** The stored lab checked by the same parser as links and files; null when nothing is stored. */
export function readStored(
  storage: KeyValueStorage,
  key: string = STORAGE_KEY,
): ParseResult<LabDocument> | null {
  const text = readKey(storage, key);
  return text === null ? null : decodeFile(text);
}

/**
 * The document version a saved text claims, read from its head without parsing the rest (the app
 * writes `format` and `version` first): null when it claims none. A newer app's lab is never
 * overwritten by this one.
 */
export function claimedVersion(text: string): number | null {
  const m = /^\s*\{\s*"format"\s*:\s*"docker-network-lab"\s*,\s*"version"\s*:\s*(\d{1,9})\b/.exec(
    text.slice(0, 200),
  );
  return m ? Number(m[1]) : null;
}

export interface Autosave {
  /** Saves now if a save is pending. */
  flush(): void;
  /** Asks for a save after the delay (for state kept outside the store: lesson, language). */
  schedule(): void;
  stop(): void;
}

/** Runs `task` when the browser is idle (within a second); at once where there is no such thing. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
  else task();
}

/** Saves the lab after each change to world, flow or hop, at most once per `delayMs`. */
export function startAutosave(
  store: Store,
  storage: KeyValueStorage,
  opts: {
    delayMs?: number;
    extras?: LabExtras;
    onError?: (message: string) => void;
    /** Where the text goes (throws when refused); the lab's own slot by default. */
    write?: (text: string) => void;
  } = {},
): Autosave {
  const write = opts.write ?? ((text: string) => storage.setItem(STORAGE_KEY, text));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  let failed = false;
  const save = () => {
    if (!pending) return;
    pending = false;
    timer = null;
    try {
      write(encodeFile(labOf(store, opts.extras)));
      failed = false;
    } catch {
      // Quota or a refused storage: say so once, keep working without it.
      if (!failed)
        opts.onError?.('the lab could not be saved in this browser (storage is full or blocked)');
      failed = true;
    }
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    // Encoding a big lab takes a frame's worth of time: after the delay, wait for an idle moment.
    timer = setTimeout(() => whenIdle(save), opts.delayMs ?? 500);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.world !== prev.world || s.packets !== prev.packets || s.cursor !== prev.cursor)
      schedule();
  });
  return {
    flush: () => {
      if (timer !== null) clearTimeout(timer);
      save();
    },
    schedule,
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}
