// Turning tools' output chunks into transcript lines (a chunk may hold many lines or half of one).
import type { Chunk } from '../terminal/api';
import type { TranscriptLine } from './types';

export function toTranscriptLines(chunks: readonly Chunk[]): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  for (const c of chunks) {
    if (c.text === '') continue;
    const parts = c.text.split('\n');
    const open = parts.pop() ?? '';
    for (const text of parts) out.push({ kind: c.stream, text });
    if (open !== '') out.push({ kind: c.stream, text: open, open: true });
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
