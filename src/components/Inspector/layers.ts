// A frame as Wireshark-like layers of named fields; each field knows its dotted path for change marks.
import type { Say } from '../../hooks/useT';
import { translate, type UiKey } from '../../i18n';
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

const ICMP_TYPES: { readonly [t: number]: UiKey } = {
  0: 'icmp.0',
  3: 'icmp.3',
  8: 'icmp.8',
  11: 'icmp.11',
};

/** Field names and layer titles in the reader's language (t); values always as the packet has them. */
export function frameLayers(f: Frame, t: Say = translate): Layer[] {
  const row = (path: string, name: UiKey, value: string | number): FieldRow => ({
    path,
    name: t(name),
    value: String(value),
  });
  const out: Layer[] = [];
  if (f.eth) {
    out.push({
      id: 'eth',
      title: t('layer.eth', { src: f.eth.src, dst: f.eth.dst }),
      fields: [
        row('eth.dst', 'field.destination', f.eth.dst),
        row('eth.src', 'field.source', f.eth.src),
        row('eth.type', 'field.type', f.eth.type),
      ],
    });
  }
  if (f.arp) {
    const a = f.arp;
    out.push({
      id: 'arp',
      title: t('layer.arp', { op: a.op }),
      fields: [
        row('arp.op', 'field.opcode', a.op),
        row('arp.senderMac', 'field.senderMac', a.senderMac),
        row('arp.senderIp', 'field.senderIp', a.senderIp),
        row('arp.targetMac', 'field.targetMac', a.targetMac),
        row('arp.targetIp', 'field.targetIp', a.targetIp),
      ],
    });
  }
  if (f.ip) {
    out.push({
      id: 'ip',
      title: t('layer.ip', { src: f.ip.src, dst: f.ip.dst }),
      fields: [
        row('ip.src', 'field.srcAddr', f.ip.src),
        row('ip.dst', 'field.dstAddr', f.ip.dst),
        row('ip.ttl', 'field.ttl', f.ip.ttl),
        row('ip.proto', 'field.protocol', f.ip.proto.toUpperCase()),
        row('ip.len', 'field.length', f.ip.len),
      ],
    });
  }
  if (f.tcp) {
    const tcp = f.tcp;
    out.push({
      id: 'tcp',
      title: t('layer.tcp', { sport: tcp.sport, dport: tcp.dport }),
      fields: [
        row('tcp.sport', 'field.sport', tcp.sport),
        row('tcp.dport', 'field.dport', tcp.dport),
        row('tcp.flags', 'field.flags', `[${tcp.flags.join(', ')}]`),
        row('tcp.seq', 'field.seq', tcp.seq),
        row('tcp.ack', 'field.ack', tcp.ack),
      ],
    });
  }
  if (f.udp) {
    out.push({
      id: 'udp',
      title: t('layer.udp', { sport: f.udp.sport, dport: f.udp.dport }),
      fields: [
        row('udp.sport', 'field.sport', f.udp.sport),
        row('udp.dport', 'field.dport', f.udp.dport),
      ],
    });
  }
  if (f.icmp) {
    const i = f.icmp;
    out.push({
      id: 'icmp',
      title: t('layer.icmp', { type: t(ICMP_TYPES[i.type] ?? 'icmp.other', { type: i.type }) }),
      fields: [
        row('icmp.type', 'field.type', i.type),
        row('icmp.code', 'field.code', i.code),
        row('icmp.id', 'field.id', i.id),
        row('icmp.seq', 'field.icmpSeq', i.seq),
      ],
    });
  }
  if (f.payload !== undefined && f.payload !== '') {
    out.push({
      id: 'data',
      title: t('layer.data'),
      fields: [row('payload', 'field.payload', f.payload)],
    });
  }
  return out;
}
