// Engine counterexamples the fuzzer found (shrunk), replayed first by the property tests. Each one
// failed when found because the ENGINE disagreed with Linux/Docker; all are fixed and stay as
// regression cases (a new open bug goes in with `it.fails`, so its fix turns the test red).
import type { FlowSpec, Scenario, Step } from './scenario';

const run = (
  image: string,
  name: string | undefined,
  publish: string[] = [],
  tty = true,
): Step => ({
  op: 'run',
  image,
  name,
  network: undefined,
  publish,
  publishAll: false,
  tty,
  autoRemove: false,
});
const flow = (from: FlowSpec['from'], to: string, kind: FlowSpec['kind'], port = 80): Step => ({
  op: 'flow',
  flow: { from, to: { kind: 'ip', ip: to }, kind, port, count: 1 },
});
const host = { kind: 'host' } as const;
const ctr = (name: string) => ({ kind: 'container', name }) as const;
const base = { seed: 0, icc: true } as const;

/**
 * nat: the ICMP port unreachable a DNATed UDP datagram provokes reaches the client with its outer
 * header un-DNATed but still quoting `udp 203.0.113.5:40000 > 172.17.0.2:80`; the kernel
 * (nf_nat_icmp_reply_translation) rewrites the quoted header too, to `… > 192.0.2.10:8080`.
 */
export const ICMP_ERROR_QUOTES_NAT: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: false,
  steps: [
    run('busybox', 'job', ['8080:80/udp']),
    flow({ kind: 'remote', name: 'client' }, '192.0.2.10', 'udp', 8080),
  ],
};

/** nat: the same with SNAT: the server's port unreachable for job's MASQUERADEd datagram. */
export const ICMP_ERROR_QUOTES_MASQUERADE: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: false,
  steps: [run('nginx', 'job'), flow(ctr('job'), '198.51.100.7', 'udp', 80)],
};

/**
 * walk (uncommitted ip.ts change `hostUnreachableToSelf`): when ARP fails for a packet the host
 * sent, the ICMP host unreachable looped through lo is appended to the dropped packet's own hops,
 * so a packet whose outcome is 'dropped' carries a 'deliver' hop. It is a second packet and needs
 * its own trace (direction 'reply', delivered to the sender).
 */
export const ARP_FAILURE_ERROR_IN_SAME_TRACE: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: true,
  steps: [flow(host, '172.17.0.2', 'ping')],
};

/**
 * nat: hairpin without br_netfilter (classic default, or bridge-nf-call-iptables=0): cli's SYN to
 * 192.0.2.10:8080 is DNATed to web, but web's SYN-ACK crosses docker0 bridged, bypasses conntrack
 * and reaches cli as `172.17.0.2:80 > 172.17.0.3:40000`. Linux's cli answers that with a RST
 * (its socket is connected to 192.0.2.10:8080) and curl fails; the engine reports "connected"
 * with nginx's page.
 */
export const HAIRPIN_WITHOUT_BR_NETFILTER: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: false,
  steps: [
    run('nginx', 'web', ['8080:80']),
    run('busybox', 'cli'),
    flow(ctr('cli'), '192.0.2.10', 'http', 8080),
  ],
};

/**
 * conntrack: the host's connection to 192.0.2.1:80 leaves entry #1 (reply 192.0.2.1:80 >
 * 192.0.2.10:40000). job's connection from 172.17.0.2:40000 is MASQUERADEd to 192.0.2.10:40000
 * without a port change, so entry #2 has the same reply tuple and the router's RST is delivered to
 * the host. nf_nat picks another source port when the tuple is taken (get_unique_tuple).
 */
export const MASQUERADE_PORT_CLASH: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: false,
  steps: [
    flow(host, '192.0.2.1', 'http'),
    run('nginx', 'job'),
    flow(ctr('job'), '192.0.2.1', 'http'),
  ],
};

/** world: `--subnet 10.9.9.9/32` gives a network whose gateway 10.9.9.10 is outside its subnet. */
export const GATEWAY_OUTSIDE_SUBNET: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: true,
  steps: [
    {
      op: 'net-create',
      name: 'front',
      subnet: '10.9.9.9/32',
      gateway: undefined,
      icc: undefined,
      masquerade: undefined,
    },
  ],
};

/**
 * walk: a running container disconnected from its only network has just `lo`; its ping yields a
 * packet with no hops at all, "dropped" for reason 'invalid'. Linux: sendto fails with ENETUNREACH
 * (no route), which the walk models as a 'no-route' drop.
 */
export const RUNNING_WITHOUT_ENDPOINTS: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: true,
  steps: [
    run('nginx', 'srv'),
    { op: 'disconnect', net: 'bridge', ctr: 'srv' },
    flow(ctr('srv'), '172.17.0.3', 'ping'),
  ],
};

/**
 * walk: after `rm -f cli` the host still holds cli's neighbour entry; the next echo request is
 * flooded on docker0 to no port and vanishes with no drop hop (outcome 'invalid', no reason).
 */
export const STALE_NEIGHBOUR_FLOOD: Scenario = {
  ...base,
  profile: 'docker-27',
  userlandProxy: true,
  steps: [
    run('nginx', 'cli'),
    flow(host, '172.17.0.2', 'ping'),
    { op: 'rm', ref: 'cli', force: true },
    flow(host, '172.17.0.2', 'ping'),
  ],
};

/**
 * walk (docker-29 profile, random MACs): web's address is reused by a new container; the host's
 * stale neighbour entry sends the SYN to web's old MAC, the new container's eth0 ignores it and the
 * packet ends with no drop hop.
 */
export const STALE_NEIGHBOUR_NEW_OWNER: Scenario = {
  ...base,
  profile: 'docker-29',
  userlandProxy: false,
  steps: [
    run('nginx', 'web'),
    flow(host, '172.17.0.2', 'ping'),
    { op: 'rm', ref: 'web', force: true },
    run('busybox', 'job', ['8081:80']),
    flow(host, '192.0.2.10', 'http', 8081),
  ],
};
