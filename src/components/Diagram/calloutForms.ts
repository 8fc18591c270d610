// The forms the packet's words can take, most to least said, and each one's size at the one font
// size (layout/callout.ts chooses among them; the font never shrinks). Lines never wrap (CSS
// nowrap), so a form's size is known before it is drawn: bold DejaVu Sans Mono advances 0.6 em a
// character, the kind line's spaced capitals about 0.72 of its 0.93 em, a CJK character 1 em.
import type { CalloutSize } from '../../layout/callout';
import type { Ends } from './packetText';

export interface Form {
  /** The kind line: "SYN → request nat". */
  readonly kind: boolean;
  /** all: the ends before the rewrite (if any) and after it; rewrite: only the changed ends, old → new. */
  readonly ends: 'all' | 'rewrite';
  /** Each src → dst line broken after its arrow: half as wide, a line taller. */
  readonly broken: boolean;
}

/** Which ends a rewrite changed (packetText.changedEnds). */
export interface Hot {
  readonly src: boolean;
  readonly dst: boolean;
}

/**
 * Every line (kind line aside), then the forms in order. A NAT hop's last resort says only what the
 * rewrite did (192.0.2.10:8080 → 172.17.0.2:80): one line where the pipeline has room for no more.
 */
export function formsOf(before: Ends | null, hot: Hot): Form[] {
  const forms: Form[] = [
    { kind: true, ends: 'all', broken: false },
    { kind: false, ends: 'all', broken: false },
    { kind: false, ends: 'all', broken: true },
  ];
  if (before && (hot.src || hot.dst))
    forms.push(
      { kind: false, ends: 'rewrite', broken: false },
      { kind: false, ends: 'rewrite', broken: true },
    );
  return forms;
}

const pair = (a: string, b: string, broken: boolean) => (broken ? [`${a} →`, b] : [`${a} → ${b}`]);

/** The ends lines a form draws, as text. */
export function endsLines(f: Form, ends: Ends, before: Ends | null, hot: Hot): string[] {
  if (f.ends === 'rewrite' && before)
    return [
      ...(hot.src ? pair(before.src, ends.src, f.broken) : []),
      ...(hot.dst ? pair(before.dst, ends.dst, f.broken) : []),
    ];
  return [
    ...(before ? pair(before.src, before.dst, f.broken) : []),
    ...pair(ends.src, ends.dst, f.broken),
  ];
}

/** Width of a text in ems: CJK a full em, the rest `em` each (an upper bound for the font). */
const ems = (text: string, em: number): number =>
  Array.from(text).reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 1 : em), 0);

/** A form's box in px: its lines at `font` px, 1.45 apart, in the label's padding and border. */
export function formSize(
  f: Form,
  lines: readonly string[],
  kindText: string,
  dropped: boolean,
  font: number,
  maxW: number,
): CalloutSize {
  const w = Math.max(
    ...lines.map((l) => ems(l, 0.62)),
    f.kind ? ems(kindText, 0.72) * 0.93 : 0,
    // The reason of a drop wraps at this width (two lines of it).
    dropped ? 24 : 0,
  );
  const rows = lines.length + (f.kind ? 1 : 0) + (dropped ? 2 : 0);
  return { w: Math.min(maxW, w * font + 30), h: rows * 1.45 * font + 18 };
}
