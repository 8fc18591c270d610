// The world: one Docker host and its surroundings as plain, serialisable data. No behaviour here.
import type { Cidr, IPv4, MacAddress } from './addr';

/** Which Docker release's iptables layout the host runs (releases.ts). */
export type { Profile } from './releases';
import type { Profile } from './releases';
export type L4Proto = 'tcp' | 'udp';
export type Proto = L4Proto | 'icmp';

export interface DaemonConfig {
  /** `--icc` for the default bridge. */
  readonly icc: boolean;
  /** `--userland-proxy`: docker-proxy carries what NAT leaves. */
  readonly userlandProxy: boolean;
}

export interface HostConfig {
  readonly hostname: string;
  readonly eth0: { readonly ip: IPv4; readonly prefix: number; readonly mac: MacAddress };
  readonly gateway: IPv4;
  /** net.ipv4.ip_forward */
  readonly ipForward: boolean;
  /** net.bridge.bridge-nf-call-iptables (br_netfilter loaded and on). */
  readonly bridgeNfCallIptables: boolean;
  readonly nameserver: IPv4;
  /** Servers the host's shell runs in the background (`nc -l -p 9000 &`), by job number. */
  readonly jobs?: readonly HostJob[];
}

/**
 * A server started on the host with a trailing `&` (netcat-openbsd `nc -l …`): bash's job number,
 * the pid it printed, the line as `jobs` shows it, and the socket it holds (IPv4 only: nc binds the
 * first address getaddrinfo gives, 0.0.0.0; listen(fd, 1) on fd 3, as measured).
 */
export interface HostJob {
  readonly job: number;
  readonly pid: number;
  readonly command: string;
  readonly listener: Listener;
}

export interface BridgeOptions {
  /** Linux device: docker0 or br-<12 hex>. */
  readonly device: string;
  readonly subnet: Cidr;
  readonly gateway: IPv4;
  readonly mac: MacAddress;
  readonly ifindex: number;
  readonly icc: boolean;
  readonly masquerade: boolean;
  readonly mtu: number;
}

export interface Network {
  readonly id: string; // 64 hex
  readonly name: string;
  readonly driver: 'bridge' | 'host' | 'null';
  /** Present for bridge networks. */
  readonly bridge?: BridgeOptions;
  /** The default `bridge` network (docker0): no embedded DNS, legacy defaults. */
  readonly isDefault: boolean;
  readonly created: number;
}

/** One interface of a container on a bridge network: the far end of a veth pair. */
export interface Endpoint {
  readonly networkId: string;
  readonly endpointId: string; // 64 hex
  readonly ifName: string; // eth0, eth1…
  readonly ifindex: number; // inside the container
  readonly ip: IPv4;
  readonly prefix: number;
  readonly gateway: IPv4;
  readonly mac: MacAddress;
  /** Host end of the pair: `veth` + 7 hex, enslaved to the bridge. */
  readonly hostVeth: string;
  readonly hostVethIfindex: number;
  readonly hostVethMac: MacAddress;
}

export type NetworkMode =
  | { readonly kind: 'bridge'; readonly network: string } // a bridge network by name ("bridge" = default)
  | { readonly kind: 'host' }
  | { readonly kind: 'none' }
  | { readonly kind: 'container'; readonly target: string }; // container id

/** What `-p` asked for. hostPort undefined = pick from the ephemeral range. */
export interface PortRequest {
  readonly hostIp: IPv4 | null; // null = 0.0.0.0
  readonly hostPort: number | null;
  readonly containerPort: number;
  readonly proto: L4Proto;
}

/** A port actually bound on the host while the container runs. */
export interface PortBinding {
  readonly hostIp: IPv4 | null;
  readonly hostPort: number;
  readonly containerIp: IPv4;
  readonly containerPort: number;
  readonly proto: L4Proto;
  readonly networkId: string;
}

