// The kernel's neighbour state machine (net/core/neighbour.c) as pure functions of an entry and
// the world's clock. Touches nothing else: the walk and the clock call it (walk/neighbours.ts, ops/neigh-age.ts).
import type { IPv4, MacAddress } from './addr';
import type { NeighEntry, NudState } from './types';

/** delay_first_probe_time: a STALE entry used to send waits this long for a confirmation. */
export const DELAY_FIRST_PROBE = 5;
/** retrans_time: a second between two ARP requests for the same address. */
export const RETRANS = 1;
/** ucast_solicit: unicast requests of a PROBE; mcast_solicit: broadcasts of an INCOMPLETE entry. */
export const UCAST_PROBES = 3;
export const MCAST_PROBES = 3;
/**
 * reachable_time. Linux draws it at random between half and one and a half times
 * base_reachable_time (30 s), again every 300 s; the lab is deterministic and uses the base.
 */
export const REACHABLE_TIME = 30;

/** NUD_VALID: states whose MAC a packet may be sent to. */
const VALID: ReadonlySet<NudState> = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT']);
/** NUD_IN_TIMER: states with a timer pending (the timer holds a reference: busybox prints `ref 1`). */
const IN_TIMER: ReadonlySet<NudState> = new Set(['INCOMPLETE', 'REACHABLE', 'DELAY', 'PROBE']);

export const isValid = (s: NudState): boolean => VALID.has(s);
/**
 * NUD_CONNECTED (PERMANENT, NOARP, REACHABLE): a neighbour known good without asking. What
 * br_netfilter's bridged DNAT checks before it bridges a frame straight on (walk/bridged-dnat.ts).
 */
export const isConnected = (s: NudState): boolean => s === 'REACHABLE' || s === 'PERMANENT';
export const inTimer = (s: NudState): boolean => IN_TIMER.has(s);

/** Requests sent `now - since` seconds into a run of `max` of them, a second apart (the first at once). */
const sentBy = (since: number, now: number, max: number) =>
  Math.min(max, Math.floor((now - since) / RETRANS) + 1);

/**
 * The entry as the kernel holds it at `now`: the timers that fired since `updated` applied
 * (neigh_timer_handler). A DELAY entry's unicast probe counts as answered here; one the world did
 * not answer was already stored as PROBE when the clock passed it (ops/neigh-age.ts).
 */
export function neighAt(e: NeighEntry, now: number): NeighEntry {
  switch (e.state) {
    case 'REACHABLE': {
      const end = e.confirmed + REACHABLE_TIME;
      return now < end ? e : { ...e, state: 'STALE', updated: end };
    }
    case 'DELAY': {
      const end = e.updated + DELAY_FIRST_PROBE;
      if (now < end) return e;
      // Confirmed after it was used: REACHABLE, for reachable_time from that confirmation. The
      // timer fires a fraction of a second late, so a confirmation in the same exchange (the same
      // clock second) is too old by then, and the kernel probes (measured: curl, nc and ping alike).
      if (e.confirmed > e.updated) return neighAt({ ...e, state: 'REACHABLE', updated: end }, now);
      return neighAt({ ...e, state: 'REACHABLE', updated: end, confirmed: end, probes: 1 }, now);
    }
    case 'PROBE': {
      const end = e.updated + UCAST_PROBES * RETRANS;
      if (now >= end) return { ...e, state: 'FAILED', updated: end, probes: UCAST_PROBES };
      return { ...e, probes: sentBy(e.updated, now, UCAST_PROBES) };
    }
    case 'INCOMPLETE': {
      // Within a walk the broadcasts are counted as they go; a stored one (a lab file) times out.
      const end = e.updated + MCAST_PROBES * RETRANS;
      return now < end
        ? e
        : { ...e, state: 'FAILED', updated: end, probes: UCAST_PROBES + MCAST_PROBES };
    }
    case 'STALE':
    case 'FAILED':
    case 'PERMANENT':
      return e;
  }
}

/** The state `ip neigh` shows at `now`. */
export const neighState = (e: NeighEntry, now: number): NudState => neighAt(e, now).state;

