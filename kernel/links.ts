// The topology itself compared: what `ip -d -j link`, `ip -j addr` and `ip -j route` list in each
// namespace against the engine's namespace model. Pure: parsing, the two views, the diff.
import type { Namespace, NodeId } from '../src/sim';

/** One device as both sides are compared. */
export interface LinkView {
  readonly kind: string;
  readonly mac: string;
  readonly mtu: number;
  readonly txqlen: number;
  readonly addrs: readonly string[];
  readonly master: string | null;
  /** `namespace/device` of the other end of a veth pair. */
  readonly peer: string | null;
  readonly lowerUp: boolean;
}

export interface NsView {
  readonly links: ReadonlyMap<string, LinkView>;
  /** One line per route of the main table, in the kernel's dump order. */
  readonly routes: readonly string[];
}

/** What was read in one namespace: the three listings and its netnsid → name table, as printed. */
export interface RawNs {
  readonly link: string;
  readonly addr: string;
  readonly route: string;
  readonly nsid: string;
}

interface JsonLink {
  ifindex: number;
  ifname: string;
  flags: string[];
  mtu: number;
  txqlen?: number;
  link_type: string;
  address: string;
  master?: string;
  link_index?: number;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string };
}
interface JsonAddr {
  ifname: string;
  addr_info: { family: string; local: string; prefixlen: number }[];
}
interface JsonRoute {
  dst: string;
  gateway?: string;
  dev: string;
  protocol?: string;
  prefsrc?: string;
  flags: string[];
}

const json = <T>(text: string): T[] => (text.trim() === '' ? [] : (JSON.parse(text) as T[]));

