// Invariants of one packet walk: every packet ends with a reason, frames stay well formed, TTL only
// drops on forwarding, NAT is undone on the reply path. Pure checks over simulate()'s output.
import type { Frame, Hop, PacketTrace } from '../trace';
import type { World } from '../types';

/**
 * A packet crosses at most five namespaces (remote, router, host, bridge port, container: no
 * generated route loops back). In each it emits at most ~12 stack hops, one hop per matching rule
 * or policy in each of six hook/table passes (bounded by rules + chains), and up to three ARP
 * broadcasts each flooded to every bridge port (tx, rx and learn per port).
 */
export function hopBound(world: World): number {
  const nf = world.netfilter;
  const tables = [nf.raw, nf.nat, nf.filter];
  const rules = tables.reduce(
    (n, t) => n + t.chains.reduce((m, c) => m + c.rules.length + 1, 0),
    0,
  );
  const ports = Math.max(
    0,
    ...world.networks.map(
      (n) => world.containers.filter((c) => c.endpoints.some((e) => e.networkId === n.id)).length,
    ),
  );
  const perNode = 12 + 6 * rules + 3 * (2 + 4 * (ports + 1));
  return 5 * perNode;
}

const l4 = (f: Frame) => ({
  sport: f.tcp?.sport ?? f.udp?.sport ?? f.icmp?.id ?? 0,
  dport: f.tcp?.dport ?? f.udp?.dport ?? 0,
});

