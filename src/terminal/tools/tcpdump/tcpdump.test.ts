// The lab's tcpdump against real tcpdump 4.99 text for the same packets (fixtures/README.md):
// c2 → c1 ping, HTTP GET, nc -z to a closed port, a UDP datagram to a closed port, read on c2's
// host-side veth. Only what is random on a real host is blanked on both sides: time stamps, ICMP
// echo ids, c2's ephemeral ports, initial sequence numbers, TCP time stamp values.
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../../../sim';
import type { Flow } from '../../../sim/trace';
import { terminalOn } from '../../testing/terminal';
import { captureWorld } from './test-world';

const files = import.meta.glob('./fixtures/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fixture = (name: string) => files[`./fixtures/${name}`] ?? '';

const world = captureWorld;

const c1 = '172.17.0.2' as IPv4;
const from = { kind: 'container', name: 'c2' } as const;
const FLOWS: Flow[] = [
  { from, to: c1, kind: 'ping', count: 1 },
  { from, to: c1, kind: 'http', port: 80 },
  { from, to: c1, kind: 'tcp', port: 81 },
  { from, to: c1, kind: 'udp', port: 53 },
];

/** Each flow sent in turn, `tcpdump FLAGS` on c2's host veth after each; the packet lines. */
function labLines(flags: string): string[] {
  const t = terminalOn(world());
  const veth = t.store.getState().world.containers.find((c) => c.name === 'c2')
    ?.endpoints[0]?.hostVeth;
  const lines: string[] = [];
  for (const f of FLOWS) {
    t.store.getState().sendFlow(f);
    const out = t.run(`tcpdump -i ${veth} ${flags}`).out;
    lines.push(...out.split('\n').filter((l) => l !== '' && l !== '^C'));
  }
  return lines;
}

/** Blanks what a real host draws at random (and the clock). */
function blank(lines: readonly string[]): string[] {
  return lines.map((l) =>
    l
      .replace(/^\d\d:\d\d:\d\d\.\d{6} /, 'T ')
      .replace(/\bid \d+, seq/, 'id ID, seq')
      .replace(/172\.17\.0\.3\.\d+/g, '172.17.0.3.PORT')
      .replace(/(Flags \[S\], (?:cksum [^,]+, )?)seq \d+/, '$1seq ISN')
      .replace(/(Flags \[S\.\], (?:cksum [^,]+, )?)seq \d+, ack \d+/, '$1seq ISN, ack ISN')
      .replace(/(Flags \[R\.\], (?:cksum [^,]+, )?)seq 0, ack \d+/, '$1seq 0, ack ISN')
      .replace(/TS val \d+ ecr \d+/, 'TS val V ecr E')
      .replace(/TS val V ecr E(,nop,wscale)/, 'TS val V ecr E$1'),
  );
}

const real = (name: string) =>
  blank(
    fixture(name)
      .split('\n')
      .filter((l) => l !== ''),
  );

describe('tcpdump prints what tcpdump 4.99 prints', () => {
  it('-n: ARP, ICMP echo, a curl connection and its close, a refused SYN, UDP and its ICMP error', () => {
    expect(blank(labLines('-n'))).toEqual(real('c2-eth0.n.txt'));
  });

  it('-n -e: the Ethernet header, frame lengths included', () => {
    expect(blank(labLines('-n -e'))).toEqual(real('c2-eth0.ne.txt'));
  });

  it('-n -v: IP headers, TCP checksums as a veth shows them, HTTP text, the quoted datagram', () => {
    // IP ids are random on a real host (but 0 on a SYN-ACK and a RST, on both sides); a full
    // checksum covers the random ISN and time stamps; the pseudo-header sum a veth shows does not.
    const v = (l: string) =>
      l.replace(/id [1-9]\d*, offset/, 'id N, offset').replace(/-> 0x[0-9a-f]{4}\)/, '-> SUM)');
    const rst = (l: string) => l.replace(/cksum 0x[0-9a-f]{4} \(correct\)/, 'cksum SUM (correct)');
    expect(blank(labLines('-n -v')).map(v).map(rst)).toEqual(
      real('c2-eth0.nv.txt').map(v).map(rst),
    );
  });

  it('says what it listens on, and counts as tcpdump does when interrupted', () => {
    const t = terminalOn(world());
    t.store.getState().sendFlow(FLOWS[0] as Flow);
    const veth = t.store.getState().world.containers[1]?.endpoints[0]?.hostVeth ?? '';
    const r = t.run(`tcpdump -i ${veth} -n`);
    const want = fixture('c2-eth0.n.stderr.txt')
      .replace(/eth0/, veth)
      .replace(/18 packets/g, '4 packets');
    expect(r.err).toBe(want);
    expect(r.out.endsWith('length 64\n^C\n')).toBe(true);
  });
});

