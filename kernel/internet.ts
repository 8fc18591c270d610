// The internet beyond the router (src/sim/internet.ts) against the kernel: public addresses
// answering ping, HTTP and DNS's port from the host and from containers through MASQUERADE, and the
// router's ICMP net unreachable for an address it has no route to. Run by default (run.ts).
import type { IPv4 } from '../src/sim';
import { findScenario, type Scenario } from '../src/scenarios';

const a = (s: string) => s as IPv4;
const reference = findScenario('container-to-container')?.setup ?? [];

export const INTERNET_SCENARIOS: readonly Scenario[] = [
  {
    id: 'internet:host',
    title:
      'host → 8.8.8.8 ping, 93.184.216.34:80, 10.1.2.3 ping (the router: net unreachable), 1.1.1.1:53/udp',
    setup: reference,
    flows: [
      { from: { kind: 'host' }, to: a('8.8.8.8'), kind: 'ping', count: 1 },
      { from: { kind: 'host' }, to: a('93.184.216.34'), kind: 'http', port: 80 },
      { from: { kind: 'host' }, to: a('10.1.2.3'), kind: 'ping', count: 2 },
      { from: { kind: 'host' }, to: a('1.1.1.1'), kind: 'udp', port: 53 },
    ],
  },
  {
    id: 'internet:container',
    title:
      'c1 → 8.8.8.8 ping, 110.242.68.66:80, c2 → 8.8.8.8:53/udp, c1 → 192.168.7.7:80 (net unreachable, RELATED back)',
    setup: reference,
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('8.8.8.8'), kind: 'ping', count: 1 },
      { from: { kind: 'container', name: 'c1' }, to: a('110.242.68.66'), kind: 'http', port: 80 },
      { from: { kind: 'container', name: 'c2' }, to: a('8.8.8.8'), kind: 'udp', port: 53 },
      { from: { kind: 'container', name: 'c1' }, to: a('192.168.7.7'), kind: 'tcp', port: 80 },
    ],
  },
  {
    // busybox nslookup as the lab walks it (src/sim/walk/dns.ts, a `dns` flow: A and AAAA
    // queries, then their answers): c2 on the default bridge asks 8.8.8.8 through docker0, FORWARD
    // and MASQUERADE, the answers un-NATed from the UDP conntrack entry; the kernel's resolver
    // (dns.py) answers the DNS messages the engine answers, so tcpdump's DNS lines are compared.
    id: 'internet:dns-container',
    title: 'c2 nslookup example.com: the query to 8.8.8.8:53 through MASQUERADE and its answer',
    setup: reference,
    flows: [
      {
        from: { kind: 'container', name: 'c2' },
        to: a('8.8.8.8'),
        kind: 'dns',
        lookup: 'example.com',
      },
    ],
  },
  {
    // The host asks 1.1.1.1 from eth0 (an NXDOMAIN answer is the same datagram on the wire). A
    // case of its own: after c2's, both the lab's queries leave from 192.0.2.10:40000 (to
    // different servers, no clash), where the kernel's two clients drew two ports.
    id: 'internet:dns-host',
    title: 'host nslookup nosuch.example 1.1.1.1: the query from eth0 and its answer',
    setup: reference,
    flows: [{ from: { kind: 'host' }, to: a('1.1.1.1'), kind: 'dns', lookup: 'nosuch.example' }],
  },
];
