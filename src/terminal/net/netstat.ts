// net-tools 2.10's `netstat -r[n]` (the routing table) and `netstat -i` (the interface table), with
// getopt's complaint and the usage for an option netstat does not know.
import { shortRow, SHORT_HEADER } from './ifconfig';
import type { Outcome } from './ip-route';
import { byIfName, type Netns } from './netns';
import { netstatUsage, rejected } from './net-tools-usage';
import { notInLab, routeTable } from './route';

/** netstat's getopt letters ("A:CFMacdeghilnNoprsStuUvVWwx64?Z"). */
const LETTERS = 'ACFMacdeghilnNoprsStuUvVWwx64Z';

/** `netstat -r [-n] [-4]` | `netstat -i [-n] [-a]`. */
export function netstat(args: readonly string[], ns: Netns): Outcome {
  const bad = rejected(args, LETTERS);
  if (bad !== null) return netstatUsage(bad);
  const letters = args.join('').replaceAll('-', '');
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
