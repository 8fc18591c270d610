// A chain's rules as the walk tests them: every match in one object shape, addresses as numbers.
// A chain of a thousand per-container rules is then tested without a property lookup that has seen a
// dozen shapes of RuleMatch (the optional fields differ rule to rule), nor a string parsed per rule.
import { ipToInt, maskInt, type Cidr } from '../addr';
import type { CtState, Rule, RuleMatch } from '../types';

export interface CompiledMatch {
  readonly proto: string | null;
  /** -1: any port. */
  readonly dport: number;
  readonly inIface: string | null;
  readonly inNeg: boolean;
  readonly outIface: string | null;
  readonly outNeg: boolean;
  readonly src: boolean;
  readonly srcNet: number;
  readonly srcMask: number;
  readonly srcNeg: boolean;
  readonly dst: boolean;
  readonly dstNet: number;
  readonly dstMask: number;
  readonly dstNeg: boolean;
  readonly ctstate: readonly CtState[] | null;
  /** 0: no addrtype match; 1: LOCAL; -1: ! LOCAL. */
  readonly srcType: number;
  readonly dstType: number;
}

const net = (c: Cidr | undefined): [number, number] =>
  c ? [ipToInt(c.address), maskInt(c.prefix)] : [0, 0];

export function compileMatch(m: RuleMatch): CompiledMatch {
  const [srcNet, srcMask] = net(m.src?.value);
  const [dstNet, dstMask] = net(m.dst?.value);
  return {
    proto: m.proto ?? null,
    dport: m.dport ?? -1,
    inIface: m.inIface?.value ?? null,
    inNeg: m.inIface?.neg ?? false,
    outIface: m.outIface?.value ?? null,
    outNeg: m.outIface?.neg ?? false,
    src: m.src !== undefined,
    srcNet,
    srcMask,
    srcNeg: m.src?.neg ?? false,
    dst: m.dst !== undefined,
    dstNet,
    dstMask,
    dstNeg: m.dst?.neg ?? false,
    ctstate: m.ctstate ?? null,
    srcType: m.srcType ? (m.srcType.neg ? -1 : 1) : 0,
    dstType: m.dstType ? (m.dstType.neg ? -1 : 1) : 0,
  };
}

/** What a chain's list looks like to the walk: its rules' ids and compiled matches. */
export interface ListFacts {
  readonly ids: readonly string[];
  readonly matches: readonly CompiledMatch[];
}

/** Per rule list (a chain's list is replaced, never changed in place). */
const facts = new WeakMap<readonly Rule[], ListFacts>();

export function listFacts(list: readonly Rule[]): ListFacts {
  let f = facts.get(list);
  if (f === undefined) {
    f = { ids: list.map((r) => r.id), matches: list.map((r) => compileMatch(r.match)) };
    facts.set(list, f);
  }
  return f;
}

/** A new list with the same rules in the same order (new counters only) keeps the old one's facts. */
export function carryFacts(from: readonly Rule[], to: readonly Rule[]): void {
  const f = facts.get(from);
  if (f !== undefined) facts.set(to, f);
}