function fieldAt(f: Frame, path: string): unknown {
  let v: unknown = f;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** One frame's headers agree with each other. */
function frameProblems(h: Hop): string[] {
  const f = h.frame;
  const out: string[] = [];
  if ((h.event === 'tx' || h.event === 'rx') && !f.eth)
    out.push(`${h.event} hop without Ethernet header`);
  if (f.eth && (f.eth.type === 'ARP') !== (f.arp !== undefined))
    out.push('eth.type disagrees with payload');
  if ((f.arp === undefined) === (f.ip === undefined))
    out.push('frame is neither ARP nor IPv4 (or both)');
  const ip = f.ip;
  if (ip) {
    const has = { tcp: f.tcp !== undefined, udp: f.udp !== undefined, icmp: f.icmp !== undefined };
    if (!has[ip.proto] || Object.values(has).filter(Boolean).length !== 1)
      out.push(`ip.proto ${ip.proto} but headers ${JSON.stringify(has)}`);
    if (ip.ttl < 1 || ip.ttl > 255) out.push(`ttl ${ip.ttl}`);
    const p = l4(f);
    if (p.sport < 0 || p.sport > 65535 || p.dport < 0 || p.dport > 65535)
      out.push(`port out of range ${p.sport}/${p.dport}`);
  }
  for (const c of h.changed) {
    if (fieldAt(f, c.field) !== c.to)
      out.push(`changed ${c.field}->${c.to} but frame has ${String(fieldAt(f, c.field))}`);
  }
  return out;
}

/** Termination, outcome reasons, headers, TTL monotonicity. */
export function checkPackets(packets: readonly PacketTrace[], bound: number): string[] {
  const out: string[] = [];
  packets.forEach((p, i) => {
    const tag = `packet ${i} (${p.label})`;
    if (p.hops.length > bound) out.push(`${tag}: ${p.hops.length} hops > bound ${bound}`);
    const first = p.hops[0];
    if (!first || first.event !== 'send') out.push(`${tag}: does not start with a send hop`);
    const delivers = p.hops.filter((h) => h.event === 'deliver');
    if (p.outcome.kind === 'delivered') {
      const node = p.outcome.node;
      if (delivers.length !== 1 || delivers[0]?.node !== node)
        out.push(
          `${tag}: delivered to ${node} but deliver hops ${delivers.map((h) => h.node).join(',')}`,
        );
    } else {
      const { node, reason } = p.outcome;
      if (delivers.length > 0) out.push(`${tag}: dropped but has a deliver hop`);
      const d = p.hops.filter((h) => h.event === 'drop');
      if (!d.some((h) => h.node === node && h.why.key === `drop.${reason}`)) {
        const last = p.hops[p.hops.length - 1];
        out.push(
          `${tag}: dropped (${reason} at ${node}) with no drop hop saying why; last hop ${last?.node}/${last?.iface} ${last?.event} ${last?.why.key}`,
        );
      }
    }
    let ttl: number | null = null;
    let t = 0;
    for (const h of p.hops) {
      for (const e of frameProblems(h))
        out.push(`${tag} hop ${h.node}/${h.iface} ${h.event}: ${e}`);
      if (h.t < t) out.push(`${tag}: time goes backwards at ${h.event}`);
      t = h.t;
      const now = h.frame.ip?.ttl;
      if (now === undefined) continue;
      if (ttl !== null && now > ttl)
        out.push(`${tag}: ttl rises ${ttl}->${now} at ${h.node} ${h.event}`);
      if (ttl !== null && now < ttl && (h.event !== 'forward' || now !== ttl - 1))
        out.push(`${tag}: ttl ${ttl}->${now} on a ${h.event} hop`);
      ttl = now;
    }
  });
  return out;
}

const deliveredFrame = (p: PacketTrace) => p.hops.find((h) => h.event === 'deliver')?.frame;

/** Tuple of a frame as text, ports included for TCP/UDP and the echo id for ICMP echo. */
function tupleText(f: Frame | undefined, swap = false): string {
  if (!f?.ip) return '?';
  const { sport, dport } = l4(f);
  const isErr = f.icmp !== undefined && f.icmp.type !== 0 && f.icmp.type !== 8;
  const src = `${f.ip.src}:${isErr ? '' : sport}`;
  const dst = `${f.ip.dst}:${isErr ? '' : f.icmp ? sport : dport}`;
  return swap ? `${f.ip.proto} ${dst} > ${src}` : `${f.ip.proto} ${src} > ${dst}`;
}

/**
 * NAT is undone exactly on the reply path: a reply the server sends to what it received arrives
 * at the client addressed as the inverse of what the client sent (an ICMP error quoting it too).
 */
export function checkNatUndone(packets: readonly PacketTrace[]): string[] {
  const out: string[] = [];
  const requests = packets.filter(
    (p) => p.direction === 'request' && p.outcome.kind === 'delivered',
  );
  for (const rep of packets) {
    if (rep.direction !== 'reply') continue;
    const sent = rep.hops[0]?.frame;
    const err = sent?.icmp !== undefined && sent.icmp.type === 3;
    // The reply the server's kernel built from what it received: its request is the one whose
    // delivered tuple (at IP level for ICMP errors) is this packet's, reversed.
    const req = requests.find((r) => {
      const d = deliveredFrame(r);
      if (err) return d?.ip?.dst === sent?.ip?.src && d?.ip?.src === sent?.ip?.dst;
      return tupleText(d, true) === tupleText(sent);
    });
    if (!req) continue;
    const client = req.hops[0];
    if (rep.outcome.kind !== 'delivered' || !client) continue;
    const got = deliveredFrame(rep);
    const want = tupleText(client.frame, true);
    if (rep.outcome.node !== client.node)
      out.push(`${rep.label}: reply delivered to ${rep.outcome.node}, client is ${client.node}`);
    if (err) {
      const ok = got?.ip?.src === client.frame.ip?.dst && got?.ip?.dst === client.frame.ip?.src;
      if (!ok)
        out.push(
          `${rep.label}: ICMP error ${got?.ip?.src} > ${got?.ip?.dst}, client sent ${tupleText(client.frame)}`,
        );
      const inner = got?.icmp?.inner;
      const cf = client.frame;
      const quoted =
        inner && `${inner.proto} ${inner.src}:${inner.sport} > ${inner.dst}:${inner.dport}`;
      if (quoted !== tupleText(cf))
        out.push(`${rep.label}: ICMP error quotes ${quoted}, client sent ${tupleText(cf)}`);
    } else {
      // Linux delivers a stray reply to the namespace, but only the connected socket takes the
      // right one (a hairpin reply from the container's own address is answered with RST).
      const socketless = !got?.tcp && !got?.udp; // echo replies go to the ping socket by id
      const taken =
        socketless ||
        rep.hops.some(
          (h) =>
            h.event === 'deliver' &&
            (h.why.key === 'deliver.client' || h.why.key === 'deliver.dns-forwarder'),
        );
      if (taken && tupleText(got) !== want)
        out.push(`${rep.label}: reply arrives as ${tupleText(got)}, client expects ${want}`);
      if (!taken && tupleText(got) === want)
        out.push(`${rep.label}: the reply matches the client's connection but no socket took it`);
    }
  }
  return out;
}
