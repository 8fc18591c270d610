// The shell's word splitting: blanks, 'single' and "double" quotes, backslash escapes, # comments. Pure.

export type ParsedLine =
  | { readonly ok: true; readonly words: readonly string[] }
  | { readonly ok: false; readonly quote: "'" | '"' };

/** Splits a command line into words as bash does (no expansions, pipes or continuations). */
export function splitWords(line: string): ParsedLine {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const chars = Array.from(line);
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '\\') {
      // A trailing backslash would ask for a continuation line; take it literally instead.
      word += chars[i + 1] ?? '\\';
      inWord = true;
      i += 2;
    } else if (c === "'") {
      const end = chars.indexOf("'", i + 1);
      if (end < 0) return { ok: false, quote: "'" };
      word += chars.slice(i + 1, end).join('');
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        const d = chars[i];
        if (d === undefined) return { ok: false, quote: '"' };
        if (d === '"') break;
        const next = chars[i + 1];
        if (d === '\\' && next !== undefined && '"\\$`'.includes(next)) {
          word += next;
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** What each shell prints when a quote is never closed. */
export function unterminatedQuote(quote: "'" | '"', busybox: boolean): string {
  return busybox
    ? 'sh: syntax error: unterminated quoted string\n'
    : `bash: unexpected EOF while looking for matching \`${quote}'\n`;
}
