// Layer 3 in one namespace: receive, route, forward (TTL, MAC rewrite), deliver, and send.
import { ZERO_MAC, type IPv4 } from '../addr';
import type { WhyKey } from '../messages';
import type { Frame, NodeId } from '../trace';
import { decrementTtl, dstPort, srcPort, withEth } from './frame';
import {
  drop,
  forwardHook,
  inputHook,
  outputHooks,
  postRouting,
  preRouting,
  type CtCtx,
} from './hooks';
import { iface, resolveNeighbour, txOn } from './l2';
import { selectAddress } from './select-addr';
import { emit, why, type HopExtras, type WalkState } from './state';
import { isLocal, lookupRoute, onlyLoopback, type NsInfo, type RouteEntry } from './topology';

function routeHop(s: WalkState, node: NodeId, f: Frame, rt: RouteEntry | 'local'): void {
  if (rt === 'local') {
    emit(s, node, null, 'route', f, why('route.local', { dst: f.ip?.dst ?? '' }));
  } else if (rt.via) {
    emit(
      s,
      node,
      rt.dev,
      'route',
      f,
      why(rt.dst.prefix === 0 ? 'route.default' : 'route.via', {
        dst: f.ip?.dst ?? '',
        via: rt.via,
        dev: rt.dev,
      }),
    );
  } else {
    emit(
      s,
      node,
      rt.dev,
      'route',
      f,
      why('route.connected', {
        dst: f.ip?.dst ?? '',
        dev: rt.dev,
        net: `${rt.dst.address}/${rt.dst.prefix}`,
      }),
    );
  }
}

/** Delivery to a local socket: the flow layer decides what answers (a listener, RST, echo reply). */
function deliver(s: WalkState, node: NodeId, inIface: string, f: Frame): void {
  const proto = f.ip?.proto;
  let key: WhyKey = 'deliver.stack';
  const params: Record<string, string | number> = { node };
  if ((proto === 'tcp' || proto === 'udp') && f.ip) {
    const sock = s.sockets.lookup(node, proto, f.ip.dst, dstPort(f), f.ip.src, srcPort(f));
    key = sock
      ? sock.dns
        ? `deliver.dns-${sock.dns}`
        : `deliver.${sock.kind}`
      : proto === 'tcp'
        ? 'deliver.no-listener-tcp'
        : 'deliver.no-listener-udp';
    params['port'] = dstPort(f);
    params['dst'] = f.ip.dst;
    if (sock) params['process'] = sock.process;
  } else if (f.icmp?.type === 8) {
    key = 'deliver.echo';
  } else if (f.icmp) {
    key = 'deliver.icmp';
  }
  emit(s, node, inIface, 'deliver', f, why(key, params));
  s.delivered = { node, iface: inIface, frame: f };
}

/** A frame addressed to this namespace arrived on `inIface`. `pre` = PREROUTING already ran (bridge). */
export function ipIn(
  s: WalkState,
  node: NodeId,
  inIface: string,
  frame: Frame,
  pre: { frame: Frame; ct: CtCtx } | false,
): void {
  const info = s.topo.ns.get(node);
  if (!info || !frame.ip) return;
  let f = frame;
  let ct: CtCtx | null = null;
  if (info.netfilter) {
    const p = pre || preRouting(s, node, inIface, f);
    if (!p) return;
    f = p.frame;
    ct = p.ct;
  }
  const dst = f.ip?.dst as IPv4;
  if (isLocal(info, dst)) {
    routeHop(s, node, f, 'local');
    if (ct) {
      const r = inputHook(s, node, inIface, f, ct);
      if (!r) return;
      f = r;
    }
    deliver(s, node, inIface, f);
    return;
  }
  if (!info.forwarding) {
    drop(s, node, inIface, f, 'forwarding-disabled', { node });
    return;
  }
  const rt = lookupRoute(info, dst);
  if (!rt) {
    // ip_route_input_slow finds nothing: -ENETUNREACH, and ip_error answers ICMP net unreachable.
    drop(s, node, inIface, f, 'net-unreachable', { dst });
    icmpUnreachable(s, node, f, 0, 'ICMP net unreachable');
    return;
  }
  routeHop(s, node, f, rt);
  if ((f.ip?.ttl ?? 0) <= 1) {
    drop(s, node, inIface, f, 'ttl-exceeded');
    return;
  }
  const dec = decrementTtl(f);
  f = dec.frame;
  emit(
    s,
    node,
    null,
    'forward',
    f,
    why('forward.ttl', { ttl: f.ip?.ttl ?? 0, from: inIface, to: rt.dev }),
    { changed: dec.changed },
  );
  if (ct && !forwardHook(s, node, inIface, rt.dev, f, ct)) return;
  transmit(s, node, rt, f, ct);
}

