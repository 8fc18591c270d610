// The only liberties the suite takes with the kernel's frames, each one counted. Pure.
import type { WireFrame } from './wire';

export interface NormaliseNotes {
  igmp: number;
  /** Unicast ARP probes (and their replies) of a neighbour entry's timer, kernel only. */
  arpProbes: number;
  retransmissions: number;
  /** The engine's own repeated segments (a SYN sent again), left out as the kernel's are. */
  engineRepeats: number;
  /** kernel `address:port` → engine port, by first appearance of each endpoint. */
  readonly ports: [string, number][];
  /** kernel `address:port` of each ephemeral endpoint → a peer it talks to, as the engine's
   * tuple names it (the peer's address, its port mapped when ephemeral); one pair per peer. */
  readonly peers: [string, string][];
}

/**
 * Ports a client end may have: Linux's default net.ipv4.ip_local_port_range (32768–60999) and,
 * since nf_nat moves a clashing source port to a random one in 1024–65535
 * (nf_nat_l4proto_unique_tuple), all of that class; listener and published ports are excluded.
 */
export const EPHEMERAL = { low: 1024, high: 65535 };

const isEphemeral = (p: number, fixed: ReadonlySet<number>): boolean =>
  p >= EPHEMERAL.low && p <= EPHEMERAL.high && !fixed.has(p);

/** Each (address, ephemeral port) endpoint of the frames, in order of first appearance. */
const ephemeralEndpointsInOrder = (
  frames: readonly WireFrame[],
  fixed: ReadonlySet<number>,
): string[] => {
  const seen: string[] = [];
  const note = (ip: string, p: number) => {
    const key = `${ip}:${p}`;
    if (isEphemeral(p, fixed) && !seen.includes(key)) seen.push(key);
  };
  for (const f of frames) {
    const l4 = f.tcp ?? f.udp;
    if (l4 && f.ip) {
      note(f.ip.src, l4.sport);
      note(f.ip.dst, l4.dport);
    }
  }
  return seen;
};

/** Each (ephemeral endpoint, peer) pair of the frames, the peer's port mapped through `map`. */
const endpointPeers = (
  frames: readonly WireFrame[],
  fixed: ReadonlySet<number>,
  map: ReadonlyMap<string, number>,
): [string, string][] => {
  const out: [string, string][] = [];
  const note = (ip: string, p: number, peerIp: string, peerPort: number) => {
    if (!isEphemeral(p, fixed)) return;
    const end = `${ip}:${p}`;
    const peer = `${peerIp}:${map.get(`${peerIp}:${peerPort}`) ?? peerPort}`;
    if (!out.some(([e, q]) => e === end && q === peer)) out.push([end, peer]);
  };
  for (const f of frames) {
    const l4 = f.tcp ?? f.udp;
    if (l4 && f.ip) {
      note(f.ip.src, l4.sport, f.ip.dst, l4.dport);
      note(f.ip.dst, l4.dport, f.ip.src, l4.sport);
    }
  }
  return out;
};

const allFrames = (m: ReadonlyMap<string, readonly WireFrame[]>): WireFrame[] =>
  [...m.values()].flat().sort((a, b) => a.ts - b.ts);

/** Rewrites ports through a map keyed by `address:port` (the same port may be two endpoints). */
function remapPorts(f: WireFrame, map: ReadonlyMap<string, number>): WireFrame {
  if (!f.ip) return f;
  const src = f.ip.src;
  const dst = f.ip.dst;
  const p = (ip: string, n: number) => map.get(`${ip}:${n}`) ?? n;
  if (f.tcp)
    return { ...f, tcp: { ...f.tcp, sport: p(src, f.tcp.sport), dport: p(dst, f.tcp.dport) } };
  if (f.udp) return { ...f, udp: { sport: p(src, f.udp.sport), dport: p(dst, f.udp.dport) } };
  return f;
}

const sameSegment = (a: WireFrame, b: WireFrame): boolean =>
  !!a.tcp &&
  !!b.tcp &&
  a.srcMac === b.srcMac &&
  a.dstMac === b.dstMac &&
  a.ip?.src === b.ip?.src &&
  a.ip?.dst === b.ip?.dst &&
  a.tcp.sport === b.tcp.sport &&
  a.tcp.dport === b.tcp.dport &&
  a.tcp.seq === b.tcp.seq &&
  a.tcp.ack === b.tcp.ack &&
  a.tcp.payload === b.tcp.payload &&
  a.tcp.flags.join() === b.tcp.flags.join();

/**
 * A side's frames with each TCP segment that repeats an earlier one on its interface left out
 * (absolute seq and ack included), and how many went. The engine's re-sent SYNs (and the SYN-ACK
 * a request socket that still lives sends again) go the same way as the kernel's, so the number
 * of tries is compared where a try draws something new (a SYN-ACK with a new ISN), and not where
 * only the timer's schedule differs (6.5+ kernels send the first SYNs again 1 s apart).
 */
