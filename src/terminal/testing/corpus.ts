// For src/terminal/corpus.test.ts: runs a recorded case in the lab and normalises both sides.
// Only what changes from run to run is normalised: counters (packets, bytes), timers (conntrack
// timeouts, round-trip times, neighbour and FDB `used`, brctl's ageing and gc timers), random ids
// (ICMP ids, process ids), and the order of tables the kernel lists in hash order (neighbours,
// conntrack, sockets), which differs between two identical hosts.
import type { World } from '../../sim';
import { protNamesLike1810 } from '../../sim/netfilter/fixtures.test-util';
import { terminalOn } from './terminal';
import { corpusWorld, SETUP, type CorpusLine, type Where } from './corpus-world';

export interface Recorded extends CorpusLine {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

export interface Output {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

const location = (where: Where) =>
  where === 'host' ? undefined : { kind: 'container' as const, name: where, attached: false };

let prepared: World | null = null;

/** The corpus world after SETUP, typed in the lab as the recorder ran it in the namespaces. */
function preparedWorld(): World {
  if (prepared) return prepared;
  const t = terminalOn(corpusWorld());
  for (const s of SETUP) {
    const loc = location(s.where);
    const term = loc ? terminalOn(t.store.getState().world, { location: loc }) : t;
    term.run(s.line);
    if (term !== t) t.store.setState({ world: term.store.getState().world });
  }
  prepared = t.store.getState().world;
  return prepared;
}

/**
 * The host's sshd rows of ss and netstat: the corpus was recorded in namespaces rebuilt from the
 * model before the lab's host ran sshd (its recorder starts no sshd), so they are left out of the
 * lab's side. Only rows of port 22 on any address; their cells are never the widest of a column.
 */
const SSHD_ROW = /^(tcp6?|LISTEN|tcp +LISTEN)\s.*\s(0\.0\.0\.0|\[::\]|::):(22|ssh)\s.*\n/gm;

function withoutSshd(c: CorpusLine, o: Output): Output {
  if (c.where !== 'host' || !/^(ss|netstat) /.test(c.line)) return o;
  return { ...o, stdout: o.stdout.replace(SSHD_ROW, '') };
}

/** A case in the lab: its `;`-joined lines typed one after the other, as a learner types them. */
export function runInLab(c: CorpusLine): Output {
  return withoutSshd(c, typed(c));
}

function typed(c: CorpusLine): Output {
  const loc = location(c.where);
  const term = terminalOn(preparedWorld(), loc ? { location: loc } : {});
  let stdout = '';
  let stderr = '';
  let exit = 0;
  for (const line of c.line.split('; ')) {
    const r = term.run(line);
    stdout += r.out;
    stderr += r.err;
    exit = r.exit;
  }
  return { stdout, stderr, exit };
}

const HASH_ORDERED =
  /^(ip( -\S+)* (n|neigh|neighbour)\b|arp\b|busybox arp|busybox ip neigh|conntrack -L|cat \/proc\/net\/(arp|nf_conntrack)|ss |netstat -\w*[tu])/;

type Rule = readonly [RegExp, string | ((match: string) => string)];

const COUNTED = /^(docker0|eth0|lo|veth\w+):?\s/;

const RULES: readonly Rule[] = [
  // conntrack: the timeout column and ICMP ids
  [/^(\w+\s+\d+ )\d+ /gm, '$1T '],
  [/^(ipv4\s+2 \w+\s+\d+ )\d+ /gm, '$1T '],
  [/\bid=\d+/g, 'id=N'],
  // iptables -v: packet and byte counters, policy counters, iptables-save -c
  [/^ *\d+[KMGT]? +\d+[KMGT]? (?=\S)/gm, 'N N '],
  [/\d+ packets, \d+ bytes/g, 'N packets, N bytes'],
  [/\[\d+:\d+\]/g, '[N:N]'],
  // ifconfig (net-tools and busybox)
  [/(RX|TX) packets \d+ {2}bytes \d+ \([^)]*\)/g, '$1 packets N  bytes N'],
  [/(RX|TX) packets:\d+/g, '$1 packets:N'],
  [/dropped( |:)\d+/g, 'dropped$1N'],
  [/(RX|TX) bytes:\d+ \([^)]*\)\s*/g, '$1 bytes:N '],
  // ip -s: rows of numbers under RX:/TX: (a column is as wide as its widest number)
  [/^ +[\d ]+$/gm, '    N'],
  // netstat -i, /proc/net/dev: an interface's row of counters
  [/^(\S+)( +\d+){2,}.*$/gm, (m) => (COUNTED.test(m) ? `${m.split(/\s+/)[0] ?? ''} N` : m)],
  // timers: ping times, neighbour `used`
  [/time[=<][\d.]+ ?ms/g, 'time=T ms'],
  [/ = [\d.]+\/[\d.]+\/[\d.]+(\/[\d.]+)? ms/g, ' = T ms'],
  [/time \d+ms/g, 'time Tms'],
  [/used \d+(\/\d+)+/g, 'used T'],
  // brctl: the learned MACs' ageing timer, the bridge's gc timer
  [/^( +\d+\t\S+\tno\t\t) *[\d.]+$/gm, '$1T'],
  [/(gc timer\t\t) *[\d.]+$/gm, '$1T'],
  // iptables-save's date
  [/ on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm, ' on DATE'],
];

function sortedJson(text: string): string {
  try {
    const rows = JSON.parse(text) as unknown[];
    return `${JSON.stringify(rows.map((r) => JSON.stringify(r)).sort())}\n`;
  } catch {
    return text;
  }
}

/** Both sides of a comparison through the same normalisation. */
export function normalise(c: CorpusLine, o: Output): Output {
  const norm = (text: string) => {
    let t = text;
    for (const [re, to] of RULES)
      t = typeof to === 'string' ? t.replace(re, to) : t.replace(re, to);
    // conntrack -S: every statistic is a counter
    if (c.line.startsWith('conntrack -S')) t = t.replace(/=\d+/g, '=N');
    // ss -p, netstat -p: process ids, and the padding their width sets at the end of the lines
    if (/^(ss|netstat) /.test(c.line))
      t = t
        .replace(/pid=\d+/g, 'pid=N')
        .replace(/\b\d+\/(?=[\w-]+ *$)/gm, 'N/')
        .replace(/ +$/gm, '');
    // uname: the recording machine's kernel is not the lab's (Debian 12's 6.1.0-37-amd64, whose
    // version string machine.ts cites); its release and version are compared by their place.
    if (/^(busybox )?uname\b/.test(c.line))
      t = t
        .replace(/\b\d+\.\d+\.\d+-[\w.-]+/g, 'RELEASE')
        .replace(/#\d+ SMP PREEMPT_DYNAMIC .*?(?= x86_64|$)/gm, 'VERSION');
    // iptables 1.8.9 printed protocol numbers under -n (see src/__fixtures__/README.md).
    if (/^iptables .*(-\w*L|--list\b)/.test(c.line)) t = protNamesLike1810(t);
    if (!HASH_ORDERED.test(c.line)) return t;
    // ip -j: one array of records on a line; its elements are the table's rows.
    if (/^ip( -\S+)* -j/.test(c.line) && t.startsWith('[')) return sortedJson(t);
    return t.split('\n').sort().join('\n');
  };
  return { stdout: norm(o.stdout), stderr: norm(o.stderr), exit: o.exit };
}