/** A route as one comparable line: `dst [via gw] dev D proto P [src S] [onlink] [linkdown]`. */
export function routeLine(r: {
  dst: string;
  via: string | null;
  dev: string;
  proto: string;
  src: string | null;
  onlink: boolean;
  linkdown: boolean;
}): string {
  const dst = r.dst === 'default' || r.dst.includes('/') ? r.dst : `${r.dst}/32`;
  return [
    dst === '0.0.0.0/0' ? 'default' : dst,
    r.via ? `via ${r.via}` : '',
    `dev ${r.dev} proto ${r.proto}`,
    r.src ? `src ${r.src}` : '',
    r.onlink ? 'onlink' : '',
    r.linkdown ? 'linkdown' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The kernel's view of every namespace read, veth peers resolved through each one's netnsids. */
export function kernelViews(raw: ReadonlyMap<string, RawNs>): Map<string, NsView> {
  const byIndex = new Map<string, Map<number, string>>();
  const parsed = new Map<string, JsonLink[]>();
  for (const [ns, r] of raw) {
    const links = json<JsonLink>(r.link);
    parsed.set(ns, links);
    byIndex.set(ns, new Map(links.map((l) => [l.ifindex, l.ifname])));
  }
  const out = new Map<string, NsView>();
  for (const [ns, r] of raw) {
    const nsids = new Map(
      json<{ nsid: number; name?: string }>(r.nsid).map((x) => [x.nsid, x.name]),
    );
    const addrs = new Map(
      json<JsonAddr>(r.addr).map((a) => [
        a.ifname,
        a.addr_info.filter((x) => x.family === 'inet').map((x) => `${x.local}/${x.prefixlen}`),
      ]),
    );
    const links = new Map<string, LinkView>();
    for (const l of parsed.get(ns) ?? []) {
      let peer: string | null = null;
      if (l.linkinfo?.info_kind === 'veth' && l.link_index !== undefined) {
        const peerNs = l.link_netnsid === undefined ? ns : nsids.get(l.link_netnsid);
        const name = peerNs ? byIndex.get(peerNs)?.get(l.link_index) : undefined;
        peer = `${peerNs ?? `nsid ${l.link_netnsid ?? '?'}`}/${name ?? `if${l.link_index}`}`;
      }
      links.set(l.ifname, {
        kind: l.linkinfo?.info_kind ?? (l.link_type === 'loopback' ? 'loopback' : l.link_type),
        mac: l.address,
        mtu: l.mtu,
        txqlen: l.txqlen ?? 0,
        addrs: addrs.get(l.ifname) ?? [],
        master: l.master ?? null,
        peer,
        lowerUp: l.flags.includes('LOWER_UP'),
      });
    }
    const routes = json<JsonRoute>(r.route).map((x) =>
      routeLine({
        dst: x.dst,
        via: x.gateway ?? null,
        dev: x.dev,
        proto: x.protocol ?? 'boot',
        src: x.prefsrc ?? null,
        onlink: x.flags.includes('onlink'),
        linkdown: x.flags.includes('linkdown'),
      }),
    );
    out.set(ns, { links, routes });
  }
  return out;
}

/**
 * The model's view of one namespace, named as the suite names namespaces. A cable (`ether`) is
 * built as a veth pair. IPv6 is off in every namespace of the suite, so only IPv4 is compared.
 */
export function modelView(ns: Namespace, nsName: (id: NodeId) => string): NsView {
  const links = new Map<string, LinkView>();
  for (const d of ns.devices.values()) {
    links.set(d.name, {
      kind: d.kind === 'ether' ? 'veth' : d.kind,
      mac: d.mac,
      mtu: d.mtu,
      txqlen: d.txqueuelen,
      addrs: d.addrs.map((a) => `${a.ip}/${a.prefix}`),
      master: d.master,
      peer: d.peer ? `${nsName(d.peer.ns)}/${d.peer.name}` : null,
      lowerUp: d.lowerUp,
    });
  }
  const routes = ns.routes.map((r) =>
    routeLine({
      dst: `${r.dst.address}/${r.dst.prefix}`,
      via: r.via,
      dev: r.dev,
      proto: r.proto,
      // The kernel prints the source it set itself (a connected route's), not the one it selects.
      src: r.proto === 'kernel' ? r.src : null,
      onlink: r.onlink,
      linkdown: r.linkdown,
    }),
  );
  return { links, routes };
}

const FIELDS = ['kind', 'mac', 'mtu', 'txqlen', 'addrs', 'master', 'peer', 'lowerUp'] as const;
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(' ')}]` : String(v));

/** Every difference, one line each; empty when the kernel built exactly the model. */
export function compareViews(kernel: NsView, model: NsView, label: string): string[] {
  const out: string[] = [];
  // Devices in ifindex order (the numbers themselves depend on the namespace's history).
  const both = (v: NsView, w: NsView) => [...v.links.keys()].filter((n) => w.links.has(n));
  const [ko, mo] = [both(kernel, model), both(model, kernel)];
  if (show(ko) !== show(mo))
    out.push(`  ${label} device order: kernel ${show(ko)}, model ${show(mo)}`);
  for (const name of new Set([...model.links.keys(), ...kernel.links.keys()])) {
    const k = kernel.links.get(name);
    const m = model.links.get(name);
    if (!k || !m) {
      out.push(`  ${label}/${name}: ${k ? 'only in the kernel' : 'only in the model'}`);
      continue;
    }
    for (const f of FIELDS) {
      const [kv, mv] = [show(k[f]), show(m[f])];
      if (kv !== mv) out.push(`  ${label}/${name} ${f}: kernel ${kv}, model ${mv}`);
    }
  }
  if (show(kernel.routes) !== show(model.routes)) {
    out.push(`  ${label} routes differ:`);
    for (const r of model.routes) if (!kernel.routes.includes(r)) out.push(`    - ${r}`);
    for (const r of kernel.routes) if (!model.routes.includes(r)) out.push(`    + ${r}`);
    if (out[out.length - 1]?.endsWith('differ:')) out.push('    (same routes, another order)');
  }
  return out;
}
