// iproute2 6.1's `ss [-t] [-u] [-l|-a] [-n] [-p] [-4|-6] [-H]`: the namespace's sockets in ss's
// columns (each as wide as its widest cell, addresses right-aligned before the colon, ports
// left-aligned after it, as measured on the real tool; the recorded corpus has its cases). Pure.
import type { World } from '../../sim';
import type { Outcome } from './ip-route';
import type { Netns } from './netns';
import { rejected } from './net-tools-usage';
import { own } from '../own';
import { serviceName } from './services';
import { queryOf, socketsIn, type Sock } from './sockets';

const USAGE = `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -V, --version       output version information
   -n, --numeric       don't resolve service names
   -r, --resolve       resolve host names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -T, --threads       show thread using socket
   -i, --info          show internal TCP information
       --tipcinfo      show internal tipc socket information
   -s, --summary       show socket usage summary
       --tos           show tos and priority information
       --cgroup        show cgroup information
   -b, --bpf           show bpf filter socket information
   -E, --events        continually display sockets as they are destroyed
   -Z, --context       display task SELinux security contexts
   -z, --contexts      display task and socket SELinux security contexts
   -N, --net           switch to the specified network namespace name

   -4, --ipv4          display only IP version 4 sockets
   -6, --ipv6          display only IP version 6 sockets
   -0, --packet        display PACKET sockets
   -t, --tcp           display only TCP sockets
   -M, --mptcp         display only MPTCP sockets
   -S, --sctp          display only SCTP sockets
   -u, --udp           display only UDP sockets
   -d, --dccp          display only DCCP sockets
   -w, --raw           display only RAW sockets
   -x, --unix          display only Unix domain sockets
       --tipc          display only TIPC sockets
       --vsock         display only vsock sockets
       --xdp           display only XDP sockets
   -f, --family=FAMILY display sockets of type FAMILY
       FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}

   -K, --kill          forcibly close sockets, display what was closed
   -H, --no-header     Suppress header line
   -O, --oneline       socket's data printed on a single line
       --inet-sockopt  show various inet socket options

   -A, --query=QUERY, --socket=QUERY
       QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|unix_seqpacket|packet|packet_raw|packet_dgram|netlink|dccp|sctp|vsock_stream|vsock_dgram|tipc|xdp}[,QUERY]

   -D, --diag=FILE     Dump raw information about TCP sockets to FILE
   -F, --filter=FILE   read filter information from FILE
       FILTER := [ state STATE-FILTER ] [ EXPRESSION ]
       STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}
         TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|closed|close-wait|last-ack|listening|closing}
          connected := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
       synchronized := {established|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
             bucket := {syn-recv|time-wait}
                big := {established|syn-sent|fin-wait-{1,2}|closed|close-wait|last-ack|listening|closing}
`;

interface Column {
  readonly head: string;
  readonly right: boolean;
  /** Printed before the column unless it is the first. */
  readonly delim: string;
  readonly cells: readonly string[];
}

/** ss's render(): every column as wide as its widest cell or header. */
function render(cols: readonly Column[], header: boolean): string {
  const widths = cols.map((c) => Math.max(c.head.length, ...c.cells.map((x) => x.length)));
  const line = (cell: (c: Column) => string) =>
    cols
      .map((c, i) => {
        const text = cell(c);
        const w = widths[i] ?? 0;
        return (i > 0 ? c.delim : '') + (c.right ? text.padStart(w) : text.padEnd(w));
      })
      .join('') + '\n';
  const rows = (cols[0]?.cells ?? []).map((_, r) => line((c) => c.cells[r] ?? ''));
  return (header ? line((c) => c.head) : '') + rows.join('');
}

const addr = (s: Sock): string => (s.v6 ? `[${s.ip}]` : s.ip);
const any = (s: Sock): string => (s.v6 ? '[::]' : '0.0.0.0');

/** `ss` with the letters it was given; -n keeps ports numeric, -p names the process. */
const LONG: { readonly [opt: string]: string } = {
  '--tcp': '-t',
  '--udp': '-u',
  '--listening': '-l',
  '--all': '-a',
  '--numeric': '-n',
  '--processes': '-p',
  '--ipv4': '-4',
  '--ipv6': '-6',
  '--no-header': '-H',
  '--help': '-h',
  '--version': '-V',
};

export function ss(typed: readonly string[], world: World, ns: Netns): Outcome {
  // Own entries only: `ss constructor` is a filter word, not Object's constructor.
  const args = typed.map((a) => own(LONG, a) ?? a);
  const filter = args.find((a) => !a.startsWith('-'));
  if (filter !== undefined)
    return { out: '', err: `ss: filters (${filter} …) are not in this lab\n`, exit: 255 };
  const bad = rejected(args, 'hVnraloemptTisbEZzN46t0MSudwxfKHOAFD');
  if (bad !== null)
    return {
      out: '',
      err: `${bad.startsWith('--') ? `ss: unrecognized option '${bad}'` : `ss: invalid option -- '${bad}'`}\n${USAGE}`,
      exit: 255,
    };
  if (args.includes('-h')) return { out: USAGE, err: '', exit: 0 };
  if (args.includes('-V')) return { out: 'ss utility, iproute2-6.1.0\n', err: '', exit: 0 };
  const letters = args.join('').replaceAll('-', '');
  const other = [...letters].find((ch) => !'tulanp46H'.includes(ch));
  if (other !== undefined)
    return { out: '', err: `ss: option -${other} is not in this lab\n`, exit: 255 };
  if (!/[tu]/.test(letters))
    return {
      out: '',
      err: 'ss: sockets other than TCP and UDP are not in this lab (add -t or -u)\n',
      exit: 255,
    };
  const q = queryOf(letters);
  const list = socketsIn(world, ns, q);
  const numeric = letters.includes('n');
  const port = (s: Sock) => (numeric ? String(s.port) : serviceName(s.proto, s.port));
  const users = (s: Sock) =>
    letters.includes('p') ? ` users:(("${s.process}",pid=${s.pid},fd=${s.fd}))` : '';
  const cols: Column[] = [
    ...(q.tcp && q.udp
      ? [{ head: 'Netid', right: false, delim: '', cells: list.map((s) => s.proto) }]
      : []),
    {
      head: 'State',
      right: false,
      delim: ' ',
      cells: list.map((s) => (s.proto === 'tcp' ? 'LISTEN' : 'UNCONN')),
    },
    { head: 'Recv-Q', right: false, delim: ' ', cells: list.map(() => '0') },
    {
      head: 'Send-Q',
      right: false,
      delim: ' ',
      cells: list.map((s) => (s.proto === 'tcp' ? String(s.backlog) : '0')),
    },
    { head: 'Local Address:', right: true, delim: ' ', cells: list.map((s) => `${addr(s)}:`) },
    { head: 'Port', right: false, delim: '', cells: list.map(port) },
    { head: 'Peer Address:', right: true, delim: ' ', cells: list.map((s) => `${any(s)}:`) },
    { head: 'Port', right: false, delim: '', cells: list.map(() => '*') },
    { head: 'Process', right: false, delim: '', cells: list.map(users) },
  ];
  return { out: render(cols, !letters.includes('H')), err: '', exit: 0 };
}
