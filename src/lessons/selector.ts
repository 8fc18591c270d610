// Hop selectors: name a hop of the engine's trace by what happens there, never by a hard-coded index.
import type { Hop, HopEvent, PacketTrace } from '../sim';

/** Which packet: an index, the nth request or reply (0 = first), or the last one. */
export type PacketRef =
  number | 'last' | { readonly direction: 'request' | 'reply'; readonly nth?: number };

/** Every given field must hold. Strings ending in '.' or ':' match as prefixes ('nat.', 'container:'). */
export interface HopMatch {
  readonly event?: HopEvent | readonly HopEvent[];
  readonly node?: string;
  readonly iface?: string;
  /** The narration key, e.g. 'nat.dnat', or a prefix 'nat.'. */
  readonly why?: string;
  /** A field this hop changed, e.g. 'ip.dst'. */
  readonly changed?: string;
  /** The netfilter table/chain that acted, e.g. 'nat/DOCKER' or 'filter/'. */
  readonly chain?: string;
  /** The netfilter target, e.g. 'ACCEPT', 'DNAT', 'MASQUERADE'. */
  readonly target?: string;
  /** Only hops carrying the IP packet itself (skips the ARP exchange). */
  readonly ip?: boolean;
}

export interface HopSelector {
  /** Default: packet 0, or the packet of `after` when that is given. */
  readonly packet?: PacketRef;
  readonly match: HopMatch;
  /** Search only after this hop (same packet), or after the caller's cursor. */
  readonly after?: HopSelector | 'cursor';
  /** The first matching hop (default) or the last. */
  readonly pick?: 'first' | 'last';
}

/** A position in a trace: packet index and hop index. */
export interface HopRef {
  readonly packet: number;
  readonly hop: number;
}

const like = (value: string | null | undefined, pattern: string): boolean =>
  value !== null &&
  value !== undefined &&
  (pattern.endsWith('.') || pattern.endsWith(':') || pattern.endsWith('/')
    ? value.startsWith(pattern)
    : value === pattern);

export function hopMatches(hop: Hop, m: HopMatch): boolean {
  if (m.event !== undefined) {
    const events: readonly HopEvent[] = typeof m.event === 'string' ? [m.event] : m.event;
    if (!events.includes(hop.event)) return false;
  }
  if (m.node !== undefined && !like(hop.node, m.node)) return false;
  if (m.iface !== undefined && !like(hop.iface, m.iface)) return false;
  if (m.why !== undefined && !like(hop.why.key, m.why)) return false;
  if (m.changed !== undefined && !hop.changed.some((c) => c.field === m.changed)) return false;
  if (m.chain !== undefined && !like(hop.nf ? `${hop.nf.table}/${hop.nf.chain}` : null, m.chain))
    return false;
  if (m.target !== undefined && hop.nf?.target !== m.target) return false;
  if (m.ip === true && !hop.frame.ip) return false;
  return true;
}

export function resolvePacket(packets: readonly PacketTrace[], ref: PacketRef): number | null {
  if (ref === 'last') return packets.length > 0 ? packets.length - 1 : null;
  if (typeof ref === 'number') return ref >= 0 && ref < packets.length ? ref : null;
  const nth = ref.nth ?? 0;
  let seen = 0;
  for (let i = 0; i < packets.length; i++) {
    if (packets[i]?.direction !== ref.direction) continue;
    if (seen === nth) return i;
    seen++;
  }
  return null;
}

/** The hop a selector names in this trace, or null when the trace has no such hop. */
export function selectHop(
  packets: readonly PacketTrace[],
  sel: HopSelector,
  cursor?: HopRef,
): HopRef | null {
  let start: HopRef | null = null;
  if (sel.after === 'cursor') start = cursor ?? null;
  else if (sel.after) start = selectHop(packets, sel.after, cursor);
  if (sel.after && !start) return null;
  const packet =
    sel.packet !== undefined ? resolvePacket(packets, sel.packet) : (start?.packet ?? 0);
  if (packet === null) return null;
  const hops = packets[packet]?.hops ?? [];
  const from = start && start.packet === packet ? start.hop + 1 : 0;
  if (start && start.packet > packet) return null;
  let found: number | null = null;
  for (let h = from; h < hops.length; h++) {
    const hop = hops[h];
    if (hop && hopMatches(hop, sel.match)) {
      found = h;
      if (sel.pick !== 'last') break;
    }
  }
  return found === null ? null : { packet, hop: found };
}

export function hopAt(packets: readonly PacketTrace[], ref: HopRef): Hop | undefined {
  return packets[ref.packet]?.hops[ref.hop];
}
