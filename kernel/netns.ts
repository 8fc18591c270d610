// Network namespaces for the suite: every command runs inside one of ours; never in the root namespace.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

/** Prefix of every namespace this process creates: `dnl-<pid>-`. */
export const NS_PREFIX = `dnl-${process.pid}-`;

/**
 * Every process we start in a namespace dies with us: `setpriv --pdeathsig SIGKILL` survives the
 * exec of `ip netns exec` and of the tool, so even if this process is SIGKILLed (tsx kills a child
 * that does not acknowledge a relayed signal fast enough) no tcpdump or listener is left behind.
 */
const inNs = (ns: string, argv: readonly string[]): string[] => [
  '--pdeathsig',
  'SIGKILL',
  '--',
  'ip',
  'netns',
  'exec',
  ns,
  ...argv,
];

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function assertOurs(ns: string): void {
  if (!ns.startsWith(NS_PREFIX) || /[\s/]/.test(ns)) {
    throw new Error(`refusing to touch namespace "${ns}": not one of ours (${NS_PREFIX}*)`);
  }
}

/** Runs argv inside namespace ns (`ip netns exec`). Never throws on a non-zero exit. */
export async function nsRun(
  ns: string,
  argv: readonly string[],
  input?: string,
): Promise<ExecResult> {
  assertOurs(ns);
  return new Promise((resolve, reject) => {
    const child = spawn('setpriv', inNs(ns, argv), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    // A tool that never reads stdin (nc -z) may be gone before we write: not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Like nsRun but a non-zero exit is an error that names the command. */
export async function nsMust(ns: string, argv: readonly string[], input?: string): Promise<string> {
  const r = await nsRun(ns, argv, input);
  if (r.code !== 0) {
    throw new Error(`[${ns}] ${argv.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/** `ip -batch` inside ns: one spawn for many link/addr/route commands. */
export async function ipBatch(ns: string, commands: readonly string[]): Promise<void> {
  if (commands.length === 0) return;
  await nsMust(ns, ['ip', '-batch', '-'], commands.join('\n') + '\n');
}

/** A long-running process inside ns (servers, tcpdump). The caller stops it by its pid. */
export function nsSpawn(ns: string, argv: readonly string[]): ChildProcess {
  assertOurs(ns);
  return spawn('setpriv', inNs(ns, argv), { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates a namespace with IPv6 off (no RS/MLD/DAD noise) and lo up. */
export async function createNs(ns: string): Promise<void> {
  assertOurs(ns);
  await execFileP('ip', ['netns', 'add', ns]);
  await nsMust(ns, [
    'sysctl',
    '-qw',
    'net.ipv6.conf.all.disable_ipv6=1',
    'net.ipv6.conf.default.disable_ipv6=1',
    // Linux's default (a new namespace copies the root's, here 32 MB: wscale 10). With it the
    // TCP window scale is 7, as on a default host and in the lab's tcpdump text.
    'net.ipv4.tcp_rmem=4096 131072 6291456',
  ]);
  await ipBatch(ns, ['link set lo up']);
}

export async function sysctls(
  ns: string,
  values: Readonly<Record<string, string | number>>,
): Promise<void> {
  const args = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  if (args.length > 0) await nsMust(ns, ['sysctl', '-qw', ...args]);
}

/** Namespaces whose name is dnl-<pid>-… */
export function listDnlNamespaces(): string[] {
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => n.startsWith('dnl-'));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Deletes dnl-<pid>-* namespaces left by runs whose process is gone. Returns what it removed. */
export function removeStaleNamespaces(): string[] {
  const removed: string[] = [];
  for (const ns of listDnlNamespaces()) {
    const pid = Number(/^dnl-(\d+)-/.exec(ns)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || pidAlive(pid)) continue;
    // Processes a dead run left inside are not ours to kill: deleting the name is enough.
    execFileSync('ip', ['netns', 'del', ns]);
    removed.push(ns);
  }
  return removed;
}

/** Kills what still runs inside one of OUR namespaces (`ip netns pids`): all started by this run. */
function killNsProcesses(ns: string): void {
  const out = execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' });
  for (const pid of out
    .split('\n')
    .map(Number)
    .filter((p) => p > 0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Removes namespaces synchronously (usable from a signal handler): kills the processes inside
 * each first, so the namespace really goes away with its interfaces.
 */
export function deleteNamespacesSync(names: readonly string[]): void {
  for (const ns of names) {
    assertOurs(ns);
    try {
      killNsProcesses(ns);
    } catch {
      // namespace already gone
    }
    try {
      execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    } catch {
      // already deleted
    }
  }
}

/** Every namespace this process still owns. */
export function ownNamespaces(): string[] {
  return listDnlNamespaces().filter((n) => n.startsWith(NS_PREFIX));
}
