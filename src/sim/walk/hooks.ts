// The netfilter hook sequence of the host namespace: PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING,
// with conntrack lookup/confirm and NAT (rules on NEW, the conntrack entry for everything after).
import { ipToInt, type IPv4 } from '../addr';
import type { ConntrackEntry, CtState } from '../types';
import type { ParamsArg, WhyKey } from '../messages';
import type { DropReason, FieldChange, Frame, NodeId } from '../trace';
import { ctStore, isDnat, isSnat, withDnat, withSnat } from './conntrack';
import { ctLookup, type CtCtx } from './ct-lookup';
import { dstPort, rewriteDest, rewriteSource, srcPort } from './frame';
import { echoIdAfterDestBinding, mappedPort, natSourcePort } from './nat-port';
import { NF_BUDGET, runHook, type Hook, type NfPacket, type NfVerdict } from './netfilter';
import { emit, frameBytes, why, type WalkState } from './state';

export type { CtCtx } from './ct-lookup';

export function drop<R extends DropReason>(
  s: WalkState,
  node: NodeId,
  iface: string | null,
  frame: Frame,
  reason: R,
  ...params: ParamsArg<`drop.${R}`>
): null {
  s.dropped = { node, reason };
  emit(s, node, iface, 'drop', frame, { key: `drop.${reason}`, params: params[0] ?? {} });
  return null;
}

function packet(f: Frame, inIface: string, outIface: string, state: CtState): NfPacket {
  const src = f.ip?.src ?? ('0.0.0.0' as IPv4);
  const dst = f.ip?.dst ?? ('0.0.0.0' as IPv4);
  return {
    src,
    dst,
    srcN: ipToInt(src),
    dstN: ipToInt(dst),
    proto: f.ip?.proto ?? 'tcp',
    sport: srcPort(f),
    dport: dstPort(f),
    inIface,
    outIface,
    ctstate: state,
    bytes: f.ip?.len ?? frameBytes(f),
  };
}

function verdictDrop(s: WalkState, node: NodeId, f: Frame, v: NfVerdict, hook: Hook): boolean {
  if (v.kind === 'BUDGET') {
    const { rules, chains } = NF_BUDGET;
    drop(s, node, null, f, 'nf-budget', { hook, chain: v.chain, rules, chains });
    return true;
  }
  if (v.kind !== 'DROP') return false;
  drop(s, node, null, f, v.rule ? 'rule' : 'policy', { hook, rule: v.rule ?? '' });
  return true;
}

function natHop(
  s: WalkState,
  node: NodeId,
  f: Frame,
  changed: FieldChange[],
  key: WhyKey,
  ctx: CtCtx,
  hook: Hook,
): void {
  if (changed.length === 0) return;
  const ct = ctx.entry
    ? { ct: { entry: ctx.entry, state: ctx.state, created: ctx.match === null } }
    : {};
  emit(s, node, null, 'nat', f, why(key, { hook }), { changed, ...ct });
}

/**
 * An ICMP error RELATED to a NATed connection also quotes the packet it is about: the kernel rewrites
 * that quoted header back to what the original sender sent (nf_nat_icmp_reply_translation).
 */
function quoted(
  r: { frame: Frame; changed: FieldChange[] },
  e: ConntrackEntry,
  ctx: CtCtx,
): { frame: Frame; changed: FieldChange[] } {
  const icmp = r.frame.icmp;
  if (ctx.state !== 'RELATED' || !icmp?.inner) return r;
  const inner = {
    ...icmp.inner,
    src: e.orig.src,
    dst: e.orig.dst,
    sport: e.orig.sport,
    dport: e.orig.dport,
  };
  const changed = (['src', 'dst', 'sport', 'dport'] as const)
    .filter((k) => inner[k] !== icmp.inner?.[k])
    .map((k) => ({ field: `icmp.inner.${k}`, from: icmp.inner?.[k] ?? '', to: inner[k] }));
  if (changed.length === 0) return r;
  return { frame: { ...r.frame, icmp: { ...icmp, inner } }, changed: [...r.changed, ...changed] };
}

