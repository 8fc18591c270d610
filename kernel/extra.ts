// Extra probes on the reference host (`--extra`): corners the catalogue does not send yet. Data only.
import type { IPv4 } from '../src/sim';
import { findScenario, type Scenario } from '../src/scenarios';

const a = (s: string) => s as IPv4;
const reference = findScenario('container-to-container')?.setup ?? [];

export const EXTRA_SCENARIOS: readonly Scenario[] = [
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
    id: 'extra:host-ping-own-addresses',
    title: "host pings its own addresses on lo: docker0's is MASQUERADEd to eth0's, eth0's is not",
    setup: reference,
    flows: [
      { from: { kind: 'host' }, to: a('172.17.0.1'), kind: 'ping', count: 1 },
      { from: { kind: 'host' }, to: a('192.0.2.10'), kind: 'ping', count: 1 },
    ],
  },
];
