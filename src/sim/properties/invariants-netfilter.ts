// Invariants of the iptables state: what a daemon restart would install, jumps, DNATs per binding. Pure.
import { inCidr, type IPv4 } from '../addr';
import { rebuildNetfilter } from '../ops/host';
import type { Netfilter, PortBinding, Rule, TableName, World } from '../types';

const TABLES: readonly TableName[] = ['raw', 'nat', 'filter'];

/** A table as `chain[policy]: rule ids…`, counters left out; empty built-in raw chains dropped. */
export function rulesView(nf: Netfilter): Map<string, string[]> {
  const view = new Map<string, string[]>();
  for (const t of TABLES) {
    for (const c of nf[t].chains) {
      // iptables-nft keeps a table's built-in chains once created; a fresh daemon never creates
      // raw chains before an endpoint needs one. An empty ACCEPT raw chain is the same ruleset.
      if (t === 'raw' && c.rules.length === 0 && c.policy === 'ACCEPT') continue;
      view.set(
        `${t}/${c.name}[${c.policy ?? '-'}]`,
        c.rules.map((r) => r.id),
      );
    }
  }
  return view;
}

/**
 * Which endpoint a rule belongs to (its container address), or 'shared' for daemon and network
 * rules. A loopback guard (`-d 127.0.0.1 ! -i lo --dport P -j DROP`) belongs to its binding.
 */
function ownerOf(world: World, id: string, rules: ReadonlyMap<string, Rule>): string {
  const r = rules.get(id);
  if (!r) return 'shared';
  if (r.target.kind === 'DNAT') return r.target.toIp;
  const eps = new Set(world.containers.flatMap((c) => c.endpoints.map((e) => e.ip as string)));
  for (const a of [r.match.src, r.match.dst]) {
    if (a && a.value.prefix === 32 && eps.has(a.value.address)) return a.value.address;
  }
  const dst = r.match.dst?.value.address;
  const b = world.containers
    .flatMap((c) => c.bindings)
    .find((x) => x.hostIp === dst && x.hostPort === r.match.dport && x.proto === r.match.proto);
  return b ? b.containerIp : 'shared';
}

/**
 * Differences between the live rules and the rules a daemon restart would install.
 *
 * Order: dockerd restores containers concurrently, so after a real restart the blocks of different
 * endpoints may come in any order (the engine's rebuild sorts by start time and breaks ties by
 * creation order). Rules of different endpoints never match the same packet (addresses and
 * host ports are unique), so that order is not observable. What must hold, and is asserted: the
 * same rule set per chain; the same order within each endpoint's rules and within the shared
 * rules; and the same relative order of every shared rule to every endpoint rule.
 */
export function compareWithRebuild(world: World): string[] {
  const live = rulesView(world.netfilter);
  const fresh = rulesView(rebuildNetfilter(world));
  const byId = new Map<string, Rule>();
  for (const t of TABLES)
    for (const c of world.netfilter[t].chains) for (const r of c.rules) byId.set(r.id, r);
  const out: string[] = [];
  for (const [chain, rules] of fresh) {
    const mine = live.get(chain);
    if (!mine) {
      out.push(`chain ${chain} missing (a restart would create it)`);
      continue;
    }
    const missing = rules.filter((r) => !mine.includes(r));
    const extra = mine.filter((r) => !rules.includes(r));
    for (const r of missing) out.push(`${chain}: missing ${r}`);
    for (const r of extra) out.push(`${chain}: stale ${r}`);
    if (missing.length > 0 || extra.length > 0 || mine.join('\n') === rules.join('\n')) continue;
    const owner = (id: string) => ownerOf(world, id, byId);
    const owners = new Set(mine.map(owner));
    const seq = (list: string[], o: string) => list.filter((r) => owner(r) === o).join('\n');
    const bad = [...owners].filter((o) => seq(mine, o) !== seq(rules, o));
    const shared = mine.filter((r) => owner(r) === 'shared');
    for (const sh of shared) {
      for (const e of mine.filter((r) => owner(r) !== 'shared')) {
        const before = (l: string[]) => l.indexOf(sh) < l.indexOf(e);
        if (before(mine) !== before(rules)) bad.push(`${sh} vs ${e}`);
      }
    }
    if (bad.length > 0) {
      out.push(
        `${chain}: order differs from a restart (${bad.join('; ')}):\n  live    ${mine.join('\n          ')}\n  restart ${rules.join('\n          ')}`,
      );
    }
  }
  for (const chain of live.keys())
    if (!fresh.has(chain)) out.push(`chain ${chain} would not exist after a restart`);
  return out;
}

