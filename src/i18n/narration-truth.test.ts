// Every narration sentence checked against the hop it narrates, in both languages: each scenario's
// and each lesson's flows are run, and what a sentence claims (a veth pair, a cable, the host, the
// router, a bridge) must be what the hop really is in the world Docker built. No internal node id
// (`container:c1`, `remote:client`) and no unfilled {hole} may reach a student.
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS, runLesson } from '../lessons';
import { SCENARIOS, buildScenario } from '../scenarios';
import { simulate, type World } from '../sim';
import type { Hop, PacketTrace } from '../sim/trace';
import { loadCatalogue } from './index';
import type { Lang } from './locale';
import { narrate, placeName } from './narrate';

interface Seen {
  readonly where: string;
  readonly world: World;
  readonly hop: Hop;
}

function collect(): Seen[] {
  const out: Seen[] = [];
  const add = (where: string, world: World, packets: readonly PacketTrace[]) => {
    for (const p of packets) for (const hop of p.hops) out.push({ where, world, hop });
  };
  for (const profile of ['docker-27', 'docker-29'] as const) {
    for (const s of SCENARIOS) {
      let w = buildScenario(s, profile);
      for (const f of s.flows) {
        const r = simulate(w, f);
        add(`${s.id}/${profile}`, w, r.packets);
        w = r.world;
      }
    }
    for (const l of LESSONS.filter((x) => !x.profiles || x.profiles.includes(profile))) {
      runLesson(l, profile).forEach((run, i) => {
        if (run.sim) add(`${l.id}/${i}/${profile}`, run.world, run.sim.packets);
      });
    }
  }
  return out;
}

/** The two ends of a Docker veth pair: a container's interface, or its host end (vethXXXXXXX). */
function isVethEnd(world: World, node: string, iface: string): boolean {
  return world.containers.some((c) =>
    c.endpoints.some(
      (e) =>
        (node === `container:${c.name}` && e.ifName === iface) ||
        (node === 'host' && e.hostVeth === iface),
    ),
  );
}

/** The lab's cables: the host's eth0, the router's ports, a machine outside's eth0. */
const isCableEnd = (node: string, iface: string) =>
  (node === 'host' && iface === 'eth0') ||
  (node === 'router' && iface !== 'lo') ||
  (node.startsWith('remote:') && iface === 'eth0');

const WORDS: {
  readonly [L in Lang]: Record<'veth' | 'cable' | 'host' | 'router' | 'bridge', RegExp>;
} = {
  en: {
    veth: /\bveth pair\b/i,
    cable: /\bcable\b/i,
    host: /\bthe host\b|\bhost's\b/i,
    router: /\brouter\b/i,
    bridge: /\bbridge\b/i,
  },
  'zh-CN': { veth: /veth 对/, cable: /网线/, host: /宿主机/, router: /路由器/, bridge: /网桥/ },
};

const seen = collect();
const LANGS: readonly Lang[] = ['en', 'zh-CN'];

describe.each(LANGS)('narration in %s', (lang) => {
  beforeAll(() => loadCatalogue('zh-CN'));
  it(`covers many hops of every kind (${seen.length} hops)`, () => {
    const keys = new Set(seen.map((s) => s.hop.why.key));
    for (const k of ['rx', 'rx.veth', 'tx', 'forward.ttl', 'route.default', 'send', 'tx.bridge'])
      expect(keys).toContain(k);
  });
  it('never shows an internal id or an unfilled hole', () => {
    const bad = seen.flatMap(({ where, hop }) => {
      const text = narrate(hop.why, lang, hop.node);
      return /\b(container|remote):|\{\w+\}/.test(text) ? [`${where} ${hop.why.key}: ${text}`] : [];
    });
    expect(bad).toEqual([]);
  });
  it('says veth pair only where a veth pair is, and cable only where a cable is', () => {
    const bad = seen.flatMap(({ where, world, hop }) => {
      const text = narrate(hop.why, lang, hop.node);
      const from = String(hop.why.params['from'] ?? '');
      const fromNode = String(hop.why.params['fromNode'] ?? '');
      const iface = hop.iface ?? '';
      const veth = isVethEnd(world, hop.node, iface) && (!from || isVethEnd(world, fromNode, from));
      const cable = isCableEnd(hop.node, iface) && (!from || isCableEnd(fromNode, from));
      const out: string[] = [];
      if (WORDS[lang].veth.test(text) && !veth)
        out.push(`${where} veth at ${hop.node}/${iface}: ${text}`);
      if (WORDS[lang].cable.test(text) && !cable)
        out.push(`${where} cable at ${hop.node}/${iface}: ${text}`);
      return out;
    });
    expect(bad).toEqual([]);
  });
  it('names the host only at the host, the router only at the router, a bridge only in the host', () => {
    const bad = seen.flatMap(({ where, hop }) => {
      const text = narrate(hop.why, lang, hop.node);
      const involved = [hop.node, String(hop.why.params['fromNode'] ?? '')];
      const out: string[] = [];
      if (WORDS[lang].host.test(text) && !involved.includes('host'))
        out.push(`${where} host at ${hop.node}: ${text}`);
      if (WORDS[lang].router.test(text) && !involved.includes('router'))
        out.push(`${where} router at ${hop.node}: ${text}`);
      if (WORDS[lang].bridge.test(text) && hop.node !== 'host')
        out.push(`${where} bridge at ${hop.node}: ${text}`);
      return out;
    });
    expect(bad).toEqual([]);
  });
  it('says where it happens: sending, routing, ARP and the wire name the hop’s own place', () => {
    const PLACED = [
      'send',
      'route.default',
      'route.via',
      'route.connected',
      'route.local',
      'arp.request',
      'tx',
      'rx',
      'rx.veth',
      'forward.ttl',
    ];
    const bad = seen.flatMap(({ where, hop }) => {
      if (!PLACED.includes(hop.why.key)) return [];
      const text = narrate(hop.why, lang, hop.node);
      const name = placeName(hop.node, lang);
      return text.toLowerCase().includes(name.toLowerCase())
        ? []
        : [`${where} ${hop.why.key} at ${hop.node}: ${text}`];
    });
    expect(bad).toEqual([]);
  });
});
