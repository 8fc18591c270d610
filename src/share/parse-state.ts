// The kernel state in a world from untrusted JSON: iptables tables, conntrack, neighbour tables, FDBs.
import type {
  Chain,
  ConntrackEntry,
  FdbEntry,
  NeighEntry,
  Neg,
  Netfilter,
  Rule,
  RuleMatch,
  RuleTarget,
  Table,
  TableName,
  Tuple,
} from '../sim';
import { checkJumps, isValid, NUD_STATES, TCP_CT_STATES } from '../sim';
import {
  IFNAME,
  arr,
  bool,
  cidr,
  fail,
  int,
  ipv4,
  mac,
  num,
  obj,
  oneOf,
  port,
  str,
} from './guards';
import { LIMITS } from './limits';

/** What `iptables -N` accepts that the lab holds: printable ASCII, no space (under 29 characters). */
const CHAIN = /^[!-~]{1,64}$/;
const count = (v: unknown, p: string) => int(v, p, 0, Number.MAX_SAFE_INTEGER);

function neg<T>(v: unknown, p: string, f: (x: unknown, p: string) => T): Neg<T> {
  const o = obj(v, p, ['value', 'neg']);
  return { value: f(o['value'], `${p}.value`), neg: bool(o['neg'], `${p}.neg`) };
}

