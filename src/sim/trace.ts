// What a packet walk produces: flows in, complete per-hop snapshots out. Types only.
import type { WhyKey } from './messages';
import type { IPv4, MacAddress } from './addr';
import type {
  ConntrackEntry,
  CtState,
  HttpAnswer,
  L4Proto,
  Netfilter,
  Proto,
  TableName,
  World,
} from './types';

import type { NodeId } from './node';
export type { NodeId } from './node';

export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH';

export interface EthHeader {
  readonly src: MacAddress;
  readonly dst: MacAddress;
  readonly type: 'IPv4' | 'ARP';
}

export interface ArpHeader {
  readonly op: 'request' | 'reply';
  readonly senderMac: MacAddress;
  readonly senderIp: IPv4;
  readonly targetMac: MacAddress;
  readonly targetIp: IPv4;
}

export interface IpHeader {
  readonly src: IPv4;
  readonly dst: IPv4;
  readonly ttl: number;
  readonly proto: Proto;
  /** Total length in bytes. */
  readonly len: number;
}

export interface TcpHeader {
  readonly sport: number;
  readonly dport: number;
  readonly flags: readonly TcpFlag[];
  readonly seq: number;
  readonly ack: number;
}

export interface UdpHeader {
  readonly sport: number;
  readonly dport: number;
}

/**
 * A DNS message as a stub resolver and a recursive resolver exchange it (RFC 1035): one question,
 * an A or AAAA, and for an answer its A records. `dns-message.ts` encodes it; its length is the
 * datagram's.
 */
export interface DnsMessage {
  readonly id: number;
  /** QR: an answer. A query sets RD; an answer sets QR, RD and RA. */
  readonly response: boolean;
  /** 0 NOERROR, 3 NXDOMAIN. */
  readonly rcode: 0 | 3;
  /** The question's name, without the final dot. */
  readonly name: string;
  readonly type: 'A' | 'AAAA';
  /** The answer's A records for `name` (compressed: a pointer to the question's name). */
  readonly answers: readonly { readonly ttl: number; readonly ip: IPv4 }[];
}

export interface IcmpHeader {
  /** 8 echo request, 0 echo reply, 3 destination unreachable. */
  readonly type: number;
  readonly code: number;
  readonly id: number;
  readonly seq: number;
  /** For errors (type 3, 11): the header of the packet that caused it. */
  readonly inner?: {
    readonly src: IPv4;
    readonly dst: IPv4;
    readonly proto: Proto;
    /** TCP/UDP ports; for a quoted ICMP echo its id and 0, as conntrack keys it. */
    readonly sport: number;
    readonly dport: number;
    /** A quoted ICMP echo's type and sequence number (ping reports the error by its icmp_seq). */
    readonly echo?: { readonly type: number; readonly seq: number };
    /** The quoted packet's TTL and total length as the erring host saw it (tcpdump -v shows them). */
    readonly ttl?: number;
    readonly len?: number;
    /**
     * A quoted TCP segment's header (its ports are `sport`/`dport` above) and payload: Linux quotes
     * the whole datagram up to 576 bytes in all, so tcpdump -v prints the segment in full.
     */
    readonly segment?: Pick<TcpHeader, 'flags' | 'seq' | 'ack'>;
    /** The quoted TCP segment's or UDP datagram's payload. */
    readonly payload?: string;
    /**
     * The quoted segment's addresses and ports when it was quoted. NAT rewrites a quote later (a
     * RELATED error) and updates its TCP checksum field as if it held a full checksum, which a
     * veth's partial one does not: the field then shows the change the wrong way round.
     */
    readonly quotedAs?: {
      readonly src: IPv4;
      readonly dst: IPv4;
      readonly sport: number;
      readonly dport: number;
    };
  };
}

/** The frame as it is right after a hop: Ethernet plus ARP or IPv4 and its payload header. */
export interface Frame {
  readonly eth: EthHeader | null; // null while the packet is still only in the IP stack
  readonly arp?: ArpHeader;
  readonly ip?: IpHeader;
  readonly tcp?: TcpHeader;
  readonly udp?: UdpHeader;
  readonly icmp?: IcmpHeader;
  /** Application bytes, e.g. an HTTP request line; for DNS the message in words (`dns` is what is sent). */
  readonly payload?: string;
  /** A DNS message (UDP to or from port 53): its bytes, not `payload`, make the datagram. */
  readonly dns?: DnsMessage;
}

export type HopEvent =
  | 'send' // a socket hands the packet to the stack
  | 'route' // a routing decision
  | 'arp-request'
  | 'arp-reply'
  | 'arp-resolved'
  | 'arp-queued' // waits in the neighbour entry's queue for a resolution in progress
  | 'tx' // leaves an interface
  | 'rx' // arrives on an interface
  | 'bridge-learn'
  | 'bridge-forward'
  | 'bridge-flood'
  | 'bridge-local' // the bridge hands the frame up to the host's IP stack
  | 'netfilter' // a rule or policy decided
  | 'conntrack'
  | 'nat'
  | 'forward' // routed: TTL decremented, MAC rewritten
  | 'proxy' // docker-proxy accepts and opens its own connection
  | 'deliver'
  | 'drop';

export interface FieldChange {
  /** Dotted path into Frame: 'ip.dst', 'tcp.dport', 'eth.src', 'ip.ttl'… */
  readonly field: string;
  readonly from: string | number;
  readonly to: string | number;
}

/** A message key with parameters: the view and terminal render it in the chosen language. */
export interface Why {
  readonly key: WhyKey;
  readonly params: { readonly [name: string]: string | number };
}

