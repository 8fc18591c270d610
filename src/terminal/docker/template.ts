// Go's text/template, run as docker/cli runs it (templates/templates.go, cli/command/inspect and
// formatter). Two kinds of data: `docker inspect -f` falls back to the object decoded from JSON with
// missingkey=error (inspector.go tryRawInspectFallback), so fields are map keys and a missing one is
// `map has no entry for key "X"`; `ps`/`network ls --format` run on the formatter's typed row
// (GoStruct), where an unknown field is `can't evaluate field X in type *formatter.ContainerContext`.
// Errors carry Go's `template: :LINE:COL: executing "" at <NODE>: …`. Pure.
import {
  NotInLab,
  ParseError,
  parseTemplate,
  type Command,
  type Node,
  type Operand,
  type Pipeline,
} from './template-parse';
import {
  callFunction,
  FuncError,
  goPrint,
  GoStruct,
  isMap,
  truthy,
  type Value,
} from './template-funcs';

export { goPrint, GoStruct } from './template-funcs';

export type TemplateResult =
  { ok: true; text: string } | { ok: false; error: string; kind: 'parse' | 'exec' | 'lab' };

class ExecError extends Error {
  constructor(
    readonly pos: number,
    readonly node: string,
    message: string,
  ) {
    super(message);
  }
}

interface Scope {
  readonly dot: Value;
  readonly vars: ReadonlyMap<string, Value>;
}

function fieldOf(v: Value, name: string, at: Operand | Command): Value {
  const fail = (msg: string) => new ExecError(at.pos, at.text, msg);
  if (v instanceof GoStruct) {
    if (Object.hasOwn(v.fields, name)) return v.fields[name];
    throw fail(`can't evaluate field ${name} in type ${v.type}`);
  }
  if (isMap(v)) {
    if (Object.hasOwn(v, name)) return v[name];
    throw fail(`map has no entry for key "${name}"`);
  }
  if (v === null || v === undefined) throw fail(`nil pointer evaluating interface {}.${name}`);
  const type = Array.isArray(v)
    ? '[]interface {}'
    : typeof v === 'number'
      ? 'json.Number'
      : typeof v;
  throw fail(`can't evaluate field ${name} in type ${type}`);
}

function walk(v: Value, path: readonly string[], at: Operand): Value {
  return path.reduce<Value>((cur, k) => fieldOf(cur, k, at), v);
}

function evalOperand(o: Operand, s: Scope, final: Value[]): Value {
  const t = o.term;
  switch (t.kind) {
    case 'field': {
      // `.Label "x"` on a typed row: a method with arguments.
      return walk(s.dot, t.path, o);
    }
    case 'var': {
      if (!s.vars.has(t.name)) throw new ParseError(`undefined variable "${t.name}"`);
      return walk(s.vars.get(t.name), t.path, o);
    }
    case 'string':
    case 'number':
    case 'bool':
      return t.value;
    case 'nil':
      return null;
    case 'func':
      return callFunction(t.name, final);
    case 'pipe':
      return walk(evalPipe(t.pipe, s).value, t.path, o);
  }
}

function evalCommand(cmd: Command, s: Scope, piped: Value[]): Value {
  const [head, ...rest] = cmd.args;
  if (!head) return undefined;
  if (head.term.kind === 'func') {
    const args = [...rest.map((a) => evalOperand(a, s, [])), ...piped];
    try {
      return callFunction(head.term.name, args);
    } catch (e) {
      if (e instanceof FuncError)
        throw new ExecError(cmd.pos, cmd.text, `error calling ${head.term.name}: ${e.message}`);
      throw e;
    }
  }
  if (
    head.term.kind === 'field' &&
    head.term.path.at(-1) === 'Label' &&
    s.dot instanceof GoStruct
  ) {
    const labels = s.dot.fields.Labels;
    const key = rest[0] ? goPrint(evalOperand(rest[0], s, [])) : '';
    return isMap(labels) ? (labels[key] ?? '') : '';
  }
  if (rest.length > 0 || piped.length > 0)
    throw new ExecError(cmd.pos, cmd.text, `can't give argument to non-function ${head.text}`);
  return evalOperand(head, s, []);
}

