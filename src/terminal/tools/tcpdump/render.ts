// A capture at one interface of one namespace, each frame with tcpdump's text (or null where the
// filter drops it: the printer, and its TCP memory, only see what passes). Shared by the lab's
// tcpdump and the kernel suite, which compares it with the real tcpdump's text.
import type { Namespace } from '../../../sim/netns';
import type { PacketTrace } from '../../../sim/trace';
import { framesAt, type Seen } from './capture';
import type { Match } from './filter';
import { printFrame, type PrintOptions } from './print';
import { TcpTracker } from './tcp-model';

export interface Rendered {
  readonly seen: Seen;
  /** The packet's text after the time stamp (`-i any`: with interface and direction). */
  readonly text: string | null;
  /** The frame's bytes (empty where the filter dropped it). */
  readonly bytes: readonly number[];
}

export function renderCapture(
  packets: readonly PacketTrace[],
  ns: Namespace,
  iface: string,
  print: PrintOptions,
  promiscuous: boolean,
  match: Match = () => true,
): Rendered[] {
  const macs = new Map([...ns.devices.values()].map((d) => [d.name, d.mac as string]));
  const seen = framesAt(packets, ns.id, iface, { bridges: ns.bridges, macs }, promiscuous);
  const tcp = new TcpTracker();
  const any = iface === 'any';
  let n = 0;
  return seen.map((s) => {
    if (!match(s.frame)) return { seen: s, text: null, bytes: [] };
    n++;
    const mtu = ns.devices.get(s.iface)?.mtu ?? 1500;
    // -v's IP id: any number will do but 0 (Linux gives 0 only to a SYN-ACK and a RST).
    const id = (n * 7919) & 0xffff || 1;
    const p = printFrame(
      s.frame,
      any ? { ...print, link: false } : print,
      tcp,
      s.t,
      mtu,
      id,
      s.iface,
    );
    const where = any ? `${s.iface.padEnd(5)} ${s.dir.padEnd(3)} ` : '';
    return { seen: s, text: `${where}${p.text}`, bytes: p.bytes };
  });
}

/**
 * How much one frame adds to "packets received by filter" (the kernel's tp_packets): only frames
 * the socket's BPF filter accepted, and a frame on lo twice — the kernel counts the outgoing copy
 * that libpcap then drops (measured in a network namespace: a ping and a UDP datagram to a closed
 * port on lo give "4 packets captured, 8 packets received by filter"; with `udp`, 1 and 2).
 */
export const receivedBy = (r: Rendered): number =>
  r.text === null ? 0 : r.seen.iface === 'lo' ? 2 : 1;
