// Bidirectional controls in what a user typed or a tool echoed are shown, not obeyed: a terminal
// draws its cells in the order they arrive, so `echo a<U+202E>bc` never reads as "acb". Shown as
// less(1) shows a format character it will not render, `<U+202E>`; the store keeps the real text.

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function showBidiControls(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}>`,
  );
}
