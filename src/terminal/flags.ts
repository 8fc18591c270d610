// Command-line flags as Go's pflag (docker) parses them: --long[=v], -s v, -sv, combined -itd. Pure.

export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  /** Takes a value (string flag); otherwise boolean. */
  readonly value?: boolean;
}

export interface ParsedFlags {
  /** Values by long name; booleans are 'true'/'false'; repeated flags keep every value. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
}

export type FlagResult = { ok: true; value: ParsedFlags } | { ok: false; error: string };

export interface FlagOptions {
  /** Stop at the first positional argument (docker run IMAGE CMD -x: -x belongs to CMD). */
  readonly interspersed?: boolean;
}

/** Parses `args` against `specs` with pflag's error texts. */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
  options: FlagOptions = {},
): FlagResult {
  const values = new Map<string, string[]>();
  const rest: string[] = [];
  const put = (name: string, v: string) => values.set(name, [...(values.get(name) ?? []), v]);
  const interspersed = options.interspersed ?? true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (spec.value) {
        if (eq >= 0) put(spec.long, a.slice(eq + 1));
        else if (i + 1 < args.length) put(spec.long, args[++i] ?? '');
        else return { ok: false, error: `flag needs an argument: --${name}` };
      } else {
        const v = eq < 0 ? 'true' : a.slice(eq + 1);
        if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') {
          return {
            ok: false,
            error: `invalid argument "${v}" for "${flagTitle(spec)}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`,
          };
        }
        put(spec.long, v === '1' ? 'true' : v === '0' ? 'false' : v);
      }
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      const shorts = Array.from(a.slice(1));
      for (let j = 0; j < shorts.length; j++) {
        const ch = shorts[j] ?? '';
        const spec = specs.find((s) => s.short === ch);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${ch}' in ${a}` };
        if (!spec.value) {
          put(spec.long, 'true');
          continue;
        }
        const attached = shorts.slice(j + 1).join('');
        if (attached !== '')
          put(spec.long, attached.startsWith('=') ? attached.slice(1) : attached);
        else if (i + 1 < args.length) put(spec.long, args[++i] ?? '');
        else return { ok: false, error: `flag needs an argument: '${ch}' in -${ch}` };
        break;
      }
      continue;
    }
    rest.push(a);
    if (!interspersed) {
      rest.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, value: { values, args: rest } };
}

export function flagTitle(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
}

/** The last value given for a flag, or undefined. */
export function lastValue(p: ParsedFlags, long: string): string | undefined {
  const v = p.values.get(long);
  return v === undefined ? undefined : v[v.length - 1];
}

export function isSet(p: ParsedFlags, long: string): boolean {
  return lastValue(p, long) === 'true';
}

export function allValues(p: ParsedFlags, long: string): readonly string[] {
  return p.values.get(long) ?? [];
}
