// Invariants of conntrack and rule counters across one walk. Pure checks over before/after worlds.
import type { PacketTrace } from '../trace';
import type { ConntrackEntry, Tuple, World } from '../types';

const key = (proto: string, t: Tuple) => `${proto} ${t.src}:${t.sport} > ${t.dst}:${t.dport}`;
const show = (e: ConntrackEntry) =>
  `#${e.id} orig ${key(e.proto, e.orig)} reply ${key(e.proto, e.reply)}`;

/** Addresses MASQUERADE/SNAT may pick: the host's own. */
function hostAddresses(world: World): Set<string> {
  const s = new Set<string>([world.host.eth0.ip, '127.0.0.1']);
  for (const n of world.networks) if (n.bridge) s.add(n.bridge.gateway);
  return s;
}

/** The table: tuples unique in both directions; each reply tuple the inverse of orig up to NAT. */
export function checkConntrackTable(world: World, newSince: number): string[] {
  const out: string[] = [];
  const tuples = new Map<string, string>();
  const ids = new Set<number>();
  const local = hostAddresses(world);
  const dnats = world.netfilter.nat.chains.flatMap((c) => c.rules.map((r) => r.target));
  for (const e of world.conntrack) {
    if (ids.has(e.id)) out.push(`conntrack id ${e.id} twice`);
    ids.add(e.id);
    if (e.id >= world.nextConntrackId)
      out.push(`conntrack ${show(e)} has an id not yet handed out`);
    for (const [dir, t] of [
      ['orig', e.orig],
      ['reply', e.reply],
    ] as const) {
      // The kernel's ICMP tuple carries the type: echo request (orig) vs echo reply (reply).
      const k = key(e.proto === 'icmp' ? `icmp/${dir}` : e.proto, t);
      const other = tuples.get(k);
      if (other !== undefined) out.push(`tuple ${k} (${dir} of #${e.id}) already used by ${other}`);
      tuples.set(k, `${dir} of #${e.id}`);
    }
    const icmp = e.proto === 'icmp';
    const dnat = e.reply.src !== e.orig.dst || (!icmp && e.reply.sport !== e.orig.dport);
    // An echo's id lives in sport both ways; NAT moving it counts as a source mapping.
    const moved = icmp ? e.reply.sport !== e.orig.sport : e.reply.dport !== e.orig.sport;
    const snat = e.reply.dst !== e.orig.src || moved;
    if (icmp && (e.reply.dport !== 0 || e.orig.dport !== 0)) {
      out.push(`icmp entry with a port: ${show(e)}`);
    }
    if (snat) {
      if (!local.has(e.reply.dst)) out.push(`SNAT to a non-host address: ${show(e)}`);
      // The port (echo id) is kept unless another entry's reply tuple holds it; then NAT picks another.
      if (moved) {
        const kept = icmp
          ? { ...e.reply, sport: e.orig.sport }
          : { ...e.reply, dport: e.orig.sport };
        const clash = world.conntrack.some(
          (x) =>
            x.id !== e.id &&
            x.proto === e.proto &&
            x.reply.src === kept.src &&
            x.reply.dst === kept.dst &&
            x.reply.sport === kept.sport &&
            x.reply.dport === kept.dport,
        );
        if (!clash) out.push(`SNAT rewrote the port without a clash: ${show(e)}`);
      }
    }
    if (dnat && e.id >= newSince) {
      const why = dnats.some(
        (t) =>
          t.kind === 'DNAT' &&
          t.toIp === e.reply.src &&
          (icmp || (t.toPort ?? e.orig.dport) === e.reply.sport),
      );
      if (!why) out.push(`DNAT no rule explains: ${show(e)}`);
    }
  }
  return out;
}

/** New entries come only from packets that were confirmed; dropped unconfirmed ones leave none. */
export function checkConfirmation(
  before: World,
  after: World,
  packets: readonly PacketTrace[],
): string[] {
  const out: string[] = [];
  const confirmed = new Set<number>();
  const created = new Map<number, string>();
  for (const p of packets) {
    for (const h of p.hops) {
      if (!h.ct) continue;
      if (h.why.key === 'ct.confirm') confirmed.add(h.ct.entry.id);
      else if (h.ct.created) created.set(h.ct.entry.id, `${p.label} (${p.outcome.kind})`);
    }
  }
  for (const e of after.conntrack) {
    if (e.id < before.nextConntrackId) continue;
    if (!confirmed.has(e.id)) out.push(`entry ${show(e)} in the table but never confirmed`);
  }
  for (const [id, label] of created) {
    if (!confirmed.has(id) && after.conntrack.some((e) => e.id === id)) {
      out.push(`unconfirmed entry #${id} of ${label} left in the table`);
    }
  }
  const kept = new Set(after.conntrack.map((e) => e.id));
  for (const e of before.conntrack) if (!kept.has(e.id)) out.push(`walk removed entry ${show(e)}`);
  return out;
}

/** Counters only grow, and each grows by exactly the hops that name its rule (or policy). */
export function checkCounters(
  before: World,
  after: World,
  packets: readonly PacketTrace[],
): string[] {
  const out: string[] = [];
  const hits = new Map<string, number>();
  for (const p of packets) {
    for (const h of p.hops) {
      if (h.event !== 'netfilter' || !h.nf) continue;
      const k = `${h.nf.table}/${h.nf.chain}/${h.nf.ruleId ?? 'policy'}`;
      hits.set(k, (hits.get(k) ?? 0) + 1);
    }
  }
  for (const t of ['raw', 'nat', 'filter'] as const) {
    for (const c of after.netfilter[t].chains) {
      const old = before.netfilter[t].chains.find((x) => x.name === c.name);
      const pol = `${t}/${c.name}/policy`;
      const dp = c.pkts - (old?.pkts ?? 0);
      if (dp < 0 || c.bytes < (old?.bytes ?? 0)) out.push(`${pol}: counter went down`);
      if (dp !== (hits.get(pol) ?? 0))
        out.push(`${pol}: +${dp} packets, ${hits.get(pol) ?? 0} policy hops`);
      for (const r of c.rules) {
        const o = old?.rules.find((x) => x.id === r.id);
        const d = r.pkts - (o?.pkts ?? 0);
        const k = `${t}/${c.name}/${r.id}`;
        if (d < 0 || r.bytes < (o?.bytes ?? 0)) out.push(`${k}: counter went down`);
        if (d !== (hits.get(k) ?? 0))
          out.push(`${k}: +${d} packets but ${hits.get(k) ?? 0} hops name it`);
      }
    }
  }
  return out;
}
