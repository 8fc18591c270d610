// One rule as the columns of `iptables -L -n -v`: target, prot, in, out, source, destination, extras.
import type { Cidr, Neg, Rule } from '../../sim';
import { formatCounter } from '../../sim';

export interface RuleColumns {
  readonly pkts: string;
  readonly bytes: string;
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

export function ruleColumns(r: Rule): RuleColumns {
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
    pkts: formatCounter(r.pkts, false).trim(),
    bytes: formatCounter(r.bytes, false).trim(),
    target: t.kind === 'JUMP' ? t.chain : t.kind,
    prot: m.proto ?? 'all',
    inIface: iface(m.inIface),
    outIface: iface(m.outIface),
    source: addr(m.src),
    destination: addr(m.dst),
    extras: extras.join(' '),
  };
}
