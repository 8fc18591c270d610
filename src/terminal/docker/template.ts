// A small part of Go's text/template, as `docker inspect -f` runs it: the CLI falls back to the
// object decoded from JSON (cli/command/inspect/inspector.go, tryRawInspectFallback), so fields are
// map keys (a missing one prints `<no value>`), numbers are float64 and maps range in key order.
// Supported: field paths on `.` and `$var`, `range [$k, $v :=] PIPE … end`, pipes `|`, and the
// functions json, index, join, upper, lower, len, printf (%s %v %d). Anything else says so. Pure.

type Value = unknown;

export type TemplateResult = { ok: true; text: string } | { ok: false; error: string };

interface Scope {
  readonly dot: Value;
  readonly vars: ReadonlyMap<string, Value>;
}

class Unsupported extends Error {}

const isMap = (v: Value): v is Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's fmt %v of a value decoded from JSON. */
export function goPrint(v: Value): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goPrint(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** Splits `{{…}}` actions from text; `{{-`/`-}}` trim the spaces beside them, as Go does. */
function lex(src: string): (string | { action: string })[] {
  const out: (string | { action: string })[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push(src.slice(i));
      break;
    }
    const close = src.indexOf('}}', open);
    if (close < 0) throw new Unsupported('unclosed action');
    let text = src.slice(i, open);
    let body = src.slice(open + 2, close);
    if (body.startsWith('- ')) {
      text = text.trimEnd();
      body = body.slice(1);
    }
    out.push(text);
    let next = close + 2;
    if (body.endsWith(' -')) {
      body = body.slice(0, -1);
      while (/\s/.test(src[next] ?? '')) next++;
    }
    out.push({ action: body.trim() });
    i = next;
  }
  return out;
}

/** Words of a pipeline: quoted strings stay whole. */
const words = (s: string): string[] => s.match(/"(?:[^"\\]|\\.)*"|[^\s]+/g) ?? [];

function field(v: Value, path: string[]): Value {
  let cur = v;
  for (const k of path) {
    if (k === '') continue;
    if (!isMap(cur)) return undefined;
    cur = Object.hasOwn(cur, k) ? cur[k] : undefined;
  }
  return cur;
}

function arg(w: string, s: Scope): Value {
  if (w.startsWith('"')) return JSON.parse(w) as string;
  if (/^-?\d+$/.test(w)) return Number(w);
  if (w === '.') return s.dot;
  if (w.startsWith('.')) return field(s.dot, w.slice(1).split('.'));
  if (w.startsWith('$')) {
    const [name = '', ...path] = w.split('.');
    const base = name === '$' ? s.vars.get('$') : s.vars.get(name);
    return field(base, path);
  }
  throw new Unsupported(`"${w}"`);
}

function printf(format: string, args: Value[]): string {
  let n = 0;
  return format.replace(/%[svd%]/g, (m) => (m === '%%' ? '%' : goPrint(args[n++])));
}

const FUNCS: { readonly [name: string]: (args: Value[]) => Value } = {
  // The typed struct's order (the daemon's, which the inspected object keeps) and Go's escaping.
  json: ([v]) =>
    JSON.stringify(v ?? null)
      .replaceAll('<', '\\u003c')
      .replaceAll('>', '\\u003e')
      .replaceAll('&', '\\u0026'),
  index: ([v, ...keys]) =>
    keys.reduce<Value>(
      (cur, k) =>
        isMap(cur) || Array.isArray(cur) ? (cur as Record<string, Value>)[String(k)] : undefined,
      v,
    ),
  join: ([v, sep]) => (Array.isArray(v) ? v.map(goPrint).join(String(sep)) : goPrint(v)),
  upper: ([v]) => goPrint(v).toUpperCase(),
  lower: ([v]) => goPrint(v).toLowerCase(),
  len: ([v]) =>
    Array.isArray(v) ? v.length : isMap(v) ? Object.keys(v).length : goPrint(v).length,
  printf: ([f, ...rest]) => printf(String(f), rest),
};

function command(ws: string[], s: Scope, piped: Value[]): Value {
  const [head = '', ...rest] = ws;
  const fn = Object.hasOwn(FUNCS, head) ? FUNCS[head] : undefined;
  if (fn) return fn([...rest.map((w) => arg(w, s)), ...piped]);
  if (rest.length > 0 || piped.length > 0) throw new Unsupported(`"${head}"`);
  return arg(head, s);
}

function pipeline(src: string, s: Scope): Value {
  let piped: Value[] = [];
  let v: Value;
  for (const part of src.split(/\s\|\s/)) {
    v = command(words(part), s, piped);
    piped = [v];
  }
  return v;
}

type Node = string | { readonly pipe: string } | { readonly range: string; readonly body: Node[] };

function parse(tokens: (string | { action: string })[], pos = { i: 0 }, inner = false): Node[] {
  const nodes: Node[] = [];
  while (pos.i < tokens.length) {
    const t = tokens[pos.i++];
    if (typeof t === 'string') nodes.push(t);
    else if (t === undefined) break;
    else if (t.action === 'end') {
      if (!inner) throw new Unsupported('unexpected {{end}}');
      return nodes;
    } else if (t.action.startsWith('range '))
      nodes.push({ range: t.action.slice(6), body: parse(tokens, pos, true) });
    else if (/^(if|else|with|define|template|block)\b/.test(t.action))
      throw new Unsupported(t.action.split(' ')[0] ?? '');
    else nodes.push({ pipe: t.action });
  }
  if (inner) throw new Unsupported('missing {{end}}');
  return nodes;
}

function run(nodes: readonly Node[], s: Scope): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += n;
    else if ('pipe' in n) out += goPrint(pipeline(n.pipe, s));
    else {
      const m = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*(.*)$/.exec(n.range);
      const over = pipeline(m ? (m[3] ?? '') : n.range, s);
      const entries: [Value, Value][] = Array.isArray(over)
        ? over.map((v, i) => [i, v])
        : isMap(over)
          ? Object.keys(over)
              .sort()
              .map((k) => [k, over[k]])
          : [];
      for (const [k, v] of entries) {
        const vars = new Map(s.vars);
        if (m?.[2]) {
          vars.set(m[1] ?? '', k);
          vars.set(m[2], v);
        } else if (m) vars.set(m[1] ?? '', v);
        out += run(n.body, { dot: v, vars });
      }
    }
  }
  return out;
}

/** Executes a Go template on one inspected object (its JSON form). */
export function executeTemplate(src: string, data: Value): TemplateResult {
  try {
    const nodes = parse(lex(src));
    return { ok: true, text: run(nodes, { dot: data, vars: new Map([['$', data]]) }) };
  } catch (e) {
    if (e instanceof Unsupported)
      return {
        ok: false,
        error: `the template ${e.message} is not in this lab (field paths, range, json, index, join, printf, upper, lower, len are)`,
      };
    throw e;
  }
}
