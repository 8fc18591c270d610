// Turning tools' output chunks into transcript lines (a chunk may hold many lines or half of one).
import type { Chunk } from '../terminal/api';
import type { TranscriptLine } from './types';

/**
 * The transcript keeps the newest 5,000 lines, as a terminal's scrollback does (xterm keeps 1,024 by
 * default, VTE 10,000; Windows Terminal 9,001): enough to scroll back through any lesson, while a
 * session of any length holds at most ~2.5 MB of lines (~0.5 KB each) instead of growing forever.
 */
export const SCROLLBACK = 5000;

/** Appends lines, dropping the oldest past SCROLLBACK; `offset` counts the lines dropped so far. */
export function appendBounded(
  lines: readonly TranscriptLine[],
  offset: number,
  added: readonly TranscriptLine[],
): { transcript: readonly TranscriptLine[]; transcriptOffset: number } {
  const all = lines.concat(added);
  const over = all.length - SCROLLBACK;
  if (over <= 0) return { transcript: all, transcriptOffset: offset };
  return { transcript: all.slice(over), transcriptOffset: offset + over };
}

/** `exit`: the command's status; stderr of a command that succeeded is marked `info`. */
export function toTranscriptLines(chunks: readonly Chunk[], exit = 1): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  const info = exit === 0 ? ({ info: true } as const) : {};
  for (const c of chunks) {
    if (c.text === '') continue;
    const parts = c.text.split('\n');
    const open = parts.pop() ?? '';
    const mark = c.stream === 'stderr' ? info : {};
    for (const text of parts) out.push({ kind: c.stream, text, ...mark });
    if (open !== '') out.push({ kind: c.stream, text: open, open: true, ...mark });
  }
  return out;
}

/** The transcript as a terminal shows it: prompts with their commands, output lines, LF endings. */
export function renderTranscript(lines: readonly TranscriptLine[]): string {
  let s = '';
  for (const l of lines) {
    if (l.kind === 'prompt') s += `${l.prompt}${l.command}\n`;
    else s += l.open ? l.text : `${l.text}\n`;
  }
  return s;
}
