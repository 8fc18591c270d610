// pcap-filter's common primitives (host, net, port, src/dst, ip, arp, tcp, udp, icmp, and/or/not,
// parentheses), compiled to a predicate over the lab's frames. Errors are libpcap 1.10's, as
// tcpdump 4.99 prints them after "tcpdump: " (recorded in a namespace).
import { parseIPv4 } from '../../../sim/addr';
import type { Frame } from '../../../sim/trace';

export type Match = (f: Frame) => boolean;
export type FilterResult = { ok: true; match: Match } | { ok: false; error: string };

type Proto = 'ip' | 'arp' | 'tcp' | 'udp' | 'icmp';
type Dir = 'src' | 'dst' | 'src or dst' | 'src and dst';
type Kind = 'host' | 'net' | 'port';
const PROTOS: readonly string[] = ['ip', 'arp', 'tcp', 'udp', 'icmp'];
/** /etc/services names libpcap knows for the ports a lab uses. */
const SERVICES: { readonly [name: string]: number } = {
  http: 80,
  https: 443,
  domain: 53,
  ssh: 22,
  'http-alt': 8080,
};

class FilterError extends Error {}
const syntax = () => new FilterError("can't parse filter expression: syntax error");

function tokenize(text: string): string[] {
  return text.match(/\(|\)|&&|\|\||!|[^\s()!&|]+/g) ?? [];
}

const ipOf = (f: Frame) =>
  f.ip
    ? { src: f.ip.src, dst: f.ip.dst }
    : f.arp
      ? { src: f.arp.senderIp, dst: f.arp.targetIp }
      : null;
const portsOf = (f: Frame) => f.tcp ?? f.udp ?? null;

function either(dir: Dir, test: (side: 'src' | 'dst') => boolean): boolean {
  if (dir === 'src' || dir === 'dst') return test(dir);
  return dir === 'src and dst' ? test('src') && test('dst') : test('src') || test('dst');
}

function protoMatch(p: Proto): Match {
  switch (p) {
    case 'ip':
      return (f) => !!f.ip;
    case 'arp':
      return (f) => !!f.arp;
    case 'tcp':
      return (f) => !!f.tcp;
    case 'udp':
      return (f) => !!f.udp;
    case 'icmp':
      return (f) => f.ip?.proto === 'icmp';
  }
}

function ipv4Number(s: string): number | null {
  const r = parseIPv4(s);
  if (!r.ok) return null;
  return s.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** `net A.B.C.D/len`, `net A.B.C.D` (a /32) or `net A.B` (the octets given). */
function netRange(v: string): { base: number; mask: number } {
  const [addr = '', len] = v.split('/');
  const octets = addr.split('.');
  const full = [...octets, '0', '0', '0'].slice(0, 4).join('.');
  const base = ipv4Number(full);
  if (base === null || octets.length > 4) throw new FilterError(`unknown network '${v}'`);
  const bits = len === undefined ? octets.length * 8 : Number(len);
  if (!Number.isInteger(bits) || bits < 0) throw syntax();
  if (bits > 32) throw new FilterError('mask length must be <= 32');
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  if ((base & ~mask) >>> 0 !== 0) throw new FilterError(`non-network bits set in "${v}"`);
  return { base, mask };
}

function primitive(proto: Proto | null, dir: Dir, kind: Kind, value: string): Match {
  const guard = proto ? protoMatch(proto) : () => true;
  if (kind === 'port') {
    if (proto === 'icmp' || proto === 'arp') throw new FilterError("illegal qualifier of 'port'");
    const port = /^\d+$/.test(value) ? Number(value) : SERVICES[value];
    if (port === undefined || port > 65535) throw new FilterError(`unknown port '${value}'`);
    return (f) => {
      const l4 = portsOf(f);
      return guard(f) && !!l4 && either(dir, (s) => (s === 'src' ? l4.sport : l4.dport) === port);
    };
  }
  const { base, mask } =
    kind === 'net' ? netRange(value) : { base: ipv4Number(value), mask: 0xffffffff };
  if (base === null) throw new FilterError(`unknown host '${value}'`);
  return (f) => {
    const a = guard(f) ? ipOf(f) : null;
    return !!a && either(dir, (s) => ((ipv4Number(a[s]) ?? -1) & mask) >>> 0 === base);
  };
}

/** Recursive descent over the tokens; a bare value takes the qualifiers of the one before it. */
class Parser {
  private i = 0;
  private last: { proto: Proto | null; dir: Dir; kind: Kind } | null = null;
  constructor(private readonly t: readonly string[]) {}

  private peek = () => this.t[this.i];
  private take = () => this.t[this.i++];

  parse(): Match {
    const m = this.or();
    if (this.i < this.t.length) throw syntax();
    return m;
  }

  private or(): Match {
    let m = this.and();
    while (this.peek() === 'or' || this.peek() === '||') {
      this.take();
      const a = m;
      const b = this.and();
      m = (f) => a(f) || b(f);
    }
    return m;
  }

  private and(): Match {
    let m = this.not();
    while (this.peek() === 'and' || this.peek() === '&&') {
      this.take();
      const a = m;
      const b = this.not();
      m = (f) => a(f) && b(f);
    }
    return m;
  }

  private not(): Match {
    if (this.peek() === 'not' || this.peek() === '!') {
      this.take();
      const m = this.not();
      return (f) => !m(f);
    }
    return this.primary();
  }

  private primary(): Match {
    const w = this.take();
    if (w === undefined) throw syntax();
    if (w === '(') {
      const m = this.or();
      if (this.take() !== ')') throw syntax();
      return m;
    }
    this.i--;
    return this.qualified();
  }

  private dir(): Dir | null {
    const w = this.peek();
    if (w !== 'src' && w !== 'dst') return null;
    this.take();
    const join = this.peek();
    const other = this.t[this.i + 1];
    if ((join === 'or' || join === 'and') && (other === 'src' || other === 'dst') && other !== w) {
      this.i += 2;
      return join === 'or' ? 'src or dst' : 'src and dst';
    }
    return w;
  }

  private qualified(): Match {
    const start = this.i;
    const p = this.peek();
    const proto = p !== undefined && PROTOS.includes(p) ? (this.take() as Proto) : null;
    const dir = this.dir();
    const k = this.peek();
    const kind = k === 'host' || k === 'net' || k === 'port' ? (this.take() as Kind) : null;
    if (proto && !dir && !kind) return protoMatch(proto);
    const value = this.take();
    if (value === undefined || ['and', 'or', 'not', '(', ')', '&&', '||', '!'].includes(value))
      throw syntax();
    if (this.i - start === 1) {
      // A bare value: the previous primitive's qualifiers (`host a or b`), or host for an address.
      if (this.last) return primitive(this.last.proto, this.last.dir, this.last.kind, value);
      if (ipv4Number(value) === null) throw syntax();
    }
    const q = { proto, dir: dir ?? 'src or dst', kind: kind ?? 'host' } as const;
    this.last = q;
    return primitive(q.proto, q.dir, q.kind, value);
  }
}

/** The expression (the words after the options, joined as tcpdump joins them). */
export function compileFilter(words: readonly string[]): FilterResult {
  const tokens = tokenize(words.join(' '));
  if (tokens.length === 0) return { ok: true, match: () => true };
  try {
    return { ok: true, match: new Parser(tokens).parse() };
  } catch (e) {
    if (e instanceof FilterError) return { ok: false, error: e.message };
    throw e;
  }
}
