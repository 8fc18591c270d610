// Go's text/template grammar, the part docker's --format/-f users write: text, actions with `{{-`
// and `-}}` trimming, pipelines with `|`, parenthesised pipelines, fields after a term
// (`(index $p 0).HostPort`), variables, `range`/`if`/`with` with `else`, and Go's parse errors
// (`template: :1: function "foo" not defined`). Each node keeps its byte offset: Go's execution
// errors name it as `:LINE:COL`. Pure.

export type Term =
  | { readonly kind: 'field'; readonly path: readonly string[] } // `.A.B`; [] is `.`
  | { readonly kind: 'var'; readonly name: string; readonly path: readonly string[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'nil' }
  | { readonly kind: 'func'; readonly name: string }
  | { readonly kind: 'pipe'; readonly pipe: Pipeline; readonly path: readonly string[] };

export interface Operand {
  readonly term: Term;
  readonly pos: number;
  /** The node as Go prints it in an error (`<.NetworkSettings.IPAddress>`). */
  readonly text: string;
}

export interface Command {
  readonly args: readonly Operand[];
  readonly pos: number;
  readonly text: string;
}

export interface Pipeline {
  readonly decl: readonly string[];
  readonly cmds: readonly Command[];
}

export type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly pipe: Pipeline }
  | {
      readonly kind: 'range' | 'if' | 'with';
      readonly pipe: Pipeline;
      readonly body: readonly Node[];
      readonly orElse: readonly Node[];
    };

export class ParseError extends Error {}
/** A construct Go has but the lab does not run: said plainly, not in Go's words. */
export class NotInLab extends Error {}

/** Functions the CLI's templates know: Go's builtins and docker/cli templates.basicFunctions. */
export const FUNCTION_NAMES = new Set([
  ...['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'slice'],
  ...['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'call'],
  ...['json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate'],
]);

const TOKEN =
  /\s+|"(?:[^"\\]|\\.)*"|`[^`]*`|:=|[()|,=]|\$\w*(?:\.\w+)*|(?:\.\w+)+|\.|-?\d+(?:\.\d+)?|[A-Za-z_]\w*(?:\.\w+)*/y;

interface Tok {
  readonly text: string;
  readonly pos: number;
}

function tokens(src: string, base: number): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new ParseError(`unexpected ${JSON.stringify(src[at])} in command`);
    if (!/^\s/.test(m[0])) out.push({ text: m[0], pos: base + at });
  }
  return out;
}

class Cursor {
  i = 0;
  constructor(readonly toks: readonly Tok[]) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  next(): Tok | undefined {
    return this.toks[this.i++];
  }
}

function operand(c: Cursor, end: string | undefined): Operand {
  const t = c.next();
  if (!t) throw new ParseError('missing value for command');
  const s = t.text;
  let term: Term;
  let text = s;
  if (s === '(') {
    const pipe = pipeline(c, ')');
    const close = c.next();
    if (close?.text !== ')') throw new ParseError('unclosed left paren');
    text = `(${pipeText(pipe)})`;
    const after = c.peek();
    let path: string[] = [];
    if (after && /^\.\w/.test(after.text) && after.pos === close.pos + 1) {
      c.next();
      path = after.text.slice(1).split('.');
      text += after.text;
    }
    term = { kind: 'pipe', pipe, path };
  } else if (s.startsWith('"')) term = { kind: 'string', value: JSON.parse(s) as string };
  else if (s.startsWith('`')) term = { kind: 'string', value: s.slice(1, -1) };
  else if (s === '.') term = { kind: 'field', path: [] };
  else if (s.startsWith('.')) term = { kind: 'field', path: s.slice(1).split('.') };
  else if (s.startsWith('$')) {
    const [name = '$', ...path] = s.split('.');
    term = { kind: 'var', name, path };
  } else if (/^-?\d/.test(s)) term = { kind: 'number', value: Number(s), text: s };
  else if (s === 'true' || s === 'false') term = { kind: 'bool', value: s === 'true' };
  else if (s === 'nil') term = { kind: 'nil' };
  else if (/^[A-Za-z_]/.test(s)) {
    if (!FUNCTION_NAMES.has(s)) throw new ParseError(`function "${s}" not defined`);
    term = { kind: 'func', name: s };
  } else
    throw new ParseError(
      `unexpected "${s}" in ${end === ')' ? 'parenthesized pipeline' : 'command'}`,
    );
  return { term, pos: t.pos, text };
}

const cmdText = (cmd: Command): string => cmd.text;
const pipeText = (p: Pipeline): string =>
  (p.decl.length > 0 ? `${p.decl.join(', ')} := ` : '') + p.cmds.map(cmdText).join(' | ');

