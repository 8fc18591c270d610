// A frame as Wireshark-like layers of named fields; each field knows its dotted path for change marks.
import type { Frame } from '../../sim';

export interface FieldRow {
  readonly path: string;
  readonly name: string;
  readonly value: string;
}

export interface Layer {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly FieldRow[];
}

const row = (path: string, name: string, value: string | number): FieldRow => ({ path, name, value: String(value) });

const ICMP_TYPES: { readonly [t: number]: string } = { 0: 'echo reply', 3: 'destination unreachable', 8: 'echo request', 11: 'time exceeded' };

export function frameLayers(f: Frame): Layer[] {
  const out: Layer[] = [];
  if (f.eth) {
    out.push({
      id: 'eth',
      title: `Ethernet II, Src: ${f.eth.src}, Dst: ${f.eth.dst}`,
      fields: [row('eth.dst', 'Destination', f.eth.dst), row('eth.src', 'Source', f.eth.src), row('eth.type', 'Type', f.eth.type)],
    });
  }
  if (f.arp) {
    const a = f.arp;
    out.push({
      id: 'arp',
      title: `Address Resolution Protocol (${a.op})`,
      fields: [
        row('arp.op', 'Opcode', a.op),
        row('arp.senderMac', 'Sender MAC', a.senderMac),
        row('arp.senderIp', 'Sender IP', a.senderIp),
        row('arp.targetMac', 'Target MAC', a.targetMac),
        row('arp.targetIp', 'Target IP', a.targetIp),
      ],
    });
  }
  if (f.ip) {
    out.push({
      id: 'ip',
      title: `Internet Protocol Version 4, Src: ${f.ip.src}, Dst: ${f.ip.dst}`,
      fields: [
        row('ip.src', 'Source Address', f.ip.src),
        row('ip.dst', 'Destination Address', f.ip.dst),
        row('ip.ttl', 'Time to Live', f.ip.ttl),
        row('ip.proto', 'Protocol', f.ip.proto.toUpperCase()),
        row('ip.len', 'Total Length', f.ip.len),
      ],
    });
  }
  if (f.tcp) {
    const t = f.tcp;
    out.push({
      id: 'tcp',
      title: `Transmission Control Protocol, Src Port: ${t.sport}, Dst Port: ${t.dport}`,
      fields: [
        row('tcp.sport', 'Source Port', t.sport),
        row('tcp.dport', 'Destination Port', t.dport),
        row('tcp.flags', 'Flags', `[${t.flags.join(', ')}]`),
        row('tcp.seq', 'Sequence Number', t.seq),
        row('tcp.ack', 'Acknowledgment Number', t.ack),
      ],
    });
  }
  if (f.udp) {
    out.push({
      id: 'udp',
      title: `User Datagram Protocol, Src Port: ${f.udp.sport}, Dst Port: ${f.udp.dport}`,
      fields: [row('udp.sport', 'Source Port', f.udp.sport), row('udp.dport', 'Destination Port', f.udp.dport)],
    });
  }
  if (f.icmp) {
    const i = f.icmp;
    out.push({
      id: 'icmp',
      title: `Internet Control Message Protocol (${ICMP_TYPES[i.type] ?? `type ${i.type}`})`,
      fields: [row('icmp.type', 'Type', i.type), row('icmp.code', 'Code', i.code), row('icmp.id', 'Identifier', i.id), row('icmp.seq', 'Sequence', i.seq)],
    });
  }
  if (f.payload !== undefined && f.payload !== '') {
    out.push({ id: 'data', title: 'Data', fields: [row('payload', 'Payload', f.payload)] });
  }
  return out;
}
