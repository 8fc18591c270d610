// The internet beyond the upstream router: one namespace that owns every public IPv4 address the
// router has no more specific route for, answers ping, HTTP on 80 and, at 8.8.8.8 and 1.1.1.1,
// DNS. Derived from the world (nothing stored), so saved labs and links are unchanged by it.
//
// In Linux terms (and so in the kernel suite) it is a namespace with "AnyIP" routes: `ip route add
// local PREFIX dev lo` makes every address of PREFIX its own, so it answers ARP, ping and a socket
// bound to 0.0.0.0 for each of them. The router reaches it through `wan0` with one route per public
// prefix; an address in none of them (10.0.0.0/8, 192.168.x.x…) has no route on the router, which
// answers ICMP net unreachable, as a real router with no default route to a destination does.
import { cidrsOverlap, intToIp, ipToInt, type Cidr, type IPv4, type MacAddress } from './addr';
import type { Listener, World } from './types';

/**
 * The IANA IPv4 Special-Purpose Address Registry (RFC 6890 and its updates) that the public
 * internet does not route: "this network", private (RFC 1918), shared CGN space, loopback,
 * link-local, IETF protocol assignments, the three documentation nets (the lab's own LAN and
 * remotes live there: an address in them that is no machine of the lab is nobody), 6to4 relay
 * anycast, benchmarking (the router's link to the internet uses it), multicast and reserved.
 */
const NOT_ROUTED: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];

const parse = (text: string): Cidr => {
  const [a = '', p = '0'] = text.split('/');
  return { address: a as IPv4, prefix: Number(p) };
};

/**
 * The router's link to the internet: a point-to-point pair in the benchmarking range (RFC 2544),
 * which is in no one's internet, so it cannot shadow a public address a learner tries.
 */
export const INTERNET_LINK = {
  routerIface: 'wan0',
  routerIp: '198.18.0.1' as IPv4,
  routerMac: '02:00:c6:12:00:01' as MacAddress,
  ip: '198.18.0.2' as IPv4,
  mac: '02:00:c6:12:00:02' as MacAddress,
} as const;

/** The public resolvers (Google's and Cloudflare's anycast addresses). */
export const RESOLVERS: readonly IPv4[] = ['8.8.8.8' as IPv4, '1.1.1.1' as IPv4];

/**
 * A records the resolvers answer; any other name is NXDOMAIN. Real addresses these names have
 * resolved to, as published outputs show them (names move; these are not re-measured here, and
 * in the lab they are only labels, since every public address serves the same page):
 * example.com's 93.184.216.34 from the many `ping example.com` transcripts of 2010–2024 (e.g.
 * wizstatus.com/glossary/ping); github.com's 140.82.112.3 lies in the 140.82.112.0/20 GitHub
 * lists as its own in api.github.com/meta; www.baidu.com's 110.242.68.66 and 39.156.66.10 as
 * Chinese ping tutorials print them; docker.com's and google.com's as `dig` printed them in 2024.
 */
export const DNS_RECORDS: Readonly<Record<string, IPv4>> = {
  'example.com': '93.184.216.34' as IPv4,
  'www.example.com': '93.184.216.34' as IPv4,
  'example.org': '93.184.216.34' as IPv4,
  'www.baidu.com': '110.242.68.66' as IPv4,
  'baidu.com': '39.156.66.10' as IPv4,
  'docker.com': '141.193.213.10' as IPv4,
  'www.docker.com': '141.193.213.10' as IPv4,
  'github.com': '140.82.112.3' as IPv4,
  'www.google.com': '142.250.72.196' as IPv4,
  'google.com': '142.250.72.206' as IPv4,
  'one.one.one.one': '1.1.1.1' as IPv4,
  'dns.google': '8.8.8.8' as IPv4,
};

/** What the resolvers answer for a name (a trailing dot and case do not matter). */
export function lookupPublicName(name: string): IPv4 | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(DNS_RECORDS, key) ? (DNS_RECORDS[key] ?? null) : null;
}

/** The page every public address serves on port 80 (one small page: there is one internet). */
export const INTERNET_PAGE =
  '<!doctype html><html><body><h1>Hello from the internet</h1></body></html>\n';

/** HTTP on 80 at every address, DNS on 53/udp at the two resolvers. */
export const INTERNET_LISTENERS: readonly Listener[] = [
  { proto: 'tcp', port: 80, http: { status: 200, body: INTERNET_PAGE } },
  ...RESOLVERS.map((ip): Listener => ({ proto: 'udp', port: 53, ip })),
];

/** Every address of `c` minus the `out` prefixes, as the fewest prefixes (split in halves). */
function without(c: Cidr, out: readonly Cidr[], acc: Cidr[]): void {
  const hit = out.filter((o) => cidrsOverlap(c, o));
  if (hit.length === 0) {
    acc.push(c);
    return;
  }
  if (hit.some((o) => o.prefix <= c.prefix)) return; // c lies inside one of them
  const half = 2 ** (31 - c.prefix);
  const base = ipToInt(c.address);
  for (const start of [base, base + half])
    without({ address: intToIp(start), prefix: c.prefix + 1 }, hit, acc);
}

// One list per (LAN, remotes, static routes): the router and the internet both read it per walk.
const cache = new WeakMap<World['remotes'], { key: readonly unknown[]; value: readonly Cidr[] }>();

/**
 * The public prefixes the internet owns: everything but the special-purpose ranges, the host's
 * LAN, the remotes' addresses and the router's static routes (those go where the lab puts them).
 */
export function internetPrefixes(world: World): readonly Cidr[] {
  const key = [world.host.eth0.ip, world.host.eth0.prefix, world.router.routes];
  const hit = cache.get(world.remotes);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.value;
  const lanBase = ipToInt(world.host.eth0.ip);
  const p = world.host.eth0.prefix;
  const mask = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
  const out: Cidr[] = [
    ...NOT_ROUTED.map(parse),
    { address: intToIp((lanBase & mask) >>> 0), prefix: p },
    ...world.remotes.map((r) => ({ address: r.ip, prefix: 32 })),
    ...world.router.routes.map((r) => r.dst),
  ];
  const acc: Cidr[] = [];
  without({ address: '0.0.0.0' as IPv4, prefix: 0 }, out, acc);
  cache.set(world.remotes, { key, value: acc });
  return acc;
}
