// What a rule matches and does, as the columns of `iptables -L -n -v` write it (no counters). Its own
// module, free of the engine's code: the presentation card's lazy chunk reads it too, and importing
// formatCounter there would split the first download's engine chunk (bundle +1 KB gzip).
import type { Cidr, Neg, Rule } from '../../sim';

export interface RuleMatchColumns {
  readonly target: string;
  readonly prot: string;
  readonly inIface: string;
  readonly outIface: string;
  readonly source: string;
  readonly destination: string;
  readonly extras: string;
}

const addr = (c: Neg<Cidr> | undefined): string => {
  if (!c || c.value.prefix === 0) return `${c?.neg ? '!' : ''}0.0.0.0/0`;
  return `${c.neg ? '!' : ''}${c.value.address}${c.value.prefix === 32 ? '' : `/${c.value.prefix}`}`;
};

const iface = (n: Neg<string> | undefined): string => (n ? `${n.neg ? '!' : ''}${n.value}` : '*');

export function ruleMatch(r: Rule): RuleMatchColumns {
  const m = r.match;
  const t = r.target;
  const extras: string[] = [];
  if (m.srcType) extras.push(`ADDRTYPE src-type ${m.srcType.neg ? '!' : ''}${m.srcType.value}`);
  if (m.dstType) extras.push(`ADDRTYPE dst-type ${m.dstType.neg ? '!' : ''}${m.dstType.value}`);
  if (m.dport !== undefined && m.proto !== undefined && m.proto !== 'icmp')
    extras.push(`${m.proto} dpt:${m.dport}`);
  if (m.ctstate?.length) extras.push(`ctstate ${m.ctstate.join(',')}`);
  if (t.kind === 'DNAT') extras.push(`to:${t.toIp}${t.toPort === null ? '' : `:${t.toPort}`}`);
  if (t.kind === 'SNAT') extras.push(`to:${t.toIp}`);
  return {
    target: t.kind === 'JUMP' ? t.chain : t.kind,
    prot: m.proto ?? 'all',
    inIface: iface(m.inIface),
    outIface: iface(m.outIface),
    source: addr(m.src),
    destination: addr(m.dst),
    extras: extras.join(' '),
  };
}
