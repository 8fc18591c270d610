// tcpdump on every interface of every namespace: start (confirmed listening), stop, parse.
import type { ChildProcess } from 'node:child_process';
import { nsSpawn } from './netns';
import { parseTcpdump } from './parse';
import type { WireFrame } from './wire';

/**
 * -p: no promiscuous mode. On a bridge device promiscuity changes what the bridge passes up
 * (unknown unicast would reach docker0), so it would change the very thing measured.
 * -v for the TTL, -S for absolute sequence numbers (retransmissions), --immediate-mode so a
 * frame is printed when it is seen, not when a buffer block fills.
 */
export const TCPDUMP_ARGS = ['-p', '-nn', '-e', '-v', '-S', '-l', '-tt', '--immediate-mode'];

interface Sniffer {
  readonly ns: string;
  readonly iface: string;
  readonly child: ChildProcess;
  out: string;
  err: string;
  lastData: number;
}

export interface Capture {
  readonly sniffers: readonly Sniffer[];
}

export interface IfaceCapture {
  readonly ns: string;
  readonly iface: string;
  readonly frames: readonly WireFrame[];
  readonly raw: string;
}

function startOne(ns: string, iface: string): Promise<Sniffer> {
  const child = nsSpawn(ns, ['tcpdump', '-i', iface, ...TCPDUMP_ARGS]);
  const s: Sniffer = { ns, iface, child, out: '', err: '', lastData: Date.now() };
  child.stdout?.on('data', (d: Buffer) => {
    s.out += d.toString();
    s.lastData = Date.now();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tcpdump ${ns}/${iface} silent: ${s.err}`)),
      5000,
    );
    child.stderr?.on('data', (d: Buffer) => {
      s.err += d.toString();
      if (s.err.includes('listening on')) {
        clearTimeout(timer);
        resolve(s);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tcpdump ${ns}/${iface} exited (${code}): ${s.err.trim()}`));
    });
  });
}

/** Starts every sniffer and resolves once each has printed "listening on". */
export async function startCapture(
  targets: readonly { ns: string; ifaces: readonly string[] }[],
): Promise<Capture> {
  const pending = targets.flatMap((t) => t.ifaces.map((i) => startOne(t.ns, i)));
  const settled = await Promise.allSettled(pending);
  const sniffers = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) {
    killAll(sniffers);
    throw failed.reason;
  }
  return { sniffers };
}

function killAll(sniffers: readonly Sniffer[]): void {
  for (const s of sniffers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until no sniffer has printed anything for `quietMs` (bounded by `maxMs`), counting from
 * the call at the earliest: the frame a tool's last moment sent (the ICMP error ping exits on)
 * may not be printed yet when the tool is gone.
 */
export async function waitQuiet(cap: Capture, quietMs = 150, maxMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const last = Math.max(start, ...cap.sniffers.map((s) => s.lastData));
    if (Date.now() - last >= quietMs || Date.now() - start >= maxMs) return;
    await sleep(25);
  }
}

/**
 * Lets frames still on their way arrive (waitQuiet), then stops each sniffer with SIGINT and
 * waits for it to exit, so tcpdump prints everything it has.
 */
export async function stopCapture(cap: Capture): Promise<IfaceCapture[]> {
  await waitQuiet(cap);
  await Promise.all(
    cap.sniffers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null) return resolve();
          const timer = setTimeout(() => {
            s.child.kill('SIGKILL');
          }, 2000);
          s.child.on('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          s.child.kill('SIGINT');
        }),
    ),
  );
  return cap.sniffers.map((s) => ({
    ns: s.ns,
    iface: s.iface,
    frames: parseTcpdump(s.out),
    raw: s.out,
  }));
}

/** Kills sniffers without collecting (error paths). */
export function abortCapture(cap: Capture): void {
  killAll(cap.sniffers);
}
