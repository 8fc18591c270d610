// IPv4 / CIDR / MAC / port value types: parsed once, branded, formatted. Pure; touches nothing else.

export type IPv4 = string & { readonly __brand: 'IPv4' };
export type MacAddress = string & { readonly __brand: 'MacAddress' };
export type Port = number & { readonly __brand: 'Port' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const octet = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIPv4(text: string): Parsed<IPv4> {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => octet.test(p))) {
    return { ok: false, error: `invalid IP address: ${text}` };
  }
  return { ok: true, value: text as IPv4 };
}

/** For literals known to be valid (catalogue data, tests); throws on a typo. */
export function ip(text: string): IPv4 {
  const r = parseIPv4(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

// A memo of parsed addresses: the walk compares the same few thousand addresses again and again.
const parsedIps = new Map<string, number>();

export function ipToInt(a: IPv4): number {
  const known = parsedIps.get(a);
  if (known !== undefined) return known;
  const [b0, b1, b2, b3] = a.split('.').map(Number) as [number, number, number, number];
  const n = ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
  if (parsedIps.size > 200_000) parsedIps.clear();
  parsedIps.set(a, n);
  return n;
}

export function intToIp(n: number): IPv4 {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.') as IPv4;
}

export interface Cidr {
  readonly address: IPv4; // the network address
  readonly prefix: number;
}

export function parseCidr(text: string): Parsed<Cidr> {
  const [addr, len, ...rest] = text.split('/');
  const a = parseIPv4(addr ?? '');
  const prefix = len === undefined ? 32 : Number(len);
  if (!a.ok || rest.length > 0 || !/^\d{1,2}$/.test(len ?? '32') || prefix > 32) {
    return { ok: false, error: `invalid CIDR address: ${text}` };
  }
  return { ok: true, value: { address: networkOf(a.value, prefix), prefix } };
}

export function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export function maskInt(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function maskOf(prefix: number): IPv4 {
  return intToIp(maskInt(prefix));
}

export function networkOf(a: IPv4, prefix: number): IPv4 {
  return intToIp((ipToInt(a) & maskInt(prefix)) >>> 0);
}

export function broadcastOf(c: Cidr): IPv4 {
  return intToIp((ipToInt(c.address) | ~maskInt(c.prefix)) >>> 0);
}

export function inCidr(a: IPv4, c: Cidr): boolean {
  return (ipToInt(a) & maskInt(c.prefix)) >>> 0 === ipToInt(c.address);
}

export function cidrText(c: Cidr): string {
  return `${c.address}/${c.prefix}`;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return networkOf(a.address, p) === networkOf(b.address, p);
}

export function parseMac(text: string): Parsed<MacAddress> {
  if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(text)) {
    return { ok: false, error: `invalid MAC address: ${text}` };
  }
  return { ok: true, value: text.toLowerCase() as MacAddress };
}

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff' as MacAddress;
/** lo's address, and the target MAC of an ARP request (not yet known). */
export const ZERO_MAC = '00:00:00:00:00:00' as MacAddress;

// A memo: the host's namespace is rebuilt after every docker run, with a thousand veths' addresses.
const linkLocals = new Map<string, string>();

/** The IPv6 link-local address (fe80::/64) a MAC gives by modified EUI-64, written as iproute2 writes it. */
export function linkLocalOf(mac: MacAddress): string {
  const known = linkLocals.get(mac);
  if (known !== undefined) return known;
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const bytes = [
    (b[0] ?? 0) ^ 2,
    b[1] ?? 0,
    b[2] ?? 0,
    0xff,
    0xfe,
    b[3] ?? 0,
    b[4] ?? 0,
    b[5] ?? 0,
  ];
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 2)
    groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  const text = `fe80::${groups.join(':')}`;
  if (linkLocals.size > 100_000) linkLocals.clear();
  linkLocals.set(mac, text);
  return text;
}

export function macFromBytes(bytes: readonly number[]): MacAddress {
  return bytes.map((b) => (b & 255).toString(16).padStart(2, '0')).join(':') as MacAddress;
}

/** Docker <= 27: container MAC is 02:42 followed by the IPv4 bytes. */
export function macFromIp(a: IPv4): MacAddress {
  return macFromBytes([0x02, 0x42, ...a.split('.').map(Number)]);
}

export function parsePort(text: string): Parsed<Port> {
  if (!/^\d+$/.test(text)) return { ok: false, error: `invalid port: ${text}` };
  const n = Number(text);
  if (n < 1 || n > 65535) return { ok: false, error: `invalid port: ${text}` };
  return { ok: true, value: n as Port };
}

export function port(n: number): Port {
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port: ${n}`);
  return n as Port;
}
