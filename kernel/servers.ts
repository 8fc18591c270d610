// The listeners of the world (containers, remotes, the internet, docker-proxy) as python services in the right namespace.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { INTERNET_LISTENERS, nodeId, type Listener, type World } from '../src/sim';
import { PUBLIC_TTL } from '../src/sim/dns-message';
import { DNS_RECORDS } from '../src/sim/internet';
import { LISTENER_FIRST } from './cpu';
import { nsRun, nsSpawn } from './netns';
import type { TopologyPlan } from './topology';

export type Service =
  | {
      readonly kind: 'http';
      readonly port: number;
      readonly status: number;
      readonly body: string;
      readonly bind?: string;
    }
  | { readonly kind: 'tcp'; readonly port: number; readonly bind?: string }
  | { readonly kind: 'udp'; readonly port: number; readonly echo: boolean; readonly bind?: string }
  | {
      // The internet's resolvers (dns.py): what the engine's answer (src/sim/dns-message.ts).
      readonly kind: 'dns';
      readonly port: number;
      readonly bind?: string;
      readonly records: Readonly<Record<string, string>>;
      readonly ttl: number;
    }
  | {
      readonly kind: 'proxy';
      readonly proto: 'tcp' | 'udp';
      readonly bind: string;
      readonly port: number;
      readonly toIp: string;
      readonly toPort: number;
    };

/** Decides, per UDP listener, whether it echoes: the world does not say, so the caller does. */
export type UdpEcho = (node: string, port: number) => boolean;

function fromListener(node: string, l: Listener, udpEcho: UdpEcho): Service {
  // A server bound to one address (`httpd -p 127.0.0.1:80`, the resolvers' 8.8.8.8:53) binds there.
  const bind = l.ip === undefined ? {} : { bind: l.ip };
  if (l.proto === 'udp' && node === 'internet' && l.port === 53)
    return { kind: 'dns', port: 53, records: DNS_RECORDS, ttl: PUBLIC_TTL, ...bind };
  if (l.proto === 'udp') return { kind: 'udp', port: l.port, echo: udpEcho(node, l.port), ...bind };
  if (l.http)
    return { kind: 'http', port: l.port, status: l.http.status, body: l.http.body, ...bind };
  return { kind: 'tcp', port: l.port, ...bind };
}

/** Services per namespace: container and remote listeners, plus one docker-proxy per binding. */
export function planServices(
  world: World,
  plan: TopologyPlan,
  udpEcho: UdpEcho,
): Map<string, Service[]> {
  const byNs = new Map<string, Service[]>();
  const add = (ns: string | undefined, s: Service) => {
    if (ns === undefined) return;
    byNs.set(ns, [...(byNs.get(ns) ?? []), s]);
  };
  for (const c of world.containers) {
    const node = nodeId.container(c.name);
    const ns = plan.nodeNs[node];
    for (const l of c.listeners) add(ns, fromListener(node, l, udpEcho));
    if (!world.daemon.userlandProxy || c.state !== 'running') continue;
    for (const b of c.bindings) {
      add(plan.nodeNs.host, {
        kind: 'proxy',
        proto: b.proto,
        bind: b.hostIp ?? '0.0.0.0',
        port: b.hostPort,
        toIp: b.containerIp,
        toPort: b.containerPort,
      });
    }
  }
  for (const r of world.remotes) {
    const node = nodeId.remote(r.name);
    for (const l of r.listeners) add(plan.nodeNs[node], fromListener(node, l, udpEcho));
  }
  for (const l of INTERNET_LISTENERS)
    add(plan.nodeNs.internet, fromListener('internet', l, udpEcho));
  return byNs;
}

const SCRIPT = fileURLToPath(new URL('./listen.py', import.meta.url));

export interface RunningServers {
  readonly children: readonly ChildProcess[];
}

/** Starts one python per namespace and waits for its "ready" line, then checks `ss` agrees. */
export async function startServers(
  python: string,
  services: Map<string, Service[]>,
): Promise<RunningServers> {
  const children: ChildProcess[] = [];
  const started = [...services].map(async ([ns, list]) => {
    const child = nsSpawn(ns, [...LISTENER_FIRST, python, SCRIPT, JSON.stringify(list)]);
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(
        () => reject(new Error(`[${ns}] listeners not ready: ${err}`)),
        5000,
      );
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`[${ns}] listeners exited (${code}): ${err}`));
      });
    });
    await confirmListening(ns, list);
  });
  try {
    await Promise.all(started);
  } catch (e) {
    stopServers({ children });
    throw e;
  }
  return { children };
}

async function confirmListening(ns: string, list: readonly Service[]): Promise<void> {
  const tcp = await nsRun(ns, ['ss', '-Hltn']);
  const udp = await nsRun(ns, ['ss', '-Hlun']);
  for (const s of list) {
    const isUdp = s.kind === 'udp' || s.kind === 'dns' || (s.kind === 'proxy' && s.proto === 'udp');
    const table = isUdp ? udp.stdout : tcp.stdout;
    if (!new RegExp(`:${s.port}\\s`).test(table)) {
      throw new Error(`[${ns}] ss shows nothing on ${isUdp ? 'udp' : 'tcp'}/${s.port}`);
    }
  }
}

export function stopServers(s: RunningServers): void {
  for (const c of s.children) if (c.exitCode === null && c.pid !== undefined) c.kill('SIGKILL');
}