function evalPipe(p: Pipeline, s: Scope): { value: Value; vars: Map<string, Value> } {
  let piped: Value[] = [];
  let value: Value;
  for (const cmd of p.cmds) {
    value = evalCommand(cmd, s, piped);
    piped = [value];
  }
  const vars = new Map(s.vars);
  if (p.decl.length === 1 && p.decl[0]) vars.set(p.decl[0], value);
  return { value, vars };
}

function entries(v: Value, at: Pipeline): [Value, Value][] {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (isMap(v))
    return Object.keys(v)
      .sort()
      .map((k) => [k, v[k]]);
  if (v === null || v === undefined) return [];
  const cmd = at.cmds[0];
  throw new ExecError(cmd?.pos ?? 0, cmd?.text ?? '', `range can't iterate over ${goPrint(v)}`);
}

function run(nodes: readonly Node[], s: Scope): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += n.text;
        break;
      case 'action': {
        const r = evalPipe(n.pipe, s);
        // A declaration prints nothing and its variable lives to the end of the block.
        if (n.pipe.decl.length > 0) s = { dot: s.dot, vars: r.vars };
        else out += goPrint(r.value);
        break;
      }
      case 'if':
      case 'with': {
        const r = evalPipe(n.pipe, s);
        const scope = { dot: n.kind === 'with' ? r.value : s.dot, vars: r.vars };
        out += truthy(r.value) ? run(n.body, scope) : run(n.orElse, s);
        break;
      }
      case 'range': {
        const over = evalPipe({ decl: [], cmds: n.pipe.cmds }, s).value;
        const items = entries(over, n.pipe);
        if (items.length === 0) out += run(n.orElse, s);
        const [a, b] = n.pipe.decl;
        for (const [k, v] of items) {
          const vars = new Map(s.vars);
          if (a && b) {
            vars.set(a, k);
            vars.set(b, v);
          } else if (a) vars.set(a, v);
          out += run(n.body, { dot: v, vars });
        }
      }
    }
  }
  return out;
}

/** `template: :L:C: executing "" at <NODE>: MSG`, as Go's ErrorContext places a node. */
function execMessage(src: string, e: ExecError): string {
  const before = src.slice(0, e.pos);
  const line = before.split('\n').length;
  const col = e.pos - (before.lastIndexOf('\n') + 1);
  return `template: :${line}:${col}: executing "" at <${e.node}>: ${e.message}`;
}

/** Parses a template once; run it on each object. */
export function compileTemplate(src: string): TemplateResult | ((data: Value) => TemplateResult) {
  let nodes: Node[];
  try {
    nodes = parseTemplate(src);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, kind: 'parse', error: e.message };
    if (e instanceof NotInLab) return notInLab(e.message);
    throw e;
  }
  return (data) => {
    try {
      return { ok: true, text: run(nodes, { dot: data, vars: new Map([['$', data]]) }) };
    } catch (e) {
      if (e instanceof ExecError) return { ok: false, kind: 'exec', error: execMessage(src, e) };
      if (e instanceof ParseError)
        return { ok: false, kind: 'parse', error: `template: :1: ${e.message}` };
      throw e;
    }
  };
}

const notInLab = (what: string): TemplateResult => ({
  ok: false,
  kind: 'lab',
  error: `the template ${what} is not in this lab (fields, variables, range, if, with, else and the CLI's functions are)`,
});

/** Executes a Go template on one object. */
export function executeTemplate(src: string, data: Value): TemplateResult {
  const t = compileTemplate(src);
  return typeof t === 'function' ? t(data) : t;
}
