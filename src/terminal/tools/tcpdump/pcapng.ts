// Flows as a pcapng file (little-endian): a Section Header Block, one Interface Description Block
// per capture point (`node:iface`, Ethernet, µs time stamps) and one Enhanced Packet Block per
// frame seen there, with its direction (epb_flags) and a comment naming the hop. The frames are
// those the lab's tcpdump shows at each interface (no promiscuous mode), in the flow's order.
import type { Namespaces } from '../../../sim/netns';
import type { PacketTrace } from '../../../sim/trace';
import { renderCapture } from './render';

/** The lab's wall clock starts 2026-11-27 09:00:00 UTC (terminal/docker/time.ts). */
const EPOCH_SECONDS = 1795770000;
const PRINT = { numeric: true, link: true, verbose: true, absolute: true } as const;

class Out {
  readonly bytes: number[] = [];
  u8 = (n: number) => this.bytes.push(n & 255);
  u16 = (n: number) => this.bytes.push(n & 255, (n >>> 8) & 255);
  u32 = (n: number) => {
    for (let i = 0; i < 4; i++) this.bytes.push(Math.floor(n / 2 ** (8 * i)) & 255);
  };
  pad = () => {
    while (this.bytes.length % 4 !== 0) this.bytes.push(0);
  };
}

function option(o: Out, code: number, value: readonly number[]): void {
  o.u16(code);
  o.u16(value.length);
  o.bytes.push(...value);
  o.pad();
}

const text = (s: string) => [...new TextEncoder().encode(s)];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** A block: type, total length, body (padded), total length again. */
function block(type: number, body: (o: Out) => void): number[] {
  const o = new Out();
  body(o);
  o.pad();
  const len = o.bytes.length + 12;
  return [...le32(type), ...le32(len), ...o.bytes, ...le32(len)];
}

export interface FlowCapture {
  readonly packets: readonly PacketTrace[];
  /** world.clock when the flow was sent. */
  readonly clock: number;
  /** The world's namespaces then (its interfaces, MACs, MTUs). */
  readonly namespaces: Namespaces;
}

/** The pcapng bytes of the flows, every interface of every namespace that saw a frame. */
export function pcapng(
  flows: readonly FlowCapture[],
  only: (node: string, iface: string) => boolean = () => true,
): Uint8Array {
  const out: number[] = [
    ...block(0x0a0d0d0a, (o) => {
      o.u32(0x1a2b3c4d);
      o.u16(1);
      o.u16(0);
      o.u32(0xffffffff);
      o.u32(0xffffffff);
      option(o, 0, []);
    }),
  ];
  const ids = new Map<string, number>();
  for (const flow of flows) {
    const frames = [...flow.namespaces.values()].flatMap((ns) =>
      [...ns.devices.keys()]
        .filter((i) => only(ns.id, i))
        .flatMap((iface) =>
          renderCapture(flow.packets, ns, iface, PRINT, false).map((r) => ({ ns, iface, r })),
        ),
    );
    frames.sort((a, b) => a.r.seen.order - b.r.seen.order);
    for (const { ns, iface, r } of frames) {
      const name = `${ns.id}:${iface}`;
      let id = ids.get(name);
      if (id === undefined) {
        id = ids.size;
        ids.set(name, id);
        out.push(
          ...block(1, (o) => {
            o.u16(1); // LINKTYPE_ETHERNET
            o.u16(0);
            o.u32(262144);
            option(o, 2, text(name)); // if_name
            option(o, 9, [6]); // if_tsresol: microseconds
            option(o, 0, []);
          }),
        );
      }
      const us = Math.round((EPOCH_SECONDS + flow.clock) * 1e6) + r.seen.t;
      const s = r.seen;
      out.push(
        ...block(6, (o) => {
          o.u32(id);
          o.u32(Math.floor(us / 2 ** 32));
          o.u32(us % 2 ** 32);
          o.u32(r.bytes.length);
          o.u32(r.bytes.length);
          o.bytes.push(...r.bytes);
          o.pad();
          // epb_flags: direction in bits 0-1, 1 inbound, 2 outbound.
          option(o, 2, le32(s.dir === 'Out' ? 2 : 1));
          const event = s.dir === 'Out' ? 'tx' : 'rx';
          option(o, 1, text(`${s.label}: ${ns.id} ${s.iface} ${event}`));
          option(o, 0, []);
        }),
      );
    }
  }
  return Uint8Array.from(out);
}
