// Extra probes on the reference host (`--extra`): corners the catalogue does not send yet. Data only.
import type { IPv4, PortRequest } from '../src/sim';
import { findScenario, type Scenario } from '../src/scenarios';

const a = (s: string) => s as IPv4;
const reference = findScenario('container-to-container')?.setup ?? [];
// Ports tcpdump has no decoder for (on 53 or 5353 it prints the lab's 5-byte datagram as
// `domain [length 5 < 12] (invalid)`: tools/tcpdump/udp-ports.ts).
const udpPublished: PortRequest = {
  hostIp: null,
  hostPort: 12001,
  containerPort: 12000,
  proto: 'udp',
};
/** The reference host plus a container publishing 12001/udp to 12000, running `command`. */
const publishedUdp = (command: readonly string[]) => [
  ...reference,
  {
    op: 'run' as const,
    opts: { image: 'busybox', name: 'dns', detach: true, ports: [udpPublished], command },
  },
];

/**
 * Cases whose tools bind the engine's client source port (curl --local-port): the clash they test
 * needs two clients on one port, which the kernel's random ephemeral ports would rarely give; and
 * a SYN that never reaches a wire (ARP gives up) leaves no frame to map the port of its conntrack
 * entry by.
 */
export const BOUND_SOURCE_PORTS: ReadonlySet<string> = new Set([
  'extra:nat-source-port-clash',
  'extra:nat-echo-id-clash',
  // Its SYN reaches no wire (ARP gives up); only the error on lo quotes its port.
  'extra:container-to-missing-ip',
  'challenge-overlapping-subnet:broken',
  'challenge-overlapping-subnet:no-containers',
  'challenge-overlapping-subnet:own-network',
]);

