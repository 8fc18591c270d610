// Layer 2: transmit on an interface, veth pairs and wires, the learning bridge, ARP resolution.
import { BROADCAST_MAC, ZERO_MAC, type IPv4, type MacAddress } from '../addr';
import { parseNodeId } from '../node';
import type { Frame, NodeId } from '../trace';
import { own } from '../own';
import { bridgeNetfilter } from './bridge-nf';
import { bridgedDnat } from './bridged-dnat';
import type { CtCtx } from './hooks';
import { ipIn } from './ip';
import {
  neighCountRequest,
  neighFailedIn,
  neighHeardIn,
  neighOut,
  neighQueued,
  neighReplyIn,
  neighSolicitIn,
} from './neighbours';
import { countIf, emit, frameBytes, why, writable, type WalkState } from './state';
import { isLocal, type IfaceInfo } from './topology';

/** Simulated latency of each medium, in µs. */
const DELAY = { veth: 4, lan: 60, internet: 5000, bridge: 2 } as const;

export function iface(s: WalkState, node: NodeId, name: string): IfaceInfo | undefined {
  return s.topo.ns.get(node)?.devices.get(name);
}

function linkDelay(from: NodeId, to: NodeId): number {
  if (parseNodeId(from)?.kind === 'remote' || parseNodeId(to)?.kind === 'remote')
    return DELAY.internet;
  if (from === 'router' || to === 'router') return DELAY.lan;
  return DELAY.veth;
}

/** A frame leaves `name` in `node`: counted, shown, and carried to whatever is on the other side. */
export function txOn(s: WalkState, node: NodeId, name: string, frame: Frame): void {
  const i = iface(s, node, name);
  // No carrier (a bridge with no port up): link watch gave the device the noop qdisc, which drops
  // every frame before a tap sees it. ARP still asks and gives up; nothing reaches the wire.
  if (!i || !i.lowerUp) return;
  countIf(s, node, name, 'tx', frameBytes(frame));
  emit(s, node, name, 'tx', frame, why(i.kind === 'bridge' ? 'tx.bridge' : 'tx', { iface: name }));
  if (i.kind === 'bridge') {
    bridgeOut(s, node, name, frame);
    return;
  }
  if (!i.peer) return;
  const { ns, name: peerName } = i.peer;
  countIf(s, ns, peerName, 'rx', frameBytes(frame));
  const key = i.kind === 'veth' ? 'rx.veth' : 'rx';
  emit(
    s,
    ns,
    peerName,
    'rx',
    frame,
    why(key, { iface: peerName, from: name, fromNode: node }),
    {},
    linkDelay(node, ns),
  );
  l2In(s, ns, peerName, frame);
}

/** A frame arrives on an interface: a bridge port hands it to its bridge; others check the MAC. */
export function l2In(s: WalkState, node: NodeId, name: string, frame: Frame): void {
  const i = iface(s, node, name);
  if (!i || !frame.eth) return;
  if (i.master) {
    bridgeIn(s, node, i.master, name, frame);
    return;
  }
  if (frame.eth.dst !== i.mac && frame.eth.dst !== BROADCAST_MAC) return; // not for this host
  if (frame.arp) arpIn(s, node, name, frame);
  else ipIn(s, node, name, frame, false);
}

// A bridge and its ports live in one namespace (`node`); its FDB is world.fdb[bridge].
function learn(s: WalkState, node: NodeId, bridge: string, port: string, frame: Frame): void {
  const mac = frame.eth?.src;
  if (!mac) return;
  const list = own(s.fdb, bridge) ?? [];
  const known = list.find((e) => e.mac === mac);
  if (known && known.port === port) return;
  writable(s, 'fdb')[bridge] = [
    ...list.filter((e) => e.mac !== mac),
    { mac, port, updated: s.base.clock },
  ];
  emit(s, node, bridge, 'bridge-learn', frame, why('bridge.learn', { bridge, mac, port }), {}, 0);
}