export interface NetfilterStep {
  readonly hook: 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
  readonly table: TableName;
  readonly chain: string;
  /** The rule that matched (iptables-save text), or null when the chain policy decided. */
  readonly rule: string | null;
  readonly ruleId: string | null;
  /** ACCEPT, DROP, RETURN, a jump target, DNAT… */
  readonly target: string;
  /** Rule ids in this chain that were tested and did not match, in order. */
  readonly passed: readonly string[];
  /** The deciding rule's (or policy's) counters right after this packet. */
  readonly counters: { readonly pkts: number; readonly bytes: number };
}

/**
 * The host's tables as they stood right after a hop: what `conntrack -L`, `iptables -L -v`,
 * `ip neigh` and `bridge fdb` would have printed at that moment. The walk copies a table only when it
 * writes to it, so a hop that changed nothing shares the object of the hop before (walk/state.ts).
 */
export interface Seen {
  readonly conntrack: World['conntrack'];
  readonly netfilter: Netfilter;
  readonly neigh: World['neigh'];
  readonly fdb: World['fdb'];
}

export interface Hop {
  readonly node: NodeId;
  readonly iface: string | null;
  readonly event: HopEvent;
  readonly frame: Frame;
  readonly changed: readonly FieldChange[];
  readonly why: Why;
  readonly nf?: NetfilterStep;
  readonly ct?: {
    readonly entry: ConntrackEntry;
    readonly state: CtState;
    readonly created: boolean;
    /** This packet ended the entry at once (a RST before any reply): it left the table. */
    readonly deleted?: boolean;
  };
  /**
   * A TCP segment's `send` hop: the MTU of the route its socket chose for the destination it
   * connected to, before any OUTPUT DNAT (the host's own connection to one of its addresses takes
   * lo's, 65536, wherever the DNAT then sends it). The socket's MSS and windows follow from it.
   */
  readonly routeMtu?: number;
  /** Simulated microseconds since the flow started. */
  readonly t: number;
  /** The tables right after this hop (shared, never copied per hop). */
  readonly seen: Seen;
}

export type DropReason =
  | 'policy'
  | 'rule'
  | 'no-route'
  /** A router with no route for a packet it would forward: it answers ICMP net unreachable. */
  | 'net-unreachable'
  | 'no-listener'
  | 'no-network'
  | 'arp-failed'
  | 'forwarding-disabled'
  | 'ttl-exceeded'
  | 'invalid'
  | 'lost'
  /** The lab's per-packet netfilter budget ran out (walk/netfilter.ts NF_BUDGET); not the kernel's. */
  | 'nf-budget';

export interface PacketTrace {
  /** 'SYN', 'SYN-ACK', 'echo request'… */
  readonly label: string;
  readonly direction: 'request' | 'reply';
  readonly hops: readonly Hop[];
  readonly outcome:
    | { readonly kind: 'delivered'; readonly node: NodeId }
    | { readonly kind: 'dropped'; readonly reason: DropReason; readonly node: NodeId };
}

/** Where a flow starts: a process in a namespace. */
export type FlowSource =
  | { readonly kind: 'host' }
  | { readonly kind: 'container'; readonly name: string }
  | { readonly kind: 'remote'; readonly name: string };

/** 'dns': only the resolver's query for `lookup` to `to` (its nameserver) and the answer: nslookup. */
export type FlowKind = 'ping' | 'tcp' | 'http' | 'udp' | 'dns';

export interface Flow {
  readonly from: FlowSource;
  /** Where the packets go; ignored when `name` is given. */
  readonly to: IPv4;
  /**
   * A name the client looks up first, as its namespace's resolver would (`ping c2`): the flow goes
   * to the address it resolves to now, or, unknown, sends nothing and fails as the tool does before
   * sending (result `unreachable`, no packets). The lab's terminal resolves names itself and sends
   * addresses; a challenge's goal uses this, since what the name means changes with the fix.
   */
  readonly name?: string;
  /**
   * The name the client's resolver asked its nameserver for before this flow (`ping example.com`
   * on the default bridge or the host): the walk sends that query and its answer first
   * (`walk/dns.ts`), then the flow to `to`; when the name has no address (NXDOMAIN), only them.
   * Ignored where the name is answered without a packet (`queryServer` in resolve.ts).
   */
  readonly lookup?: string;
  readonly kind: FlowKind;
  readonly port?: number;
  /** ping: how many echo requests. */
  readonly count?: number;
  /** http: the Host header / URL path. */
  readonly path?: string;
  /**
   * tcp/http: seconds the tool waits for its connection (curl -m, nc -w). The SYNs the client's
   * kernel sends again before then are walked (syn-tries.ts); none: until the kernel gives up.
   */
  readonly wait?: number;
}

export type FlowResult =
  | {
      readonly kind: 'connected';
      readonly http?: HttpAnswer;
      /** What the server wrote on accepting (sshd's identification line), before any answer. */
      readonly banner?: string;
    }
  | {
      readonly kind: 'replied';
      readonly replies: number;
      readonly sent: number;
      /** ICMP errors about the echo requests that reached the pinger (iputils: "+N errors"). */
      readonly errors: number;
      readonly rttUs: readonly number[];
      readonly ttl: number;
    }
  | { readonly kind: 'refused' } // RST back
  | { readonly kind: 'port-unreachable' } // ICMP port unreachable back (UDP)
  | { readonly kind: 'timeout' } // dropped silently
  | { readonly kind: 'unreachable' } // no route / network unreachable at the sender
  | { readonly kind: 'udp-sent' }; // UDP without an answer to wait for

export interface SimResult<W> {
  readonly packets: readonly PacketTrace[];
  readonly result: FlowResult;
  readonly world: W;
}

export type { L4Proto };