/**
 * No rule mapped a new echo's destination: the null binding PREROUTING/OUTPUT gives it still moves
 * its id when another connection's reply tuple holds it (a host's ping after a MASQUERADEd
 * container's with the same id, to the same address).
 */
function destNullBinding(s: WalkState, node: NodeId, f: Frame, ctx: CtCtx, hook: Hook): Frame {
  const e = ctx.entry;
  if (!e || e.proto !== 'icmp') return f;
  const id = echoIdAfterDestBinding(s, e);
  if (id === mappedPort(e)) return f;
  const r = rewriteSource(f, e.reply.dst, id);
  ctx.entry = withSnat(e, e.reply.dst, id);
  natHop(s, node, r.frame, r.changed, 'nat.null-binding-echo', ctx, hook);
  return r.frame;
}

/** Destination NAT as PREROUTING/OUTPUT does it: rules for NEW, the entry for the rest. */
function dnatStage(
  s: WalkState,
  node: NodeId,
  hook: 'PREROUTING' | 'OUTPUT',
  inIface: string,
  f: Frame,
  ctx: CtCtx,
): Frame | null {
  const e = ctx.entry;
  if (!e) return f;
  if (ctx.match === null) {
    const v = runHook(s, node, hook, 'nat', packet(f, inIface, '', 'NEW'), f);
    if (verdictDrop(s, node, f, v, hook)) return null;
    if (v.kind === 'DNAT') {
      const r = rewriteDest(f, v.toIp, v.toPort);
      ctx.entry = withDnat(e, v.toIp, v.toPort);
      natHop(s, node, r.frame, r.changed, 'nat.dnat', ctx, hook);
      return r.frame;
    }
    return destNullBinding(s, node, f, ctx, hook);
  }
  if (ctx.match.dir === 'orig' && isDnat(e)) {
    const r = rewriteDest(f, e.reply.src, e.proto === 'icmp' ? null : e.reply.sport);
    natHop(s, node, r.frame, r.changed, 'nat.ct-dnat', ctx, hook);
    return r.frame;
  }
  if (ctx.match.dir === 'reply' && isSnat(e)) {
    const r = quoted(rewriteDest(f, e.orig.src, e.orig.sport), e, ctx);
    natHop(s, node, r.frame, r.changed, 'nat.ct-unsnat', ctx, hook);
    return r.frame;
  }
  return f;
}

/**
 * No rule mapped a new connection's source: nf_nat still binds it to its own address
 * (nf_nat_alloc_null_binding), and when its tuple would clash with another connection's reply
 * (a container MASQUERADEd to the host's address and port before the host used that port itself)
 * the source port changes, so each reply finds its own connection.
 */
function nullBinding(s: WalkState, node: NodeId, f: Frame, ctx: CtCtx, hook: Hook): Frame {
  const e = ctx.entry;
  if (!e) return f;
  const port = natSourcePort(s, e, e.reply.dst);
  if (port === mappedPort(e)) return f;
  const r = rewriteSource(f, e.reply.dst, port);
  ctx.entry = withSnat(e, e.reply.dst, port);
  const key = e.proto === 'icmp' ? 'nat.null-binding-echo' : 'nat.null-binding';
  natHop(s, node, r.frame, r.changed, key, ctx, hook);
  return r.frame;
}

/** Source NAT as POSTROUTING (and INPUT for local delivery) does it. */
/** The address MASQUERADE would take, asked only when a rule does (inet_select_addr is not free). */
export type OutAddr = () => string | null;
/** No MASQUERADE address here (INPUT's SNAT, a bridged packet's POSTROUTING). */
export const NO_ADDR: OutAddr = () => null;