/** POSTROUTING, neighbour resolution and the frame leaving on the route's device. */
function transmit(
  s: WalkState,
  node: NodeId,
  rt: RouteEntry,
  frame: Frame,
  ct: CtCtx | null,
): void {
  const dev = iface(s, node, rt.dev);
  const info = s.topo.ns.get(node);
  if (!dev || !info || !frame.ip) return;
  let f = frame;
  if (ct) {
    const nextHop = rt.via ?? frame.ip.dst;
    const r = postRouting(s, node, rt.dev, f, ct, () => selectAddress(info, rt.dev, nextHop));
    if (!r) return;
    f = r;
  }
  const nextHop = (rt.via ?? f.ip?.dst) as IPv4;
  const mac = resolveNeighbour(s, node, rt.dev, nextHop, f);
  if (!mac) {
    drop(s, node, rt.dev, f, 'arp-failed', { ip: nextHop, dev: rt.dev });
    icmpUnreachable(s, node, f, 1, 'ICMP host unreachable');
    return;
  }
  const withMacs = withEth(f, dev.mac, mac);
  if (withMacs.changed.length > 0) {
    emit(
      s,
      node,
      rt.dev,
      'forward',
      withMacs.frame,
      why('l2.rewrite', { dev: rt.dev }),
      { changed: withMacs.changed },
      0,
    );
  }
  txOn(s, node, rt.dev, withMacs.frame);
}

/**
 * Neighbour resolution failed (code 1, host unreachable) or a router has no route (code 0, net
 * unreachable): the kernel answers with an ICMP error. For its own packet it loops the error back
 * to itself (src = dst = the sender, seen on lo); for a forwarded one it sends the error to the
 * packet's source, from the address its route back selects (conntrack de-NATs it as RELATED).
 * Walked as its own packet. Never about an ICMP error itself.
 */
function icmpUnreachable(s: WalkState, node: NodeId, f: Frame, code: 0 | 1, label: string): void {
  const info = s.topo.ns.get(node);
  const ip = f.ip;
  if (!info || !ip || (ip.proto === 'icmp' && f.icmp?.type !== 8 && f.icmp?.type !== 0)) return;
  const echo = f.icmp ? { echo: { type: f.icmp.type, seq: f.icmp.seq } } : {};
  const tcp = f.tcp;
  const segment = tcp
    ? {
        segment: { flags: tcp.flags, seq: tcp.seq, ack: tcp.ack },
        quotedAs: { src: ip.src, dst: ip.dst, sport: tcp.sport, dport: tcp.dport },
      }
    : {};
  const payload = f.payload && (tcp || f.udp) ? { payload: f.payload } : {};
  const inner = {
    src: ip.src,
    dst: ip.dst,
    proto: ip.proto,
    sport: srcPort(f),
    dport: dstPort(f),
    ttl: ip.ttl,
    len: ip.len,
    ...echo,
    ...segment,
    ...payload,
  };
  const own = node === s.origin && isLocal(info, ip.src);
  const from = own ? ip.src : (lookupRoute(info, ip.src)?.src ?? ip.src);
  const err: Frame = {
    eth: null,
    ip: { src: from, dst: ip.src, ttl: 64, proto: 'icmp', len: 20 + 8 + Math.min(ip.len, 548) },
    icmp: { type: 3, code, id: 0, seq: 0, inner },
  };
  s.followUps.push({ node, label, frame: err });
}

