// nf_conntrack_in for the walk: find or start the packet's connection, update it, narrate what changed.
import type { ConntrackEntry, CtState } from '../types';
import type { Frame, NodeId, Why } from '../trace';
import {
  ctAdvance,
  ctFind,
  ctFindRelated,
  ctNew,
  ctStateOf,
  ctStore,
  isIcmpError,
  tupleOf,
  type CtMatch,
} from './conntrack';
import { emit, why, type WalkState } from './state';

export interface CtCtx {
  /** The existing entry this packet belongs to, or null for a new connection. */
  readonly match: CtMatch | null;
  /** The entry as it stands (pending until confirmed when new); null when the packet is untracked. */
  entry: ConntrackEntry | null;
  readonly state: CtState;
}

const untracked: CtCtx = { match: null, entry: null, state: 'INVALID' };

/** Removes an entry from the table (nf_ct_kill): the packet in hand still carries it for NAT. */
function ctDelete(s: WalkState, id: number): void {
  s.conntrack = s.conntrack.filter((e) => e.id !== id);
}

/** What the conntrack hop says about a packet of a known connection. */
function narrate(m: CtMatch, before: ConntrackEntry, after: ConntrackEntry, clock: number): Why {
  const id = after.id;
  if (before.tcpState !== after.tcpState && after.tcpState !== null) {
    return why(m.dir === 'reply' ? 'ct.reply-tcp-state' : 'ct.tcp-state', {
      id,
      from: before.tcpState ?? 'NONE',
      to: after.tcpState,
      timeout: after.expires - clock,
    });
  }
  return why(m.dir === 'reply' ? 'ct.reply' : 'ct.established', { id });
}

/**
 * An ICMP error belongs to the connection of the packet it quotes (RELATED: no entry of its own,
 * and the entry's timeout and reply flag stay as they were); quoting none, it is INVALID.
 */
function ctError(s: WalkState, node: NodeId, f: Frame): CtCtx {
  const related = ctFindRelated(s, f);
  if (!related) {
    emit(s, node, null, 'conntrack', f, why('ct.invalid-icmp', { type: f.icmp?.type ?? 0 }));
    return untracked;
  }
  const ctx: CtCtx = { match: related, entry: related.entry, state: 'RELATED' };
  const ct = { entry: related.entry, state: ctx.state, created: false };
  emit(s, node, null, 'conntrack', f, why('ct.related', { id: related.entry.id }), { ct });
  return ctx;
}

/** Conntrack lookup: an existing entry (updated now, as nf_conntrack_in does) or a new one. */
export function ctLookup(s: WalkState, node: NodeId, f: Frame): CtCtx {
  if (isIcmpError(f)) return ctError(s, node, f);
  const t = tupleOf(f);
  if (!t) return untracked;
  const found = ctFind(s, t);
  if (!found) {
    const entry = ctNew(s, t, f);
    if (!entry && f.icmp) {
      emit(s, node, null, 'conntrack', f, why('ct.invalid-icmp', { type: f.icmp.type }));
      return untracked;
    }
    if (!entry) {
      const flags = (f.tcp?.flags ?? []).join('+');
      emit(s, node, null, 'conntrack', f, why('ct.untracked', { flags }));
      return untracked;
    }
    const ct = { entry, state: 'NEW' as const, created: true };
    emit(s, node, null, 'conntrack', f, why('ct.new', { id: entry.id }), { ct });
    return { match: null, entry, state: 'NEW' };
  }
  const step = ctAdvance(s, found, f);
  const entry = step.entry;
  if (step.invalid) {
    const state = entry.tcpState ?? 'NONE';
    emit(s, node, null, 'conntrack', f, why('ct.invalid', { id: entry.id, state }));
    return untracked;
  }
  if (step.deleted) ctDelete(s, entry.id);
  else ctStore(s, entry);
  const state = ctStateOf(found, false);
  const reason = step.deleted
    ? why('ct.deleted', { id: entry.id })
    : narrate(found, found.entry, entry, s.base.clock);
  const ct = { entry, state, created: false, ...(step.deleted ? { deleted: true } : {}) };
  emit(s, node, null, 'conntrack', f, reason, { ct });
  return { match: found, entry, state };
}
