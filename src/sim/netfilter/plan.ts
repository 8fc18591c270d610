// A rule plan: the iptables commands dockerd runs, as data, and how to apply or undo them. Pure; Netfilter in, Netfilter out.
import type { Cidr, IPv4 } from '../addr';
import type {
  L4Proto,
  Neg,
  Netfilter,
  PortBinding,
  RuleMatch,
  RuleTarget,
  TableName,
  Verdict,
} from '../types';
import { appendRule, deleteRule, ensureChain, getChain, insertRule, setPolicy } from './table';

/**
 * One step of dockerd's programming:
 * - `insert` / `append`: `iptables -I` / `-A` after an `-C` check (owned by what added it, undone on removal);
 * - `top`: libnetwork's EnsureJumpRule, delete then insert at the top (shared, never undone);
 * - `chain`: `iptables -N` or a built-in chain coming into existence (never undone here);
 * - `policy`: `iptables -P`.
 */
export type RuleOp =
  | {
      readonly kind: 'insert' | 'append' | 'top';
      readonly table: TableName;
      readonly chain: string;
      readonly match: RuleMatch;
      readonly target: RuleTarget;
    }
  | {
      readonly kind: 'chain';
      readonly table: TableName;
      readonly chain: string;
      readonly policy: Verdict | null;
    }
  | {
      readonly kind: 'policy';
      readonly table: TableName;
      readonly chain: string;
      readonly policy: Verdict;
    };

export const is = <T>(value: T): Neg<T> => ({ value, neg: false });
export const not = <T>(value: T): Neg<T> => ({ value, neg: true });
export const host = (a: IPv4): Cidr => ({ address: a, prefix: 32 });
export const jump = (chain: string): RuleTarget => ({ kind: 'JUMP', chain });
export const ACCEPT: RuleTarget = { kind: 'ACCEPT' };
export const DROP: RuleTarget = { kind: 'DROP' };
export const RETURN: RuleTarget = { kind: 'RETURN' };
export const MASQUERADE: RuleTarget = { kind: 'MASQUERADE' };
export const LOOPBACK_NET: Cidr = { address: '127.0.0.0' as IPv4, prefix: 8 };

const rule =
  (kind: 'insert' | 'append' | 'top') =>
  (table: TableName, chain: string, match: RuleMatch, target: RuleTarget): RuleOp => ({
    kind,
    table,
    chain,
    match,
    target,
  });
export const insert = rule('insert');
export const append = rule('append');
export const top = rule('top');
export const chain = (table: TableName, name: string, policy: Verdict | null = null): RuleOp => ({
  kind: 'chain',
  table,
  chain: name,
  policy,
});

/** 0.0.0.0 and "no host IP" both mean every address: no -d on the DNAT rule. */
export const specificHostIp = (b: PortBinding): IPv4 | null =>
  b.hostIp === null || b.hostIp === '0.0.0.0' ? null : b.hostIp;

export const isLoopback = (a: IPv4): boolean => a.startsWith('127.');

/** `-p tcp -m tcp --dport N` as a match fragment. */
export const port = (proto: L4Proto, dport: number): RuleMatch => ({ proto, dport });

export function applyPlan(nf: Netfilter, plan: readonly RuleOp[]): Netfilter {
  let next = nf;
  for (const op of plan) {
    switch (op.kind) {
      case 'chain':
        next = ensureChain(next, op.table, op.chain, op.policy);
        break;
      case 'policy':
        next = setPolicy(next, op.table, op.chain, op.policy);
        break;
      case 'insert':
        next = insertRule(next, op.table, op.chain, op.match, op.target);
        break;
      case 'append':
        next = appendRule(next, op.table, op.chain, op.match, op.target);
        break;
      case 'top':
        next = deleteRule(next, op.table, op.chain, op.match, op.target);
        next = insertRule(next, op.table, op.chain, op.match, op.target);
        break;
    }
  }
  return next;
}

/** Deletes the rules a plan added (`iptables -D`); shared jumps and chains stay, as in dockerd. */
export function undoPlan(nf: Netfilter, plan: readonly RuleOp[]): Netfilter {
  let next = nf;
  for (const op of plan) {
    if (op.kind !== 'insert' && op.kind !== 'append') continue;
    if (!getChain(next, op.table, op.chain)) continue;
    next = deleteRule(next, op.table, op.chain, op.match, op.target);
  }
  return next;
}
