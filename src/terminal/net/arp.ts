// net-tools `arp` (2.10): the table (-n, -e: Linux style; -a: BSD style `? (IP) at MAC [ether] on
// IF`), filtered by -i IF and by a host, with -v's summary; names are never resolved here (the
// reference host's /etc/hosts names none of the neighbours, so `arp` prints what `arp -n` does).
import { isValid, neighAt, type NeighEntry } from '../../sim';
import { arpN } from './neigh';
import type { Outcome } from './ip-route';
import { arpUsage, asksHelp, helpOf, rejected } from './net-tools-usage';

/** busybox's arp prints the BSD style always, with two spaces before `on`. */
export function arp(
  args: readonly string[],
  all: readonly NeighEntry[],
  clock: number,
  dialect: 'net-tools' | 'busybox' = 'net-tools',
): Outcome {
  let bsd = dialect === 'busybox';
  let verbose = false;
  let dev: string | undefined;
  let host: string | undefined;
  // getopt's letters for net-tools' arp ("A:H:adfp:nsei:t:vh?DNV"): any other is its usage.
  const long = [
    '--verbose',
    '--numeric',
    '--device',
    '--set',
    '--delete',
    '--file',
    '--protocol',
    '--help',
  ];
  const bad =
    dialect === 'net-tools'
      ? rejected(
          args.filter((a) => !long.includes(a)),
          'AHadfpnseitvhDNV',
        )
      : null;
  if (bad !== null) return arpUsage(bad);
  if (asksHelp(args)) return helpOf('arp');
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-i' || a === '--device') dev = args[++i];
    else if (a === '--numeric') continue;
    else if (a === '--verbose') verbose = true;
    else if (/^-[naev]+$/.test(a)) {
      if (a.includes('a')) bsd = true;
      if (a.includes('v')) verbose = true;
    } else if (a.startsWith('-'))
      return {
        out: '',
        err: `arp: ${a} is not in this lab (try -n, -a, -e, -v, -i IF)\n`,
        exit: 255,
      };
    else host = a;
  }
  const list = all.filter(
    (e) => (dev === undefined || e.dev === dev) && (host === undefined || e.ip === host),
  );
  const summary = verbose
    ? `Entries: ${all.length}\tSkipped: ${all.length - list.length}\tFound: ${list.length}\n`
    : '';
  if (list.length === 0) {
    if (host !== undefined) return { out: `${host} (${host}) -- no entry\n`, err: '', exit: 0 };
    return { out: `arp: in ${all.length} entries no match found.\n`, err: '', exit: 0 };
  }
  if (!bsd) return { out: arpN(list, clock) + summary, err: '', exit: 0 };
  const lines = list.map((entry) => {
    const e = neighAt(entry, clock);
    const at = isValid(e.state) && e.mac !== null ? `${e.mac} [ether]` : '<incomplete>';
    return `? (${e.ip}) at ${at} ${dialect === 'busybox' ? ' ' : ''}on ${e.dev}\n`;
  });
  return { out: lines.join('') + summary, err: '', exit: 0 };
}
