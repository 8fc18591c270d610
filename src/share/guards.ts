// Parsing untrusted JSON into typed values: each guard checks one shape and names the path on failure.
import {
  IFNAME_PATTERN,
  LIMITS,
  NAME_PATTERN,
  parseCidr,
  parseIPv4,
  parseMac,
  type Cidr,
  type IPv4,
  type MacAddress,
} from '../sim';

/** Thrown inside the parsers only; parseLab turns it into `{ ok: false, error }`. */
export class ShareError extends Error {}

/** The longest refusal a hostile link can make us show. */
const MAX_REASON = 300;

/** A value quoted in a refusal: short, and `missing` rather than a JS word like undefined. */
export function shown(v: unknown): string {
  if (v === undefined) return 'missing';
  const text = JSON.stringify(v) ?? typeof v;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export type Json = { readonly [key: string]: unknown };

/**
 * Keys a document may not hold: `__proto__` would replace an object's prototype where it is
 * assigned. `constructor` or `toString` are fine (a bridge may be called so): the engine looks
 * names up as own entries only (sim/own.ts).
 */
const FORBIDDEN = new Set(['__proto__']);
export const MAX_STRING: number = LIMITS.argChars;

export function fail(path: string, what: string): never {
  const reason = `${path}: ${what}`;
  throw new ShareError(
    reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 3)}...` : reason,
  );
}

function checkKey(path: string, key: string): void {
  if (FORBIDDEN.has(key)) fail(path, `forbidden key "${key}"`);
}

/** A plain object whose keys are all known; unknown or forbidden keys are refused, not ignored. */
export function obj(v: unknown, path: string, keys: readonly string[]): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  for (const k of Object.keys(v)) {
    checkKey(path, k);
    if (!keys.includes(k)) fail(path, `unknown field "${k}"`);
  }
  return v as Json;
}

/** A string-keyed map with at most `max` entries, each value parsed by `f`. */
export function record<T>(
  v: unknown,
  path: string,
  max: number,
  f: (x: unknown, path: string) => T,
): { readonly [key: string]: T } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  const entries = Object.keys(v);
  if (entries.length > max) fail(path, `too many entries (${entries.length} > ${max})`);
  const out: { [key: string]: T } = {};
  for (const k of entries) {
    checkKey(path, k);
    if (k.length > MAX_STRING) fail(path, 'key too long');
    out[k] = f((v as Json)[k], `${path}.${k}`);
  }
  return out;
}

export function arr<T>(
  v: unknown,
  path: string,
  max: number,
  f: (x: unknown, path: string) => T,
): readonly T[] {
  if (!Array.isArray(v)) fail(path, 'expected an array');
  if (v.length > max) fail(path, `too many items (${v.length} > ${max})`);
  return v.map((x, i) => f(x, `${path}[${i}]`));
}

export function str(v: unknown, path: string, max = MAX_STRING, pattern?: RegExp): string {
  if (typeof v !== 'string') fail(path, 'expected a string');
  if (v.length > max) fail(path, `string too long (${v.length} > ${max})`);
  if (pattern && !pattern.test(v)) fail(path, `invalid value "${v.slice(0, 40)}"`);
  return v;
}

export function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, 'expected an integer');
  if (v < min || v > max) fail(path, `out of range (${min}..${max})`);
  return v;
}

export function num(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'expected a finite number');
  if (v < min || v > max) fail(path, `out of range (${min}..${max})`);
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'expected true or false');
  return v;
}

export function oneOf<const T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
    fail(path, `expected one of ${values.join(', ')}`);
  return v as T;
}

export function ipv4(v: unknown, path: string): IPv4 {
  const r = parseIPv4(str(v, path, 15));
  return r.ok ? r.value : fail(path, `invalid IPv4 address "${String(v)}"`);
}

export function mac(v: unknown, path: string): MacAddress {
  const r = parseMac(str(v, path, 17));
  if (!r.ok || r.value !== v) fail(path, `invalid MAC address "${String(v)}"`);
  return r.value;
}

export function cidr(v: unknown, path: string): Cidr {
  const o = obj(v, path, ['address', 'prefix']);
  const c = parseCidr(
    `${ipv4(o['address'], `${path}.address`)}/${int(o['prefix'], `${path}.prefix`, 0, 32)}`,
  );
  if (!c.ok || c.value.address !== o['address']) fail(path, 'not a network address');
  return c.value;
}

export const optional = <T>(v: unknown, f: (x: unknown) => T): T | undefined =>
  v === undefined ? undefined : f(v);

export const HEX64 = /^[0-9a-f]{64}$/;
export const NAME = NAME_PATTERN;
export const IFNAME = IFNAME_PATTERN;
/** A container's or network's name: Docker's pattern, the lab's length. */
export const name = (v: unknown, path: string) => str(v, path, LIMITS.nameChars, NAME);
export const port = (v: unknown, path: string) => int(v, path, 1, 65535);