export interface Listener {
  readonly proto: L4Proto;
  readonly port: number;
  /** The address the socket is bound to (`httpd -p 127.0.0.1:80`); absent: every address (0.0.0.0). */
  readonly ip?: string;
  /** What the service answers to an HTTP GET, if it speaks HTTP. */
  readonly http?: HttpAnswer;
  /**
   * What the server writes as soon as it accepts, before reading anything (sshd's identification
   * line `SSH-2.0-…\r\n`). Only the host's own sshd has one: it is never stored in a world.
   */
  readonly banner?: string;
  /** Says nothing of its own (busybox `nc -l` with an empty stdin): a UDP datagram gets no reply. */
  readonly silent?: true;
  /** The process holding the socket when it is not the container's main one (`docker exec -d`). */
  readonly process?: string;
  /** Serves one TCP connection, then exits 0 (busybox nc -l but `-lk -e`: walk/served.ts). */
  readonly once?: true;
}

/**
 * A server's answer to a GET. `python`: the answer comes from Python's http.server (its version,
 * `3.12.10`), which speaks HTTP/1.0 with BaseHTTPRequestHandler's headers (Server, Date,
 * Content-type, Content-Length) instead of the generic HTTP/1.1 answer of the other servers.
 */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly python?: string;
}

export interface Container {
  readonly id: string; // 64 hex
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[];
  readonly mode: NetworkMode;
  /** Networks the container is configured on, in attach order (kept while stopped). */
  readonly networks: readonly string[];
  readonly ports: readonly PortRequest[];
  readonly publishAll: boolean;
  readonly state: 'created' | 'running' | 'exited';
  readonly exitCode: number;
  readonly created: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly autoRemove: boolean;
  readonly tty: boolean;
  readonly interactive: boolean;
  /** Live network state, empty unless running. */
  readonly endpoints: readonly Endpoint[];
  readonly bindings: readonly PortBinding[];
  readonly listeners: readonly Listener[];
  /**
   * What its server wrote to stderr since it was created (Python http.server's access log), for
   * `docker logs`; absent when nothing was written.
   */
  readonly log?: readonly string[];
}

/** A machine outside the Docker host: behind the upstream router. */
export interface RemoteHost {
  readonly name: string;
  readonly ip: IPv4;
  readonly mac: MacAddress;
  /** Router interface facing this host (eth1, eth2…). */
  readonly routerIface: string;
  readonly routerIfaceMac: MacAddress;
  readonly listeners: readonly Listener[];
}

export interface Router {
  readonly ip: IPv4; // LAN side, the host's default gateway
  readonly mac: MacAddress;
  /** Static routes a teacher adds (e.g. 172.17.0.0/16 via the Docker host) to try direct access. */
  readonly routes: readonly { readonly dst: Cidr; readonly via: IPv4 }[];
}

export type Verdict = 'ACCEPT' | 'DROP';
export type TableName = 'raw' | 'nat' | 'filter';
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID';

export interface Neg<T> {
  readonly value: T;
  readonly neg: boolean;
}

export interface RuleMatch {
  readonly src?: Neg<Cidr>;
  readonly dst?: Neg<Cidr>;
  readonly inIface?: Neg<string>;
  readonly outIface?: Neg<string>;
  readonly proto?: L4Proto | 'icmp';
  readonly dport?: number;
  readonly srcType?: Neg<'LOCAL'>;
  readonly dstType?: Neg<'LOCAL'>;
  readonly ctstate?: readonly CtState[];
}

export type RuleTarget =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'DROP' }
  | { readonly kind: 'RETURN' }
  | { readonly kind: 'JUMP'; readonly chain: string }
  | { readonly kind: 'DNAT'; readonly toIp: IPv4; readonly toPort: number | null }
  | { readonly kind: 'SNAT'; readonly toIp: IPv4 }
  | { readonly kind: 'MASQUERADE' };

export interface Rule {
  /** `${table}:${iptables-save line}`: stable for the rule's life; keys the UI highlight. */
  readonly id: string;
  readonly match: RuleMatch;
  readonly target: RuleTarget;
  readonly pkts: number;
  readonly bytes: number;
}

export interface Chain {
  readonly name: string;
  /** Built-in chains have a policy; user chains have null. */
  readonly policy: Verdict | null;
  readonly pkts: number; // policy counters
  readonly bytes: number;
  readonly rules: readonly Rule[];
}

export interface Table {
  readonly name: TableName;
  readonly chains: readonly Chain[];
}