/**
 * A TCP segment's socket MSS and windows come from the route it looked up for the address it
 * connected to (ip_route_connect, before OUTPUT): a local address routes through lo.
 */
function sendExtras(info: NsInfo, f: Frame): HopExtras {
  const dst = f.ip?.dst;
  if (!f.tcp || dst === undefined) return {};
  const dev = isLocal(info, dst) ? 'lo' : lookupRoute(info, dst)?.dev;
  const mtu = dev === undefined ? undefined : info.devices.get(dev)?.mtu;
  return mtu === undefined ? {} : { routeMtu: mtu };
}

/**
 * Who hands a packet to the stack: a socket, the kernel itself (an ICMP error), or a socket's
 * kernel sending its SYN again (`try` n, `after` seconds after the first: sim/syn-tries.ts).
 */
export type SendKey = 'send' | 'send.kernel' | { readonly try: number; readonly after: number };

/** Who sends a datagram, when the narration names it: the parts of a DNS lookup (`DnsRole`). */
function sendWho(s: WalkState, node: NodeId, f: Frame): WhyKey {
  if (!f.ip || f.ip.proto !== 'udp') return 'send';
  const sock = s.sockets.lookup(node, 'udp', f.ip.src, srcPort(f), f.ip.dst, dstPort(f));
  return sock?.dns ? `send.dns-${sock.dns}` : 'send';
}

/** A socket in `node` sends `frame` (IP header and payload, no Ethernet yet). */
export function ipOutput(
  s: WalkState,
  node: NodeId,
  frame: Frame,
  sendKey: SendKey = 'send',
): void {
  const info = s.topo.ns.get(node);
  if (!info || !frame.ip) return;
  const says =
    typeof sendKey === 'string'
      ? why(sendKey === 'send' ? sendWho(s, node, frame) : sendKey, {
          node,
          src: frame.ip.src,
          dst: frame.ip.dst,
        })
      : why('send.retry', { node, n: sendKey.try, after: sendKey.after });
  emit(s, node, null, 'send', frame, says, sendExtras(info, frame), 0);
  let f = frame;
  let ct: CtCtx | null = null;
  if (info.netfilter) {
    const o = outputHooks(s, node, f);
    if (!o) return;
    f = o.frame;
    ct = o.ct;
  }
  const dst = f.ip?.dst as IPv4;
  if (isLocal(info, dst)) {
    routeHop(s, node, f, 'local');
    // Loopback: out of lo and straight back in; PREROUTING sees it but NAT was settled on OUTPUT.
    // MASQUERADE out of lo takes another device's address: lo's 127.0.0.1 is scope host.
    if (ct) {
      const r = postRouting(s, node, 'lo', f, ct, () => selectAddress(info, 'lo', dst));
      if (!r) return;
      f = r;
    }
    const lo: Frame = { ...f, eth: { src: ZERO_MAC, dst: ZERO_MAC, type: 'IPv4' } };
    emit(s, node, 'lo', 'tx', lo, why('tx.lo', {}));
    emit(s, node, 'lo', 'rx', lo, why('rx.lo', {}), {}, 0);
    const local = ct
      ? {
          frame: lo,
          ct: {
            ...ct,
            match: ct.match ?? (ct.entry ? { entry: ct.entry, dir: 'orig' as const } : null),
          },
        }
      : false;
    ipIn(s, node, 'lo', lo, local);
    return;
  }
  const rt = lookupRoute(info, dst);
  if (!rt) {
    drop(s, node, null, f, onlyLoopback(info) ? 'no-network' : 'no-route', { dst });
    return;
  }
  routeHop(s, node, f, rt);
  transmit(s, node, rt, f, ct);
}
