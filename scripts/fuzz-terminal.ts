// Seeded fuzzer for the terminal: real and mutated command lines through the store's runCommand,
// checked after every line (no throw, output or error, no leaked JS values, world valid, a failed
// command changes nothing). Prints one summary line and the first counterexamples, shrunk.
//   npx tsx scripts/fuzz-terminal.ts [--lines N] [--seed S] [--show K] [--ignore REGEX]
//   (--ignore skips violations whose `kind detail line` matches, to hunt past a known defect)
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SCENARIOS, buildScenario } from '../src/scenarios';
import { advanceClock, type World } from '../src/sim';
import { deepFreeze } from '../src/sim/properties/invariants';
import {
  checkAddresses,
  checkBindings,
  checkIdentity,
} from '../src/sim/properties/invariants-world';
import {
  checkChains,
  checkPublished,
  compareWithRebuild,
} from '../src/sim/properties/invariants-netfilter';
import { createAppStore } from '../src/store';
import { HOST_COMMANDS } from '../src/terminal/host-commands';
import { CONTAINER_COMMANDS } from '../src/terminal/container-commands';
import { splitWords } from '../src/terminal/parse';

/** xorshift32: the fuzzer's own seeded generator, so a seed names one run exactly. */
export class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 0x100000000;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const EXAMPLES = new URL('../examples/', import.meta.url);
const exampleLines = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.lab'))
  .flatMap((f) => readFileSync(new URL(f, EXAMPLES), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

export const SEED_LINES: readonly string[] = [
  ...exampleLines,
  ...`docker run -d --name c1 -p 8080:80 nginx
docker run -itd --name c2 busybox
docker run -d -P --name web nginx
docker run --rm busybox echo hi
docker run -d --network none --name n1 busybox
docker run -d --net host --name h1 nginx
docker run -d --network net1 --name u1 busybox
docker run -it --name sh1 busybox sh
docker run -d -p 127.0.0.1:9090:80/tcp -p 53:53/udp nginx
docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 net1
docker network create -d bridge -o com.docker.network.bridge.name=br-x net2
docker network connect net1 c1
docker network disconnect net1 c1
docker network rm net1
docker network inspect bridge net1
docker network ls
docker ps -a
docker ps -q
docker stop c1
docker start c1
docker rm -f c1
docker rm c2
docker inspect c1
docker port c1 80
docker logs c1
docker images
docker version
docker --help
docker exec c1 ifconfig
docker exec -it c2 sh
docker exec -it c1 sh
docker exec -it nope sh
docker exec c2 ping -c 2 172.17.0.2
exit
ip -br addr
ip route
ip neigh
ifconfig docker0
route -n
arp -n
brctl show
bridge link
bridge fdb show
iptables -t nat -L -n -v
iptables -L FORWARD -n --line-numbers -x
iptables -S
iptables-save
conntrack -L
sysctl -w net.ipv4.ip_forward=0
sysctl net.bridge.bridge-nf-call-iptables
cat /proc/sys/net/ipv4/ip_forward /etc/hosts /etc/resolv.conf
hostname
busybox ifconfig
ping -c 1 172.17.0.2
curl -sv http://192.0.2.10:8080/
wget -O- http://172.17.0.2/
nc -zv 172.17.0.2 80
nc -u -w 1 198.51.100.7 53
lab host eth0 192.0.2.20/24 via 192.0.2.1
lab remote add srv 198.51.100.9 80 53/udp
lab remote rm srv
lab router route add 10.99.0.0/16 via 192.0.2.10
lab profile current
lab daemon icc=false userland-proxy=false
lab from client curl -s http://192.0.2.10:8080/
lab reset
help
history
clear
echo hello world`.split('\n'),
  ...limitLines(),
];

/** Lines at the edges of what the lab can save and reopen (src/sim/limits.ts, issue 17). */
function limitLines(): string[] {
  const n = (k: number) => Array.from({ length: k }, (_, i) => String(i + 1)).join(' ');
  return [
    `docker run -d --name ${'n'.repeat(64)} nginx`,
    `docker run -d --name ${'n'.repeat(65)} nginx`,
    `docker network create ${'w'.repeat(65)}`,
    'docker run -d --name pa nginx',
    'docker run -d --name pb --network container:pa busybox sleep 999',
    'docker rm -f pa',
    'docker network create -o com.docker.network.driver.mtu=abc m1',
    'docker network create -o com.docker.network.driver.mtu=67 m2',
    'docker network create -o com.docker.network.driver.mtu=9000 m3',
    'docker run -d -p 1000-1064:1000-1064 nginx',
    'docker run -d -p 2000-2063:2000-2063 nginx',
    'docker run -d -p 1-65535:1-65535 nginx',
    `docker run -d busybox sleep ${n(32)}`,
    `docker run -d busybox sleep ${'9'.repeat(257)}`,
    `lab remote add many 198.51.100.33 ${n(17)}`,
    'lab host eth0 192.0.2.10/0',
    'lab remote add twin 192.0.2.10',
    'curl "http://192.0.2.10:8080/a b"',
    'curl -s http://192.0.2.10:8080/名前',
    'wget -q -O- "http://192.0.2.10:8080/a b名"',
    'docker exec c2 wget -O- "http://172.17.0.2/a b名"',
    'nc -zv 127.0.0.1 0',
    'curl http://127.0.0.1:0/',
    'docker network create -o com.docker.network.bridge.name=constructor ctor',
    'docker run -d --name toString --network ctor busybox sleep 1d',
    'docker run -d --name valueOf --network ctor busybox sleep 1d',
    'docker exec toString ping -c 1 valueOf',
    'lab remote add constructor 198.51.100.21 80',
    'lab from constructor curl -s http://192.0.2.10:8080/',
  ];
}

// Hostile words, one space apart (none contains a space): numbers, flags, names, quotes, Unicode, controls.
const HOSTILE: readonly string[] = (
  '99999999999999999999 -1 -80:80 0 65536 1e3 0x50 80:99999999999999999999 -p ' +
  '--publish=-1:80 --name --network --net= -P -d -it --rm -a -q -f --help -n -v -x ' +
  '-t nat --subnet 300.1.1.0/24 10.0.0.0/33 --gateway -o -- - --bogus -zz -c -w -s ' +
  '-O- = : :: / c1 c2 nope bridge host none net1 client sh exit 0.0.0.0 ' +
  '255.255.255.255 172.17.0.1 \u202Eevil\u202C a\u200Bb \u200D 🐳 👩‍💻 \uD800 ' +
  'x\uDC00 é 名前 \u0000 \u001b[31mred \u0007 \r \t \u007f \uFEFF \u2028 \\ \\\\ \\" ' +
  '\' " "" \'\' `id` $(id) ${x} ; && | > < * ~ %s%n {} [] NaN null __proto__ ' +
  'constructor toString hasOwnProperty'
).split(' ');

const COMMAND_NAMES = [...Object.keys(HOST_COMMANDS), ...Object.keys(CONTAINER_COMMANDS)];
const LONG = 100_000;

/** A whole line from nothing: blanks, huge lines, noise. */
function specialLine(r: Prng): string {
  const k = r.int(9);
  if (k === 0) return '';
  if (k === 1) return r.pick([' ', '   ', '\t', ' \t \n ', '#', '# just a comment', '\\']);
  if (k === 2 && r.chance(0.1)) {
    const filler = r.pick(['A', 'é', '🐳', '"', "'", '\\', ' -p', ' x', '\u200B']);
    return (
      r.pick(['', 'echo ', 'docker run --name ', 'docker ', 'ping ', 'lab remote add ']) +
      filler.repeat(Math.ceil(LONG / filler.length))
    );
  }
  if (k === 3)
    return `${r.pick(COMMAND_NAMES)} ${Array.from({ length: r.int(4) }, () => r.pick(HOSTILE)).join(' ')}`;
  const chars = Array.from({ length: 1 + r.int(30) }, () =>
    r.chance(0.5) ? String.fromCharCode(r.int(0x80)) : String.fromCharCode(r.int(0x10000)),
  );
  return k === 4 ? chars.join('') : mutate(r, r.pick(SEED_LINES));
}

/** One to three edits of a real line: tokens replaced, dropped, repeated, quoted, cut. */
export function mutate(r: Prng, line: string): string {
  let words = line.split(' ');
  for (let n = 1 + r.int(3); n > 0; n--) {
    const i = r.int(words.length + 1);
    const w = words[i] ?? '';
    switch (r.int(10)) {
      case 0:
        words.splice(i, 1, r.pick(HOSTILE));
        break;
      case 1:
        words.splice(i, 0, r.pick(HOSTILE));
        break;
      case 2:
        words.splice(i, 1);
        break;
      case 3:
        words.splice(i, 0, w);
        break;
      case 4:
        words.splice(i, 1, `${r.pick(['"', "'"])}${w}${r.chance(0.5) ? r.pick(['"', "'"]) : ''}`);
        break;
      case 5:
        words.splice(i, 1, `${w}${r.pick(HOSTILE)}`);
        break;
      case 6:
        words.splice(
          i,
          1,
          w.replace(/\d+/, r.pick(['99999999999999999999', '-1', '0', '65536', ''])),
        );
        break;
      case 7:
        words = [...words.slice(0, i), ...r.pick(SEED_LINES).split(' ')];
        break;
      case 8:
        words.splice(i, 1, w.slice(0, r.int(w.length + 1)));
        break;
      default:
        words.splice(i, 1, `${w}\\`);
    }
  }
  return words.join(r.chance(0.1) ? r.pick(['  ', '\t', ' \u00a0']) : ' ');
}

export function nextLine(r: Prng): string {
  return r.chance(0.35)
    ? r.pick(SEED_LINES)
    : r.chance(0.8)
      ? mutate(r, r.pick(SEED_LINES))
      : specialLine(r);
}

// ---- checking one line -------------------------------------------------------------------------

/** Commands that may print nothing on success (bash and Docker print nothing for these either). */
export const SILENT_OK: readonly string[] = [
  '(blank or comment)',
  'clear',
  'exit',
  'docker exec -it (enters the shell)',
  'docker run -it (enters the shell)',
  'docker network connect',
  'docker network disconnect',
  'lab host',
  'lab remote',
  'lab router',
  'lab daemon',
  'lab profile',
  'lab reset',
  'sysctl -w / cat (empty file)',
  'busybox clear',
];
const READ_ONLY = new Set([
  'ip',
  'ifconfig',
  'route',
  'arp',
  'brctl',
  'bridge',
  'iptables',
  'iptables-save',
  'conntrack',
  'cat',
  'hostname',
  'echo',
  'help',
  'history',
  'jobs',
  'clear',
]);
const DOCKER_READ_ONLY = new Set(['ps', 'inspect', 'images', 'version', 'port', 'logs', 'ls']);
const LEAKS: readonly [string, RegExp][] = [
  ['undefined', /\bundefined\b/],
  ['NaN', /\bNaN\b/],
  ['[object Object]', /\[object Object\]/],
  ['a JS stack trace', /\n\s+at \S.*[(:]\d+:\d+|\.tsx?:\d+:\d+/],
];

function silentAllowed(
  words: readonly string[],
  moved: boolean,
  changed: boolean,
  exit: number,
): boolean {
  const [a = '', b = '', c = ''] = words;
  if (words.length === 0 || moved) return exit === 0;
  if (a === 'docker' && b === 'exec') {
    const inner = words
      .slice(2)
      .filter((w, i, all) => !w.startsWith('-') || all.slice(0, i).some((x) => !x.startsWith('-')));
    return inner[1] === 'sh' || silentAllowed(inner.slice(1), false, changed, exit);
  }
  if (a === 'lab' && b === 'from') return silentAllowed(words.slice(3), false, changed, exit);
  if (a === 'busybox') return silentAllowed(words.slice(1), false, changed, exit);
  // `false` says nothing and fails, as it should; `true` says nothing.
  if (a === 'false' || a === 'true') return true;
  // Quiet clients: curl -s, wget -q and nc without -v print nothing, even when they fail.
  if (a === 'curl' && words.some((w) => /^-[a-zA-Z]*s/.test(w) && !/^-[a-zA-Z]*S/.test(w)))
    return true;
  if (a === 'wget' && words.some((w) => /^-[a-zA-Z]*q/.test(w))) return true;
  if (a === 'nc' && !words.some((w) => /^-[a-zA-Z]*v/.test(w))) return true;
  if (exit !== 0) return false;
  // A foreground `docker run IMAGE` prints what its process prints: busybox's sh alone prints
  // nothing, nor does `sleep`.
  if (
    a === 'docker' &&
    b === 'run' &&
    (['busybox', 'alpine', 'sh'].includes(words[words.length - 1] ?? '') || words.includes('sleep'))
  )
    return true;
  if (a === 'clear' || a === 'exit' || a === 'sh' || a === 'cat') return true;
  // bash's `jobs` with no background job prints nothing; `kill %N` of a job prints its line later.
  if (a === 'jobs' || a === 'kill') return true;
  // Listings of a table that may be empty.
  if (['ip', 'arp', 'bridge', 'route', 'sysctl'].includes(a)) return true;
  // `docker port C` of a container that publishes nothing prints nothing (cli container/port.go).
  if (a === 'docker' && (b === 'logs' || b === 'port' || (b === 'ps' && words.includes('-q'))))
    return true;
  if (a === 'docker' && b === 'network' && (c === 'connect' || c === 'disconnect')) return true;
  if (a === 'lab' && ['host', 'remote', 'router', 'daemon', 'profile', 'reset'].includes(b))
    return true;
  return a === 'sysctl' && changed;
}

const withoutClock = (w: World) => JSON.stringify({ ...w, clock: 0 });

export interface Violation {
  readonly kind:
    'threw' | 'silent' | 'silent-error' | 'leak' | 'world' | 'failed-changed' | 'read-only-changed';
  readonly detail: string;
}

export interface LineOutcome {
  readonly exit: number | null;
  readonly silent: boolean;
  readonly violations: readonly Violation[];
}

export type Store = ReturnType<typeof createAppStore>;

/** Runs one line and checks everything the terminal promises about it. */
export function checkLine(store: Store, line: string): LineOutcome {
  const before = deepFreeze(store.getState().world);
  const packetsBefore = store.getState().packets;
  const locBefore = JSON.stringify(store.getState().location);
  let out;
  try {
    out = store.getState().runCommand(line);
  } catch (e) {
    const detail =
      e instanceof Error
        ? `${e.name}: ${e.message} @ ${e.stack?.split('\n')[1]?.trim() ?? ''}`
        : String(e);
    return { exit: null, silent: false, violations: [{ kind: 'threw', detail }] };
  }
  const v: Violation[] = [];
  const s = store.getState();
  const after = s.world;
  // What the user typed this session: `history` and `echo` may repeat it.
  const typed = `${line}\n${s.history.join('\n')}`;
  const parsed = splitWords(line);
  const words = parsed.ok ? parsed.words : [];
  const text = out.chunks.map((c) => c.text).join('');
  const moved = JSON.stringify(s.location) !== locBefore;
  // runCommand ages the world by one second per non-empty line (conntrack entries may expire).
  const aged = line.trim() === '' ? before : advanceClock(before, 1);
  const changed = after !== before && withoutClock(after) !== withoutClock(aged);
  const silent = text === '';
  if (silent && !silentAllowed(words, moved, changed, out.exit))
    v.push(
      out.exit === 0
        ? { kind: 'silent', detail: 'exit 0, no output' }
        : { kind: 'silent-error', detail: `exit ${out.exit} with no message` },
    );
  for (const c of out.chunks) {
    for (const [what, re] of LEAKS) {
      if (re.test(c.text) && !re.test(typed)) {
        const m = re.exec(c.text);
        const at = m ? Math.max(0, m.index - 60) : 0;
        v.push({
          kind: 'leak',
          detail: `${c.stream} shows ${what}: …${c.text.slice(at, at + 140).replace(/\n/g, '⏎')}…`,
        });
      }
    }
  }
  if (after !== before) {
    // Only what this line broke: a world already invalid is reported once, where it became so.
    const old = new Set(worldViolations(before));
    for (const d of worldViolations(after)
      .filter((x) => !old.has(x))
      .slice(0, 3))
      v.push({ kind: 'world', detail: d });
  }
  const sentPackets = s.packets !== packetsBefore;
  // Multi-argument commands (docker rm a b, sysctl -w k=v k2=v2) keep what succeeded: stdout says so.
  const stdout = out.chunks.some((c) => c.stream === 'stdout' && c.text !== '');
  if (out.exit !== 0 && changed && !sentPackets && !stdout && words[0] !== 'exit')
    v.push({
      kind: 'failed-changed',
      detail: `exit ${out.exit} but the world changed: ${diffKeys(aged, after)}`,
    });
  const readOnly =
    s.location.kind === 'host' &&
    !moved &&
    (READ_ONLY.has(words[0] ?? '') ||
      (words[0] === 'docker' &&
        DOCKER_READ_ONLY.has(words[1] === 'network' ? (words[2] ?? '') : (words[1] ?? ''))));
  if (out.exit === 0 && readOnly && changed && !sentPackets)
    v.push({ kind: 'read-only-changed', detail: `the world changed: ${diffKeys(aged, after)}` });
  return { exit: out.exit, silent, violations: v };
}

const checked = new WeakMap<World, readonly string[]>();
function worldViolations(w: World): readonly string[] {
  let bad = checked.get(w);
  if (!bad) {
    bad = [
      ...checkAddresses(w),
      ...checkBindings(w),
      ...checkIdentity(w),
      ...compareWithRebuild(w),
      ...checkChains(w.netfilter),
      ...checkPublished(w),
    ];
    checked.set(w, bad);
  }
  return bad;
}

function diffKeys(a: World, b: World): string {
  const keys = Object.keys(b) as (keyof World)[];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).join(', ');
}

// ---- sessions, shrinking, summary ---------------------------------------------------------------

const SESSION = 40;
const worldFor = (start: number): World | undefined => {
  const sc = SCENARIOS[start];
  return sc ? buildScenario(sc, start % 2 === 0 ? 'docker-27' : 'docker-29') : undefined;
};
export const storeFor = (start: number): Store => {
  const world = worldFor(start);
  return createAppStore(world ? { world } : {});
};

export interface Counterexample {
  readonly kind: Violation['kind'];
  readonly detail: string;
  /** Start world: -1 is an empty host, otherwise an index into SCENARIOS. */
  readonly start: number;
  readonly prefix: readonly string[];
  readonly line: string;
}

function fails(
  kind: Violation['kind'],
  start: number,
  prefix: readonly string[],
  line: string,
): boolean {
  const store = storeFor(start);
  for (const l of prefix) {
    try {
      store.getState().runCommand(l);
    } catch {
      return false;
    }
  }
  return checkLine(store, line).violations.some((v) => v.kind === kind);
}

/** Greedy shrinking: drop earlier lines, then words, then runs of characters of the line. */
export function shrink(c: Counterexample, budget = 400): Counterexample {
  let { prefix, line } = c;
  const tries = { n: 0 };
  const ok = (p: readonly string[], l: string) =>
    ++tries.n <= budget && fails(c.kind, c.start, p, l);
  if (ok([], line)) prefix = [];
  for (let i = prefix.length - 1; i >= 0; i--) {
    const p = [...prefix.slice(0, i), ...prefix.slice(i + 1)];
    if (ok(p, line)) prefix = p;
  }
  for (
    let chunk = Math.max(1, Math.floor(line.length / 2));
    chunk >= 1;
    chunk = Math.floor(chunk / 2)
  ) {
    for (let at = 0; at < line.length && tries.n < budget;) {
      const l = line.slice(0, at) + line.slice(at + chunk);
      if (l !== line && ok(prefix, l)) line = l;
      else at += chunk;
    }
    if (chunk === 1) break;
  }
  const detail = checkLine(replayed(c.start, prefix), line).violations.find(
    (v) => v.kind === c.kind,
  )?.detail;
  return { ...c, prefix, line, detail: detail ?? c.detail };
}

function replayed(start: number, prefix: readonly string[]): Store {
  const store = storeFor(start);
  for (const l of prefix) store.getState().runCommand(l);
  return store;
}

export interface Summary {
  readonly lines: number;
  readonly sessions: number;
  readonly errors: number;
  readonly silent: number;
  readonly violations: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** First counterexample of each distinct (kind, detail shape), in order found. */
  readonly counterexamples: readonly Counterexample[];
}

const shape = (c: Counterexample) =>
  `${c.kind}:${c.detail.replace(/\d+|"[^"]*"|'[^']*'/g, '#').slice(0, 60)}`;

export function fuzzTerminal(opts: {
  lines: number;
  seed: number;
  keep?: number;
  ignore?: RegExp;
}): Summary {
  const r = new Prng(opts.seed);
  const keep = opts.keep ?? 8;
  const found = new Map<string, Counterexample>();
  const byKind: Record<string, number> = {};
  let errors = 0;
  let silent = 0;
  let violations = 0;
  let sessions = 0;
  for (let done = 0; done < opts.lines; sessions++) {
    const start = r.chance(0.5) ? -1 : r.int(SCENARIOS.length);
    const store = storeFor(start);
    const history: string[] = [];
    for (let i = 0; i < SESSION && done < opts.lines; i++, done++) {
      const line = nextLine(r);
      const o = checkLine(store, line);
      if (o.exit !== 0) errors++;
      if (o.silent) silent++;
      for (const v of o.violations) {
        if (opts.ignore?.test(`${v.kind} ${v.detail} ${line}`)) continue;
        violations++;
        byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
        const c: Counterexample = { ...v, start, prefix: [...history], line };
        const key = `${shape(c)}:${(line.trim().split(/\s+/)[0] ?? '').slice(0, 20)}`;
        if (!found.has(key) && found.size < keep * 3) found.set(key, c);
      }
      history.push(line);
      if (o.exit === null) break;
    }
  }
  const shrunk = new Map<string, Counterexample>();
  for (const c of found.values()) {
    if (shrunk.size >= keep) break;
    const m = shrink(c);
    const key = `${shape(m)}:${m.line.replace(/['"\s]/g, '').slice(0, 20)}`;
    if (!shrunk.has(key)) shrunk.set(key, m);
  }
  const counterexamples = [...shrunk.values()];
  return { lines: opts.lines, sessions, errors, silent, violations, byKind, counterexamples };
}

const show = (s: string) =>
  JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…(${s.length} chars)` : s);

export function describe(c: Counterexample): string {
  const start = c.start < 0 ? 'an empty host' : `scenario ${SCENARIOS[c.start]?.id ?? c.start}`;
  return [
    `[${c.kind}] ${c.detail}`,
    `  from ${start}:`,
    ...c.prefix.map((l) => `    ${show(l)}`),
    `  >  ${show(c.line)}`,
  ].join('\n');
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(n) ? n : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = arg('lines', 100_000);
  const seed = arg('seed', 1);
  const t0 = process.hrtime.bigint();
  const i = process.argv.indexOf('--ignore');
  const ignoreText = i >= 0 ? process.argv[i + 1] : undefined;
  const s = fuzzTerminal({
    lines,
    seed,
    keep: arg('show', 8),
    ...(ignoreText ? { ignore: new RegExp(ignoreText) } : {}),
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const kinds =
    Object.entries(s.byKind)
      .map(([k, n]) => `${k}:${n}`)
      .join(' ') || 'none';
  console.log(
    `fuzz-terminal ${s.violations ? 'FAIL' : 'ok'}: seed=${seed} lines=${s.lines} sessions=${s.sessions} nonzero-exit=${s.errors} silent=${s.silent} violations=${s.violations} (${kinds}) distinct=${s.counterexamples.length} time=${secs.toFixed(1)}s`,
  );
  for (const c of s.counterexamples) console.log(describe(c));
  if (s.violations) process.exitCode = 1;
}