/** Seconds from `now` until the entry's timer next changes its state; null when none runs. */
export function neighTimer(e: NeighEntry, now: number): number | null {
  const x = neighAt(e, now);
  switch (x.state) {
    case 'REACHABLE':
      return x.confirmed + REACHABLE_TIME - now;
    case 'DELAY':
      return x.updated + DELAY_FIRST_PROBE - now;
    case 'PROBE':
      return x.updated + UCAST_PROBES * RETRANS - now;
    case 'INCOMPLETE':
      return x.updated + MCAST_PROBES * RETRANS - now;
    default:
      return null;
  }
}

/** The MAC a packet goes to through this entry at `now`, or null when it must be resolved first. */
export function usableMac(e: NeighEntry, now: number): MacAddress | null {
  return e.mac !== null && isValid(neighAt(e, now).state) ? e.mac : null;
}

/**
 * A packet goes out through the entry (ip_finish_output2): a socket's pending confirmation is
 * applied first (sock_confirm_neigh), then neigh_event_send turns STALE into DELAY.
 */
export function neighSent(e: NeighEntry, now: number, confirm: boolean): NeighEntry {
  let x = neighAt(e, now);
  if (confirm && x.confirmed !== now) x = { ...x, confirmed: now };
  if (x.state === 'STALE') x = { ...x, state: 'DELAY', updated: now };
  return x;
}

/** When a DELAY entry sends its first unicast probe; null when it will not (confirmed, not DELAY). */
export function probeDue(e: NeighEntry): number | null {
  if (e.state !== 'DELAY' || e.confirmed > e.updated) return null;
  return e.updated + DELAY_FIRST_PROBE;
}

/** Nobody answered the probe sent at `at`: PROBE from then on, FAILED after ucast_solicit requests. */
export function probeUnanswered(e: NeighEntry, at: number): NeighEntry {
  return { ...e, state: 'PROBE', updated: at, probes: 0 };
}

/** A new entry has not been confirmed: __neigh_create backdates `confirmed` by twice the base time. */
const unconfirmed = (now: number) => now - 2 * REACHABLE_TIME;

/**
 * An ARP packet from the neighbour that is no answer to our request: a request for one of our
 * addresses (neigh_event_ns), or an unsolicited announcement. neigh_update(STALE, override): a
 * valid entry with the same MAC stays as it is; a new MAC, or an entry without one, becomes STALE;
 * PERMANENT is for the administrator to change.
 */
export function neighHeard(
  e: NeighEntry | undefined,
  heard: { readonly ip: IPv4; readonly dev: string; readonly mac: MacAddress },
  now: number,
): NeighEntry {
  if (!e) return { ...heard, state: 'STALE', updated: now, confirmed: unconfirmed(now), probes: 0 };
  const x = neighAt(e, now);
  if (x.state === 'PERMANENT' || (isValid(x.state) && x.mac === heard.mac)) return e;
  return { ...x, mac: heard.mac, state: 'STALE', updated: now };
}

/** neigh_event_send on an entry with no usable MAC: INCOMPLETE, the count starting at ucast_solicit. */
export function neighSolicit(
  e: NeighEntry | undefined,
  want: { readonly ip: IPv4; readonly dev: string },
  now: number,
): NeighEntry {
  const confirmed = e?.confirmed ?? unconfirmed(now);
  return {
    ...want,
    mac: e?.mac ?? null,
    state: 'INCOMPLETE',
    updated: now,
    confirmed,
    probes: UCAST_PROBES,
  };
}

/** The answer to our request (arp_process: a reply to our MAC): REACHABLE, confirmed now. */
export function neighReplied(e: NeighEntry, mac: MacAddress, now: number): NeighEntry {
  return { ...e, mac, state: 'REACHABLE', updated: now, confirmed: now };
}

/**
 * mcast_solicit broadcasts went unanswered. The walk has sent all three, a second apart, and the
 * tool has had the kernel's answer (host unreachable), so the entry is stored as it ends: FAILED.
 */
export function neighFailed(e: NeighEntry, now: number): NeighEntry {
  return { ...e, state: 'FAILED', updated: now, probes: UCAST_PROBES + MCAST_PROBES };
}
