// Every message key a hop's `why` can carry, with its English sentence ({param} placeholders).
// The one English text of the narration: the UI's English catalogue (src/i18n/en.ts) is this
// table, the Chinese one is typed against its keys, and the headless trace prints it.

export const WHY_EN = {
  send: 'A socket in {node} hands the packet to its network stack.',
  'send.kernel': 'The kernel of {node} itself sends this packet.',
  'send.retry':
    'No SYN-ACK has reached the socket in {node}: {after} s after its first SYN, its kernel sends the same SYN again (try {n}; the waits between tries are 1, 2, 4, 8… s, and connect() gives up 127 s after the first).',
  'send.dns-embedded':
    "Docker's embedded DNS server (127.0.0.11, answered by dockerd) sends its answer.",
  'send.dns-forwarder': 'dockerd forwards the query to the resolver at {dst}, from {node}.',
  'send.dns-resolver': 'The resolver at {src} answers.',
  'route.local': "{dst} is one of {at}'s own addresses: the packet is for a local socket.",
  'route.default':
    '{At} has no specific route to {dst}: its default route sends it via {via} out of {dev}.',
  'route.via': "{At}'s route to {dst} goes via {via} out of {dev}.",
  'route.connected':
    'For {at}, {dst} is on the directly connected network {net}: out of {dev}, no gateway.',
  'arp.request':
    '{At} does not know the MAC address of {ip} yet: it broadcasts "who has {ip}?" on {iface} (try {attempt}).',
  'arp.reply': '{ip} is here: the owner answers with its MAC {mac}.',
  'arp.resolved': '{At} learns that {ip} is at {mac}; its neighbour table caches it.',
  'arp.queued':
    'ARP for {ip} on {iface} is already in progress: the packet waits in the queue of that neighbour entry, no new request is sent.',
  tx: 'The frame leaves {at} through {iface}.',
  'tx.bridge': 'The host sends the frame into the bridge {iface}.',
  'tx.lo': 'Addressed to this host: the packet loops back through lo.',
  rx: "Over the cable: what leaves {fromNode}'s {from} arrives on {at}'s {iface}.",
  'rx.veth':
    "Through the veth pair: what enters {fromNode}'s end, {from}, comes out of {at}'s end, {iface}.",
  'rx.bridge':
    "The bridge hands the frame to the host's own port {iface}: it enters the host's IP stack.",
  'rx.lo': 'The packet comes back in on lo.',
  'bridge.learn': 'The bridge {bridge} learns that {mac} lives behind port {port}.',
  'bridge.flood':
    '{bridge} does not know the destination (or it is broadcast): it floods the frame to {ports} port(s).',
  'bridge.forward':
    '{bridge} knows {mac} is behind {port}: it switches the frame there, at layer 2 only.',
  'bridge.local':
    "The destination MAC is the bridge's own: {bridge} passes the frame up to the host.",
  'brnf.bridged-dnat':
    'br_netfilter: DNAT sent the frame to {dst}, on {bridge} itself, so the bridge switches it on to {mac} instead of routing it (sender MAC and TTL kept).',
  'brnf.enter': 'br_netfilter is on: a bridged IPv4 frame on {bridge} also goes through iptables.',
  'nf.jump': '{table}/{chain}: a rule matches and jumps to {target}.',
  'nf.return': '{table}/{chain}: RETURN to the calling chain.',
  'nf.rule': '{table}/{chain}: a rule matches: {target}.',
  'nf.policy': '{table}/{chain}: no rule decided; the chain policy {target} applies.',
  'ct.new': 'conntrack: first packet of a new connection (state NEW), entry #{id} prepared.',
  'ct.established': 'conntrack: the packet belongs to connection #{id} (ESTABLISHED).',
  'ct.reply': 'conntrack: a reply of connection #{id}: the reply tuple matches (ESTABLISHED).',
  'ct.related': 'conntrack: an ICMP error RELATED to connection #{id}.',
  'ct.confirm': 'conntrack: the first packet made it through every hook; entry #{id} is confirmed.',
  'ct.tcp-state':
    'conntrack: the packet belongs to connection #{id} (ESTABLISHED); its TCP state goes {from} → {to}, and the entry now expires in {timeout} s.',
  'ct.reply-tcp-state':
    'conntrack: a reply of connection #{id} (ESTABLISHED); its TCP state goes {from} → {to}, and the entry now expires in {timeout} s.',
  'ct.deleted':
    'conntrack: a RST before any reply was seen: entry #{id} is deleted at once (this packet still carries it, so NAT is still undone).',
  'ct.invalid':
    'conntrack: connection #{id} in state {state} does not accept this segment: it travels untracked (INVALID).',
  'ct.untracked':
    'conntrack: a {flags} segment of no known connection cannot start one: it travels untracked (INVALID).',
  'ct.invalid-icmp':
    'conntrack: an ICMP message of type {type} that belongs to no known connection (an echo reply, or an error quoting no tracked packet) cannot start one: it travels untracked (INVALID).',
  'nat.dnat': 'DNAT: the destination is rewritten; conntrack remembers it in the reply tuple.',
  'nat.ct-dnat':
    'Same connection, same DNAT: conntrack rewrites the destination (no rule is consulted).',
  'nat.ct-unsnat':
    'A reply to a masqueraded connection: conntrack restores the original destination.',
  'nat.masquerade': "MASQUERADE: the source becomes the outgoing interface's address.",
  'nat.snat': 'SNAT: the source address is rewritten.',
  'nat.null-binding':
    "No rule rewrote this new connection's source, but its tuple would clash with another connection's reply: conntrack's NAT gives it another source port.",
  'nat.null-binding-echo':
    "No rule rewrote this new ping, but another connection's reply already uses its echo id to this address: conntrack's NAT gives it another id (the reply is put back to the old one).",
  'nat.ct-snat': 'Same connection, same source NAT: conntrack rewrites the source.',
  'nat.ct-undnat':
    'A reply to a DNATed connection: conntrack puts back the address the client used.',
  'forward.ttl': '{At} routes the packet from {from} to {to}: TTL decreases to {ttl}.',
  'l2.rewrite': 'New Ethernet header for the next hop on {dev}.',
  'deliver.stack': 'Delivered to the network stack of {node}.',
  'deliver.listener': '{process} is listening on port {port}: delivered to it.',
  'deliver.proxy':
    'docker-proxy is listening on port {port}: it accepts and will relay to the container.',
  'deliver.client': 'Delivered to the client socket that started this connection.',
  'deliver.dns-embedded':
    "Delivered to Docker's embedded DNS server (127.0.0.11, answered by dockerd).",
  'deliver.dns-forwarder': 'Delivered to dockerd, which answers the client from 127.0.0.11.',
  'deliver.dns-resolver': 'Delivered to the resolver at {dst}.',
  'deliver.no-listener-tcp': 'Nothing listens on port {port}: the kernel answers with a TCP RST.',
  'deliver.no-listener-udp':
    'Nothing listens on UDP port {port}: the kernel answers ICMP port unreachable.',
  'deliver.echo': 'An ICMP echo request: the kernel answers it itself.',
  'deliver.icmp': 'An ICMP message for this host.',
  'deliver.host-unreachable':
    'The kernel tells the sending socket that {ip} is unreachable (ICMP host unreachable, looped back through lo).',
  'drop.policy': 'Dropped: no rule accepted it and the {hook} policy is DROP.',
  'drop.rule': 'Dropped by the rule {rule}.',
  'drop.no-route': 'No route to {dst}: the packet cannot be sent (Network is unreachable).',
  'drop.net-unreachable':
    '{At} has no route to {dst}: it drops the packet and answers ICMP net unreachable to its sender.',
  'drop.forwarding-disabled':
    'net.ipv4.ip_forward=0: {node} does not route packets that are not its own; dropped.',
  'drop.ttl-exceeded': 'TTL reached 0: dropped.',
  'drop.arp-failed': 'Nobody answered ARP for {ip} on {dev}: host unreachable.',
  'drop.no-network': "{At}'s network namespace has no network interface but lo.",
  'drop.no-listener': 'Nothing listens there.',
  'drop.invalid': 'The packet was lost.',
  'drop.nf-budget':
    'Dropped by the lab, not by Linux: walking {hook} reached chain {chain} after {chains} chain entries or {rules} rule tests for this one packet. These rules jump to the same chains over and over (the kernel would walk them all, very slowly).',
  'drop.lost':
    'Nobody took the frame: it went to a MAC address no one on the segment owns (a stale neighbour entry) and was lost.',
} as const;