/**
 * dockerd turns hairpin mode on for every bridge port when the userland proxy is off (the kernel then
 * does hairpin NAT): the bridge also sends a frame back out of the port it came in on (should_deliver).
 */
const hairpin = (s: WalkState): boolean => !s.base.daemon.userlandProxy;

function flood(s: WalkState, node: NodeId, bridge: string, except: string | null, frame: Frame) {
  const all = s.topo.ns.get(node)?.bridges.get(bridge) ?? [];
  const ports = hairpin(s) ? all : all.filter((p) => p !== except);
  emit(
    s,
    node,
    bridge,
    'bridge-flood',
    frame,
    why('bridge.flood', { bridge, ports: ports.length }),
    {},
    DELAY.bridge,
  );
  for (const p of ports) txOn(s, node, p, frame);
}

type Prerouted = { frame: Frame; ct: CtCtx };

function passUp(
  s: WalkState,
  node: NodeId,
  bridge: string,
  frame: Frame,
  prerouted: Prerouted | false,
): void {
  emit(s, node, bridge, 'bridge-local', frame, why('bridge.local', { bridge }), {}, DELAY.bridge);
  countIf(s, node, bridge, 'rx', frameBytes(frame));
  emit(s, node, bridge, 'rx', frame, why('rx.bridge', { iface: bridge }), {}, 0);
  if (frame.arp) arpIn(s, node, bridge, frame);
  else ipIn(s, node, bridge, frame, prerouted);
}

/** A frame entered the bridge on a port: learn, then forward, flood or pass it up to the host. */
function bridgeIn(s: WalkState, node: NodeId, bridge: string, port: string, frame: Frame): void {
  learn(s, node, bridge, port, frame);
  const dst = frame.eth?.dst;
  const mine = iface(s, node, bridge)?.mac;
  const local = dst === mine || dst === BROADCAST_MAC;
  const entry =
    dst === BROADCAST_MAC ? undefined : (own(s.fdb, bridge) ?? []).find((e) => e.mac === dst);
  // br_netfilter: IPv4 frames meet the iptables hooks at the bridge (PREROUTING once, here).
  let f = frame;
  let pre: Prerouted | false = false;
  if (frame.ip && s.base.host.bridgeNfCallIptables) {
    const r = bridgeNetfilter(s, node, bridge, port, f, local ? null : bridge);
    if (!r) return;
    f = r.frame;
    if (local) pre = r;
  }
  if (pre && dst !== BROADCAST_MAC && bridgedDnat(s, node, bridge, frame, pre)) return;
  if (dst === BROADCAST_MAC) {
    flood(s, node, bridge, port, f);
    passUp(s, node, bridge, f, pre);
  } else if (local) {
    passUp(s, node, bridge, f, pre);
  } else if (entry) {
    // The kernel drops a frame for the port it came from, unless that port is in hairpin mode.
    if (entry.port === port && !hairpin(s)) return;
    emit(
      s,
      node,
      bridge,
      'bridge-forward',
      f,
      why('bridge.forward', { bridge, mac: dst ?? '', port: entry.port }),
      {},
      DELAY.bridge,
    );
    txOn(s, node, entry.port, f);
  } else {
    flood(s, node, bridge, port, f);
  }
}

/** The host sends through the bridge device: the bridge picks the port from its FDB. */
export function bridgeOut(s: WalkState, node: NodeId, bridge: string, frame: Frame): void {
  const dst = frame.eth?.dst;
  const entry =
    dst === BROADCAST_MAC ? undefined : (own(s.fdb, bridge) ?? []).find((e) => e.mac === dst);
  if (entry) {
    emit(
      s,
      node,
      bridge,
      'bridge-forward',
      frame,
      why('bridge.forward', { bridge, mac: dst ?? '', port: entry.port }),
      {},
      DELAY.bridge,
    );
    txOn(s, node, entry.port, frame);
  } else {
    flood(s, node, bridge, null, frame);
  }
}