describe('tcpdump on docker0: promiscuous unless -p (fixtures/record-bridge.sh)', () => {
  function onDocker0(flags: string) {
    const t = terminalOn(world());
    t.store.getState().sendFlow(FLOWS[0] as Flow);
    return t.run(`tcpdump -i docker0 ${flags}`);
  }
  const lines = (text: string) => text.split('\n').filter((l) => l !== '' && l !== '^C');

  it('sees the frames the bridge forwards between containers (tcpdump makes docker0 promiscuous)', () => {
    expect(blank(lines(onDocker0('-n').out))).toEqual(real('docker0-promisc.n.txt'));
  });

  it('with -p sees only what reaches docker0 itself: the flooded ARP request', () => {
    const r = onDocker0('-n -p');
    expect(blank(lines(r.out))).toEqual(real('docker0-p.n.txt'));
    expect(r.err).toBe(fixture('docker0-p.n.stderr.txt'));
  });
});

describe('"packets received by filter" counts what the kernel counted (measured in a namespace)', () => {
  // Real tcpdump 4.99 on lo in a fresh namespace, a ping to 127.0.0.1 and a UDP datagram to a
  // closed port: 4 captured, 8 received by filter; with the filter `udp`: 1 captured, 2 received.
  const stats = (err: string) => err.split('\n').slice(-4, -2);

  it('on lo the kernel counts each packet twice (the outgoing copy libpcap drops)', () => {
    const t = terminalOn(world());
    t.store
      .getState()
      .sendFlow({ from: { kind: 'host' }, to: '127.0.0.1' as IPv4, kind: 'ping', count: 1 });
    expect(stats(t.run('tcpdump -i lo -n').err)).toEqual([
      '2 packets captured',
      '4 packets received by filter',
    ]);
  });

  it('frames the filter turns away are not received by it', () => {
    const t = terminalOn(world());
    t.store.getState().sendFlow(FLOWS[0] as Flow);
    expect(stats(t.run('tcpdump -i docker0 -n icmp').err)).toEqual([
      '2 packets captured',
      '2 packets received by filter',
    ]);
  });
});

describe('-i any: LINUX_SLL2 (measured with tcpdump 4.99 in a namespace: a ping over a veth, one on lo)', () => {
  const packets = (out: string) =>
    out
      .split('\n')
      .filter((l) => l !== '' && l !== '^C')
      .map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, '').replace(/\bid \d+, seq/, 'id ID, seq'));

  it('-e prints the interface, the direction, the ifindex, the sender and the cooked length', () => {
    const t = terminalOn(world());
    t.store.getState().sendFlow({ from: { kind: 'host' }, to: c1, kind: 'ping', count: 1 });
    const w = t.store.getState().world;
    const mac = (name: string) => w.containers.find((c) => c.name === name)?.endpoints[0]?.mac;
    const lines = packets(t.run('tcpdump -i any -e -n icmp').out);
    // docker0 (ifindex 3 in the lab's host) sends the request on docker0 and the veth, the reply
    // comes back in on the veth and docker0; each line names the device it was seen on.
    expect(lines[0]).toMatch(
      /^docker0 Out ifindex 3 02:42:[0-9a-f:]{11} ethertype IPv4 \(0x0800\), length 104: 172\.17\.0\.1 > 172\.17\.0\.2: ICMP echo request, id ID, seq 1, length 64$/,
    );
    expect(lines[lines.length - 1]).toBe(
      `docker0 In  ifindex 3 ${mac('c1')} ethertype IPv4 (0x0800), length 104: 172.17.0.2 > 172.17.0.1: ICMP echo reply, id ID, seq 1, length 64`,
    );
  });

  it('a packet on lo shows once, "In", from 00:00:00:00:00:00', () => {
    const t = terminalOn(world());
    t.store
      .getState()
      .sendFlow({ from: { kind: 'host' }, to: '127.0.0.1' as IPv4, kind: 'ping', count: 1 });
    expect(packets(t.run('tcpdump -i any -e -n').out)).toEqual([
      'lo    In  ifindex 1 00:00:00:00:00:00 ethertype IPv4 (0x0800), length 104: 127.0.0.1 > 127.0.0.1: ICMP echo request, id ID, seq 1, length 64',
      'lo    In  ifindex 1 00:00:00:00:00:00 ethertype IPv4 (0x0800), length 104: 127.0.0.1 > 127.0.0.1: ICMP echo reply, id ID, seq 1, length 64',
    ]);
  });
});
