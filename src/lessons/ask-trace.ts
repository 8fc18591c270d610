// Trace questions: the answer is read from the hop a selector names, distractors from the rest of the trace.
import type { World } from '../sim';
import type { Hop, PacketTrace } from '../sim';
import {
  BRIDGE_ACTIONS,
  CT_STATES,
  NAT_BY,
  chainChoice,
  ifaceChoice,
  nodeChoice,
  valueChoice,
} from './labels';
import type { HopRef, HopSelector } from './selector';
import type { Ask, Choice } from './types';

export type Found = { readonly answer: Choice; readonly candidates: readonly Choice[] };

const endpoint = (h: Hop, side: 'src' | 'dst'): string | null => {
  const ip = h.frame.ip?.[side];
  if (!ip) return null;
  const l4 = h.frame.tcp ?? h.frame.udp;
  return l4 ? `${ip}:${side === 'src' ? l4.sport : l4.dport}` : ip;
};

const allHops = (packets: readonly PacketTrace[], first: number): Hop[] => [
  ...(packets[first]?.hops ?? []),
  ...packets.filter((_, i) => i !== first).flatMap((p) => p.hops),
];

/** The answer and candidate distractors, or why the hop cannot answer this kind of question. */
export function traceAsk(
  ask: Extract<Ask, { hop: HopSelector }>,
  packets: readonly PacketTrace[],
  ref: HopRef,
  hop: Hop,
  world: World,
): Found | string {
  const hops = allHops(packets, ref.packet);
  switch (ask.kind) {
    case 'next-iface': {
      if (!hop.iface) return 'the selected hop has no interface';
      const seen = hops.filter((h) => h.iface && (h.event === 'tx' || h.event === 'rx'));
      return {
        answer: ifaceChoice(hop.node, hop.iface),
        candidates: seen.map((h) => ifaceChoice(h.node, h.iface ?? '')),
      };
    }
    case 'next-node':
      return { answer: nodeChoice(hop.node), candidates: hops.map((h) => nodeChoice(h.node)) };
    case 'dst-after':
    case 'src-after': {
      const side = ask.kind === 'dst-after' ? 'dst' : 'src';
      const value = side === 'dst' ? endpoint(hop, 'dst') : (hop.frame.ip?.src ?? null);
      if (!value) return 'the selected hop carries no IP packet';
      const prev = packets[ref.packet]?.hops[ref.hop - 1];
      const before = prev ? (side === 'dst' ? endpoint(prev, 'dst') : prev.frame.ip?.src) : null;
      const seen =
        side === 'dst'
          ? hops.flatMap((h) => [endpoint(h, 'dst'), endpoint(h, 'src')])
          : hops.flatMap((h) => [
              h.frame.ip?.src,
              h.frame.ip?.dst,
              String(h.why.params['via'] ?? ''),
            ]);
      return {
        answer: valueChoice(value),
        candidates: [before, ...seen]
          .filter((v): v is string => typeof v === 'string' && v !== '')
          .map(valueChoice),
      };
    }
    case 'deciding-chain': {
      if (!hop.nf) return 'the selected hop is not a netfilter decision';
      const id = `${hop.nf.table}/${hop.nf.chain}`;
      const chains = hops.flatMap((h) => (h.nf ? [`${h.nf.table}/${h.nf.chain}`] : []));
      const sameName = chains.filter((c) => c.endsWith(`/${hop.nf?.chain}`));
      const sameTable = chains.filter((c) => c.startsWith(`${hop.nf?.table}/`));
      // A short trace (a raw drop) shows one chain: the same hook in the other tables fills in.
      const hook = hop.nf.hook;
      const sameHook = (['raw', 'nat', 'filter'] as const)
        .filter((tb) => world.netfilter[tb].chains.some((c) => c.name === hook))
        .map((tb) => `${tb}/${hook}`);
      const builtins = (['filter', 'nat', 'raw'] as const).flatMap((tb) =>
        world.netfilter[tb].chains.filter((c) => c.policy !== null).map((c) => `${tb}/${c.name}`),
      );
      return {
        answer: chainChoice(id),
        candidates: [...sameName, ...sameTable, ...chains, ...sameHook, ...builtins].map(
          chainChoice,
        ),
      };
    }
    case 'bridge-action': {
      const a = BRIDGE_ACTIONS.find((c) => c.id === hop.event);
      return a
        ? { answer: a, candidates: [...BRIDGE_ACTIONS] }
        : 'the selected hop is not a bridge decision';
    }
    case 'nat-by': {
      if (hop.event !== 'nat') return 'the selected hop is not a NAT hop';
      const by = hop.why.key.startsWith('nat.ct-') ? 'conntrack' : 'rule';
      return { answer: NAT_BY.find((c) => c.id === by) ?? NAT_BY[0]!, candidates: [...NAT_BY] };
    }
    case 'ct-state': {
      if (!hop.ct) return 'the selected hop has no conntrack state';
      return { answer: valueChoice(hop.ct.state), candidates: [...CT_STATES] };
    }
  }
}
