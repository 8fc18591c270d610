// `iptables [-t T] -L [CHAIN] [-n] [-v] [-x] [--line-numbers]` text, column for column. Pure; reads Netfilter only.
import type { Chain, Neg, Netfilter, Rule, RuleMatch, RuleTarget } from '../types';
import type { Cidr, IPv4 } from '../addr';
import { listedChains, modelled, references, type IptablesTable } from './order';
import { ctStates } from './save';

export interface ListOptions {
  readonly table: IptablesTable;
  readonly chain?: string;
  /** `iptables -L CHAIN N`: rule N's row alone, without the chain's header ('' past the end). */
  readonly rule?: number;
  /** -n: numbers instead of names for addresses, ports and `any` interfaces. */
  readonly numeric: boolean;
  /** -v: counters and interfaces. */
  readonly verbose: boolean;
  /** -x: exact counters instead of K/M/G. */
  readonly exact?: boolean;
  readonly lineNumbers: boolean;
  /**
   * Name lookups without -n (/etc/hosts, DNS PTR, /etc/networks). The default answers nothing, as on
   * the reference host whose resolver says NXDOMAIN, so addresses print as numbers.
   */
  readonly addressName?: (addr: IPv4) => string | null;
}

/** /etc/services (Debian netbase) names for the ports the lab publishes; others print as numbers. */
const SERVICES: { readonly [proto: string]: { readonly [port: number]: string } } = {
  tcp: {
    21: 'ftp',
    22: 'ssh',
    25: 'smtp',
    53: 'domain',
    80: 'http',
    443: 'https',
    3306: 'mysql',
    5432: 'postgresql',
    8080: 'http-alt',
  },
  udp: { 53: 'domain', 123: 'ntp' },
};

const pad = (s: string, width: number): string => s.padEnd(width);
const padLeft = (s: string, width: number): string => s.padStart(width);

/** xtables_print_num: `%5llu` with K/M/G/T rounding under -v, `%8llu` with -x. */
export function formatCounter(n: number, exact: boolean): string {
  if (exact) return `${padLeft(String(n), 8)} `;
  if (n <= 99999) return `${padLeft(String(n), 5)} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return `${padLeft(String(v), 4)}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return `${padLeft(String(v), 4)}T `;
}

/** The policy line's counters: the same scale, without padding. */
const policyCounter = (n: number, exact: boolean): string => formatCounter(n, exact).trim();

function address(c: Neg<Cidr> | undefined, o: ListOptions): string {
  const bang = c?.neg ? '!' : ' ';
  if (!c || c.value.prefix === 0) {
    return `${bang}${pad(o.numeric ? '0.0.0.0/0' : 'anywhere', 19)} `;
  }
  const name = o.numeric ? null : (o.addressName?.(c.value.address) ?? null);
  const mask = c.value.prefix === 32 ? '' : `/${c.value.prefix}`;
  return `${bang}${pad(`${name ?? c.value.address}${mask}`, 19)} `;
}

function iface(n: Neg<string> | undefined, o: ListOptions): string {
  return `${n?.neg ? '!' : ''}${n ? n.value : o.numeric ? '*' : 'any'}`;
}

const port = (p: number, proto: string, numeric: boolean): string =>
  (numeric ? undefined : SERVICES[proto]?.[p]) ?? String(p);

/** The match and target text after the destination column, each part with its leading space. */
function extras(m: RuleMatch, t: RuleTarget, o: ListOptions): string {
  let s = '';
  if (m.srcType || m.dstType) {
    s += ' ADDRTYPE match';
    if (m.srcType) s += ` src-type ${m.srcType.neg ? '!' : ''}${m.srcType.value}`;
    if (m.dstType) s += ` dst-type ${m.dstType.neg ? '!' : ''}${m.dstType.value}`;
  }
  if (m.dport !== undefined && (m.proto === 'tcp' || m.proto === 'udp')) {
    s += ` ${m.proto} dpt:${port(m.dport, m.proto, o.numeric)}`;
  }
  if (m.ctstate && m.ctstate.length > 0) s += ` ctstate ${ctStates(m.ctstate)}`;
  if (t.kind === 'DNAT') s += ` to:${t.toIp}${t.toPort === null ? '' : `:${t.toPort}`}`;
  if (t.kind === 'SNAT') s += ` to:${t.toIp}`;
  return s;
}

const targetName = (t: RuleTarget): string => (t.kind === 'JUMP' ? t.chain : t.kind);

function ruleLine(r: Rule, num: number, o: ListOptions): string {
  const exact = o.exact ?? false;
  let s = o.lineNumbers ? pad(String(num), 4) + ' ' : '';
  if (o.verbose) s += formatCounter(r.pkts, exact) + formatCounter(r.bytes, exact);
  s += `${pad(targetName(r.target), 9)} `;
  // prot: names as iptables 1.8.7 and >= 1.8.10 print them (1.8.9 printed numbers under -n).
  s += ` ${pad(r.match.proto ?? 'all', 5)}`;
  s += '-- ';
  if (o.verbose) {
    s += ` ${pad(iface(r.match.inIface, o), 6)} `;
    s += `${pad(iface(r.match.outIface, o), 6)} `;
  }
  s += address(r.match.src, o);
  s += address(r.match.dst, o);
  return s + extras(r.match, r.target, o);
}

function header(c: Chain, refs: number, o: ListOptions): string {
  const exact = o.exact ?? false;
  const title =
    c.policy === null
      ? `Chain ${c.name} (${refs} references)`
      : o.verbose
        ? `Chain ${c.name} (policy ${c.policy} ${policyCounter(c.pkts, exact)} packets, ${policyCounter(c.bytes, exact)} bytes)`
        : `Chain ${c.name} (policy ${c.policy})`;
  let cols = o.lineNumbers ? 'num  ' : '';
  if (o.verbose) cols += exact ? `${padLeft('pkts', 8)} ${padLeft('bytes', 10)} ` : ' pkts bytes ';
  cols += `${pad('target', 9)}  prot opt`;
  if (o.verbose) cols += ` ${pad('in', 6)} ${pad('out', 6)} `;
  cols += ` ${pad('source', 19)}  ${pad('destination', 19)} `;
  return `${title}\n${cols}\n`;
}

/** Whole `iptables -L` output; a chain that does not exist yields ''. */
export function iptablesList(nf: Netfilter, options: ListOptions): string {
  const all = listedChains(nf, options.table);
  const chains = options.chain === undefined ? all : all.filter((c) => c.name === options.chain);
  if (options.rule !== undefined) {
    const r = chains[0]?.rules[options.rule - 1];
    return r ? `${ruleLine(r, options.rule, options)}\n` : '';
  }
  const table = modelled(nf, options.table);
  return chains
    .map((c) => {
      const refs = table ? references(table, c.name) : 0;
      const rows = c.rules.map((r, i) => `${ruleLine(r, i + 1, options)}\n`).join('');
      return header(c, refs, options) + rows;
    })
    .join('\n');
}
