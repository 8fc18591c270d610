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
    'bridge: -d, -s, -j, vlan and the usage text are not in the lab (it says so)',
    [
      'host: bridge -d link',
      'host: bridge -s fdb',
      'host: bridge vlan',
      'host: bridge',
      'host: bridge -j link',
    ],
  ],
  [
    'brctl: showmacs, showstp and the usage text are not in the lab',
    [
      'host: brctl showmacs docker0',
      'host: brctl showmacs nosuch',
      'host: brctl showstp docker0',
      'host: brctl',
      'host: brctl nosuch',
    ],
  ],
  [
    "net-tools options the lab does not model (it says so): ifconfig -s/-v, route -ee/-C and usage texts, arp's usage text, netstat -i",
    [
      'host: ifconfig -s',
      'host: ifconfig -v',
      'host: route -nee',
      'host: route -x',
      'host: route -C',
      'host: route -x; echo $?',
      'host: arp -x',
      'host: netstat -i',
    ],
  ],
  [
    '/proc/net/* files are not in the lab (cat says No such file)',
    [
      'host: cat /proc/net/nf_conntrack',
      'host: cat /proc/net/arp',
      'host: cat /proc/net/route',
      'host: cat /proc/net/dev | head -2',
      'c1: cat /proc/net/arp',
      'c1: cat /proc/net/route',
    ],
  ],
  [
    "sysctl: rp_filter is not modelled (the recorder pins it to 0, as the kernel suite does); plain `sysctl` prints procps's usage",
    ['host: sysctl net.ipv4.conf.all.rp_filter', 'host: sysctl'],
  ],
  [
    'bash -c (the recorder) prints `bash: line 1: X: command not found`; the lab prints `X: command not found`',
    ['host: nosuchcommand', 'host: nosuchcommand; echo $?'],
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
  [
    "busybox: netstat and route's usage text are not in the lab",
    ['c1: netstat -rn', 'c1: route -x'],
  ],
  [
    "clock: the lab advances 1 s per line, the recording ran ~30 s, so c1's gateway entry had left DELAY (REACHABLE) in the kernel",
    ['c1: ip neigh'],
  ],
  [
    "bash -c (the recorder) says `bash: line 1: 3: Bad file descriptor` for a redirection it can't make; the lab, an interactive bash, says `bash: 3: Bad file descriptor`",
    ['host: echo a >&3'],
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
