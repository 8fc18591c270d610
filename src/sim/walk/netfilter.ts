// Walking a packet through iptables chains as the kernel does: rules in order, jumps, RETURN, policy.
import type { IPv4 } from '../addr';
import { listFacts, type CompiledMatch } from '../netfilter/compiled';
import { countPolicy, countRule, getChain } from '../netfilter/table';
import type { CtState, Proto, Rule, TableName } from '../types';
import type { Frame, NetfilterStep, NodeId } from '../trace';
import { emit, why, type WalkState } from './state';
import { isLocal } from './topology';

export { NF_BUDGET, fullBudget } from './budget';

export type Hook = NetfilterStep['hook'];

/** What the matches can see of a packet at a hook. Interfaces are '' where the hook has none. */
export interface NfPacket {
  readonly src: IPv4;
  readonly dst: IPv4;
  readonly proto: Proto;
  readonly sport: number;
  readonly dport: number;
  readonly inIface: string;
  readonly outIface: string;
  readonly ctstate: CtState;
  readonly bytes: number;
  /** src and dst as numbers, for the address matches of long chains. */
  readonly srcN: number;
  readonly dstN: number;
}

export type NfVerdict =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'DROP'; readonly rule: string | null }
  /** The packet used up the lab's netfilter budget (`NF_BUDGET`) at this chain. */
  | { readonly kind: 'BUDGET'; readonly chain: string }
  | { readonly kind: 'DNAT'; readonly toIp: IPv4; readonly toPort: number | null }
  | { readonly kind: 'SNAT'; readonly toIp: IPv4 }
  | { readonly kind: 'MASQUERADE' };

/** Whether a rule's match accepts the packet; the cheap comparisons first (the port rejects most). */
export function ruleMatches(s: WalkState, m: CompiledMatch, p: NfPacket): boolean {
  if (m.proto !== null && m.proto !== p.proto) return false;
  if (m.dport !== -1 && m.dport !== p.dport) return false;
  if (m.inIface !== null && (p.inIface === m.inIface) === m.inNeg) return false;
  if (m.outIface !== null && (p.outIface === m.outIface) === m.outNeg) return false;
  if (m.src && ((p.srcN & m.srcMask) >>> 0 === m.srcNet) === m.srcNeg) return false;
  if (m.dst && ((p.dstN & m.dstMask) >>> 0 === m.dstNet) === m.dstNeg) return false;
  if (m.ctstate !== null && !m.ctstate.includes(p.ctstate)) return false;
  if (m.dstType === 0 && m.srcType === 0) return true;
  const host = s.topo.ns.get('host');
  if (!host) return true;
  if (m.dstType !== 0 && isLocal(host, p.dst) !== m.dstType > 0) return false;
  if (m.srcType !== 0 && isLocal(host, p.src) !== m.srcType > 0) return false;
  return true;
}

const ruleText = (r: Rule) => r.id.slice(r.id.indexOf(':') + 1);

function targetName(r: Rule): string {
  return r.target.kind === 'JUMP' ? r.target.chain : r.target.kind;
}

/**
 * Runs a built-in chain of a table. Emits one hop per rule that matched (jumps and RETURNs
 * included) and one for a policy, each listing the rules tested before it that did not match.
 */
export function runHook(
  s: WalkState,
  node: NodeId,
  hook: Hook,
  table: TableName,
  p: NfPacket,
  frame: Frame,
): NfVerdict {
  const builtin = getChain(s.nf, table, hook);
  if (!builtin) return { kind: 'ACCEPT' };
  const step = (chain: string, rule: Rule | null, target: string, passed: string[], at = -1) => {
    // The counters right after this packet: the rule's, or the chain policy's.
    const c = getChain(s.nf, table, chain);
    const now = rule ? c?.rules[at] : c;
    const nf: NetfilterStep = {
      counters: { pkts: now?.pkts ?? 0, bytes: now?.bytes ?? 0 },
      hook,
      table,
      chain,
      rule: rule ? ruleText(rule) : null,
      ruleId: rule ? rule.id : null,
      target,
      passed,
    };
    const key = rule
      ? rule.target.kind === 'JUMP'
        ? 'nf.jump'
        : rule.target.kind === 'RETURN'
          ? 'nf.return'
          : 'nf.rule'
      : 'nf.policy';
    emit(s, node, null, 'netfilter', frame, why(key, { table, chain, hook, target }), { nf });
  };
  const budget = s.nfBudget;
  const walkChain = (name: string, depth: number): NfVerdict | 'RETURN' => {
    const chain = getChain(s.nf, table, name);
    if (!chain || depth > 32) return 'RETURN';
    if (--budget.chains < 0) return { kind: 'BUDGET', chain: name };
    // The rules tested since the last match are a run of the chain: sliced when a step needs them.
    let from = 0;
    const list = chain.rules;
    const facts = listFacts(list);
    rules: for (let at = 0; at < list.length; at++) {
      if (--budget.rules < 0) return { kind: 'BUDGET', chain: name };
      if (!ruleMatches(s, facts.matches[at] as CompiledMatch, p)) continue;
      const r = list[at] as Rule;
      s.nf = countRule(s.nf, table, name, r.id, p.bytes, at);
      step(name, r, targetName(r), facts.ids.slice(from, at), at);
      from = at + 1;
      const t = r.target;
      switch (t.kind) {
        case 'ACCEPT':
          return { kind: 'ACCEPT' };
        case 'DROP':
          return { kind: 'DROP', rule: ruleText(r) };
        case 'RETURN':
          // RETURN in a built-in chain hands the packet to the chain's policy.
          if (depth > 0) return 'RETURN';
          break rules;
        case 'DNAT':
          return { kind: 'DNAT', toIp: t.toIp, toPort: t.toPort };
        case 'SNAT':
          return { kind: 'SNAT', toIp: t.toIp };
        case 'MASQUERADE':
          return { kind: 'MASQUERADE' };
        case 'JUMP': {
          const sub = walkChain(t.chain, depth + 1);
          if (sub !== 'RETURN') return sub;
          break;
        }
      }
    }
    if (chain.policy !== null) {
      s.nf = countPolicy(s.nf, table, name, p.bytes);
      step(name, null, chain.policy, facts.ids.slice(from));
      return chain.policy === 'ACCEPT' ? { kind: 'ACCEPT' } : { kind: 'DROP', rule: null };
    }
    return 'RETURN';
  };
  const v = walkChain(hook, 0);
  // A built-in chain's rules can only RETURN into its policy, which walkChain applied already.
  return v === 'RETURN' ? { kind: 'ACCEPT' } : v;
}