export const EXTRA_SCENARIOS: readonly Scenario[] = [
  {
    // Real (6.18): the host's curl leaves eth0 from a port nf_nat drew at random in 1024-65535
    // (its null binding), c1's from another (MASQUERADE's search); c2 keeps 40000.
    id: 'extra:nat-source-port-clash',
    title:
      'c2, then the host, then c1 → 198.51.100.7:80, all from port 40000: NAT moves the clashing ones',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('198.51.100.7'), kind: 'http', port: 80 },
      { from: { kind: 'host' }, to: a('198.51.100.7'), kind: 'http', port: 80 },
      { from: { kind: 'container', name: 'c1' }, to: a('198.51.100.7'), kind: 'http', port: 80 },
    ],
  },
  {
    // Real (6.18, ping -e 40000 on all three): c2 keeps 40000; the host's echo leaves eth0 with id
    // 0 (OUTPUT's null binding searches from 0), c1's with a random one (MASQUERADE's search).
    id: 'extra:nat-echo-id-clash',
    title:
      'c2, then the host, then c1 ping 198.51.100.7, all with echo id 40000: NAT moves the ids',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('198.51.100.7'), kind: 'ping', count: 1 },
      { from: { kind: 'host' }, to: a('198.51.100.7'), kind: 'ping', count: 1 },
      { from: { kind: 'container', name: 'c1' }, to: a('198.51.100.7'), kind: 'ping', count: 1 },
    ],
  },
  {
    id: 'extra:udp-closed-port',
    title: 'c2 → 198.51.100.7:54/udp: ICMP port unreachable back through MASQUERADE',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('198.51.100.7'), kind: 'udp', port: 54 },
    ],
  },
  {
    id: 'extra:ping-twice-c1-c2',
    title: 'c1 pings c2 twice: ARP once, then the neighbour cache',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('172.17.0.3'), kind: 'ping', count: 2 },
      { from: { kind: 'container', name: 'c1' }, to: a('172.17.0.3'), kind: 'ping', count: 1 },
    ],
  },
  {
    id: 'extra:container-to-published-port-via-host-ip',
    title: 'c2 → 192.0.2.10:8080: no DNAT from docker0 (classic), docker-proxy carries it',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('192.0.2.10'), kind: 'http', port: 8080 },
    ],
  },
  {
    id: 'extra:host-loopback-published-port',
    title: 'host → 127.0.0.1:8080: OUTPUT skips 127/8, docker-proxy on lo',
    setup: reference,
    flows: [{ from: { kind: 'host' }, to: a('127.0.0.1'), kind: 'http', port: 8080 }],
  },
  {
    id: 'extra:host-loopback-published-port-nc',
    // Now and then (about 1 run in 50) a kernel ACKs a FIN at once instead of on its own FIN.
    title: 'host → 127.0.0.1:8080 with nc -z: the close relayed by docker-proxy to c1 and back',
    setup: reference,
    flows: [{ from: { kind: 'host' }, to: a('127.0.0.1'), kind: 'tcp', port: 8080 }],
  },
  {
    id: 'extra:container-to-missing-ip',
    title: 'c1 → 172.17.0.9 (nobody): ARP retries, then host unreachable',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('172.17.0.9'), kind: 'tcp', port: 80 },
    ],
  },
  {
    id: 'extra:host-ping-missing-ip',
    title: 'host pings 172.17.0.9 (nobody): ARP gives up, the error on lo is RELATED to the echo',
    setup: reference,
    flows: [{ from: { kind: 'host' }, to: a('172.17.0.9'), kind: 'ping', count: 1 }],
  },
  {
    // Real: three ARP requests in all (0, 1, 2 s), both errors at 3 s: the second request
    // waited in the entry's queue.
    id: 'extra:host-ping-missing-ip-twice',
    title: 'host pings 172.17.0.9 twice: one resolution, both requests dropped when it fails',
    setup: reference,
    flows: [{ from: { kind: 'host' }, to: a('172.17.0.9'), kind: 'ping', count: 2 }],
  },
  {
    // Real: requests 1-3 wait for the first resolution (errors at 3 s); the 4th, sent as it
    // gives up, finds the entry FAILED and asks again; the 5th waits for that (errors at 6 s).
    // Racy in the kernel (2 case runs in ~30): ping, woken by the first error, sends the 4th
    // while neigh_invalidate is still emptying the queue; the entry turns INCOMPLETE, the loop
    // stops, and the rest of the old queue is purged without its error (+4 errors, 4 on lo).
    id: 'extra:host-ping-missing-ip-five',
    title: 'host pings 172.17.0.9 five times: a request after FAILED starts a new resolution',
    setup: reference,
    flows: [{ from: { kind: 'host' }, to: a('172.17.0.9'), kind: 'ping', count: 5 }],
  },
  {
    id: 'extra:container-ping-missing-ip',
    title: 'c1 pings 172.17.0.9 twice: three ARP requests from its eth0, both errors on its lo',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('172.17.0.9'), kind: 'ping', count: 2 },
    ],
  },
  {
    id: 'extra:host-ping-own-addresses',
    title: "host pings its own addresses on lo: docker0's is MASQUERADEd to eth0's, eth0's is not",
    setup: reference,
    flows: [
      { from: { kind: 'host' }, to: a('172.17.0.1'), kind: 'ping', count: 1 },
      { from: { kind: 'host' }, to: a('192.0.2.10'), kind: 'ping', count: 1 },
    ],
  },
  {
    // busybox `nc -lu -p 12000` with a detached container's empty stdin: it takes the datagram and
    // sends nothing back, so the DNATed entry stays [UNREPLIED] and no ICMP error comes back.
    id: 'extra:outside-udp-published-nc',
    title:
      'client → 192.0.2.10:12001/udp, DNAT to dns:12000 where nc -lu listens: delivered, no reply',
    setup: publishedUdp(['nc', '-lu', '-p', '12000']),
    flows: [
      { from: { kind: 'remote', name: 'client' }, to: a('192.0.2.10'), kind: 'udp', port: 12001 },
    ],
  },
  {
    id: 'extra:outside-udp-published-closed',
    title:
      'client → 192.0.2.10:12001/udp, DNAT to dns:12000 where nothing listens: port unreachable',
    setup: publishedUdp(['sleep', '3600']),
    flows: [
      { from: { kind: 'remote', name: 'client' }, to: a('192.0.2.10'), kind: 'udp', port: 12001 },
    ],
  },
];