function arpIn(s: WalkState, node: NodeId, name: string, frame: Frame): void {
  const arp = frame.arp;
  const info = s.topo.ns.get(node);
  const i = iface(s, node, name);
  if (!arp || !info || !i) return;
  if (arp.op === 'request') {
    // arp_ignore=0: answer for any address of this namespace, whichever interface asked.
    if (!isLocal(info, arp.targetIp)) return;
    neighHeardIn(s, node, { ip: arp.senderIp, mac: arp.senderMac, dev: name });
    s.arpAnswer = { node, iface: name, request: frame };
  } else if (arp.targetMac === i.mac) {
    if (!neighReplyIn(s, node, name, arp.senderIp, arp.senderMac)) return;
    emit(
      s,
      node,
      name,
      'arp-resolved',
      frame,
      why('arp.resolved', { ip: arp.senderIp, mac: arp.senderMac }),
      {},
      0,
    );
  }
}

/** The source address an ARP request carries (arp_announce=0: the packet's own source if local). */
function arpSource(s: WalkState, node: NodeId, dev: IfaceInfo, packetSrc: IPv4 | null): IPv4 {
  const info = s.topo.ns.get(node);
  if (info && packetSrc && isLocal(info, packetSrc)) return packetSrc;
  const own = dev.addrs[0]?.ip;
  if (own) return own;
  for (const i of info?.devices.values() ?? []) {
    const a = i.addrs[0]?.ip;
    if (a && i.kind !== 'loopback') return a;
  }
  return '0.0.0.0' as IPv4;
}

/**
 * The next hop's MAC, asking with ARP (up to 3 broadcasts) when no valid entry holds it. A packet
 * that finds the address already being asked for waits in the entry's queue and shares the
 * outcome: the walk has already seen that resolution fail (an answer comes within microseconds),
 * so it is dropped when the timer gives up, with every other packet queued there.
 */
export function resolveNeighbour(
  s: WalkState,
  node: NodeId,
  devName: string,
  nextHop: IPv4,
  packet: Frame,
): MacAddress | null {
  const known = neighOut(s, node, devName, nextHop);
  if (known) return known;
  const dev = iface(s, node, devName);
  if (!dev) return null;
  if (neighQueued(s, node, devName, nextHop) !== null) {
    emit(
      s,
      node,
      devName,
      'arp-queued',
      packet,
      why('arp.queued', { ip: nextHop, iface: devName }),
    );
    neighFailedIn(s, node, devName, nextHop);
    return null;
  }
  neighSolicitIn(s, node, devName, nextHop);
  const sender = arpSource(s, node, dev, packet.ip?.src ?? null);
  const request: Frame = {
    eth: { src: dev.mac, dst: BROADCAST_MAC, type: 'ARP' },
    arp: {
      op: 'request',
      senderMac: dev.mac,
      senderIp: sender,
      targetMac: ZERO_MAC,
      targetIp: nextHop,
    },
  };
  for (let attempt = 1; attempt <= 3; attempt++) {
    emit(
      s,
      node,
      devName,
      'arp-request',
      request,
      why('arp.request', { ip: nextHop, iface: devName, attempt }),
      {},
      attempt === 1 ? 1 : 1_000_000,
    );
    s.arpAnswer = null;
    neighCountRequest(s, node, devName, nextHop);
    txOn(s, node, devName, request);
    const answer = s.arpAnswer as WalkState['arpAnswer'];
    s.arpAnswer = null;
    if (answer) {
      const resp = iface(s, answer.node, answer.iface);
      if (!resp) return null;
      const reply: Frame = {
        eth: { src: resp.mac, dst: dev.mac, type: 'ARP' },
        arp: {
          op: 'reply',
          senderMac: resp.mac,
          senderIp: nextHop,
          targetMac: dev.mac,
          targetIp: sender,
        },
      };
      emit(
        s,
        answer.node,
        answer.iface,
        'arp-reply',
        reply,
        why('arp.reply', { ip: nextHop, mac: resp.mac }),
      );
      txOn(s, answer.node, answer.iface, reply);
      return neighOut(s, node, devName, nextHop);
    }
  }
  neighFailedIn(s, node, devName, nextHop);
  return null;
}