function snatStage(
  s: WalkState,
  node: NodeId,
  hook: 'POSTROUTING' | 'INPUT',
  outIface: string,
  f: Frame,
  ctx: CtCtx,
  outAddr: OutAddr,
): Frame | null {
  const e = ctx.entry;
  if (!e) return f;
  if (ctx.match === null && hook === 'POSTROUTING') {
    const v = runHook(s, node, hook, 'nat', packet(f, '', outIface, 'NEW'), f);
    if (verdictDrop(s, node, f, v, hook)) return null;
    const to = v.kind === 'MASQUERADE' ? outAddr() : v.kind === 'SNAT' ? v.toIp : null;
    if (!to) return nullBinding(s, node, f, ctx, hook);
    const port = natSourcePort(s, e, to as never);
    const r = rewriteSource(f, to as never, port);
    ctx.entry = withSnat(e, to as never, port);
    const key = v.kind === 'MASQUERADE' ? 'nat.masquerade' : 'nat.snat';
    natHop(s, node, r.frame, r.changed, key, ctx, hook);
    return r.frame;
  }
  if (ctx.match?.dir === 'orig' && isSnat(e)) {
    const r = rewriteSource(f, e.reply.dst, mappedPort(e));
    natHop(s, node, r.frame, r.changed, 'nat.ct-snat', ctx, hook);
    return r.frame;
  }
  if (ctx.match?.dir === 'reply' && isDnat(e)) {
    const r = quoted(
      rewriteSource(f, e.orig.dst, e.proto === 'icmp' ? null : e.orig.dport),
      e,
      ctx,
    );
    natHop(s, node, r.frame, r.changed, 'nat.ct-undnat', ctx, hook);
    return r.frame;
  }
  return f;
}

/** A new connection's entry enters the table only once its first packet survives every hook. */
function confirm(s: WalkState, node: NodeId, f: Frame, ctx: CtCtx): void {
  if (ctx.match !== null || !ctx.entry) return;
  ctStore(s, ctx.entry);
  emit(
    s,
    node,
    null,
    'conntrack',
    f,
    why('ct.confirm', { id: ctx.entry.id }),
    { ct: { entry: ctx.entry, state: 'NEW', created: true } },
    0,
  );
}

export function preRouting(
  s: WalkState,
  node: NodeId,
  inIface: string,
  f: Frame,
): { frame: Frame; ct: CtCtx } | null {
  const raw = runHook(s, node, 'PREROUTING', 'raw', packet(f, inIface, '', 'NEW'), f);
  if (verdictDrop(s, node, f, raw, 'PREROUTING')) return null;
  const ct = ctLookup(s, node, f);
  const out = dnatStage(s, node, 'PREROUTING', inIface, f, ct);
  return out ? { frame: out, ct } : null;
}

export function inputHook(
  s: WalkState,
  node: NodeId,
  inIface: string,
  f: Frame,
  ct: CtCtx,
): Frame | null {
  const v = runHook(s, node, 'INPUT', 'filter', packet(f, inIface, '', ct.state), f);
  if (verdictDrop(s, node, f, v, 'INPUT')) return null;
  const out = snatStage(s, node, 'INPUT', '', f, ct, NO_ADDR);
  if (out) confirm(s, node, out, ct);
  return out;
}

export function forwardHook(
  s: WalkState,
  node: NodeId,
  inIface: string,
  outIface: string,
  f: Frame,
  ct: CtCtx,
): boolean {
  const v = runHook(s, node, 'FORWARD', 'filter', packet(f, inIface, outIface, ct.state), f);
  return !verdictDrop(s, node, f, v, 'FORWARD');
}

export function outputHooks(
  s: WalkState,
  node: NodeId,
  f: Frame,
): { frame: Frame; ct: CtCtx } | null {
  const raw = runHook(s, node, 'OUTPUT', 'raw', packet(f, '', '', 'NEW'), f);
  if (verdictDrop(s, node, f, raw, 'OUTPUT')) return null;
  const ct = ctLookup(s, node, f);
  const natted = dnatStage(s, node, 'OUTPUT', '', f, ct);
  if (!natted) return null;
  const v = runHook(s, node, 'OUTPUT', 'filter', packet(natted, '', '', ct.state), natted);
  if (verdictDrop(s, node, natted, v, 'OUTPUT')) return null;
  return { frame: natted, ct };
}

export function postRouting(
  s: WalkState,
  node: NodeId,
  outIface: string,
  f: Frame,
  ct: CtCtx,
  outAddr: OutAddr,
): Frame | null {
  const out = snatStage(s, node, 'POSTROUTING', outIface, f, ct, outAddr);
  if (out) confirm(s, node, out, ct);
  return out;
}
