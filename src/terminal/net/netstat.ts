// net-tools 2.10's `netstat -r[n]` (the routing table), `netstat -i` (the interface table) and
// `netstat -t|-u [-l] [-n] [-p]` (the Internet sockets), with getopt's complaint and the usage for
// an option netstat does not know. Checked against the recorded corpus.
import { shortRow, SHORT_HEADER } from './ifconfig';
import type { Outcome } from './ip-route';
import { byIfName, type Netns } from './netns';
import { asksHelp, helpOf, netstatUsage, rejected } from './net-tools-usage';
import { notInLab, routeTable } from './route';
import { serviceName } from './services';
import { queryOf, socketsIn, type Sock } from './sockets';
import type { World } from '../../sim';

/** An address and port as netstat prints them: `:::8080` numeric, `[::]:http-alt` with names. */
function endpoint(s: Sock, port: string, numeric: boolean): string {
  const ip = s.ip === '127.0.0.1' && !numeric ? 'localhost' : s.ip;
  return `${s.v6 && !numeric ? `[${ip}]` : ip}:${port}`;
}

/** `netstat -t|-u [-l|-a] [-n] [-p] [-4|-6]`: the Internet sockets, TCP then UDP, IPv4 first. */
function internet(letters: string, world: World, ns: Netns): Outcome {
  const other = [...letters].find((ch) => !'tulanp46'.includes(ch));
  if (other !== undefined) return notInLab('netstat', `-${other}`);
  const q = queryOf(letters);
  const numeric = letters.includes('n');
  const pid = letters.includes('p');
  const which = q.listening
    ? q.connected
      ? 'servers and established'
      : 'only servers'
    : 'w/o servers';
  let s = `Active Internet connections (${which})\nProto Recv-Q Send-Q Local Address           Foreign Address         State      `;
  s += pid ? ' PID/Program name    \n' : '\n';
  const list = socketsIn(world, ns, q).sort((a, b) => cmp(a.proto, b.proto));
  for (const x of list) {
    const port = numeric ? String(x.port) : serviceName(x.proto, x.port);
    const proto = `${x.proto}${x.v6 ? '6' : ''}`;
    const peer = endpoint({ ...x, ip: x.v6 ? '::' : '0.0.0.0' }, '*', numeric);
    const state = x.proto === 'tcp' ? 'LISTEN' : '';
    s += `${proto.padEnd(5)} ${'0'.padStart(6)} ${'0'.padStart(6)} ${endpoint(x, port, numeric).padEnd(23)} ${peer.padEnd(23)} ${state.padEnd(11)}`;
    s += pid ? ` ${`${x.pid}/${x.process}`.padEnd(20)}\n` : '\n';
  }
  return { out: s, err: '', exit: 0 };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** netstat's getopt letters ("A:CFMacdeghilnNoprsStuUvVWwx64?Z"). */
const LETTERS = 'ACFMacdeghilnNoprsStuUvVWwx64Z';

/** `netstat -r [-n] [-4]` | `netstat -i [-n] [-a]`. */
export function netstat(args: readonly string[], world: World, ns: Netns): Outcome {
  const bad = rejected(
    args.filter((a) => a !== '--help'),
    LETTERS,
  );
  if (bad !== null) return netstatUsage(bad);
  if (asksHelp(args)) return helpOf('netstat');
  const letters = args.join('').replaceAll('-', '');
  if (/[tu]/.test(letters) && !/[ri]/.test(letters)) return internet(letters, world, ns);
  const unmodelled = [...letters].find((ch) => !'rni4a'.includes(ch));
  if (unmodelled !== undefined) return notInLab('netstat', `-${unmodelled}`);
  if (letters.includes('i'))
    return {
      out: `Kernel Interface table\nIface             ${SHORT_HEADER}${[...ns.ifaces].sort(byIfName).map(shortRow).join('')}`,
      err: '',
      exit: 0,
    };
  if (!letters.includes('r')) return notInLab('netstat', 'without -r or -i');
  const numeric = letters.includes('n');
  return { out: routeTable(ns, { numeric, netstat: true }), err: '', exit: 0 };
}
