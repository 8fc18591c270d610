// The lab's tcpdump on UDP ports tcpdump decodes by number, against real tcpdump 4.99.3 text
// (fixtures/udp-ports.*.txt, recorded by fixtures/record-udp-ports.sh: c2 sends "query" to each
// port from 40000+i and c1 answers "answer"; then other 5-byte payloads from 39999 to 123, 69,
// 161, 1701 and 514). Every UDP packet of the recording is rebuilt as a lab frame and printed, and
// the few port unreachables the recording caught, whose quoted answer tcpdump decodes by port too.
import { describe, expect, it } from 'vitest';
import type { IPv4, MacAddress } from '../../../sim';
import type { Frame } from '../../../sim/trace';
import { printFrame, type PrintOptions } from './print';
import { TcpTracker } from './tcp-model';

const files = import.meta.glob('./fixtures/udp-ports.*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The payloads record-udp-ports.sh sends from 39999, in order, to each of its ports. */
const VARIANTS = [
  '`uery',
  'buery',
  'cuery',
  'duery',
  'euery',
  'fuery',
  'guery',
  '0uery',
  'Query',
  'zz1zz',
  '<13>x',
];
const MAC: Record<string, MacAddress> = {
  '172.17.0.2': '02:42:ac:11:00:02' as MacAddress,
  '172.17.0.3': '02:42:ac:11:00:03' as MacAddress,
};

/** One packet a record: its first line and the tab-indented lines after it. */
function packets(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (/^[\t ]/.test(line) && out.length > 0) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

const ENDS = /(172\.17\.0\.\d)\.(\d+) > (172\.17\.0\.\d)\.(\d+): /;

/** Each UDP packet of a recording with the lab's frame for it. */
function cases(text: string): { real: string; frame: Frame }[] {
  const sent = new Map<number, number>();
  return packets(text).flatMap((real) => {
    const m = ENDS.exec(real);
    if (!m) return [];
    const [, src = '', sp = '', dst = '', dp = ''] = m;
    // The port unreachable a client socket closed too soon drew: it quotes c1's answer.
    if (real.includes(' ICMP ')) {
      const inner = { src: src as IPv4, dst: dst as IPv4, proto: 'udp' as const, ttl: 64 };
      const quote = { ...inner, sport: Number(sp), dport: Number(dp), len: 34, payload: 'answer' };
      const error: Frame = {
        eth: { src: MAC[dst] as MacAddress, dst: MAC[src] as MacAddress, type: 'IPv4' },
        ip: { src: dst as IPv4, dst: src as IPv4, ttl: 64, proto: 'icmp', len: 62 },
        icmp: { type: 3, code: 3, id: 0, seq: 0, inner: quote },
      };
      return [{ real, frame: error }];
    }
    const [sport, dport] = [Number(sp), Number(dp)];
    let payload = 'answer';
    if (src === '172.17.0.3') {
      const k = sent.get(dport) ?? 0;
      if (sport === 39999) sent.set(dport, k + 1);
      payload = sport === 39999 ? (VARIANTS[k] ?? '') : 'query';
    }
    const frame: Frame = {
      eth: { src: MAC[src] as MacAddress, dst: MAC[dst] as MacAddress, type: 'IPv4' },
      ip: { src: src as IPv4, dst: dst as IPv4, ttl: 64, proto: 'udp', len: 28 + payload.length },
      udp: { sport, dport },
      payload,
    };
    return [{ real, frame }];
  });
}

const print = (f: Frame, o: PrintOptions) =>
  printFrame(f, o, new TcpTracker(), 0, 1500, 7).text.replace(
    /, id \d+, offset/g,
    ', id N, offset',
  );

const flags = (link: boolean, verbose: boolean): PrintOptions => ({
  numeric: true,
  link,
  verbose,
  absolute: false,
});

describe("tcpdump's port decoders for the lab's short datagrams", () => {
  it.each([
    ['udp-ports.n.txt', flags(false, false)],
    ['udp-ports.nnev.txt', flags(true, true)],
  ] as const)('%s: every UDP packet printed as the real tcpdump printed it', (name, o) => {
    const all = cases(files[`./fixtures/${name}`] ?? '');
    expect(all.length).toBeGreaterThan(100);
    // A syslog message that opens with <PRI> is decoded further, which the lab does not model.
    const modelled = all.filter(
      (c) => !(c.frame.udp?.dport === 514 && c.frame.payload?.startsWith('<')),
    );
    expect(all.length - modelled.length).toBe(1);
    const lab = modelled.map((c) => print(c.frame, o));
    expect(lab).toEqual(modelled.map((c) => c.real));
  });

  it('a payload long enough to be the protocol is left to print as UDP (not modelled)', () => {
    const frame = cases('IP 172.17.0.3.40000 > 172.17.0.2.7000: x')[0]?.frame;
    if (!frame?.ip) throw new Error('no frame');
    const long = { ...frame, payload: 'q'.repeat(40), ip: { ...frame.ip, len: 68 } };
    expect(print(long, flags(false, false))).toBe(
      'IP 172.17.0.3.40000 > 172.17.0.2.7000: UDP, length 40',
    );
  });
});
