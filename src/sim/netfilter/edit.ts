// A person's own iptables commands (-A -I -D -C -P -N -X -F -Z) as data, applied to Netfilter the
// way the kernel's nf_tables answers them. Pure; Netfilter in, Netfilter or the kernel's refusal out.
import type { Chain, Netfilter, Rule, RuleMatch, RuleTarget, TableName, Verdict } from '../types';
import { checkJumps } from './jumps';
import { BUILTIN_CHAINS } from './order';
import { builtin, ruleId, updateChain } from './table';

export interface RuleBody {
  readonly match: RuleMatch;
  readonly target: RuleTarget;
}

type At = { readonly table: TableName; readonly chain: string };

/** One iptables command; `at` is 1-based, as iptables numbers rules. */
export type IptablesEdit =
  | (At & { readonly kind: 'append' | 'check' | 'delete'; readonly rule: RuleBody })
  | (At & { readonly kind: 'insert'; readonly at: number; readonly rule: RuleBody })
  | (At & { readonly kind: 'delete-at'; readonly at: number })
  | (At & { readonly kind: 'policy'; readonly policy: string })
  | (At & { readonly kind: 'new-chain' | 'delete-chain' })
  | { readonly kind: 'flush' | 'zero'; readonly table: TableName; readonly chain: string | null };

/**
 * Why the kernel (or iptables before asking it) refused: each is one line iptables 1.8.9 prints
 * (scripts/record-iptables.sh recorded them). `busy`, `loop` and `invalid` come back from
 * nf_tables itself, as `RULE_APPEND failed (…)`.
 */
export type EditRefusal =
  | 'no-chain'
  | 'bad-rule'
  | 'insert-index'
  | 'delete-index'
  | 'builtin-only'
  | 'bad-policy'
  | 'chain-exists'
  | 'busy'
  | 'loop'
  | 'invalid';

export type EditResult =
  | { readonly ok: true; readonly nf: Netfilter }
  | { readonly ok: false; readonly refusal: EditRefusal };

const refuse = (refusal: EditRefusal): EditResult => ({ ok: false, refusal });

const isBuiltin = (table: TableName, chain: string): boolean =>
  BUILTIN_CHAINS[table].includes(chain);

const withChain = (nf: Netfilter, table: TableName, chain: Chain): Netfilter =>
  updateChain(nf, table, chain.name, () => chain);

/** A NAT target outside the nat table: nf_tables answers EINVAL. */
function badTarget(table: TableName, body: RuleBody): EditRefusal | null {
  const t = body.target;
  if ((t.kind === 'DNAT' || t.kind === 'SNAT' || t.kind === 'MASQUERADE') && table !== 'nat')
    return 'invalid';
  return null;
}

/** A new rule's id: the iptables-save line, with `#2`, `#3`… for a second identical rule. */
function freshRule(table: TableName, chain: Chain, body: RuleBody): Rule {
  const base = ruleId(table, chain.name, body.match, body.target);
  let id = base;
  for (let n = 2; chain.rules.some((r) => r.id === id); n++) id = `${base}#${n}`;
  return { id, match: body.match, target: body.target, pkts: 0, bytes: 0 };
}

const sameRule = (table: TableName, chain: string, body: RuleBody) => {
  const id = ruleId(table, chain, body.match, body.target);
  return (r: Rule) => r.id === id || r.id.startsWith(`${id}#`);
};

const zeroed = (c: Chain): Chain => ({
  ...c,
  pkts: 0,
  bytes: 0,
  rules: c.rules.map((r) => ({ ...r, pkts: 0, bytes: 0 })),
});

/** Whether any rule of the table jumps to `chain`. */
const referenced = (nf: Netfilter, table: TableName, chain: string): boolean =>
  nf[table].chains.some((c) =>
    c.rules.some((r) => r.target.kind === 'JUMP' && r.target.chain === chain),
  );

/** iptables-nft creates a table, with its built-in chains, the first time a command names it. */
function withTable(nf: Netfilter, table: TableName): Netfilter {
  if (nf[table].chains.length > 0) return nf;
  const chains = BUILTIN_CHAINS[table].map(builtin);
  return { ...nf, [table]: { ...nf[table], chains } };
}

export function applyEdit(before: Netfilter, edit: IptablesEdit): EditResult {
  const { table } = edit;
  const nf = withTable(before, table);
  if (edit.kind === 'flush' || edit.kind === 'zero') {
    const change = edit.kind === 'flush' ? (c: Chain): Chain => ({ ...c, rules: [] }) : zeroed;
    if (edit.chain === null) {
      const chains = nf[table].chains.map(change);
      return { ok: true, nf: { ...nf, [table]: { ...nf[table], chains } } };
    }
    const c = nf[table].chains.find((x) => x.name === edit.chain);
    return c ? { ok: true, nf: withChain(nf, table, change(c)) } : refuse('no-chain');
  }
  const chain = nf[table].chains.find((c) => c.name === edit.chain);
  if (edit.kind === 'new-chain') {
    if (chain) return refuse('chain-exists');
    const created: Chain = { name: edit.chain, policy: null, pkts: 0, bytes: 0, rules: [] };
    return {
      ok: true,
      nf: { ...nf, [table]: { ...nf[table], chains: [...nf[table].chains, created] } },
    };
  }
  if (edit.kind === 'policy') {
    if (!chain || !isBuiltin(table, edit.chain)) return refuse('builtin-only');
    if (edit.policy !== 'ACCEPT' && edit.policy !== 'DROP') return refuse('bad-policy');
    return { ok: true, nf: withChain(nf, table, { ...chain, policy: edit.policy as Verdict }) };
  }
  if (!chain) return refuse('no-chain');
  switch (edit.kind) {
    case 'delete-chain': {
      // -X of a built-in chain is accepted and changes nothing (recorded).
      if (isBuiltin(table, edit.chain)) return { ok: true, nf: before };
      if (chain.rules.length > 0) return refuse('busy');
      if (referenced(nf, table, edit.chain)) return refuse('busy');
      const chains = nf[table].chains.filter((c) => c !== chain);
      return { ok: true, nf: { ...nf, [table]: { ...nf[table], chains } } };
    }
    case 'check':
      return chain.rules.some(sameRule(table, edit.chain, edit.rule))
        ? { ok: true, nf: before }
        : refuse('bad-rule');
    case 'delete': {
      const i = chain.rules.findIndex(sameRule(table, edit.chain, edit.rule));
      if (i < 0) return refuse('bad-rule');
      return {
        ok: true,
        nf: withChain(nf, table, { ...chain, rules: chain.rules.toSpliced(i, 1) }),
      };
    }
    case 'delete-at':
      if (edit.at > chain.rules.length) return refuse('delete-index');
      return {
        ok: true,
        nf: withChain(nf, table, { ...chain, rules: chain.rules.toSpliced(edit.at - 1, 1) }),
      };
    case 'append':
    case 'insert': {
      const at = edit.kind === 'insert' ? edit.at : chain.rules.length + 1;
      if (at > chain.rules.length + 1) return refuse('insert-index');
      const bad = badTarget(table, edit.rule);
      if (bad) return refuse(bad);
      const rules = chain.rules.toSpliced(at - 1, 0, freshRule(table, chain, edit.rule));
      const after = withChain(nf, table, { ...chain, rules });
      // A jump that closes a loop, or nests a 16th user chain, where a hook can reach it: the same
      // check a lab file meets (checkJumps), answered with EMLINK ("Too many links").
      if (edit.rule.target.kind === 'JUMP' && checkJumps(after)) return refuse('loop');
      return { ok: true, nf: after };
    }
  }
}
