// Packets waiting for one neighbour resolution (the kernel's arp_queue), against a real kernel:
// a namespace with a port-less bridge 172.17.0.1/16, `ping -c N -W 4 172.17.0.9` (nobody there),
// tcpdump on every interface (kernel 6.18, iputils 20221126; also the kernel suite's
// extra:host-ping-missing-ip-twice and extra:container-ping-missing-ip cases).
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../addr';
import { buildScenario, findScenario } from '../../scenarios';
import type { Flow, Hop, PacketTrace } from '../trace';
import { simulate } from './simulate';

const a = (s: string) => s as IPv4;
const referenceHost = () => buildScenario(findScenario('host-to-container')!, 'docker-27');

function ping(from: Flow['from'], count: number) {
  return simulate(referenceHost(), { from, to: a('172.17.0.9'), kind: 'ping', count });
}

const all = (packets: readonly PacketTrace[]): Hop[] => packets.flatMap((p) => p.hops);
const seconds = (t: number) => Math.round(t / 100_000) / 10;
/** ARP requests `node` put on the wire of `dev`, with the second each left. */
const arpTimes = (packets: readonly PacketTrace[], node: string, dev: string) =>
  all(packets)
    .filter((h) => h.node === node && h.iface === dev && h.event === 'tx')
    .filter((h) => h.frame.arp?.op === 'request')
    .map((h) => seconds(h.t));
/** The ICMP errors delivered back to the pinger: the quoted echo's sequence and the second. */
const errors = (packets: readonly PacketTrace[]) =>
  packets
    .filter((p) => p.label === 'ICMP host unreachable' && p.outcome.kind === 'delivered')
    .map((p) => {
      const end = p.hops[p.hops.length - 1];
      return `${end?.frame.icmp?.inner?.echo?.seq}@${seconds(end?.t ?? 0)}`;
    });

describe('echo requests wait for the resolution already in progress', () => {
  // Real -c 2: three requests at 0, 1.01, 2.04 s; both errors on lo at 3.06 s (`probes 6 FAILED`).
  it('host -c 2: three ARP requests in all, both errors when they go unanswered', () => {
    const r = ping({ kind: 'host' }, 2);
    expect(arpTimes(r.packets, 'host', 'docker0')).toEqual([0, 1, 2]);
    expect(errors(r.packets)).toEqual(['1@3', '2@3']);
  });

  it('the second request is queued, not asked for again, and dropped with the first', () => {
    const r = ping({ kind: 'host' }, 2);
    const second = r.packets.find((p) => p.label === 'echo request 2');
    expect(second?.hops.map((h) => h.event)).not.toContain('arp-request');
    expect(second?.hops.find((h) => h.event === 'arp-queued')?.why.key).toBe('arp.queued');
    expect(second?.outcome).toEqual({ kind: 'dropped', reason: 'arp-failed', node: 'host' });
    expect(r.result).toMatchObject({ kind: 'replied', sent: 2, replies: 0, errors: 2 });
  });

  // Real -c 5 (1 s apart): requests at 0, 1, 2 s; errors 1-3 at 3.07 s; the 4th echo, sent just
  // after, finds the entry FAILED and starts asking again (3.07, 4.09, 5.11 s); the 5th waits
  // for that; errors 4-5 at 6.1 s. Two runs alike.
  it('host -c 5: a request sent once the entry is FAILED starts a new resolution', () => {
    const r = ping({ kind: 'host' }, 5);
    expect(arpTimes(r.packets, 'host', 'docker0')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(errors(r.packets)).toEqual(['1@3', '2@3', '3@3', '4@6', '5@6']);
    expect(r.world.neigh['host']?.find((n) => n.ip === '172.17.0.9')?.state).toBe('FAILED');
  });

  // Real: in a container 172.17.0.2/16 on the bridge, `ping -c 2 172.17.0.9` sends three
  // requests on its eth0, and both errors come on its own lo.
  it('a container -c 2: three ARP requests from its eth0, two errors', () => {
    const r = ping({ kind: 'container', name: 'c1' }, 2);
    expect(arpTimes(r.packets, 'container:c1', 'eth0')).toEqual([0, 1, 2]);
    expect(errors(r.packets)).toEqual(['1@3', '2@3']);
  });
});
