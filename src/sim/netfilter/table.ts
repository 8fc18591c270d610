// Netfilter tables as immutable data: chains, rules, counters, edited like `iptables -I/-A/-D`. Pure; touches nothing outside Netfilter.
import type { Chain, Netfilter, Rule, RuleMatch, RuleTarget, TableName, Verdict } from '../types';
import { carryFacts } from './compiled';
import { BUILTIN_CHAINS } from './order';
import { ruleSpec } from './save';

/** A built-in chain as a table gets it when created: policy ACCEPT, no rules, zero counters. */
export const builtin = (name: string): Chain => ({
  name,
  policy: 'ACCEPT',
  pkts: 0,
  bytes: 0,
  rules: [],
});

/**
 * A host before dockerd touched it: nat and filter with their empty built-in chains (policy
 * ACCEPT); raw has no chains until something adds one (iptables-nft creates a table lazily).
 */
export function emptyNetfilter(): Netfilter {
  return {
    raw: { name: 'raw', chains: [] },
    nat: { name: 'nat', chains: BUILTIN_CHAINS.nat.map(builtin) },
    filter: { name: 'filter', chains: BUILTIN_CHAINS.filter.map(builtin) },
  };
}

/** `${table}:${iptables-save line}`, the id of a rule with this match and target in this chain. */
export function ruleId(
  table: TableName,
  chain: string,
  match: RuleMatch,
  target: RuleTarget,
): string {
  return `${table}:${ruleSpec(chain, { match, target })}`;
}

export function getChain(nf: Netfilter, table: TableName, chain: string): Chain | undefined {
  return nf[table].chains.find((c) => c.name === chain);
}

/** Replaces one chain (copying only the table's short chain list); unknown chain: unchanged. */
export function updateChain(
  nf: Netfilter,
  table: TableName,
  chain: string,
  update: (c: Chain) => Chain,
): Netfilter {
  const chains = nf[table].chains;
  const i = chains.findIndex((c) => c.name === chain);
  const old = chains[i];
  if (old === undefined) return nf;
  const next = update(old);
  if (next === old) return nf;
  const copy = chains.slice();
  copy[i] = next;
  return { ...nf, [table]: { ...nf[table], chains: copy } };
}

/** Creates the chain if missing (`iptables -N`, or a built-in chain with its policy). */
export function ensureChain(
  nf: Netfilter,
  table: TableName,
  chain: string,
  policy: Verdict | null,
): Netfilter {
  if (getChain(nf, table, chain)) return nf;
  const created: Chain = { name: chain, policy, pkts: 0, bytes: 0, rules: [] };
  return { ...nf, [table]: { ...nf[table], chains: [...nf[table].chains, created] } };
}

/** `iptables -P`: a built-in chain's policy. */
export function setPolicy(
  nf: Netfilter,
  table: TableName,
  chain: string,
  policy: Verdict,
): Netfilter {
  return updateChain(nf, table, chain, (c) => (c.policy === policy ? c : { ...c, policy }));
}

/** `iptables -X`: removes the chain and its rules. */
export function deleteChain(nf: Netfilter, table: TableName, chain: string): Netfilter {
  const chains = nf[table].chains;
  if (!chains.some((c) => c.name === chain)) return nf;
  return { ...nf, [table]: { ...nf[table], chains: chains.filter((c) => c.name !== chain) } };
}

export function ruleExists(
  nf: Netfilter,
  table: TableName,
  chain: string,
  match: RuleMatch,
  target: RuleTarget,
): boolean {
  const id = ruleId(table, chain, match, target);
  return getChain(nf, table, chain)?.rules.some((r) => r.id === id) ?? false;
}

function addRule(
  nf: Netfilter,
  table: TableName,
  chain: string,
  match: RuleMatch,
  target: RuleTarget,
  atTop: boolean,
): Netfilter {
  const id = ruleId(table, chain, match, target);
  return updateChain(nf, table, chain, (c) => {
    // Docker checks (`iptables -C`) before adding, so a chain never holds the same rule twice.
    if (c.rules.some((r) => r.id === id)) return c;
    const rule: Rule = { id, match, target, pkts: 0, bytes: 0 };
    return { ...c, rules: atTop ? [rule, ...c.rules] : [...c.rules, rule] };
  });
}

/** `iptables -I CHAIN …`: at the top of the chain. No-op if the chain already has this rule. */
export function insertRule(
  nf: Netfilter,
  table: TableName,
  chain: string,
  match: RuleMatch,
  target: RuleTarget,
): Netfilter {
  return addRule(nf, table, chain, match, target, true);
}

/** `iptables -A CHAIN …`: at the end of the chain. No-op if the chain already has this rule. */
export function appendRule(
  nf: Netfilter,
  table: TableName,
  chain: string,
  match: RuleMatch,
  target: RuleTarget,
): Netfilter {
  return addRule(nf, table, chain, match, target, false);
}

/** `iptables -D CHAIN …`: deletes the first identical rule; absent rule: unchanged. */
export function deleteRule(
  nf: Netfilter,
  table: TableName,
  chain: string,
  match: RuleMatch,
  target: RuleTarget,
): Netfilter {
  const id = ruleId(table, chain, match, target);
  return updateChain(nf, table, chain, (c) => {
    const i = c.rules.findIndex((r) => r.id === id);
    if (i < 0) return c;
    return { ...c, rules: [...c.rules.slice(0, i), ...c.rules.slice(i + 1)] };
  });
}

/** A packet matched this rule: 1 packet and its bytes on the rule's counters. `at` = its index, if known. */
export function countRule(
  nf: Netfilter,
  table: TableName,
  chain: string,
  id: string,
  bytes: number,
  at?: number,
): Netfilter {
  return updateChain(nf, table, chain, (c) => {
    const i =
      at !== undefined && c.rules[at]?.id === id ? at : c.rules.findIndex((r) => r.id === id);
    const r = c.rules[i];
    if (r === undefined) return c;
    const rules = c.rules.slice();
    rules[i] = { ...r, pkts: r.pkts + 1, bytes: r.bytes + bytes };
    carryFacts(c.rules, rules);
    return { ...c, rules };
  });
}

/** A packet fell off the end of a built-in chain: 1 packet and its bytes on the policy counters. */
export function countPolicy(
  nf: Netfilter,
  table: TableName,
  chain: string,
  bytes: number,
): Netfilter {
  return updateChain(nf, table, chain, (c) =>
    c.policy === null ? c : { ...c, pkts: c.pkts + 1, bytes: c.bytes + bytes },
  );
}
