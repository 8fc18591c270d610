// The functions docker's templates call — Go's builtins (text/template funcs.go) and docker/cli's
// templates.basicFunctions (json without HTML escaping, split, join, title, lower, upper, pad,
// truncate) — and Go's fmt %v of the values they see. Pure.

export type Value = unknown;

/** A typed formatter row: its Go type (for errors) and its fields (the CLI's methods). */
export class GoStruct {
  constructor(
    readonly type: string,
    readonly fields: Readonly<Record<string, Value>>,
  ) {}
}

/** Objects that are Go structs, not maps, in the typed object (markTypedInspect). */
const STRUCTS = new WeakSet<object>();

/** The inspect objects' fields whose Go type is a map (nat.PortMap, map[string]…); the rest are structs. */
const GO_MAPS = new Set([
  'Ports',
  'PortBindings',
  'Networks',
  'Labels',
  'Options',
  'DriverOpts',
  'ExposedPorts',
  'Containers',
  'Volumes',
]);

/**
 * Marks which objects of a decoded inspect result are structs in the CLI's typed value, so `%v`
 * prints them as Go does (`map[80/tcp:[{0.0.0.0 8080}]]`, not `map[80/tcp:[map[HostIp:…]]]`).
 */
export function markTypedInspect(v: Value, isGoMap = false): Value {
  if (Array.isArray(v)) v.forEach((x) => markTypedInspect(x));
  else if (typeof v === 'object' && v !== null) {
    if (!isGoMap) STRUCTS.add(v);
    for (const [k, x] of Object.entries(v)) markTypedInspect(x, !isGoMap && GO_MAPS.has(k));
  }
  return v;
}

/** An error a function returns: Go reports it as `error calling NAME: MSG`. */
export class FuncError extends Error {}

export const isMap = (v: Value): v is Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoStruct);

/** Go's fmt %v of a value decoded from JSON (maps print their keys sorted). */
export function goPrint(v: Value): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (v instanceof GoStruct) return `{${Object.values(v.fields).map(goPrint).join(' ')}}`;
  // A Go struct of the typed inspect object: its field values in order, no names.
  if (isMap(v) && STRUCTS.has(v)) return `{${Object.values(v).map(goPrint).join(' ')}}`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goPrint(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** Go's truth: false, 0, nil and empty strings, slices and maps are false. */
export function truthy(v: Value): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** encoding/json with SetEscapeHTML(false), the CLI's `json`; a typed row marshals its fields. */
const json = (v: Value): string =>
  JSON.stringify(
    v instanceof GoStruct
      ? Object.fromEntries(
          Object.keys(v.fields)
            .sort()
            .map((k) => [k, v.fields[k]]),
        )
      : (v ?? null),
  );

/** fmt's verbs as docker formats use them: %s %v %d %q %t %x with flags and a width. */
function sprintf(format: string, args: readonly Value[]): string {
  let n = 0;
  return (
    format.replace(
      /%([-+# 0]*)(\d*)([svdqtx%])/g,
      (_m, flags: string, width: string, verb: string) => {
        if (verb === '%') return '%';
        if (n >= args.length) return `%!${verb}(MISSING)`;
        const a = args[n++];
        let s =
          verb === 'q'
            ? JSON.stringify(goPrint(a))
            : verb === 'x'
              ? typeof a === 'number'
                ? a.toString(16)
                : Array.from(new TextEncoder().encode(goPrint(a)), (b) =>
                    b.toString(16).padStart(2, '0'),
                  ).join('')
              : verb === 'd' && typeof a !== 'number'
                ? `%!d(${typeof a === 'string' ? 'string' : 'interface {}'}=${goPrint(a)})`
                : goPrint(a);
        const w = Number(width || 0);
        if (s.length < w)
          s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') ? '0' : ' ');
        return s;
      },
    ) +
    (n < args.length
      ? `%!(EXTRA ${args
          .slice(n)
          .map((a) => `${typeof a === 'number' ? 'int' : 'string'}=${goPrint(a)}`)
          .join(', ')})`
      : '')
  );
}

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: readonly Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    const prev = args[i - 1];
    if (i > 0 && typeof a !== 'string' && typeof prev !== 'string') out += ' ';
    out += goPrint(a);
  });
  return out;
}

const str = (v: Value): string => (typeof v === 'string' ? v : goPrint(v));

function index(v: Value, keys: readonly Value[]): Value {
  let cur = v;
  for (const k of keys) {
    if (Array.isArray(cur)) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length)
        throw new FuncError(`index out of range: ${goPrint(k)}`);
      cur = cur[i];
    } else if (isMap(cur)) cur = Object.hasOwn(cur, str(k)) ? cur[str(k)] : undefined;
    else if (cur === null || cur === undefined) throw new FuncError('index of untyped nil');
    else throw new FuncError(`can't index item of type ${typeof cur}`);
  }
  return cur;
}

const cmp = (a: Value, b: Value): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : str(a) < str(b)
      ? -1
      : str(a) > str(b)
        ? 1
        : 0;

export function callFunction(name: string, a: readonly Value[]): Value {
  const [x, y] = a;
  switch (name) {
    case 'json':
      return json(x);
    case 'split':
      return str(x).split(str(y));
    case 'join':
      return Array.isArray(x) ? x.map(str).join(str(y)) : str(x);
    case 'title':
      return str(x).replace(
        /(^|[^\p{L}\p{N}_])(\p{L})/gu,
        (_m, p: string, c: string) => p + c.toUpperCase(),
      );
    case 'lower':
      return str(x).toLowerCase();
    case 'upper':
      return str(x).toUpperCase();
    case 'pad': {
      const s = str(x);
      return s === '' ? s : ' '.repeat(Number(y)) + s + ' '.repeat(Number(a[2]));
    }
    case 'truncate':
      return str(x).length < Number(y) ? str(x) : str(x).slice(0, Number(y));
    case 'len':
      if (Array.isArray(x)) return x.length;
      if (isMap(x)) return Object.keys(x).length;
      if (typeof x === 'string') return new TextEncoder().encode(x).length;
      throw new FuncError(`len of type ${x === null || x === undefined ? '<nil>' : typeof x}`);
    case 'index':
      return index(x, a.slice(1));
    case 'printf':
      return sprintf(str(x), a.slice(1));
    case 'print':
      return sprint(a);
    case 'println':
      return `${a.map(goPrint).join(' ')}\n`;
    case 'not':
      return !truthy(x);
    case 'and':
      return a.find((v) => !truthy(v)) ?? a.at(-1);
    case 'or':
      return a.find((v) => truthy(v)) ?? a.at(-1);
    case 'eq':
      return a.slice(1).some((v) => cmp(x, v) === 0);
    case 'ne':
      return cmp(x, y) !== 0;
    case 'lt':
      return cmp(x, y) < 0;
    case 'le':
      return cmp(x, y) <= 0;
    case 'gt':
      return cmp(x, y) > 0;
    case 'ge':
      return cmp(x, y) >= 0;
    default:
      throw new FuncError(`${name} is not in this lab`);
  }
}
