// The source port (ICMP: echo id) a NAT mapping gives a new connection: nf_nat_core.c's
// get_unique_tuple for a range of one address and no port range (MASQUERADE or SNAT without
// --to-ports or --random, and the null bindings every un-NATed connection gets).
import type { IPv4 } from '../addr';
import { nextRandom } from '../rng';
import type { ConntrackEntry, Tuple } from '../types';
import type { WalkState } from './state';

/** NF_NAT_MAX_ATTEMPTS: how many ports one round of the search tries. */
const MAX_ATTEMPTS = 128;

const same = (a: Tuple, b: Tuple) =>
  a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

/** Where the lab keeps what NAT maps: the reply's destination port; for ICMP the echo id (sport). */
export const mappedPort = (e: ConntrackEntry): number =>
  e.proto === 'icmp' ? e.reply.sport : e.reply.dport;

/**
 * nf_nat_used_tuple: would `e` mapped to `to:port` have a reply tuple some other entry already
 * holds (either way)? Then a reply could not tell the two connections apart. An ICMP tuple also
 * carries its type, so an echo's reply tuple (type 0) can only clash with another reply tuple.
 */
function used(s: WalkState, e: ConntrackEntry, to: IPv4, port: number): boolean {
  const icmp = e.proto === 'icmp';
  const reply: Tuple = icmp
    ? { ...e.reply, dst: to, sport: port }
    : { ...e.reply, dst: to, dport: port };
  return s.conntrack.some(
    (x) =>
      x.id !== e.id &&
      x.proto === e.proto &&
      (same(x.reply, reply) || (!icmp && same(x.orig, reply))),
  );
}

/** get_random_u16(), drawn from the world's seeded generator. */
function random16(s: WalkState): number {
  const [v, next] = nextRandom(s.rng);
  s.rng = next;
  return v & 0xffff;
}

/** The class a port keeps (1–511, 600–1023 or 1024–65535); an echo id may take any of 0–65535. */
function range(e: ConntrackEntry, port: number): readonly [min: number, size: number] {
  if (e.proto === 'icmp') return [0, 65536];
  return port < 512 ? [1, 511] : port < 1024 ? [600, 424] : [1024, 64512];
}

/**
 * nf_nat_l4proto_unique_tuple without NF_NAT_RANGE_PROTO_SPECIFIED: from `off` take the next free
 * value of the range; after 128 taken ones start again at a random offset with half as many
 * tries, down to 16. A source mapping starts at random (the kernel under test, 6.18, starts every
 * one at get_random_u16(), --random or not); the destination null binding of an echo at 0
 * (measured: the host's clashing pings were given ids 0, 1, 2 in turn).
 */
function search(
  s: WalkState,
  e: ConntrackEntry,
  to: IPv4,
  port: number,
  from: 'random' | 0,
): number {
  const [min, size] = range(e, port);
  let attempts = Math.min(size, MAX_ATTEMPTS);
  let off = from === 'random' ? random16(s) : from;
  for (;;) {
    for (let i = 0; i < attempts; i++, off++) {
      const p = min + (off % size);
      if (!used(s, e, to, p)) return p;
    }
    // The kernel then keeps the clashing tuple, and confirming it drops the packet.
    if (attempts >= size || attempts < 16) return min + (off % size);
    attempts = Math.floor(attempts / 2);
    off = random16(s);
  }
}

/**
 * The source port (echo id) of new connection `e` once its source is `to`: its own if no other
 * entry's tuple clashes; for a connection whose address changes, first the one an earlier
 * connection from the same address and port was given (find_appropriate_src); else a search.
 */
export function natSourcePort(s: WalkState, e: ConntrackEntry, to: IPv4): number {
  const port = mappedPort(e);
  if (e.orig.src !== to) {
    const earlier = s.conntrack.find(
      (x) =>
        x.id !== e.id &&
        x.proto === e.proto &&
        x.orig.src === e.orig.src &&
        x.orig.sport === e.orig.sport &&
        x.reply.dst === to,
    );
    if (earlier && !used(s, e, to, mappedPort(earlier))) return mappedPort(earlier);
  }
  return used(s, e, to, port) ? search(s, e, to, port, 'random') : port;
}

/**
 * The echo id after the destination null binding PREROUTING/OUTPUT gives an echo no DNAT rule
 * mapped. nf_nat_l4proto_unique_tuple may not move a port for a destination mapping, but an ICMP
 * tuple's id is its only key either way: a host's ping whose echo id a MASQUERADEd container's
 * ping already holds is moved at OUTPUT, searching from 0 (6.18: ids 0, 1, 2 for three such pings).
 */
export function echoIdAfterDestBinding(s: WalkState, e: ConntrackEntry): number {
  const id = mappedPort(e);
  if (e.proto !== 'icmp' || !used(s, e, e.reply.dst, id)) return id;
  return search(s, e, e.reply.dst, id, 0);
}
