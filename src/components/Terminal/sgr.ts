// A tool's colours (`ip -c`): the SGR escapes `ESC[Nm` it writes are drawn, not shown as text.
// Foreground colours 31–36 and the reset 0 are what the lab's tools write; any other SGR code ends
// the colour, as a reset would. Other bytes pass through untouched.

const ESC = String.fromCharCode(27);
const SGR = new RegExp(`${ESC}\\[([\\d;]*)m`, 'g');

export type SgrColour = 31 | 32 | 33 | 34 | 35 | 36;

export interface Painted {
  readonly text: string;
  readonly colour?: SgrColour;
}

const isColour = (n: number): n is SgrColour => n >= 31 && n <= 36;

/** The text split where its colour changes; empty pieces are dropped. */
export function paintedPieces(text: string): Painted[] {
  if (!text.includes(`${ESC}[`)) return [{ text }];
  const out: Painted[] = [];
  let colour: SgrColour | undefined;
  let from = 0;
  const push = (piece: string) => {
    if (piece !== '') out.push(colour === undefined ? { text: piece } : { text: piece, colour });
  };
  for (const m of text.matchAll(SGR)) {
    push(text.slice(from, m.index));
    from = m.index + m[0].length;
    const last = Number((m[1] ?? '').split(';').pop() || 0);
    colour = isColour(last) ? last : undefined;
  }
  push(text.slice(from));
  return out;
}
