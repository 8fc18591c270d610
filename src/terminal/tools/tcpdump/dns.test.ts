// The lab's DNS messages against real ones: kernel/fixtures/dns holds busybox 1.35's nslookup and
// ping queries and kernel/dns.py's answers, captured by tcpdump 4.99 in namespaces (record.sh),
// with the real tcpdump's -n and -nn -v -e text of them. Every message the lab builds for the same
// question (same id, name, type, answer) must be those bytes, and print as tcpdump printed them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../../../sim/addr';
import { dnsAnswer, dnsBytes, dnsQuery } from '../../../sim/dns-message';
import type { DnsMessage } from '../../../sim/trace';
import { dnsText } from './dns';

const dir = new URL('../../../../kernel/fixtures/dns/', import.meta.url);

/** The UDP payloads of a classic pcap (Ethernet, IPv4 without options). */
function payloads(file: Buffer): number[][] {
  const out: number[][] = [];
  for (let at = 24; at < file.length;) {
    const caplen = file.readUInt32LE(at + 8);
    const pkt = file.subarray(at + 16, at + 16 + caplen);
    out.push([...pkt.subarray(14 + 20 + 8)]);
    at += 16 + caplen;
  }
  return out;
}

/** The messages tcpdump -n printed, rebuilt by the lab from their id, question and answer. */
function labMessages(lines: readonly string[]): DnsMessage[] {
  const known: Record<string, IPv4> = {
    'example.com': '93.184.216.34' as IPv4,
    'www.baidu.com': '110.242.68.66' as IPv4,
  };
  const asked = new Map<number, DnsMessage>();
  return lines.map((l) => {
    const q = /: (\d+)\+ (A|AAAA)\? (\S+)\. \(/.exec(l);
    if (q) {
      const m = dnsQuery(Number(q[1]), q[3] ?? '', q[2] === 'A' ? 'A' : 'AAAA');
      asked.set(m.id, m);
      return m;
    }
    const id = Number(/: (\d+) /.exec(l)?.[1]);
    const query = asked.get(id);
    if (!query) throw new Error(`no query for ${l}`);
    return dnsAnswer(query, known[query.name] ?? null);
  });
}

const lines = (name: string) =>
  readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

describe('DNS messages as busybox and a resolver sent them', () => {
  const plain = lines('tcpdump-n.txt');
  const msgs = labMessages(plain);

  it('the same bytes, query by query and answer by answer', () => {
    const real = payloads(readFileSync(new URL('dns.pcap', dir)));
    expect(real).toHaveLength(12);
    expect(msgs.map(dnsBytes)).toEqual(real);
  });

  it('printed as tcpdump 4.99 printed them, with and without -v', () => {
    const text = (l: string) => l.slice(l.indexOf(': ') + 2);
    expect(msgs.map((m) => dnsText(m, false))).toEqual(plain.map(text));
    const verbose = lines('tcpdump-nn-v-e.txt').filter((l) => l.startsWith(' '));
    expect(msgs.map((m) => dnsText(m, true))).toEqual(verbose.map(text));
  });
});
