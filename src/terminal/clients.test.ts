import { describe, expect, it } from 'vitest';
import { createWorld, runContainer, seenOf, type World } from '../sim';
import type { Hop, PacketTrace } from '../sim/trace';
import { fixture } from './testing/fixtures';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

/** Round-trip times and elapsed times vary run to run; everything else must match. */
const times = (s: string) =>
  s
    .replace(/time[=: ]?\d+(\.\d+)?( ?ms)?/g, 'time T')
    .replace(/= [\d./]+ ms/g, '= T ms')
    .replace(/after \d+ ms/g, 'after N ms');

function withNone(w: World): World {
  const r = runContainer(w, {
    image: 'busybox',
    name: 'iso',
    network: 'none',
    tty: true,
    interactive: true,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

describe('clients send flows through the simulator and print as the real tools (terminal view)', () => {
  it.each([
    ['ping -c 3 172.17.0.2', 'host__ping-c-3-172.17.0.2.txt'],
    ['docker exec c1 ping -c 3 172.17.0.3', 'c1__busybox-ping-c-3-172.17.0.3.txt'],
    ['curl http://172.17.0.2:81/', 'host__curl-172.17.0.2-81.tty.txt'],
    ['curl -sv http://172.17.0.2/', 'host__curl-sv-172.17.0.2.tty.txt'],
    ['curl --max-time 2 http://172.17.0.9/', 'host__curl-max-time-2-172.17.0.9.tty.txt'],
    ['curl http://172.17.0.9/', 'host__curl-172.17.0.9.tty.txt'],
    ['nc -zv 172.17.0.2 80', 'host__nc-zv-172.17.0.2-80.tty.txt'],
    ['nc -zv 172.17.0.2 81', 'host__nc-zv-172.17.0.2-81.tty.txt'],
    ['docker exec c1 wget -O- http://198.51.100.7/', 'c1__busybox-wget-O-198.51.100.7.tty.txt'],
    ['docker exec c1 wget -O- http://172.17.0.3:81/', 'c1__busybox-wget-O-172.17.0.3-81.tty.txt'],
  ])('%s', (line, file) => {
    expect(times(terminalOn(referenceHost()).run(line).tty)).toBe(times(fixture(file)));
  });

  it.each([
    ['ping -c 1 172.17.0.2', 'none__busybox-ping-c-1-172.17.0.2.tty.txt'],
    ['wget http://172.17.0.2/', 'none__busybox-wget-172.17.0.2.tty.txt'],
  ])('from a --network none container: %s', (cmd, file) => {
    expect(terminalOn(withNone(referenceHost())).run(`docker exec iso ${cmd}`).tty).toBe(
      fixture(file),
    );
  });

  it('stores the flow: packets, result and cursor 0 for the diagram', () => {
    const t = terminalOn(referenceHost());
    t.run('curl http://172.17.0.2/');
    const s = t.store.getState();
    expect(s.flow).toMatchObject({
      from: { kind: 'host' },
      to: '172.17.0.2',
      kind: 'http',
      port: 80,
    });
    expect(s.result?.kind).toBe('connected');
    expect(s.packets.length).toBeGreaterThan(0);
    expect(s.cursor).toBe(0);
  });
});

/** A hand-built echo exchange with the capture's round-trip times, to check the number formats. */
function echo(seq: number, sentUs: number, rttUs: number, ttl: number): PacketTrace[] {
  const hop = (t: number, type: number): Hop => ({
    seen: seenOf(createWorld()),
    node: 'host',
    iface: null,
    event: 'deliver',
    frame: {
      eth: null,
      icmp: { type, code: 0, id: 1, seq },
      ip: { src: '172.17.0.3' as never, dst: '172.17.0.2' as never, ttl, proto: 'icmp', len: 84 },
    },
    changed: [],
    why: { key: 'deliver.stack', params: {} },
    t,
  });
  return [
    {
      label: 'echo request',
      direction: 'request',
      hops: [hop(sentUs, 8)],
      outcome: { kind: 'delivered', node: 'host' },
    },
    {
      label: 'echo reply',
      direction: 'reply',
      hops: [hop(sentUs + rttUs, 0)],
      outcome: { kind: 'delivered', node: 'host' },
    },
  ];
}

describe('ping prints the round-trip times from the hops exactly', () => {
  it('busybox: 0.279 / 0.118 / 0.114 ms gives the captured lines and summary', () => {
    const packets = [
      ...echo(0, 0, 279, 64),
      ...echo(1, 1_000_000, 118, 64),
      ...echo(2, 2_000_000, 114, 64),
    ];
    const t = terminalOn(referenceHost(), {
      simulate: (world) => ({
        world,
        packets,
        result: {
          kind: 'replied',
          replies: 3,
          sent: 3,
          rttUs: [279, 118, 114],
          ttl: 64,
          errors: 0,
        },
      }),
    });
    expect(t.run('docker exec c1 ping -c 3 172.17.0.3').out).toBe(
      fixture('c1__busybox-ping-c-3-172.17.0.3.txt'),
    );
  });

  it('iputils: 0.204 / 0.064 / 0.061 ms gives the captured lines and rtt summary', () => {
    const packets = [
      ...echo(1, 0, 204, 64),
      ...echo(2, 1_000_000, 64, 64),
      ...echo(3, 2_000_000, 61, 64),
    ];
    const t = terminalOn(referenceHost(), {
      simulate: (world) => ({
        world,
        packets,
        result: { kind: 'replied', replies: 3, sent: 3, rttUs: [204, 64, 61], ttl: 64, errors: 0 },
      }),
    });
    const out = t.run('ping -c 3 172.17.0.2').out;
    expect(out.replace(/time \d+ms/, 'time Nms')).toBe(
      fixture('host__ping-c-3-172.17.0.2.txt').replace(/time \d+ms/, 'time Nms'),
    );
  });
});

describe('a client that bounds its connect (curl -m, nc -w) walks only the SYNs sent before', () => {
  it('passes the wait to the walk, and a dropped SYN is tried that many times', () => {
    const t = terminalOn(referenceHost());
    // The host's own SYNs to port 80 go nowhere: each try meets the same DROP.
    t.run('iptables -I OUTPUT -p tcp --dport 80 -j DROP');
    expect(times(t.run('curl -m 2 http://172.17.0.2/').tty)).toBe(
      'curl: (28) Connection timed out after 2000 milliseconds\n',
    );
    const s = t.store.getState();
    expect(s.flow?.wait).toBe(2);
    expect(s.packets.map((p) => p.label)).toEqual(['SYN', 'SYN #2']);
    t.run('nc -z -w 4 172.17.0.2 80');
    expect(t.store.getState().flow?.wait).toBe(4);
    expect(t.store.getState().packets.map((p) => p.label)).toEqual(['SYN', 'SYN #2', 'SYN #3']);
    t.run('nc -zu -w 4 172.17.0.2 80');
    expect(t.store.getState().flow?.wait).toBeUndefined();
  });
});
