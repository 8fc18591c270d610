// Cases of the recorded corpus the lab does not match yet, with why (src/terminal/README.md lists
// them too). corpus.test.ts runs these as it.fails: a fix turns its test red until it is removed here.
import type { CorpusLine } from './testing/corpus-world';

const KNOWN: readonly (readonly [reason: string, cases: readonly string[]])[] = [
  [
    'ip: -6, -s, -d, -j, -p and -c are not in the lab (it says so; the real tool prints IPv6, statistics, details, JSON, colour)',
    [
      'host: ip -6 addr',
      'host: ip -6 link',
      'host: ip -6 route',
      'host: ip -6 neigh',
      'host: ip -s addr',
      'host: ip -s link',
      'host: ip -s route',
      'host: ip -s neigh',
      'host: ip -d addr',
      'host: ip -d link',
      'host: ip -d route',
      'host: ip -d neigh',
      'host: ip -j addr',
      'host: ip -j link',
      'host: ip -j route',
      'host: ip -j neigh',
      'host: ip -s -s addr',
      'host: ip -s -s link',
      'host: ip -s -s route',
      'host: ip -s -s neigh',
      'host: ip -c addr',
      'host: ip -j -p addr show lo',
      'host: ip -br -c link',
    ],
  ],
  [
    'ip: usage and help texts, writes (add, flush) and the objects maddr, netns, rule are not in the lab (it says so); `table all` lacks the IPv6 routes',
    [
      'host: ip route show table all',
      'host: ip',
      'host: ip addr help',
      'host: ip route help',
      'host: ip route add',
      'host: ip addr add',
      'host: ip route flush',
      'host: ip maddr',
      'host: ip netns',
      'host: ip rule',
    ],
  ],
  [
    'busybox ip in a container: options (-4, -br, -o, -s), route get, selectors after show and its usage texts are not in the lab',
    [
      'c1: ip -4 addr',
      'c1: ip route get 198.51.100.7',
      'c1: ip -br addr',
      'c1: ip addr shw',
      'c1: ip nosuch',
      'c1: ip -s link',
      'c1: ip -o addr',
      'c1: ip route show dev eth0',
      'c1: ip link show nosuch; echo $?',
    ],
  ],
];

const index = new Map<string, string>();
for (const [reason, cases] of KNOWN) for (const c of cases) index.set(c, reason);

/** Why the lab does not match this case yet, or undefined when it must match. */
export function knownMismatch(c: CorpusLine): string | undefined {
  return index.get(`${c.where}: ${c.line}`);
}

/** Every known case with its reason, for the README's list. */
export const KNOWN_MISMATCHES = KNOWN;
