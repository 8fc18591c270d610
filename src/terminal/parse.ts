// The shell's word splitting: blanks, 'single' and "double" quotes, backslash escapes, # comments,
// and the redirections `[N]>`, `[N]>>`, `[N]>&M`, `&>`, `<` (redirect.ts applies them). Pure.

/** One redirection as written: `2>/dev/null` is { fd: 2, op: '>', target: '/dev/null' }. */
export interface Redirect {
  readonly fd: number;
  readonly op: '>' | '>>' | '>&' | '&>' | '<';
  readonly target: string;
}

export type ParsedLine =
  | {
      readonly ok: true;
      readonly words: readonly string[];
      /** Only when the line has any, in the order written (bash applies them left to right). */
      readonly redirects?: readonly Redirect[];
    }
  | { readonly ok: false; readonly quote: "'" | '"' }
  | { readonly ok: false; readonly quote: null; readonly token: string };

/** Splits a command line into words as bash does (no expansions, pipes or continuations). */
export function splitWords(line: string): ParsedLine {
  const words: string[] = [];
  const redirects: Redirect[] = [];
  // A redirection operator read, waiting for its target (the next word).
  let pending: Omit<Redirect, 'target'> | null = null;
  let word = '';
  let inWord = false;
  // Whether the word so far is only unquoted digits: `2>` names a descriptor, `'2'>` does not.
  let bare = true;
  let i = 0;
  const chars = Array.from(line);
  const endWord = () => {
    if (inWord) {
      if (pending) redirects.push({ ...pending, target: word });
      else words.push(word);
      pending = null;
    }
    word = '';
    inWord = false;
    bare = true;
  };
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
    } else if (c === '>' || c === '<' || (c === '&' && chars[i + 1] === '>')) {
      // An operator ends the word before it, unless that word is a bare descriptor number.
      const fd = inWord && bare && /^\d+$/.test(word) ? Number(word) : null;
      if (fd === null) endWord();
      if (pending) return { ok: false, quote: null, token: c === '&' ? '&>' : c };
      word = '';
      inWord = false;
      bare = true;
      const next = chars[i + 1];
      if (c === '<') {
        pending = { fd: fd ?? 0, op: '<' };
        i++;
      } else if (c === '&') {
        pending = { fd: 1, op: '&>' };
        i += chars[i + 2] === '>' ? 3 : 2;
      } else if (next === '>') {
        pending = { fd: fd ?? 1, op: '>>' };
        i += 2;
      } else if (next === '&') {
        pending = { fd: fd ?? 1, op: '>&' };
        i += 2;
      } else {
        pending = { fd: fd ?? 1, op: '>' };
        i++;
      }
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '\\') {
      // A trailing backslash would ask for a continuation line; take it literally instead.
      word += chars[i + 1] ?? '\\';
      inWord = true;
      bare = false;
      i += 2;
    } else if (c === "'") {
      const end = chars.indexOf("'", i + 1);
      if (end < 0) return { ok: false, quote: "'" };
      word += chars.slice(i + 1, end).join('');
      inWord = true;
      bare = false;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      bare = false;
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
  endWord();
  if (pending) return { ok: false, quote: null, token: 'newline' };
  return redirects.length > 0 ? { ok: true, words, redirects } : { ok: true, words };
}

/** What each shell prints for a redirection with no target (`echo >`, `echo > > x`). */
export function unexpectedToken(token: string, busybox: boolean): string {
  if (busybox)
    return token === 'newline'
      ? 'sh: syntax error: unexpected end of file\n'
      : `sh: syntax error: unexpected "${token}"\n`;
  return `bash: syntax error near unexpected token \`${token}'\n`;
}

/** What each shell prints when a quote is never closed. */
export function unterminatedQuote(quote: "'" | '"', busybox: boolean): string {
  return busybox
    ? 'sh: syntax error: unterminated quoted string\n'
    : `bash: unexpected EOF while looking for matching \`${quote}'\n`;
}