export type Netfilter = { readonly [K in TableName]: Table };

export interface Tuple {
  readonly src: IPv4;
  readonly dst: IPv4;
  /** TCP/UDP ports; for ICMP sport = echo id, dport = 0. */
  readonly sport: number;
  readonly dport: number;
}

/** nf_conntrack's TCP states, as `conntrack -L` names them (tcp_conntrack_names), in its order. */
export const TCP_CT_STATES = [
  'SYN_SENT',
  'SYN_RECV',
  'ESTABLISHED',
  'FIN_WAIT',
  'CLOSE_WAIT',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSE',
  'SYN_SENT2',
] as const;

export type TcpCtState = (typeof TCP_CT_STATES)[number];

export interface ConntrackEntry {
  readonly id: number;
  readonly proto: Proto;
  readonly orig: Tuple;
  /** The reply the kernel expects: NAT shows here, and replies are de-NATed from it. */
  readonly reply: Tuple;
  readonly tcpState: TcpCtState | null;
  readonly seenReply: boolean;
  readonly assured: boolean;
  /** UDP's stream_ts: after this clock time a packet of a replied connection earns 120 s. */
  readonly streamAt?: number;
  /** Simulated clock time at which the entry expires. */
  readonly expires: number;
  /** Which namespace's table: 'host' (the only one Docker's NAT lives in). */
  readonly ns: string;
}

/** The kernel's neighbour (NUD) states the lab reaches, as `ip neigh` names them. */
export const NUD_STATES = [
  'INCOMPLETE',
  'REACHABLE',
  'STALE',
  'DELAY',
  'PROBE',
  'FAILED',
  'PERMANENT',
] as const;

export type NudState = (typeof NUD_STATES)[number];

/**
 * One neighbour entry as the kernel last set it. What its timers did since (REACHABLE going STALE,
 * DELAY probing) is derived from the clock by `neighAt` (neigh.ts): time passing changes nothing here.
 */
export interface NeighEntry {
  readonly ip: IPv4;
  /** null for an address never resolved (INCOMPLETE, FAILED): the kernel holds no MAC for it. */
  readonly mac: MacAddress | null;
  readonly dev: string;
  readonly state: NudState;
  /** Clock time the state was set. */
  readonly updated: number;
  /** Clock time the neighbour last proved itself: an ARP reply, a TCP peer's acknowledgement. */
  readonly confirmed: number;
  /** ARP requests sent for it since the kernel last reset the count (busybox `ip neigh` prints it). */
  readonly probes: number;
}

export interface FdbEntry {
  readonly mac: MacAddress;
  /** Bridge port: a host veth name. */
  readonly port: string;
  readonly updated: number;
}

export interface IfStats {
  readonly rxPackets: number;
  readonly rxBytes: number;
  readonly txPackets: number;
  readonly txBytes: number;
}

export interface World {
  readonly version: 1;
  readonly profile: Profile;
  /** Seeded generator state: every id, MAC and veth name comes from here. */
  readonly rng: number;
  /** Simulated seconds since the daemon started. */
  readonly clock: number;
  readonly daemon: DaemonConfig;
  readonly host: HostConfig;
  readonly router: Router;
  readonly remotes: readonly RemoteHost[];
  readonly networks: readonly Network[];
  readonly containers: readonly Container[];
  readonly netfilter: Netfilter;
  readonly conntrack: readonly ConntrackEntry[];
  /** Neighbour tables by node id. */
  readonly neigh: { readonly [node: string]: readonly NeighEntry[] };
  /** Learned FDB entries by bridge device. */
  readonly fdb: { readonly [bridge: string]: readonly FdbEntry[] };
  /** Interface counters, bucketed by node (read them with ifStatsOf). */
  readonly ifStats: { readonly [bucket: string]: { readonly [nodeIface: string]: IfStats } };
  /** Host ifindex counter (the host namespace numbers its devices). */
  readonly nextIfindex: number;
  readonly nextConntrackId: number;
  /** Last host port handed out from the ephemeral range (round robin). */
  readonly lastEphemeralPort: number;
  /** Next ephemeral source port per node (kernel picks these for clients). */
  readonly nextSourcePort: { readonly [node: string]: number };
}