export function withoutRepeats(list: readonly WireFrame[]): {
  kept: WireFrame[];
  repeats: number;
} {
  const kept: WireFrame[] = [];
  let repeats = 0;
  for (const f of list) {
    if (f.tcp && kept.some((k) => sameSegment(k, f))) repeats++;
    else kept.push(f);
  }
  return { kept, repeats };
}

/**
 * An ARP request sent to a MAC, not broadcast: the probe a neighbour entry's timer sends
 * (DELAY → PROBE, delay_first_probe_time 5 s after a use). The engine's clock stands still during
 * a case, the kernel's does not: a case longer than 5 s sees probes that belong to no flow.
 */
const isUnicastArpRequest = (f: WireFrame): boolean =>
  f.arp?.op === 'request' && f.dstMac !== 'ff:ff:ff:ff:ff:ff';

/**
 * Normalises one flow's kernel frames against the engine's:
 * - IGMP dropped: the bridge's own membership reports for 224.0.0.106 (multicast router
 *   discovery, joined when a snooping bridge comes up) are setup noise the engine does not model;
 * - unicast ARP probes and their replies dropped where the engine sends none on that interface
 *   (isUnicastArpRequest: timer-driven between flows, in no flow's trace);
 * - TCP retransmissions dropped: a segment equal to an earlier one on the same interface,
 *   absolute sequence number included (a timer artefact of the tool's timeout, e.g. SYN at 1 s);
 * - ephemeral client ports mapped to the engine's by order of first appearance of each
 *   (address, port) endpoint: NAT keeps a port but changes the address, docker-proxy's own
 *   upstream connection is a second client.
 * A connection's close (FINs, last ACKs) is compared like any other segment.
 */
export function normaliseKernelFlow(
  kernel: ReadonlyMap<string, readonly WireFrame[]>,
  engine: ReadonlyMap<string, readonly WireFrame[]>,
  fixedPorts: ReadonlySet<number>,
): { frames: Map<string, WireFrame[]>; notes: NormaliseNotes } {
  const notes: NormaliseNotes = {
    igmp: 0,
    arpProbes: 0,
    retransmissions: 0,
    engineRepeats: 0,
    ports: [],
    peers: [],
  };
  const kFrames = allFrames(kernel);
  const kEnds = ephemeralEndpointsInOrder(kFrames, fixedPorts);
  const eEnds = ephemeralEndpointsInOrder(allFrames(engine), fixedPorts);
  const map = new Map<string, number>();
  kEnds.forEach((k, i) => {
    const e = Number(eEnds[i]?.split(':')[1] ?? NaN);
    if (Number.isInteger(e)) {
      map.set(k, e);
      notes.ports.push([k, e]);
    }
  });
  notes.peers.push(...endpointPeers(kFrames, fixedPorts, map));
  const frames = new Map<string, WireFrame[]>();
  for (const [key, list] of kernel) {
    const kept: WireFrame[] = [];
    const engineProbes = (engine.get(key) ?? []).some(isUnicastArpRequest);
    /** `asker's MAC>target` of each probe dropped here, whose reply goes too (tcpdump's reply
     * line names no target address: the asker is the reply's destination MAC). */
    const probed: string[] = [];
    for (const f of list) {
      if (f.ip?.proto === 'igmp') {
        notes.igmp++;
        continue;
      }
      if (!engineProbes && isUnicastArpRequest(f) && f.arp) {
        probed.push(`${f.srcMac}>${f.arp.targetIp}`);
        notes.arpProbes++;
        continue;
      }
      const answered = f.arp?.op === 'reply' ? `${f.dstMac}>${f.arp.senderIp}` : null;
      if (answered !== null && probed.includes(answered)) {
        probed.splice(probed.indexOf(answered), 1);
        notes.arpProbes++;
        continue;
      }
      kept.push(f);
    }
    const unique = withoutRepeats(kept);
    notes.retransmissions += unique.repeats;
    frames.set(
      key,
      unique.kept.map((f) => remapPorts(f, map)),
    );
  }
  return { frames, notes };
}

/**
 * Kernel endpoints of one address that were mapped to the same engine port while talking to the
 * same peer: the kernel kept two connections apart (a NAT port search) where the engine gave both
 * the same tuple. Two connections to different peers may share an engine port (the tuples differ,
 * nothing clashes) while the kernel drew two ports. `ports` maps kernel `address:port` to the
 * engine's port, `peers` each kernel endpoint to the peers it talked to (normaliseKernelFlow's
 * notes); an endpoint whose peers are unknown is taken to clash.
 */
export function mergedEndpoints(
  ports: ReadonlyMap<string, number>,
  peers: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): string[] {
  const seen = new Map<string, string[]>();
  const out: string[] = [];
  const shares = (a: string, b: string): boolean => {
    const pa = peers.get(a);
    const pb = peers.get(b);
    return !pa || !pb || [...pa].some((q) => pb.has(q));
  };
  for (const [k, e] of ports) {
    const image = `${k.slice(0, k.lastIndexOf(':'))}:${e}`;
    const before = seen.get(image) ?? [];
    const clash = before.find((first) => shares(first, k));
    if (clash !== undefined) out.push(`${clash} and ${k} → ${image}`);
    seen.set(image, [...before, k]);
  }
  return out;
}
