// Recent labs: a short history of labs this browser kept, so nothing a link, a file, another tab or
// a broken save does can lose work. Each lab's text sits under its own key (an autosave rewrites one
// entry, not the whole history); a small index lists them newest first. Bounded by count and size.
import { HISTORY_KEY, readKey, type KeyValueStorage } from './storage';

/** Why a lab is in the history. */
export type KeptOrigin =
  /** Saved as the user worked (one entry per page visit, a new one every SNAPSHOT_MS). */
  | 'autosave'
  /** The lab on screen (or saved) when a link opened another one. */
  | 'before-link'
  /** The lab on screen when a file was opened. */
  | 'before-file'
  /** The lab on screen when an earlier lab was opened from this list. */
  | 'before-restore'
  /** A saved lab this app could not open (corrupt, or from a newer version): kept as it was. */
  | 'unreadable';

export interface KeptLab {
  readonly id: string;
  /** When it was kept (ms since the epoch). */
  readonly at: number;
  readonly origin: KeptOrigin;
  /** Containers in it; null when the lab could not be read. */
  readonly containers: number | null;
  readonly chars: number;
  /** A hash of the text, so a duplicate is found without reading every entry. */
  readonly hash: string;
  /** The page visit whose autosaves this entry follows, and when its entry began. */
  readonly session?: string;
  readonly since?: number;
  /** Why it could not be opened (for 'unreadable'). */
  readonly reason?: string;
}

export interface KeepInput {
  readonly text: string;
  readonly origin: KeptOrigin;
  readonly containers: number | null;
  readonly at: number;
  readonly session?: string;
  readonly reason?: string;
}

export const HISTORY_VERSION = 1;
export const LIMITS = {
  /** At most this many labs kept. */
  entries: 10,
  /** Characters of lab text in all (localStorage holds ~5 M characters per site; the lab's own slot and other keys need room). */
  chars: 2_000_000,
  /** An autosave starts a new entry when its page's entry is older than this. */
  snapshotMs: 5 * 60_000,
} as const;

const textKey = (id: string) => `${HISTORY_KEY}:${id}`;

/** FNV-1a over UTF-16 units, with the length: equal texts always match, a match is then checked. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}.${text.length.toString(36)}`;
}

const ORIGINS: ReadonlySet<string> = new Set<KeptOrigin>([
  'autosave',
  'before-link',
  'before-file',
  'before-restore',
  'unreadable',
]);

/** One index row as stored, or null if it is not one (the index is checked like any stored text). */
function entryOf(v: unknown): KeptLab | null {
  if (typeof v !== 'object' || v === null) return null;
  const e = v as { [k: string]: unknown };
  const ok =
    typeof e['id'] === 'string' &&
    /^[a-z0-9]{1,32}$/.test(e['id']) &&
    typeof e['at'] === 'number' &&
    typeof e['origin'] === 'string' &&
    ORIGINS.has(e['origin']) &&
    (e['containers'] === null || typeof e['containers'] === 'number') &&
    typeof e['chars'] === 'number' &&
    typeof e['hash'] === 'string';
  return ok ? (v as KeptLab) : null;
}

interface Index {
  /** False when a newer app wrote the history: it is read, never rewritten. */
  readonly writable: boolean;
  readonly entries: readonly KeptLab[];
}

function readIndex(storage: KeyValueStorage): Index {
  const text = readKey(storage, HISTORY_KEY);
  if (text === null) return { writable: true, entries: [] };
  try {
    const raw = JSON.parse(text) as { v?: unknown; entries?: unknown };
    const newer = typeof raw.v === 'number' && raw.v > HISTORY_VERSION;
    const rows = Array.isArray(raw.entries) ? raw.entries : [];
    const entries = rows.map(entryOf).filter((e): e is KeptLab => e !== null);
    return { writable: !newer, entries };
  } catch {
    return { writable: true, entries: [] };
  }
}

/** The kept labs, newest first. */
export function readHistory(storage: KeyValueStorage): readonly KeptLab[] {
  return readIndex(storage).entries;
}

/** A kept lab's text, or null when it is gone (another tab pruned it, or the browser cleared it). */
export function keptText(storage: KeyValueStorage, id: string): string | null {
  return readKey(storage, textKey(id));
}

/** Drops the oldest entries past the bounds; the newest is always kept. Unreadable labs go last. */
function bounded(entries: readonly KeptLab[]): KeptLab[] {
  const out = [...entries];
  const total = () => out.reduce((n, e) => n + e.chars, 0);
  while (out.length > 1 && (out.length > LIMITS.entries || total() > LIMITS.chars)) {
    let drop = -1;
    for (let i = out.length - 1; i > 0 && drop < 0; i--)
      if (out[i]!.origin !== 'unreadable') drop = i;
    out.splice(drop < 0 ? out.length - 1 : drop, 1);
  }
  return out;
}

/** Unique enough across tabs: the time and a random tail. */
const newId = (at: number) =>
  `${at.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;

/**
 * Keeps a lab on top of the history and returns the new list, or null when the browser refused to
 * store it (or a newer app owns the history). A copy of the same text elsewhere in the list is
 * dropped (the newest copy stays); an autosave with `session` updates its page's own entry while
 * that entry is younger than SNAPSHOT_MS. With `ifAbsent`, a text already kept is left where it is.
 */
export function keepLab(
  storage: KeyValueStorage,
  input: KeepInput,
  opts: { readonly ifAbsent?: boolean } = {},
): readonly KeptLab[] | null {
  const index = readIndex(storage);
  if (!index.writable) return null;
  const hash = textHash(input.text);
  const same = (e: KeptLab) => e.hash === hash && keptText(storage, e.id) === input.text;
  if (opts.ifAbsent && index.entries.some(same)) return index.entries;
  const own = input.session
    ? index.entries.find(
        (e) => e.session === input.session && input.at - (e.since ?? e.at) < LIMITS.snapshotMs,
      )
    : undefined;
  const entry: KeptLab = {
    id: own?.id ?? newId(input.at),
    at: input.at,
    origin: input.origin,
    containers: input.containers,
    chars: input.text.length,
    hash,
    ...(input.session ? { session: input.session, since: own?.since ?? own?.at ?? input.at } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
  };
  const rest = index.entries.filter((e) => e.id !== entry.id && !same(e));
  let list = bounded([entry, ...rest]);
  // The browser's quota: drop the oldest until the text fits (the new lab matters most). If even
  // the new lab alone does not fit, the dropped ones are put back: a failed save loses nothing.
  const dropped: [string, string][] = [];
  for (;;) {
    try {
      storage.setItem(textKey(entry.id), input.text);
      break;
    } catch {
      const last = list.length > 1 ? list[list.length - 1]! : null;
      const lastText = last ? keptText(storage, last.id) : null;
      if (!last || lastText === null) {
        for (const [id, text] of dropped) storage.setItem(textKey(id), text);
        return null;
      }
      dropped.push([last.id, lastText]);
      storage.removeItem(textKey(last.id));
      list = list.slice(0, -1);
    }
  }
  removeText(storage, index.entries, list);
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify({ v: HISTORY_VERSION, entries: list }));
  } catch {
    return null;
  }
  return list;
}

/** Removes the texts of entries that left the list. */
function removeText(
  storage: KeyValueStorage,
  before: readonly KeptLab[],
  after: readonly KeptLab[],
): void {
  const kept = new Set(after.map((e) => e.id));
  for (const e of before)
    if (!kept.has(e.id))
      try {
        storage.removeItem(textKey(e.id));
      } catch {
        // A storage that refuses to remove will refuse to add too: keepLab says so.
      }
}
