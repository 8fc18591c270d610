// The scenarios every layer is tested against: the article's four flows first, then the others.
import type { PortRequest } from '../sim';
import type { IPv4 } from '../sim';
import type { Scenario } from './types';
import { withShownWait } from './shown-wait';

const p = (hostPort: number, containerPort: number, proto: 'tcp' | 'udp' = 'tcp'): PortRequest => ({
  hostIp: null,
  hostPort,
  containerPort,
  proto,
});
const a = (s: string) => s as IPv4;

/** c1 = nginx publishing 8080->80 (172.17.0.2), c2 = busybox (172.17.0.3): the reference host. */
const twoOnBridge = [
  { op: 'run', opts: { image: 'nginx', name: 'c1', detach: true, ports: [p(8080, 80)] } },
  { op: 'run', opts: { image: 'busybox', name: 'c2', detach: true, tty: true, interactive: true } },
] as const;

const LABS: readonly Scenario[] = [
  {
    id: 'container-to-container',
    title: 'c2 → c1 across docker0 (bridged, no NAT)',
    setup: twoOnBridge,
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('172.17.0.2'), kind: 'http', port: 80 },
    ],
  },
  {
    id: 'host-to-container',
    title: 'host → c1 through docker0 and the veth pair',
    setup: twoOnBridge,
    flows: [
      { from: { kind: 'host' }, to: a('172.17.0.2'), kind: 'ping', count: 1 },
      { from: { kind: 'host' }, to: a('172.17.0.2'), kind: 'http', port: 80 },
    ],
  },
  {
    id: 'outside-to-published-port',
    title: 'client → 192.0.2.10:8080, DNAT to c1:80, reply un-DNATed by conntrack',
    setup: twoOnBridge,
    flows: [
      { from: { kind: 'remote', name: 'client' }, to: a('192.0.2.10'), kind: 'http', port: 8080 },
    ],
  },
  {
    id: 'container-to-internet',
    title: 'c1 → 198.51.100.7:80, forwarded and MASQUERADEd, reply de-NATed',
    setup: twoOnBridge,
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('198.51.100.7'), kind: 'http', port: 80 },
    ],
  },
  {
    id: 'docker-user-blocks-client',
    title: 'a DOCKER-USER rule drops the client before Docker accepts its published port',
    setup: [
      ...twoOnBridge,
      { op: 'iptables', args: ['-I', 'DOCKER-USER', '-s', '203.0.113.5', '-j', 'DROP'] },
    ],
    flows: [
      { from: { kind: 'remote', name: 'client' }, to: a('192.0.2.10'), kind: 'http', port: 8080 },
    ],
  },
  {
    id: 'input-rule-misses-published-port',
    title: 'an INPUT drop of 8080 (as a host firewall writes it) never sees the DNATed packet',
    setup: [
      ...twoOnBridge,
      { op: 'iptables', args: ['-I', 'INPUT', '-p', 'tcp', '--dport', '8080', '-j', 'DROP'] },
    ],
    flows: [
      { from: { kind: 'remote', name: 'client' }, to: a('192.0.2.10'), kind: 'http', port: 8080 },
    ],
  },
  {
    id: 'container-ping-internet',
    title: 'c1 pings 198.51.100.7',
    setup: twoOnBridge,
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('198.51.100.7'), kind: 'ping', count: 2 },
    ],
  },
  {
    id: 'closed-port-refused',
    title: 'host → c1:81: nothing listens, RST',
    setup: twoOnBridge,
    flows: [{ from: { kind: 'host' }, to: a('172.17.0.2'), kind: 'tcp', port: 81 }],
  },
  {
    id: 'udp-to-internet',
    title: 'c2 sends a DNS query (UDP 53) to 198.51.100.7',
    setup: twoOnBridge,
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('198.51.100.7'), kind: 'udp', port: 53 },
    ],
  },
  {
    id: 'none-mode',
    title: 'a --network none container cannot reach anything',
    setup: [
      ...twoOnBridge,
      {
        op: 'run',
        opts: { image: 'busybox', name: 'iso', network: 'none', tty: true, interactive: true },
      },
    ],
    flows: [
      { from: { kind: 'container', name: 'iso' }, to: a('172.17.0.2'), kind: 'ping', count: 1 },
    ],
  },
  {
    id: 'ip-forward-off',
    title: 'ip_forward=0: c1 cannot reach the internet',
    setup: [...twoOnBridge, { op: 'sysctl', key: 'net.ipv4.ip_forward', value: '0' }],
    flows: [
      { from: { kind: 'container', name: 'c1' }, to: a('198.51.100.7'), kind: 'ping', count: 1 },
    ],
  },
  {
    id: 'icc-off',
    title: 'icc=false: c2 → c1 dropped in FORWARD (br_netfilter on)',
    setup: [{ op: 'daemon', patch: { icc: false } }, ...twoOnBridge],
    flows: [
      { from: { kind: 'container', name: 'c2' }, to: a('172.17.0.2'), kind: 'tcp', port: 80 },
    ],
  },
  {
    id: 'isolated-networks',
    title: 'two user-defined networks are isolated from each other',
    setup: [
      { op: 'network-create', opts: { name: 'front' } },
      { op: 'network-create', opts: { name: 'back' } },
      { op: 'run', opts: { image: 'nginx', name: 'web', network: 'front' } },
      {
        op: 'run',
        opts: { image: 'busybox', name: 'db', network: 'back', tty: true, interactive: true },
      },
    ],
    flows: [
      { from: { kind: 'container', name: 'db' }, to: a('172.18.0.2'), kind: 'tcp', port: 80 },
    ],
  },
  {
    id: 'direct-to-container-ip',
    title: 'the router routes 172.17.0.0/16 to the host; the client goes straight to 172.17.0.2',
    setup: [...twoOnBridge, { op: 'router-route', dst: '172.17.0.0/16', via: '192.0.2.10' }],
    flows: [
      { from: { kind: 'remote', name: 'client' }, to: a('172.17.0.2'), kind: 'tcp', port: 80 },
    ],
  },
];

/** The labs, their connections sent by the lab's own client (shown-wait.ts). */
export const SCENARIOS: readonly Scenario[] = LABS.map((s) => ({
  ...s,
  flows: s.flows.map(withShownWait),
}));

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
