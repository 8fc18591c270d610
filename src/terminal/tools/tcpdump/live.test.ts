// `tcpdump … &`: a capture started before a flow prints its frames as playback passes the hops at
// the interface, against real tcpdump 4.99's text for the same ping on a promiscuous docker0
// (fixtures/docker0-promisc.n.txt), and ends with its statistics on the Stop control or at -c N.
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../../../sim';
import type { Flow } from '../../../sim/trace';
import { renderTranscript } from '../../../store/transcript';
import { terminalOn, type TestTerminal } from '../../testing/terminal';
import promisc from './fixtures/docker0-promisc.n.txt?raw';
import { captureWorld } from './test-world';

const world = captureWorld;

const ping: Flow = {
  from: { kind: 'container', name: 'c2' },
  to: '172.17.0.2' as IPv4,
  kind: 'ping',
  count: 1,
};

/** The packet lines the transcript holds (time stamps and the random echo id blanked). */
function packetLines(t: TestTerminal): string[] {
  return renderTranscript(t.store.getState().transcript)
    .split('\n')
    .filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l))
    .map(blank);
}
const blank = (l: string) =>
  l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, 'T ').replace(/\bid \d+, seq/, 'id ID, seq');
const real = promisc
  .split('\n')
  .filter((l) => l !== '')
  .map(blank);

/** Steps playback to its last hop, counting the packet lines after each step. */
function playThrough(t: TestTerminal): number[] {
  const seen: number[] = [];
  for (let i = 0; i < 200 && t.store.getState().cursor < playLast(t); i++) {
    t.store.getState().stepForward();
    seen.push(packetLines(t).length);
  }
  return seen;
}
const playLast = (t: TestTerminal) =>
  t.store.getState().packets.reduce((n, p) => n + p.hops.length, 0) - 1;

describe('tcpdump … & beside a flow', () => {
  it('starts as a job: prints nothing of the flow already shown, and the prompt returns', () => {
    const t = terminalOn(world());
    t.store.getState().sendFlow(ping);
    const r = t.run('tcpdump -i docker0 -n &');
    expect(r.err).toBe(
      '[1] 4201\ntcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' +
        'listening on docker0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n',
    );
    expect(r.out).toBe('');
    t.store.getState().seek(playLast(t));
    expect(packetLines(t)).toEqual([]);
    expect(t.store.getState().captures.map((c) => c.iface)).toEqual(['docker0']);
  });

  it('prints each frame as playback passes its hop at docker0, what tcpdump prints', () => {
    const t = terminalOn(world());
    t.run('tcpdump -i docker0 -n &');
    t.store.getState().sendFlow(ping);
    const counts = playThrough(t);
    expect(packetLines(t)).toEqual(real);
    // One line at a time as the hops pass: the count rises by steps of 0 or 1, never all at once.
    expect(new Set(counts.map((n, i) => n - (counts[i - 1] ?? 0)))).toEqual(new Set([0, 1]));
  });

  it('stepping back prints nothing again; jumping to the end prints the rest', () => {
    const t = terminalOn(world());
    t.run('tcpdump -i docker0 -n &');
    t.store.getState().sendFlow(ping);
    for (let i = 0; i < 200 && packetLines(t).length < 2; i++) t.store.getState().stepForward();
    t.store.getState().stepBack();
    t.store.getState().stepBack();
    t.store.getState().stepForward();
    t.store.getState().stepForward();
    expect(packetLines(t)).toEqual(real.slice(0, 2));
    t.store.getState().seek(playLast(t));
    expect(packetLines(t)).toEqual(real);
  });

  it('the Stop control ends it with the statistics tcpdump prints on SIGINT', () => {
    const t = terminalOn(world());
    t.run('tcpdump -i docker0 -n &');
    t.store.getState().sendFlow(ping);
    t.store.getState().seek(playLast(t));
    t.store.getState().stopCapture(1);
    expect(renderTranscript(t.store.getState().transcript)).toMatch(
      /length 64\n4 packets captured\n4 packets received by filter\n0 packets dropped by kernel\n$/,
    );
    expect(t.store.getState().captures).toEqual([]);
    // Ended: the next flow prints nothing.
    t.store.getState().sendFlow(ping);
    t.store.getState().seek(playLast(t));
    expect(packetLines(t)).toHaveLength(4);
  });

  it('-c N ends it after N packets, with the statistics; a filter counts what it saw', () => {
    const t = terminalOn(world());
    t.run('tcpdump -i docker0 -n -c 1 icmp &');
    t.store.getState().sendFlow(ping);
    t.store.getState().seek(playLast(t));
    expect(packetLines(t)).toEqual(real.slice(2, 3));
    // The kernel's filter turned the ARP frames away: they are not "received by filter" either.
    expect(renderTranscript(t.store.getState().transcript)).toMatch(
      /1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\n$/,
    );
    expect(t.store.getState().captures).toEqual([]);
  });

  it('a second capture is job 2 and both print', () => {
    const t = terminalOn(world());
    t.run('tcpdump -i docker0 -n &');
    expect(t.run('tcpdump -i docker0 -n arp &').err).toMatch(/^\[2\] 4202\n/);
    t.store.getState().sendFlow(ping);
    t.store.getState().seek(playLast(t));
    expect(packetLines(t)).toHaveLength(4 + 2);
  });
});
