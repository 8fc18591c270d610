// A capture at one interface of one namespace, each frame with tcpdump's text (or null where the
// filter drops it: the printer, and its TCP memory, only see what passes). Shared by the lab's
// tcpdump and the kernel suite, which compares it with the real tcpdump's text.
import type { Namespace } from '../../../sim/netns';
import type { PacketTrace } from '../../../sim/trace';
import { framesAt, type Seen } from './capture';
import type { Match } from './filter';
import { printFrame, type PrintOptions } from './print';
import { sentSegments } from './socket-model';
import { TcpTracker } from './tcp-model';

export interface Rendered {
  readonly seen: Seen;
  /** The packet's text after the time stamp (`-i any`: with interface and direction). */
  readonly text: string | null;
  /** The frame's bytes (empty where the filter dropped it). */
  readonly bytes: readonly number[];
}

/**
 * -e on `any`: the LINUX_SLL2 header as print-sll.c's sll2_print prints it in place of Ethernet's:
 * the ifindex, the sender's address, the protocol, and the length with the 20-byte cooked header
 * instead of the 14-byte Ethernet one (measured: `eth0  Out ifindex 2 4a:47:ab:c1:17:ce ethertype
 * IPv4 (0x0800), length 104: 10.9.0.1 > 10.9.0.2: ICMP echo request, …`, ARP `length 48`).
 */
function sll2(ethernet: string, ifindex: number): string {
  return ethernet.replace(
    /^(\S+) > \S+, (ethertype [^,]+), length (\d+): /,
    (_, src: string, type: string, len: string) =>
      `ifindex ${ifindex} ${src} ${type}, length ${Number(len) - 14 + 20}: `,
  );
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
  // Each segment's window, options and stamps are its sending socket's, whatever this capture saw.
  const sent = sentSegments(packets);
  const any = iface === 'any';
  let n = 0;
  return seen.map((s) => {
    if (!match(s.frame)) return { seen: s, text: null, bytes: [] };
    n++;
    const mtu = ns.devices.get(s.iface)?.mtu ?? 1500;
    // -v's IP id: any number will do but 0 (Linux gives 0 only to a SYN-ACK and a RST).
    const id = (n * 7919) & 0xffff || 1;
    const p = printFrame(s.frame, print, tcp, s.t, mtu, id, sent[s.packet]);
    if (!any) return { seen: s, text: p.text, bytes: p.bytes };
    const where = `${s.iface.padEnd(5)} ${s.dir.padEnd(3)} `;
    const ifindex = ns.devices.get(s.iface)?.ifindex ?? 0;
    return {
      seen: s,
      text: `${where}${print.link ? sll2(p.text, ifindex) : p.text}`,
      bytes: p.bytes,
    };
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
