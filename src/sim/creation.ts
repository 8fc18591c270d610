// How `docker run` wires a bridge-mode container, as the moments libnetwork goes through, each with
// the iproute2 commands that do the same by hand. Pure: everything comes from the world.
//
// libnetwork's order (drivers/bridge/bridge_linux.go CreateEndpoint, osl/interface_linux.go
// AddInterface, osl SetGateway): create the pair in the host with two random `veth…` names, set
// the MTU, enslave the host end to the bridge (hairpin on without the userland proxy), bring the
// host end up; then move the peer into the sandbox's namespace, set it down, rename it eth0, set
// its MAC and address, bring it up, and add the default route via the bridge's gateway. The
// namespace's lo came up when the sandbox was made. The peer cannot be made as `eth0` in the host:
// the host's own eth0 holds that name there, which is why a temporary name is used.
import { broadcastOf } from './addr';
import { findContainer, networkById } from './ops/lookup';
import type { Container, Endpoint, World } from './types';

export type CreationStepKind = 'create' | 'join' | 'move' | 'address';

/** What a step's caption names, all taken from the world. */
export interface CreationFacts {
  readonly container: string;
  readonly hostVeth: string;
  /** The peer's name in the host before it is renamed (libnetwork picks a random `veth…`). */
  readonly peer: string;
  readonly bridge: string;
  readonly ifName: string;
  readonly mac: string;
  readonly cidr: string;
  readonly gateway: string;
}

export interface CreationStep {
  readonly kind: CreationStepKind;
  readonly facts: CreationFacts;
  /** iproute2 commands a root shell on the host could type to do the same, in order. */
  readonly commands: readonly string[];
}

/** The peer's temporary name: a `veth` + 7 hex like libnetwork's, drawn from the endpoint id. */
function peerName(ep: Endpoint): string {
  const a = `veth${ep.endpointId.slice(0, 7)}`;
  return a === ep.hostVeth ? `veth${ep.endpointId.slice(7, 14)}` : a;
}

/** The story of one endpoint (eth0 by default) of a running bridge-mode container, or null. */
export function creationSteps(
  world: World,
  ref: string,
  ifName = 'eth0',
): readonly CreationStep[] | null {
  const c: Container | undefined = findContainer(world, ref);
  const ep = c?.endpoints.find((e) => e.ifName === ifName);
  const bridge = ep ? networkById(world, ep.networkId)?.bridge : undefined;
  if (!c || !ep || !bridge) return null;
  const ns = c.name;
  const facts: CreationFacts = {
    container: c.name,
    hostVeth: ep.hostVeth,
    peer: peerName(ep),
    bridge: bridge.device,
    ifName: ep.ifName,
    mac: ep.mac,
    cidr: `${ep.ip}/${ep.prefix}`,
    gateway: ep.gateway,
  };
  const brd = broadcastOf({ address: ep.ip, prefix: ep.prefix });
  const mtu =
    bridge.mtu === 1500
      ? []
      : [
          `ip link set ${facts.hostVeth} mtu ${bridge.mtu}`,
          `ip link set ${facts.peer} mtu ${bridge.mtu}`,
        ];
  const hairpin = world.daemon.userlandProxy
    ? []
    : [`ip link set ${facts.hostVeth} type bridge_slave hairpin on`];
  // Only the gateway endpoint (the first) gets the default route.
  const route =
    c.endpoints[0] === ep
      ? [`ip -n ${ns} route add default via ${ep.gateway} dev ${ep.ifName}`]
      : [];
  return [
    {
      kind: 'create',
      facts,
      commands: [`ip link add ${facts.hostVeth} type veth peer name ${facts.peer}`, ...mtu],
    },
    {
      kind: 'join',
      facts,
      commands: [
        `ip link set ${facts.hostVeth} master ${bridge.device}`,
        ...hairpin,
        `ip link set ${facts.hostVeth} up`,
      ],
    },
    {
      kind: 'move',
      facts,
      commands: [
        // Docker keeps its namespaces under /var/run/docker/netns; this names the container's one
        // for `ip` (as /var/run/netns/NAME), from the PID of its first process.
        `ip netns attach ${ns} $(docker inspect -f '{{.State.Pid}}' ${ns})`,
        `ip link set ${facts.peer} netns ${ns}`,
        `ip -n ${ns} link set ${facts.peer} name ${ep.ifName}`,
      ],
    },
    {
      kind: 'address',
      facts,
      commands: [
        `ip -n ${ns} link set ${ep.ifName} address ${ep.mac}`,
        `ip -n ${ns} addr add ${facts.cidr} brd ${brd} dev ${ep.ifName}`,
        `ip -n ${ns} link set ${ep.ifName} up`,
        ...route,
        `ip -n ${ns} link set lo up`,
      ],
    },
  ];
}