/** Every jump lands on a chain of the same table; no chain holds the same rule twice. */
export function checkChains(nf: Netfilter): string[] {
  const out: string[] = [];
  for (const t of TABLES) {
    const names = new Set(nf[t].chains.map((c) => c.name));
    if (names.size !== nf[t].chains.length) out.push(`${t}: a chain name appears twice`);
    for (const c of nf[t].chains) {
      const ids = new Set<string>();
      for (const r of c.rules) {
        if (ids.has(r.id)) out.push(`${t}/${c.name}: duplicate rule ${r.id}`);
        ids.add(r.id);
        if (r.target.kind === 'JUMP' && !names.has(r.target.chain)) {
          out.push(`${t}/${c.name}: jump to missing chain ${r.target.chain}`);
        }
        if (r.pkts < 0 || r.bytes < 0) out.push(`${t}/${c.name}: negative counter on ${r.id}`);
      }
    }
  }
  return out;
}

function dnatFor(r: Rule, b: PortBinding): boolean {
  const t = r.target;
  if (t.kind !== 'DNAT') return false;
  const hostIp = b.hostIp === null || b.hostIp === '0.0.0.0' ? null : b.hostIp;
  const dst = r.match.dst;
  const sameDst =
    hostIp === null ? dst === undefined : dst?.value.address === hostIp && dst.value.prefix === 32;
  return (
    t.toIp === b.containerIp &&
    t.toPort === b.containerPort &&
    r.match.proto === b.proto &&
    r.match.dport === b.hostPort &&
    sameDst
  );
}

/** One DNAT per live binding, none for bindings that are gone; no rule names a departed endpoint. */
export function checkPublished(world: World): string[] {
  const out: string[] = [];
  const nat = world.netfilter.nat.chains.flatMap((c) => c.rules);
  const bindings = world.containers.flatMap((c) =>
    c.state === 'running' ? c.bindings.map((b) => ({ c, b })) : [],
  );
  for (const { c, b } of bindings) {
    const n = nat.filter((r) => dnatFor(r, b)).length;
    if (n !== 1) {
      out.push(
        `${c.name} ${b.hostIp ?? '0.0.0.0'}:${b.hostPort}/${b.proto}: ${n} DNAT rules, want 1`,
      );
    }
  }
  for (const r of nat) {
    if (r.target.kind === 'DNAT' && !bindings.some(({ b }) => dnatFor(r, b))) {
      out.push(`DNAT rule for no live binding: ${r.id}`);
    }
  }
  const live = new Set<string>(world.containers.flatMap((c) => c.endpoints.map((e) => e.ip)));
  // A user subnet may cover the host's own address, which a `-p HOSTIP:…` rule names.
  live.add(world.host.eth0.ip);
  for (const { b } of bindings) if (b.hostIp !== null) live.add(b.hostIp);
  const subnets = world.networks.flatMap((n) => (n.bridge ? [n.bridge] : []));
  const devices = new Set(['lo', 'eth0', ...subnets.map((b) => b.device)]);
  for (const t of TABLES) {
    for (const c of world.netfilter[t].chains) {
      for (const r of c.rules) {
        for (const a of [r.match.src, r.match.dst]) {
          if (!a || a.value.prefix !== 32) continue;
          const ip = a.value.address as IPv4;
          if (subnets.some((b) => b.subnet.prefix === 32 && b.subnet.address === ip)) continue;
          const inBridge = subnets.some((b) => inCidr(ip, b.subnet) && b.gateway !== ip);
          if (inBridge && !live.has(ip)) out.push(`rule for departed endpoint ${ip}: ${r.id}`);
        }
        for (const i of [r.match.inIface, r.match.outIface]) {
          if (i && !devices.has(i.value)) out.push(`rule names missing device ${i.value}: ${r.id}`);
        }
      }
    }
  }
  return out;
}
