// busybox 1.35's `route` and `netstat -r` in a container: the routing table in net-tools' layout
// (0.0.0.0 reads `default`, a gateway of 0.0.0.0 `*`, unless -n), and busybox's usage texts for an
// option it does not know. Checked against the real busybox in the recorded corpus. Pure.
import type { Outcome } from './ip-route';
import type { Netns } from './netns';
import { rejected } from './net-tools-usage';
import { notInLab, routeTable } from './route';

const BANNER = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n';

const ROUTE_USAGE = `Usage: route [-ne] [-A inet[6]] [{add|del} [-net|-host] TARGET [netmask MASK]
\t[gw GATEWAY] [metric N] [mss BYTES] [window BYTES] [reject] [IFACE]]

Show or edit kernel routing tables

\t-n\tDon't resolve names
\t-e\tDisplay other/more information
\t-A inet[6]\tSelect address family
`;

const NETSTAT_USAGE = `Usage: netstat [-ral] [-tuwx] [-en]

Display networking information

\t-r\tRouting table
\t-a\tAll sockets
\t-l\tListening sockets
\t\tElse: connected sockets
\t-t\tTCP sockets
\t-u\tUDP sockets
\t-w\tRaw sockets
\t-x\tUnix sockets
\t\tElse: all socket types
\t-e\tOther/more information
\t-n\tDon't resolve names
`;

/** busybox's getopt complaint, then the applet's usage, on stderr; exit status 1. */
function usage(applet: string, text: string, opt: string): Outcome {
  const what = opt.startsWith('--') ? `unrecognized option '${opt}'` : `invalid option -- '${opt}'`;
  return { out: '', err: `${applet}: ${what}\n${BANNER}${text}`, exit: 1 };
}

const letters = (args: readonly string[]): string =>
  args
    .filter((a) => a.startsWith('-'))
    .join('')
    .replaceAll('-', '');

/** `route [-n] [-e] [-A inet]`: -e swaps Metric, Ref and Use for MSS, Window and irtt. */
export function busyboxRoute(args: readonly string[], ns: Netns): Outcome {
  const bad = rejected(args, 'Ane');
  if (bad !== null) return usage('route', ROUTE_USAGE, bad);
  const l = letters(args);
  const af = args[args.indexOf('-A') + 1];
  if (args.includes('-A') && af !== 'inet') return notInLab('route', `-A ${af ?? ''}`);
  const rest = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-A');
  if (rest.length > 0) return notInLab('route', rest.join(' '));
  const view = { numeric: l.includes('n'), netstat: l.includes('e'), busybox: true };
  return { out: routeTable(ns, view), err: '', exit: 0 };
}

/** `netstat -r [-n] [-e]`: here -e gives the Metric columns (busybox swaps them the other way). */
export function busyboxNetstat(args: readonly string[], ns: Netns): Outcome {
  const bad = rejected(args, 'raltuwxen');
  if (bad !== null) return usage('netstat', NETSTAT_USAGE, bad);
  const l = letters(args);
  if (!l.includes('r')) return notInLab('netstat', 'without -r (sockets)');
  const view = { numeric: l.includes('n'), netstat: !l.includes('e'), busybox: true };
  return { out: routeTable(ns, view), err: '', exit: 0 };
}
