// The transcript as screen rows: store lines plus the panel's own echoes (^C, completion lists).
import type { TranscriptLine } from '../../store/types';
import { showBidiControls } from './bidi';
import { paintedPieces, type SgrColour } from './sgr';

export type SegmentKind = 'prompt' | 'command' | 'stdout' | 'stderr' | 'signal';

export interface Segment {
  readonly kind: SegmentKind;
  readonly text: string;
  /** The colour a tool asked for with an SGR escape (`ip -c`). */
  readonly colour?: SgrColour;
}

export interface Row {
  readonly key: string;
  /** What the row is, for styling and for screen readers: a typed command, output, or an error. */
  readonly kind: 'prompt' | 'stdout' | 'stderr';
  /** The stream it came on, where it reads as output though written to stderr (a success's notes). */
  readonly stream?: 'stderr';
  readonly segments: readonly Segment[];
}

/** Lines the panel prints itself; they are not in the store's transcript. */
export type EchoLine =
  | {
      readonly kind: 'prompt';
      readonly prompt: string;
      readonly command: string;
      readonly signal?: string;
    }
  | { readonly kind: 'stdout'; readonly text: string };

export interface Echo {
  readonly id: number;
  /** The transcript line it follows (null: before the first); gone with that line on `clear`. */
  readonly after: TranscriptLine | null;
  readonly lines: readonly EchoLine[];
}

/** A tty overwrites with CR: `a\rb` shows `b`; a CR LF line ending is just a line ending. */
export function overstrike(text: string): string {
  if (!text.includes('\r')) return text;
  let shown = '';
  for (const part of text.replace(/\r+$/, '').split('\r')) shown = part + shown.slice(part.length);
  return shown;
}

function echoRows(e: Echo): Row[] {
  return e.lines.map((l, i) => {
    const key = `e${e.id}.${i}`;
    if (l.kind === 'stdout')
      return {
        key,
        kind: 'stdout',
        segments: [{ kind: 'stdout', text: showBidiControls(l.text) }],
      };
    const segments: Segment[] = [
      { kind: 'prompt', text: l.prompt },
      { kind: 'command', text: showBidiControls(l.command) },
    ];
    if (l.signal !== undefined) segments.push({ kind: 'signal', text: l.signal });
    return { key, kind: 'prompt', segments };
  });
}

/**
 * Store lines become rows; an `open` line (no final newline) runs on into the next row, as the
 * next prompt does after `echo -n`. Echoes are placed after the line they follow; `limit` keeps
 * the newest rows only, as a terminal's scrollback does. `offset` (lines the store's bound dropped)
 * keeps each line's key when older lines go, so React keeps its row.
 */
export function toRows(
  lines: readonly TranscriptLine[],
  echoes: readonly Echo[],
  limit = 2000,
  offset = 0,
): { readonly rows: readonly Row[]; readonly open: readonly Segment[] } {
  const after = new Map<TranscriptLine | null, Echo[]>();
  for (const e of echoes) after.set(e.after, [...(after.get(e.after) ?? []), e]);
  const rows: Row[] = [];
  let open: Segment[] = [];
  let openKey = '';
  // A row that follows an open line carries that line's text in front of its own.
  const push = (row: Row) => {
    rows.push(
      open.length === 0 ? row : { ...row, key: openKey, segments: [...open, ...row.segments] },
    );
    open = [];
    openKey = '';
  };
  for (const e of after.get(null) ?? []) echoRows(e).forEach(push);
  lines.forEach((l, i) => {
    const segments: Segment[] =
      l.kind === 'prompt'
        ? [
            { kind: 'prompt', text: l.prompt },
            { kind: 'command', text: showBidiControls(l.command) },
          ]
        : paintedPieces(showBidiControls(overstrike(l.text))).map((p) => ({ kind: l.kind, ...p }));
    if (l.kind !== 'prompt' && l.open) {
      if (open.length === 0) openKey = `t${offset + i}`;
      open = [...open, ...segments];
    } else {
      // A succeeding command's stderr reads as output; only a failure's is marked as an error.
      const info = l.kind === 'stderr' && l.info;
      const key = `t${offset + i}`;
      push(
        info
          ? { key, kind: 'stdout', stream: 'stderr', segments }
          : { key, kind: l.kind, segments },
      );
    }
    for (const e of after.get(l) ?? []) echoRows(e).forEach(push);
  });
  return { rows: rows.length > limit ? rows.slice(rows.length - limit) : rows, open };
}

/** Echoes whose line is still in the transcript (a `clear` drops the rest). */
export function liveEchoes(lines: readonly TranscriptLine[], echoes: readonly Echo[]): Echo[] {
  if (echoes.length === 0) return [];
  const present = new Set<TranscriptLine | null>(lines);
  return echoes.filter((e) => e.after === null || present.has(e.after));
}

export function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.kind === b[i]?.kind && s.text === b[i]?.text && s.colour === b[i]?.colour)
  );
}
