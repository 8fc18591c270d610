// The network namespaces a world implies: what `ip -d link`, `ip addr` and `ip route` would list in
// each. One model, read by the packet walk, the terminal's tools, the ops and the kernel suite.
import type { Cidr, IPv4, MacAddress } from '../addr';
import type { NodeId } from '../node';

/**
 * `ether` is a physical NIC (the host's and the router's eth0, one cable between them; no
 * `ip -d link` kind); `veth` one end of a pair; `bridge` a Linux bridge; `loopback` lo.
 */
export type DeviceKind = 'loopback' | 'ether' | 'veth' | 'bridge';

export interface Addr4 {
  readonly ip: IPv4;
  readonly prefix: number;
}

export interface Addr6 {
  readonly ip: string;
  readonly prefix: number;
  readonly scope: 'host' | 'link';
}

export interface Device {
  readonly ns: NodeId;
  readonly name: string;
  readonly ifindex: number;
  readonly kind: DeviceKind;
  readonly mac: MacAddress;
  readonly mtu: number;
  readonly addrs: readonly Addr4[];
  readonly addrs6: readonly Addr6[];
  /**
   * The other end of the veth pair or of the cable. For a veth, `netnsid` is the id this namespace
   * gives the peer's namespace (`link-netnsid`), numbered from 0 in the order its veths reach them;
   * null for the cable.
   */
  readonly peer: {
    readonly ns: NodeId;
    readonly name: string;
    readonly ifindex: number;
    readonly netnsid: number | null;
  } | null;
  /** For a bridge port: the bridge device it is enslaved to. */
  readonly master: string | null;
  /** Carrier (LOWER_UP): false for a bridge with no port. */
  readonly lowerUp: boolean;
  readonly qdisc: 'noqueue' | 'pfifo_fast';
  readonly txqueuelen: number;
}

export interface Route {
  readonly dst: Cidr;
  readonly dev: string;
  readonly via: IPv4 | null;
  /**
   * The source address the kernel picks for the route: the `src` the kernel itself sets on a
   * connected route (printed), else the device's address it selects (nh_saddr, not printed).
   */
  readonly src: IPv4 | null;
  /** `kernel`: added by the kernel with an address (connected); `boot`: added by a command. */
  readonly proto: 'kernel' | 'boot';
  /** The gateway is on the link though no connected route covers it (a remote's /32). */
  readonly onlink: boolean;
  /** The device has no carrier (a bridge with no port). */
  readonly linkdown: boolean;
}

export interface Namespace {
  readonly id: NodeId;
  /** By name, in ifindex order (as the kernel lists them). */
  readonly devices: ReadonlyMap<string, Device>;
  /** The main table in the kernel's dump order: default first, then by destination address. */
  readonly routes: readonly Route[];
  /**
   * Prefixes of the local table beyond the devices' own addresses (`ip route add local P dev lo`,
   * "AnyIP"): every address in them is the namespace's own. Only the internet has any.
   */
  readonly anyIp: readonly Cidr[];
  /** Bridge device -> its ports, in the order they were enslaved. */
  readonly bridges: ReadonlyMap<string, readonly string[]>;
  /** net.ipv4.ip_forward */
  readonly forwarding: boolean;
  /** Runs Docker's iptables rules, and so conntrack (the host only). */
  readonly netfilter: boolean;
}

/** Every namespace by id; container namespaces are built when first asked for. */
export type Namespaces = ReadonlyMap<NodeId, Namespace>;
