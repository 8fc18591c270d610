// A command line cut at its unquoted `|`s, as the shell reads a pipeline before splitting words. Pure.

/** The pipeline's commands, or null when the line has no unquoted `|` (one command, as before). */
export function splitPipeline(line: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  let quote: "'" | '"' | null = null;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(chars[i - 1] ?? ''))) break;
    else if (c === '|') {
      parts.push(chars.slice(start, i).join(''));
      start = i + 1;
    }
  }
  if (parts.length === 0) return null;
  parts.push(chars.slice(start).join(''));
  return parts;
}

/** What each shell says about an empty command in a pipeline (`| grep x`, `a | | b`, `a |`). */
export function pipeSyntaxError(trailing: boolean, busybox: boolean): string {
  if (busybox)
    return trailing
      ? 'sh: syntax error: unexpected end of file\n'
      : 'sh: syntax error: unexpected "|"\n';
  return trailing
    ? 'bash: syntax error: unexpected end of file\n'
    : "bash: syntax error near unexpected token `|'\n";
}
