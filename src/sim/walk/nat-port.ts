// The source port a source mapping gives a new connection: nf_nat_core.c's get_unique_tuple for a
// range of one address and no port range (MASQUERADE or SNAT without --to-ports or --random, and
// the null binding every un-NATed connection gets in POSTROUTING).
import type { IPv4 } from '../addr';
import { nextRandom } from '../rng';
import type { ConntrackEntry, Tuple } from '../types';
import type { WalkState } from './state';

/** NF_NAT_MAX_ATTEMPTS: how many ports one round of the search tries. */
const MAX_ATTEMPTS = 128;

const same = (a: Tuple, b: Tuple) =>
  a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

/**
 * nf_nat_used_tuple: would `e` mapped to `to:port` have a reply tuple some other entry already
 * holds (either way)? Then a reply could not tell the two connections apart.
 */
function used(s: WalkState, e: ConntrackEntry, to: IPv4, port: number): boolean {
  const reply: Tuple = { ...e.reply, dst: to, dport: port };
  return s.conntrack.some(
    (x) => x.id !== e.id && x.proto === e.proto && (same(x.reply, reply) || same(x.orig, reply)),
  );
}

/** get_random_u16(), drawn from the world's seeded generator. */
function random16(s: WalkState): number {
  const [v, next] = nextRandom(s.rng);
  s.rng = next;
  return v & 0xffff;
}

/**
 * nf_nat_l4proto_unique_tuple without NF_NAT_RANGE_PROTO_SPECIFIED: the port keeps its class
 * (1–511, 600–1023 or 1024–65535) and the search starts at a random offset in it (the kernel under test,
 * 6.18, starts every source-mapping search at get_random_u16(), --random or not), then takes the next free one; after
 * 128 taken ports it starts again elsewhere with half as many tries, down to 16.
 */
function searchPort(s: WalkState, e: ConntrackEntry, to: IPv4, port: number): number {
  const [min, size] = port < 512 ? [1, 511] : port < 1024 ? [600, 424] : [1024, 64512];
  let attempts = Math.min(size, MAX_ATTEMPTS);
  let off = random16(s);
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
 * The source port of new connection `e` once its source is `to`: its own port if no other entry's
 * tuple clashes; for a connection whose address changes, first the port an earlier connection
 * from the same address and port was given (find_appropriate_src); else a search (above).
 * ICMP keeps its echo id here (the lab does not remap ids).
 */
export function natSourcePort(s: WalkState, e: ConntrackEntry, to: IPv4): number {
  const port = e.orig.sport;
  if (e.proto === 'icmp') return port;
  if (e.orig.src !== to) {
    const earlier = s.conntrack.find(
      (x) =>
        x.id !== e.id &&
        x.proto === e.proto &&
        x.orig.src === e.orig.src &&
        x.orig.sport === port &&
        x.reply.dst === to,
    );
    if (earlier && !used(s, e, to, earlier.reply.dport)) return earlier.reply.dport;
  }
  return used(s, e, to, port) ? searchPort(s, e, to, port) : port;
}
