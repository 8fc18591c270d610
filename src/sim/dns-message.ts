// DNS messages as resolvers put them on the wire (RFC 1035 §4): the header's 12 bytes, one
// question (the name as length-prefixed labels, its type and class IN), and for an answer its A
// records, each naming the question's name by a compression pointer (0xc00c) as every resolver
// does. Measured against busybox nslookup and ping in namespaces (kernel/fixtures/dns): an A query
// for example.com is 29 bytes, its answer with one A record 45, an NXDOMAIN answer as long as the
// query (the lab's resolvers send no authority section, where a public resolver puts an SOA).
import { nextRandom } from './rng';
import type { IPv4 } from './addr';
import type { DnsMessage } from './trace';

const TYPE = { A: 1, AAAA: 28 } as const;

const u16 = (n: number) => [(n >>> 8) & 255, n & 255];

/** The name as labels: `example.com` → 7 example 3 com 0 (a final dot ignored). */
function nameBytes(name: string): number[] {
  const labels = name
    .replace(/\.$/, '')
    .split('.')
    .filter((l) => l !== '');
  const enc = new TextEncoder();
  return [...labels.flatMap((l) => [l.length, ...enc.encode(l)]), 0];
}

/** Header flags: a query asks for recursion (RD); an answer is QR, RD, RA and its rcode. */
export function dnsFlags(m: DnsMessage): number {
  return m.response ? 0x8180 | m.rcode : 0x0100;
}

/** The message's bytes. */
export function dnsBytes(m: DnsMessage): number[] {
  const head = [
    ...u16(m.id),
    ...u16(dnsFlags(m)),
    ...u16(1),
    ...u16(m.answers.length),
    ...u16(0),
    ...u16(0),
  ];
  const question = [...nameBytes(m.name), ...u16(TYPE[m.type]), ...u16(1)];
  const answers = m.answers.flatMap((a) => [
    0xc0,
    0x0c,
    ...u16(1),
    ...u16(1),
    ...u16(a.ttl >>> 16),
    ...u16(a.ttl & 0xffff),
    ...u16(4),
    ...a.ip.split('.').map(Number),
  ]);
  return [...head, ...question, ...answers];
}

/** Its length in bytes: what the UDP datagram carries. */
export function dnsLength(m: DnsMessage): number {
  return 12 + nameBytes(m.name).length + 4 + 16 * m.answers.length;
}

/**
 * The query id a stub resolver draws at random, here derived from the socket's port and the
 * question so the walk needs no state of its own (and the world's generator is not advanced).
 */
export function queryId(port: number, name: string, type: DnsMessage['type']): number {
  let h = port * 31 + TYPE[type];
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return nextRandom(h)[0] & 0xffff;
}

/** The query for `name`'s `type` records. */
export function dnsQuery(id: number, name: string, type: DnsMessage['type']): DnsMessage {
  return { id, response: false, rcode: 0, name, type, answers: [] };
}

/** The TTL the lab's public resolvers give their A records (tcpdump -v does not print it). */
export const PUBLIC_TTL = 300;

/**
 * A recursive resolver's answer to `q`: `ip` for an A query of a known name, no records for its
 * AAAA (the lab's names have no IPv6 address), NXDOMAIN for a name with no address.
 */
export function dnsAnswer(q: DnsMessage, ip: IPv4 | null, ttl = PUBLIC_TTL): DnsMessage {
  return {
    ...q,
    response: true,
    rcode: ip ? 0 : 3,
    answers: ip && q.type === 'A' ? [{ ttl, ip }] : [],
  };
}