function match(v: unknown, p: string): RuleMatch {
  const o = obj(v, p, [
    'src',
    'dst',
    'inIface',
    'outIface',
    'proto',
    'dport',
    'srcType',
    'dstType',
    'ctstate',
  ]);
  const m: { -readonly [K in keyof RuleMatch]: RuleMatch[K] } = {};
  const iface = (x: unknown, q: string) => str(x, q, 15, IFNAME);
  const local = (x: unknown, q: string) => oneOf(x, q, ['LOCAL'] as const);
  if (o['src'] !== undefined) m.src = neg(o['src'], `${p}.src`, cidr);
  if (o['dst'] !== undefined) m.dst = neg(o['dst'], `${p}.dst`, cidr);
  if (o['inIface'] !== undefined) m.inIface = neg(o['inIface'], `${p}.inIface`, iface);
  if (o['outIface'] !== undefined) m.outIface = neg(o['outIface'], `${p}.outIface`, iface);
  if (o['proto'] !== undefined)
    m.proto = oneOf(o['proto'], `${p}.proto`, ['tcp', 'udp', 'icmp'] as const);
  if (o['dport'] !== undefined) m.dport = port(o['dport'], `${p}.dport`);
  if (o['srcType'] !== undefined) m.srcType = neg(o['srcType'], `${p}.srcType`, local);
  if (o['dstType'] !== undefined) m.dstType = neg(o['dstType'], `${p}.dstType`, local);
  if (o['ctstate'] !== undefined)
    m.ctstate = arr(o['ctstate'], `${p}.ctstate`, 4, (x, q) =>
      oneOf(x, q, ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID'] as const),
    );
  return m;
}

function target(v: unknown, p: string): RuleTarget {
  const kind = oneOf((v as { kind?: unknown } | null)?.kind, `${p}.kind`, [
    'ACCEPT',
    'DROP',
    'RETURN',
    'JUMP',
    'DNAT',
    'SNAT',
    'MASQUERADE',
  ] as const);
  switch (kind) {
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
    case 'MASQUERADE':
      obj(v, p, ['kind']);
      return { kind };
    case 'JUMP':
      return { kind, chain: str(obj(v, p, ['kind', 'chain'])['chain'], `${p}.chain`, 64, CHAIN) };
    case 'SNAT':
      return { kind, toIp: ipv4(obj(v, p, ['kind', 'toIp'])['toIp'], `${p}.toIp`) };
    case 'DNAT': {
      const o = obj(v, p, ['kind', 'toIp', 'toPort']);
      const toPort = o['toPort'] === null ? null : port(o['toPort'], `${p}.toPort`);
      return { kind, toIp: ipv4(o['toIp'], `${p}.toIp`), toPort };
    }
  }
}

function rule(v: unknown, p: string): Rule {
  const o = obj(v, p, ['id', 'match', 'target', 'pkts', 'bytes']);
  return {
    id: str(o['id'], `${p}.id`, 512),
    match: match(o['match'], `${p}.match`),
    target: target(o['target'], `${p}.target`),
    pkts: count(o['pkts'] ?? 0, `${p}.pkts`),
    bytes: count(o['bytes'] ?? 0, `${p}.bytes`),
  };
}

function chain(v: unknown, p: string): Chain {
  const o = obj(v, p, ['name', 'policy', 'pkts', 'bytes', 'rules']);
  return {
    name: str(o['name'], `${p}.name`, 64, CHAIN),
    policy:
      o['policy'] === null ? null : oneOf(o['policy'], `${p}.policy`, ['ACCEPT', 'DROP'] as const),
    pkts: count(o['pkts'] ?? 0, `${p}.pkts`),
    bytes: count(o['bytes'] ?? 0, `${p}.bytes`),
    rules: arr(o['rules'], `${p}.rules`, LIMITS.rulesPerChain, rule),
  };
}

function table(v: unknown, p: string, name: TableName): Table {
  const o = obj(v, p, ['name', 'chains']);
  if (o['name'] !== name) oneOf(o['name'], `${p}.name`, [name]);
  return { name, chains: arr(o['chains'], `${p}.chains`, LIMITS.chainsPerTable, chain) };
}

export function netfilter(v: unknown, p: string): Netfilter {
  const o = obj(v, p, ['raw', 'nat', 'filter']);
  const nf = {
    raw: table(o['raw'], `${p}.raw`, 'raw'),
    nat: table(o['nat'], `${p}.nat`, 'nat'),
    filter: table(o['filter'], `${p}.filter`, 'filter'),
  };
  // A jump loop or chains nested past the kernel's jump stack: the kernel refuses to load it.
  const refused = checkJumps(nf);
  if (refused) {
    const at = `${p}.${refused.table}.chains[${refused.chainIndex}].rules[${refused.ruleIndex}]`;
    const what = refused.kind === 'loop' ? 'a jump loop' : 'user chains nested deeper than 15';
    fail(at, `${what}; iptables-nft-restore refuses it: ${refused.message}`);
  }
  return nf;
}

function tuple(v: unknown, p: string): Tuple {
  const o = obj(v, p, ['src', 'dst', 'sport', 'dport']);
  return {
    src: ipv4(o['src'], `${p}.src`),
    dst: ipv4(o['dst'], `${p}.dst`),
    sport: int(o['sport'], `${p}.sport`, 0, 65535),
    dport: int(o['dport'], `${p}.dport`, 0, 65535),
  };
}

export function conntrackEntry(v: unknown, p: string): ConntrackEntry {
  const o = obj(v, p, [
    'id',
    'proto',
    'orig',
    'reply',
    'tcpState',
    'seenReply',
    'assured',
    'expires',
    'ns',
    'streamAt',
  ]);
  return {
    id: int(o['id'], `${p}.id`, 0, Number.MAX_SAFE_INTEGER),
    proto: oneOf(o['proto'], `${p}.proto`, ['tcp', 'udp', 'icmp'] as const),
    orig: tuple(o['orig'], `${p}.orig`),
    reply: tuple(o['reply'], `${p}.reply`),
    tcpState: o['tcpState'] === null ? null : oneOf(o['tcpState'], `${p}.tcpState`, TCP_CT_STATES),
    seenReply: bool(o['seenReply'], `${p}.seenReply`),
    assured: bool(o['assured'], `${p}.assured`),
    expires: num(o['expires'], `${p}.expires`, 0, 1e12),
    ns: str(o['ns'], `${p}.ns`, 80),
    ...(o['streamAt'] === undefined
      ? {}
      : { streamAt: num(o['streamAt'], `${p}.streamAt`, 0, 1e12) }),
  };
}

/**
 * A neighbour entry. Files saved before the lab kept the kernel's timers have no `updated`,
 * `confirmed` or `probes`: such an entry is taken as set at the file's clock.
 */
export function neighEntry(v: unknown, p: string, clock: number): NeighEntry {
  const o = obj(v, p, ['ip', 'mac', 'dev', 'state', 'updated', 'confirmed', 'probes']);
  const state = oneOf(o['state'], `${p}.state`, NUD_STATES);
  const at = (k: string) => (o[k] === undefined ? clock : num(o[k], `${p}.${k}`, -1e10, 1e10));
  const address = o['mac'] === null ? null : mac(o['mac'], `${p}.mac`);
  if (address === null && isValid(state)) fail(`${p}.mac`, `a ${state} entry needs a MAC address`);
  return {
    ip: ipv4(o['ip'], `${p}.ip`),
    mac: address,
    dev: str(o['dev'], `${p}.dev`, 15, IFNAME),
    state,
    updated: at('updated'),
    confirmed: at('confirmed'),
    probes: o['probes'] === undefined ? 0 : int(o['probes'], `${p}.probes`, 0, 255),
  };
}

export function fdbEntry(v: unknown, p: string): FdbEntry {
  const o = obj(v, p, ['mac', 'port', 'updated']);
  return {
    mac: mac(o['mac'], `${p}.mac`),
    port: str(o['port'], `${p}.port`, 15, IFNAME),
    updated: num(o['updated'], `${p}.updated`, 0, 1e12),
  };
}
