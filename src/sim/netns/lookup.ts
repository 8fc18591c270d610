// What the kernel looks up in a namespace: its own addresses (the local table), the main table's
// longest-prefix match, the device holding an address.
import { cidr, inCidr, type IPv4 } from '../addr';
import type { Device, Namespace, Route } from './types';

const LO_NET = cidr('127.0.0.0/8');

/** Is this address one of the namespace's own (the kernel's local routing table)? */
export function isLocal(ns: Namespace, a: IPv4): boolean {
  return inCidr(a, LO_NET) || localsOf(ns).has(a) || ns.anyIp.some((c) => inCidr(a, c));
}

// A namespace's own addresses, computed once per namespace (the host may have a thousand veths).
const locals = new WeakMap<Namespace, Set<string>>();

function localsOf(ns: Namespace): Set<string> {
  let set = locals.get(ns);
  if (!set) {
    set = new Set();
    for (const d of ns.devices.values()) for (const x of d.addrs) set.add(x.ip);
    locals.set(ns, set);
  }
  return set;
}

/** True when the namespace has nothing but lo, as with --network none. */
export function onlyLoopback(ns: Namespace): boolean {
  return ns.devices.size === 1 && ns.devices.has('lo');
}

/** Longest-prefix match in the main table; the local table is consulted by the caller first. */
export function lookupRoute(ns: Namespace, dst: IPv4): Route | null {
  let best: Route | null = null;
  for (const r of ns.routes) {
    if (inCidr(dst, r.dst) && (best === null || r.dst.prefix > best.dst.prefix)) best = r;
  }
  return best;
}

/** The device holding an address in a namespace (for the local route's device). */
export function deviceWithAddress(ns: Namespace, a: IPv4): Device | undefined {
  for (const d of ns.devices.values()) if (d.addrs.some((x) => x.ip === a)) return d;
  return undefined;
}
