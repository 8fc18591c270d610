// Which of a flow's frames a packet socket on one of the host's interfaces sees, in order.
// `tx`/`rx` hops at the interface, as the kernel suite compares them with the kernel's own
// captures; on a bridge in promiscuous mode (tcpdump's default, -p turns it off) also every
// frame its ports bring in and the bridge forwards or floods to other ports: br_handle_frame_finish
// passes a promiscuous bridge's traffic up through the bridge device (br_pass_frame_up), where
// the packet socket sees it, and the stack then drops it as not for this host.
import type { Frame, Hop, NodeId, PacketTrace } from '../../../sim/trace';

export interface Seen {
  readonly frame: Frame;
  /** µs since the flow began. */
  readonly t: number;
  readonly iface: string;
  /** The hop's place in the flow (packets in order, hops in order): merges interfaces. */
  readonly order: number;
  /** The packet's index in the flow's packets (its sending socket's segment, socket-model.ts). */
  readonly packet: number;
  /** The hop's packet label ('SYN', 'echo request 1'…). */
  readonly label: string;
  /** LINUX_SLL2 packet type as `-i any` prints it. */
  readonly dir: 'In' | 'Out' | 'B' | 'P';
}

export interface HostIfaces {
  /** Bridge device → its ports. */
  readonly bridges: ReadonlyMap<string, readonly string[]>;
  /** Device → its MAC: a frame received for another MAC is PACKET_OTHERHOST ("P"). */
  readonly macs: ReadonlyMap<string, string>;
}

/** eth_type_trans's packet type: broadcast, for this device's MAC, or for another host. */
const rxType = (f: Frame, mac: string | undefined): Seen['dir'] =>
  f.eth?.dst === 'ff:ff:ff:ff:ff:ff' ? 'B' : f.eth?.dst === mac ? 'In' : 'P';

/** The frames on `iface` of `node` ('any': every interface, each frame once per interface). */
export function framesAt(
  packets: readonly PacketTrace[],
  node: NodeId,
  iface: string,
  ifaces: HostIfaces,
  promiscuous: boolean,
): Seen[] {
  const out: Seen[] = [];
  const any = iface === 'any';
  const bridgeOf = new Map<string, string>();
  for (const [br, ports] of ifaces.bridges) for (const p of ports) bridgeOf.set(p, br);
  let base = 0;
  packets.forEach((p, packet) => {
    let prev: Hop | null = null;
    const at = base;
    base += p.hops.length;
    p.hops.forEach((h: Hop, i) => {
      if (h.node !== node || h.iface === null || (h.event !== 'tx' && h.event !== 'rx')) return;
      // A packet sent on lo is received on lo: a packet socket sees it once (no PACKET_LOOPBACK).
      const echo =
        h.event === 'rx' && h.iface === 'lo' && prev?.event === 'tx' && prev.iface === 'lo';
      prev = h;
      if (echo) return;
      if (any || h.iface === iface) {
        // On lo libpcap keeps the received copy (it drops the outgoing one): "In" (measured).
        const dir =
          h.iface === 'lo'
            ? 'In'
            : h.event === 'tx'
              ? 'Out'
              : rxType(h.frame, ifaces.macs.get(h.iface));
        out.push({
          frame: h.frame,
          t: h.t,
          iface: h.iface,
          dir,
          order: at + i,
          packet,
          label: p.label,
        });
      }
      // Promiscuous bridge: a frame entering a port is seen on the bridge too, unless the bridge
      // passes it up to the host anyway (then its own rx on the bridge shows it, once).
      const br = h.event === 'rx' ? bridgeOf.get(h.iface) : undefined;
      if (br === undefined || !promiscuous || br !== iface) return;
      const later = p.hops.slice(i + 1).filter((x) => x.node === node && x.iface === br);
      const bridged = later.some((x) => x.event === 'bridge-forward' || x.event === 'bridge-flood');
      const local = later.some((x) => x.event === 'bridge-local');
      if (bridged && !local)
        out.push({
          frame: h.frame,
          t: h.t,
          iface: br,
          dir: rxType(h.frame, ifaces.macs.get(br)),
          order: at + i,
          packet,
          label: p.label,
        });
    });
  });
  return out;
}
