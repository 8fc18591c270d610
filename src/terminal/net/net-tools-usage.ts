// net-tools 2.10's getopt complaints and usage texts (route, arp, netstat), as recorded in
// src/__fixtures__/terminal-corpus.json and checked against the real tools. Pure text.
import type { Outcome } from './ip-route';

/** The address families net-tools was built with, which route and netstat list on stderr. */
const AF_LIST = `    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) 
    ddp (Appletalk DDP) x25 (CCITT X.25) 
`;

const ROUTE_USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -e, --extend             display other/more information
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
`;

const ARP_USAGE = `Usage:
  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache
  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry
  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file
  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry
  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-

        -a                       display (all) hosts in alternative (BSD) style
        -e                       display (all) hosts in default (Linux) style
        -s, --set                set a new ARP entry
        -d, --delete             delete a specified entry
        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -i, --device             specify network interface (e.g. eth0)
        -D, --use-device         read <hwaddr> from given device
        -A, -p, --protocol       specify protocol family
        -f, --file               read new entries from file or from /etc/ethers

  <HW>=Use '-H <hw>' to specify hardware address type. Default: ether
  List of possible hardware types (which support ARP):
`;

/** The hardware types net-tools was built with, which arp lists on stderr. */
const HW_LIST = `    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) 
    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) 
    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) 
`;

const NETSTAT_USAGE = `usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}
       netstat [-vWnNcaeol] [<Socket> ...]
       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }

        -r, --route              display routing table
        -i, --interfaces         display interface table
        -g, --groups             display multicast group memberships
        -s, --statistics         display networking statistics (like SNMP)
        -M, --masquerade         display masqueraded connections

        -v, --verbose            be verbose
        -W, --wide               don't truncate IP addresses
        -n, --numeric            don't resolve names
        --numeric-hosts          don't resolve host names
        --numeric-ports          don't resolve port names
        --numeric-users          don't resolve user names
        -N, --symbolic           resolve hardware names
        -e, --extend             display other/more information
        -p, --programs           display PID/Program name for sockets
        -o, --timers             display timers
        -c, --continuous         continuous listing

        -l, --listening          display listening server sockets
        -a, --all                display all sockets (default: connected)
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB
        -Z, --context            display SELinux security context for sockets

  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}
           {-x|--unix} --ax25 --ipx --netrom
  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
`;

/**
 * The first option getopt would reject, given the short option letters the tool knows (its
 * long options are matched by the caller): `-nx` → `x`, `--foo` → `--foo`; null when all are known.
 */
export function rejected(args: readonly string[], letters: string): string | null {
  for (const a of args) {
    if (a === '--' || !a.startsWith('-') || a === '-') continue;
    if (a.startsWith('--')) return a;
    const bad = [...a.slice(1)].find((ch) => !letters.includes(ch));
    if (bad !== undefined) return bad;
  }
  return null;
}

/** glibc getopt's complaint: a short option letter, or a whole long option. */
const complaint = (tool: string, opt: string): string =>
  opt.startsWith('--')
    ? `${tool}: unrecognized option '${opt}'\n`
    : `${tool}: invalid option -- '${opt}'\n`;

/** route: the usage on stdout, the address families on stderr, and (measured) exit status 0. */
export const routeUsage = (opt: string): Outcome => ({
  out: ROUTE_USAGE,
  err: complaint('route', opt) + AF_LIST,
  exit: 0,
});

/** arp: everything on stderr, exit status 3 (E_OPTERR). */
export const arpUsage = (opt: string): Outcome => ({
  out: '',
  err: complaint('arp', opt) + ARP_USAGE + HW_LIST,
  exit: 3,
});

/** netstat: everything on stderr, exit status 3 (E_OPTERR). */
export const netstatUsage = (opt: string): Outcome => ({
  out: '',
  err: complaint('netstat', opt) + NETSTAT_USAGE + AF_LIST,
  exit: 3,
});

/** `-h` / `--help`: the usage on stdout, the list of families or hardware types on stderr, status 0. */
export function helpOf(tool: 'route' | 'arp' | 'netstat'): Outcome {
  const [out, err] =
    tool === 'route'
      ? [ROUTE_USAGE, AF_LIST]
      : tool === 'arp'
        ? [ARP_USAGE, HW_LIST]
        : [NETSTAT_USAGE, AF_LIST];
  return { out, err, exit: 0 };
}

/** Whether the arguments ask for the usage (`-h`, `--help`, or h among short options). */
export const asksHelp = (args: readonly string[]): boolean =>
  args.some((a) => a === '--help' || /^-[^-]*h/.test(a));