export type WhyKey = keyof typeof WHY_EN;

/** A template's `{name}` holes, as a type ("{a} to {b}" -> 'a' | 'b'). */
type Holes<S extends string> = S extends `${string}{${infer H}}${infer Rest}`
  ? H | Holes<Rest>
  : never;

/** The holes the narrator fills from the hop itself (the node the hop happens at). */
type PlaceHoles = 'at' | 'At';

export type WhyParams = { readonly [name: string]: string | number };

/**
 * The parameters a key's sentence needs (every hole but the place; more are allowed). For a union
 * of keys, the parameters of any one of them.
 */
export type ParamsOf<K extends WhyKey> = K extends WhyKey
  ? { readonly [H in Exclude<Holes<(typeof WHY_EN)[K]>, PlaceHoles>]: string | number } & WhyParams
  : never;

/** `why(key)` for a sentence with no holes to fill, `why(key, params)` otherwise. */
export type ParamsArg<K extends WhyKey> =
  WhyParams extends ParamsOf<K> ? [ParamsOf<K>?] : [ParamsOf<K>];

/** Fills a template's `{name}` holes; a hole with no parameter stays visible, so a gap is obvious. */
export function fill(template: string, params: WhyParams): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const v = params[name];
    return v === undefined ? hole : String(v);
  });
}