function pipeline(c: Cursor, end?: string): Pipeline {
  const decl: string[] = [];
  // `$k, $v :=` or `$x :=` before the commands.
  const save = c.i;
  const first = c.peek();
  if (first?.text.startsWith('$') && !first.text.includes('.')) {
    const names = [first.text];
    c.next();
    if (c.peek()?.text === ',') {
      c.next();
      const second = c.next();
      if (second?.text.startsWith('$')) names.push(second.text);
    }
    if (c.peek()?.text === ':=' || c.peek()?.text === '=') {
      c.next();
      decl.push(...names);
    } else c.i = save;
  }
  const cmds: Command[] = [];
  let args: Operand[] = [];
  const flush = () => {
    if (args.length === 0) throw new ParseError('missing command');
    cmds.push({
      args,
      pos: args[0]?.pos ?? 0,
      text: args.map((a) => a.text).join(' '),
    });
    args = [];
  };
  for (let t = c.peek(); t && t.text !== end; t = c.peek()) {
    if (t.text === '|') {
      c.next();
      flush();
    } else args.push(operand(c, end));
  }
  flush();
  return { decl, cmds };
}

/** Splits text from `{{…}}` actions and parses them into a tree; errors as Go words them. */
export function parseTemplate(src: string): Node[] {
  const at = { i: 0 };
  try {
    return parseAll(src, at);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const line = src.slice(0, at.i).split('\n').length;
    throw new ParseError(`template: :${line}: ${e.message}`);
  }
}

function parseAll(src: string, at: { i: number }): Node[] {
  const stack: {
    kind: 'range' | 'if' | 'with' | 'root';
    pipe?: Pipeline;
    body: Node[];
    orElse?: Node[];
    /** Opened by `{{else if …}}`/`{{else with …}}`: its {{end}} closes the enclosing block too. */
    chained?: boolean;
  }[] = [{ kind: 'root', body: [] }];
  const top = () => stack[stack.length - 1] ?? { kind: 'root' as const, body: [] };
  const emit = (n: Node) => {
    const t = top();
    (t.orElse ?? t.body).push(n);
  };
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (open < 0) {
      if (text) emit({ kind: 'text', text });
      break;
    }
    at.i = open;
    const close = src.indexOf('}}', open);
    if (close < 0) throw new ParseError('unclosed action');
    let start = open + 2;
    let end = close;
    if (src.startsWith('- ', start)) {
      text = text.trimEnd();
      start += 1;
    }
    let next = close + 2;
    if (src[close - 1] === '-' && /\s/.test(src[close - 2] ?? '')) {
      end -= 1;
      while (/\s/.test(src[next] ?? '')) next++;
    }
    if (text) emit({ kind: 'text', text });
    i = next;
    const body = src.slice(start, end);
    const lead = /^\s*/.exec(body)?.[0].length ?? 0;
    const word = /^\s*(\w+)/.exec(body)?.[1];
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) {
      // {{/* a comment */}}
    } else if (word === 'end') {
      for (let chained = true; chained;) {
        const done = stack.pop();
        if (!done || done.kind === 'root' || !done.pipe) throw new ParseError('unexpected {{end}}');
        emit({ kind: done.kind, pipe: done.pipe, body: done.body, orElse: done.orElse ?? [] });
        chained = done.chained === true;
      }
    } else if (word === 'else') {
      const t = top();
      if (t.kind === 'root' || t.orElse) throw new ParseError('unexpected {{else}}');
      t.orElse = [];
      // `{{else if X}}` is `{{else}}{{if X}}…{{end}}{{end}}` with one {{end}} (Go's parser).
      const rest = body.slice(lead + word.length);
      const next = /^\s*(if|with)\b/.exec(rest);
      if (next?.[1] === 'if' || next?.[1] === 'with') {
        const skip = lead + word.length + next[0].length;
        const c = new Cursor(tokens(body.slice(skip), start + skip));
        stack.push({ kind: next[1], pipe: pipeline(c), body: [], chained: true });
      } else if (rest.trim() !== '') throw new ParseError(`unexpected "${rest.trim()}" in else`);
    } else if (word === 'range' || word === 'if' || word === 'with') {
      const c = new Cursor(tokens(body.slice(lead + word.length), start + lead + word.length));
      stack.push({ kind: word, pipe: pipeline(c), body: [] });
    } else if (
      word === 'define' ||
      word === 'template' ||
      word === 'block' ||
      word === 'break' ||
      word === 'continue'
    ) {
      throw new NotInLab(`{{${word}}}`);
    } else {
      const c = new Cursor(tokens(body, start));
      if (c.toks.length === 0) throw new ParseError('missing value for command');
      emit({ kind: 'action', pipe: pipeline(c) });
    }
  }
  if (stack.length > 1) throw new ParseError('unexpected EOF');
  return top().body;
}
