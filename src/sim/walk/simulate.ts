// simulate(world, flow): the packet walk's entry point. Pure: the world passed in is never changed.
import type { IPv4 } from '../addr';
import { nodeId } from '../node';
import { EMBEDDED_DNS_IP } from '../netfilter/embedded-dns';
import { embeddedAsked, queryServer, resolveFrom } from '../resolve';
import type { Flow, FlowResult, NodeId, SimResult } from '../trace';
import type { Container, World } from '../types';
import type { Conversation } from './conversation';
import { dnsLookup } from './dns';
import { embeddedLookup } from './embedded-dns';
import { nextPort, pingFlow, tcpFlow, udpFlow } from './flows';
import { Sockets } from './sockets';
import { beginWalk, endWalk } from './state';
import { buildTopology, containerNs, isLocal, lookupRoute } from './topology';

/** The namespace a flow starts in, or an error in the words of the tool that would fail. */
function sourceNode(world: World, flow: Flow): NodeId | null {
  switch (flow.from.kind) {
    case 'host':
      return 'host';
    case 'remote': {
      const name = flow.from.name;
      return world.remotes.some((r) => r.name === name) ? nodeId.remote(name) : null;
    }
    case 'container': {
      const name = flow.from.name;
      const c = world.containers.find((x) => x.name === name);
      return c && c.state === 'running' ? containerNs(world, c) : null;
    }
  }
}

/**
 * Sends a flow through the world as Linux would: every packet with its hops (complete snapshots),
 * what the tool would report, and the world after (conntrack, ARP, FDB, counters).
 */
export function simulate(world: World, asked: Flow): SimResult<World> {
  const node = sourceNode(world, asked);
  if (!node) return { packets: [], result: { kind: 'unreachable' }, world };
  const to = asked.name === undefined ? asked.to : resolveFrom(world, asked.from, asked.name);
  // An unknown `name` (a challenge's goal): the tool gives up before sending a packet of its own
  // (busybox `bad address 'c2'`). The terminal's clients send `lookup` instead, walked below.
  if (to === null) return { packets: [], result: { kind: 'unreachable' }, world };
  const flow = to === asked.to ? asked : { ...asked, to };
  const topo = buildTopology(world);
  const sockets = new Sockets(world);
  const s = beginWalk(world, topo, sockets);
  const conv: Conversation = { s, sockets, packets: [], lastDrop: null };
  // nslookup names its server (`to`); the other clients ask the first nameserver they can reach.
  // In a container on a user-defined network that is Docker's embedded DNS, 127.0.0.11
  // (`walk/embedded-dns.ts`: over the container's lo, and the query dockerd forwards, if any).
  let server: IPv4 | null = null;
  let embedded: Container | null = null;
  if (asked.lookup !== undefined && (asked.kind !== 'dns' || asked.to === EMBEDDED_DNS_IP))
    embedded = embeddedAsked(world, asked.from, asked.lookup);
  if (asked.lookup !== undefined && asked.kind === 'dns' && asked.to !== EMBEDDED_DNS_IP)
    server = asked.to;
  else if (asked.lookup !== undefined && !embedded)
    server = queryServer(world, asked.from, asked.lookup);
  if (asked.lookup !== undefined && (server !== null || embedded || flow.kind === 'dns')) {
    const together = flow.kind === 'dns'; // nslookup sends both queries at once
    let looked: FlowResult | null = null;
    if (embedded) looked = embeddedLookup(conv, node, embedded, asked.lookup, together);
    else if (server) looked = dnsLookup(conv, node, server, asked.lookup, together);
    // nslookup's flow is the lookup; a name without an answer ends the tool before it sends.
    const known = resolveFrom(world, asked.from, asked.lookup) !== null;
    if (flow.kind === 'dns' || looked?.kind !== 'connected' || !known)
      return {
        packets: conv.packets,
        result: looked ?? { kind: 'unreachable' },
        world: endWalk(s),
      };
  }
  const info = topo.ns.get(node);
  // Source address selection: the destination itself if local, else the route's preferred source.
  let src: IPv4 = '0.0.0.0' as IPv4;
  if (info) {
    if (isLocal(info, flow.to)) src = flow.to.startsWith('127.') ? ('127.0.0.1' as IPv4) : flow.to;
    else src = lookupRoute(info, flow.to)?.src ?? src;
  }
  let result: FlowResult;
  switch (flow.kind) {
    case 'ping':
      result = pingFlow(conv, node, src, flow.to, Math.max(1, flow.count ?? 1));
      break;
    case 'tcp':
    case 'http': {
      const from = { ip: src, port: nextPort(conv, node) };
      result = tcpFlow(
        conv,
        node,
        from,
        { ip: flow.to, port: flow.port ?? 80 },
        flow.kind === 'http' ? (flow.path ?? '/') : null,
        flow.wait,
      );
      break;
    }
    case 'dns':
      // Reached only when there is no lookup to walk: nothing is sent.
      result = { kind: 'unreachable' };
      break;
    case 'udp': {
      const from = { ip: src, port: nextPort(conv, node) };
      result = udpFlow(conv, node, from, { ip: flow.to, port: flow.port ?? 53 });
      break;
    }
  }
  return { packets: conv.packets, result, world: endWalk(s) };
}
