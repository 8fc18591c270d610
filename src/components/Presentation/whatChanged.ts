// What a NAT hop did, as the presentation card tells it: the header's ends field by field before and
// after (the changed ones marked), the rule that asked for the rewrite in `iptables -L` words with
// its counters, and the conntrack entry the hop created or used. Pure: the card and its tests share it.
import type { ConntrackEntry, Frame, Hop, Netfilter } from '../../sim';
import type { RuleAt } from '../../store/selectors';
import { ruleMatch } from '../Netfilter/ruleMatch';
import { frameBefore } from '../Diagram/packetText';

/** One field of an end (an address or a port) and whether this hop rewrote it. */
export interface Part {
  readonly text: string;
  readonly changed: boolean;
}

/** src → dst as parts: address, then port (":80") when the packet has one. */
export interface HeaderLine {
  readonly src: readonly Part[];
  readonly dst: readonly Part[];
}

export interface WhatChanged {
  readonly before: HeaderLine;
  readonly after: HeaderLine;
  /** `nat PREROUTING → DOCKER → DNAT tcp dpt:8080 to:172.17.0.2:80`; null for conntrack's own rewrite. */
  readonly rule: { readonly text: string; readonly pkts: number; readonly bytes: number } | null;
  readonly entry: ConntrackEntry | null;
  readonly entryState: 'created' | 'de-nat' | 'used';
  readonly state: string | null;
}

function line(frame: Frame, changed: ReadonlySet<string>): HeaderLine {
  const l4 = frame.tcp ? 'tcp' : frame.udp ? 'udp' : null;
  const ports = frame.tcp ?? frame.udp;
  const end = (ip: 'src' | 'dst', port: 'sport' | 'dport'): Part[] => {
    const parts: Part[] = [{ text: frame.ip?.[ip] ?? '?', changed: changed.has(`ip.${ip}`) }];
    if (l4 && ports) parts.push({ text: `:${ports[port]}`, changed: changed.has(`${l4}.${port}`) });
    return parts;
  };
  return { src: end('src', 'sport'), dst: end('dst', 'dport') };
}

/** The rule text as `iptables -L` columns say it: the chain walk, the target and its matches. */
function ruleText(at: RuleAt, nf: Netfilter): WhatChanged['rule'] {
  const { step, path } = at;
  const chains = [...path, step].map((s) => s.chain).join(' → ');
  const rule = nf[step.table].chains
    .find((c) => c.name === step.chain)
    ?.rules.find((r) => r.id === step.ruleId);
  let matches = '';
  if (rule) {
    const c = ruleMatch(rule);
    const ifaces = [
      c.inIface === '*' ? '' : `in ${c.inIface}`,
      c.outIface === '*' ? '' : `out ${c.outIface}`,
    ];
    // `tcp dpt:8080` already names the protocol.
    const prot = c.prot === 'all' || c.extras.startsWith(`${c.prot} `) ? '' : c.prot;
    matches = [prot, ...ifaces]
      .concat(c.extras ? [c.extras] : [`${c.source} → ${c.destination}`])
      .filter(Boolean)
      .join(' ');
  }
  return {
    text: `${step.table} ${chains} → ${step.target}${matches ? ` ${matches}` : ''}`,
    pkts: step.counters.pkts,
    bytes: step.counters.bytes,
  };
}

/** The card's content at a NAT hop (null at any other hop). */
export function whatChanged(
  hop: Hop,
  direction: 'request' | 'reply',
  ruleAt: RuleAt | null,
  nf: Netfilter,
): WhatChanged | null {
  if (hop.event !== 'nat' || !hop.frame.ip) return null;
  const changed = new Set(hop.changed.map((c) => c.field));
  const ct = hop.ct ?? null;
  return {
    before: line(frameBefore(hop.frame, hop.changed), changed),
    after: line(hop.frame, changed),
    rule: ruleAt ? ruleText(ruleAt, nf) : null,
    entry: ct?.entry ?? null,
    entryState: ct?.created ? 'created' : direction === 'reply' ? 'de-nat' : 'used',
    state: ct?.entry.tcpState ?? null,
  };
}
