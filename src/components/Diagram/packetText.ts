// How a frame reads in one line: src → dst with ports, ARP in words; and the same before a hop's rewrite.
import type { Say } from '../../hooks/useT';
import { translate } from '../../i18n';
import type { FieldChange, Frame } from '../../sim';

export interface Ends {
  readonly src: string;
  readonly dst: string;
}

function l4(frame: Frame): { sport?: number; dport?: number } {
  return frame.tcp ?? frame.udp ?? {};
}

export function frameEnds(frame: Frame, t: Say = translate): Ends {
  if (frame.arp) {
    const a = frame.arp;
    return a.op === 'request'
      ? { src: `${a.senderIp} (${a.senderMac})`, dst: t('arp.whoHas', { ip: a.targetIp }) }
      : { src: t('arp.isAt', { ip: a.senderIp, mac: a.senderMac }), dst: `${a.targetIp}` };
  }
  if (frame.ip) {
    const p = l4(frame);
    const port = (n: number | undefined) => (n === undefined ? '' : `:${n}`);
    return { src: `${frame.ip.src}${port(p.sport)}`, dst: `${frame.ip.dst}${port(p.dport)}` };
  }
  if (frame.eth) return { src: frame.eth.src, dst: frame.eth.dst };
  return { src: '?', dst: '?' };
}

/** Which end a changed field belongs to, for highlighting. */
export function changedEnds(changed: readonly FieldChange[]): { src: boolean; dst: boolean } {
  const f = changed.map((c) => c.field);
  return {
    src: f.some((x) => x === 'ip.src' || x.endsWith('.sport')),
    dst: f.some((x) => x === 'ip.dst' || x.endsWith('.dport')),
  };
}

/** The frame as it was before this hop: every changed field set back to its old value. */
export function frameBefore(frame: Frame, changed: readonly FieldChange[]): Frame {
  let out: Frame = frame;
  for (const c of changed) {
    const [layer, field] = c.field.split('.') as [keyof Frame, string];
    const header = out[layer];
    if (header && typeof header === 'object' && field) {
      out = { ...out, [layer]: { ...header, [field]: c.from } };
    }
  }
  return out;
}

export function tcpFlags(frame: Frame): string {
  return frame.tcp ? frame.tcp.flags.join(',') : '';
}

/** A DNS message in words: which record is asked, what came back. */
function dnsLabel(m: NonNullable<Frame['dns']>, t: Say): string {
  const p = { type: m.type, name: m.name };
  if (!m.response) return t('frame.dnsQuery', p);
  if (m.rcode === 3) return t('frame.dnsNxdomain', p);
  const ip = m.answers.map((a) => a.ip).join(', ');
  return ip === '' ? t('frame.dnsNoRecord', p) : t('frame.dnsAnswer', { ...p, ip });
}

/**
 * What the frame at a hop is called: its packet's label ("SYN", "echo request"), a DNS message by
 * what it asks or answers, except while the kernel resolves the next hop's address, when the frame
 * on the wire is ARP, not the packet waiting.
 */
export function hopLabel(packetLabel: string, frame: Frame, t: Say = translate): string {
  const a = frame.arp;
  if (!a) return frame.dns ? dnsLabel(frame.dns, t) : packetLabel;
  return a.op === 'request'
    ? t('frame.arpRequest', { ip: a.targetIp })
    : t('frame.arpReply', { ip: a.senderIp, mac: a.senderMac });
}
