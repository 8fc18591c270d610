// A DNS message as tcpdump 4.99 prints it (print-domain.c, domain_print), checked against the real
// tcpdump reading busybox's queries and a resolver's answers (kernel/fixtures/dns, dns.test.ts):
// a query `38665+ A? example.com. (29)` (`+`: recursion desired); an answer `38665 1/0/0 A
// 93.184.216.34 (45)`, the owner name before the type with -v, `NXDomain` after the id for
// NXDOMAIN, counts of answer/authority/additional records, the message's length last.
import type { DnsMessage } from '../../../sim/trace';
import { dnsLength } from '../../../sim/dns-message';

export function dnsText(m: DnsMessage, verbose: boolean): string {
  const len = dnsLength(m);
  if (!m.response) return `${m.id}+ ${m.type}? ${m.name}. (${len})`;
  const rcode = m.rcode === 3 ? ' NXDomain' : '';
  const owner = verbose ? `${m.name}. ` : '';
  const records = m.answers.map((a) => ` ${owner}A ${a.ip}`).join(',');
  return `${m.id}${rcode} ${m.answers.length}/0/0${records} (${len})`;
}
