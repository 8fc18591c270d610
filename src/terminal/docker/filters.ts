// `--filter key=value` as docker/cli collects it (opts.FilterOpt: the key lower-cased, both sides
// trimmed) and the daemon checks and matches it (moby api/types/filters: Validate, Match as a
// regular expression or exact, FuzzyMatch as a prefix; daemon/list.go for `ps`,
// daemon/network/filter.go for `network ls`). Pure.
import type { FlagSpec } from '../flags';

export const FILTER_FLAG: FlagSpec = { long: 'filter', short: 'f', value: true };

export type Filters = ReadonlyMap<string, readonly string[]>;

/** The CLI's FilterOpt.Set: `bad format of filter (expected name=value)` before any request. */
export function parseFilters(
  values: readonly string[],
): { ok: true; value: Filters } | { ok: false; error: string } {
  const out = new Map<string, string[]>();
  for (const v of values) {
    if (v === '') continue;
    const eq = v.indexOf('=');
    if (eq < 0)
      return {
        ok: false,
        error: `invalid argument "${v}" for "-f, --filter" flag: bad format of filter (expected name=value)`,
      };
    const name = v.slice(0, eq).trim().toLowerCase();
    out.set(name, [...(out.get(name) ?? []), v.slice(eq + 1).trim()]);
  }
  return { ok: true, value: out };
}

/** Args.Validate: the daemon's `invalid filter 'NAME'` for a key it does not accept. */
export function invalidFilter(f: Filters, accepted: readonly string[]): string | undefined {
  for (const name of f.keys()) if (!accepted.includes(name)) return `invalid filter '${name}'`;
  return undefined;
}

/** Args.Match: no values for the key matches; else a value equal to, or a regexp found in, source. */
export function match(f: Filters, key: string, source: string): boolean {
  const values = f.get(key);
  if (!values || values.length === 0) return true;
  return values.some((v) => {
    if (v === source) return true;
    try {
      return new RegExp(v).test(source);
    } catch {
      return false;
    }
  });
}

/** Args.ExactMatch and FuzzyMatch (a value that is a prefix of source). */
export function exact(f: Filters, key: string, source: string, prefix = false): boolean {
  const values = f.get(key);
  if (!values || values.length === 0) return true;
  return values.some((v) => v === source || (prefix && source.startsWith(v)));
}
