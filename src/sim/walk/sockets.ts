// Who listens where: container services, host-mode services, docker-proxy, remote servers, clients.
import { findImage } from '../images';
import { INTERNET_LISTENERS } from '../internet';
import { nodeId } from '../node';
import type { HostJob, Listener, PortBinding, World } from '../types';
import type { NodeId } from '../trace';
import type { DnsRole, SocketInfo, SocketTable } from './state';
import { containerNs } from './topology';

export interface SocketDetail extends SocketInfo {
  readonly listener?: Listener;
  /** For docker-proxy: the binding it forwards to. */
  readonly binding?: PortBinding;
  /** A server the host's shell runs in the background (`nc -l -p 9000 &`). */
  readonly job?: HostJob;
}

const PROCESS: { readonly [image: string]: string } = {
  nginx: 'nginx',
  'training/webapp': 'python',
  redis: 'redis-server',
  httpd: 'httpd',
};

interface Bound {
  readonly proto: 'tcp' | 'udp';
  readonly ip: string | null; // null = any address
  readonly port: number;
  /** A connected (client) socket only accepts segments from its peer. */
  readonly peer?: { readonly ip: string; readonly port: number };
  readonly detail: SocketDetail;
}

type Index = Map<NodeId, Bound[]>;

/** Adds `b` to `node`'s sockets in `index`. */
function bind(index: Index, node: NodeId, b: Bound): void {
  const list = index.get(node);
  if (list) list.push(b);
  else index.set(node, [b]);
}

// Listeners depend only on containers, remotes, the daemon's proxy setting and the host's jobs.
const cache = new WeakMap<World['containers'], { key: readonly unknown[]; index: Index }>();

function indexOf(world: World): Index {
  const key = [world.remotes, world.daemon, world.host.jobs];
  const hit = cache.get(world.containers);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.index;
  const index = new ListenerIndex(world).byNode;
  cache.set(world.containers, { key, index });
  return index;
}

/**
 * The host's own sshd, as on a Debian Docker host with openssh-server (1:9.2p1-2+deb12u10): on
 * port 22 of every address, writing its identification line as soon as it accepts.
 */
export const HOST_SSHD: Listener = {
  proto: 'tcp',
  port: 22,
  banner: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n',
  process: 'sshd',
};

class ListenerIndex {
  readonly byNode: Index = new Map();

  constructor(world: World) {
    this.add('host', {
      proto: 'tcp',
      ip: null,
      port: HOST_SSHD.port,
      detail: { process: 'sshd', kind: 'listener', listener: HOST_SSHD },
    });
    for (const job of world.host.jobs ?? [])
      this.add('host', {
        proto: job.listener.proto,
        ip: job.listener.ip ?? null,
        port: job.listener.port,
        detail: { process: 'nc', kind: 'listener', listener: job.listener, job },
      });
    for (const c of world.containers) {
      if (c.state !== 'running') continue;
      const node = containerNs(world, c);
      const process = PROCESS[findImage(c.image)?.name ?? ''] ?? c.command[0] ?? 'sh';
      for (const l of c.listeners)
        this.add(node, {
          proto: l.proto,
          ip: l.ip ?? null,
          port: l.port,
          detail: { process: l.process ?? process, kind: 'listener', listener: l },
        });
    }
    if (world.daemon.userlandProxy) {
      for (const c of world.containers) {
        for (const b of c.bindings) {
          this.add('host', {
            proto: b.proto,
            ip: b.hostIp,
            port: b.hostPort,
            detail: { process: 'docker-proxy', kind: 'proxy', binding: b },
          });
        }
      }
    }
    for (const r of world.remotes) {
      for (const l of r.listeners)
        this.add(nodeId.remote(r.name), {
          proto: l.proto,
          ip: l.ip ?? null,
          port: l.port,
          detail: { process: r.name, kind: 'listener', listener: l },
        });
    }
    for (const l of INTERNET_LISTENERS)
      this.add('internet', {
        proto: l.proto,
        ip: l.ip ?? null,
        port: l.port,
        detail:
          l.proto === 'udp'
            ? { process: 'dns', kind: 'listener', listener: l, dns: 'resolver' }
            : { process: 'httpd', kind: 'listener', listener: l },
      });
  }

  private add(node: NodeId, b: Bound): void {
    bind(this.byNode, node, b);
  }
}

/** The world's listeners plus the client sockets one simulate() call opens. */
export class Sockets implements SocketTable {
  private readonly base: Index;
  private readonly clients: Index = new Map();
  /** Sockets a daemon outside the world's listeners binds for this walk (dockerd's resolver). */
  private readonly servers: Index = new Map();

  constructor(world: World) {
    this.base = indexOf(world);
  }

  addClient(
    node: NodeId,
    proto: 'tcp' | 'udp',
    ip: string,
    port: number,
    peerIp: string,
    peerPort: number,
    dns?: DnsRole,
  ): void {
    const b: Bound = {
      proto,
      ip,
      port,
      peer: { ip: peerIp, port: peerPort },
      detail: { process: 'client', kind: 'client', ...(dns ? { dns } : {}) },
    };
    bind(this.clients, node, b);
  }

  /** A listening socket bound for this walk only (`ip` exact, never a wildcard). */
  addServer(
    node: NodeId,
    proto: 'tcp' | 'udp',
    ip: string,
    port: number,
    process: string,
    dns?: DnsRole,
  ): void {
    const b: Bound = {
      proto,
      ip,
      port,
      detail: { process, kind: 'listener', ...(dns ? { dns } : {}) },
    };
    bind(this.servers, node, b);
  }

  detail(
    node: NodeId,
    proto: 'tcp' | 'udp',
    ip: string,
    port: number,
    peerIp: string,
    peerPort: number,
  ): SocketDetail | null {
    const client = (this.clients.get(node) ?? []).find(
      (b) =>
        b.proto === proto &&
        b.port === port &&
        b.ip === ip &&
        b.peer?.ip === peerIp &&
        b.peer.port === peerPort,
    );
    if (client) return client.detail;
    const server = (this.servers.get(node) ?? []).find(
      (b) => b.proto === proto && b.port === port && b.ip === ip,
    );
    if (server) return server.detail;
    const list = this.base.get(node) ?? [];
    // A socket bound to the exact address wins over one bound to any address.
    const exact = list.find((b) => b.proto === proto && b.port === port && b.ip === ip);
    const any = list.find((b) => b.proto === proto && b.port === port && b.ip === null);
    return (exact ?? any)?.detail ?? null;
  }

  lookup(
    node: NodeId,
    proto: 'tcp' | 'udp',
    ip: string,
    port: number,
    peerIp: string,
    peerPort: number,
  ): SocketInfo | null {
    return this.detail(node, proto, ip, port, peerIp, peerPort);
  }
}

/** A socket bound in a namespace as ss and netstat list it; `ip` null: any address. */
export interface Listening {
  readonly proto: 'tcp' | 'udp';
  readonly ip: string | null;
  readonly port: number;
  readonly process: string;
  readonly listener?: Listener;
  readonly job?: HostJob;
}

/** The sockets listening in a namespace (the listeners only: the lab keeps no connection open). */
export function listeningAt(world: World, node: NodeId): readonly Listening[] {
  return (indexOf(world).get(node) ?? []).map((b) => ({
    proto: b.proto,
    ip: b.ip,
    port: b.port,
    process: b.detail.process,
    ...(b.detail.listener ? { listener: b.detail.listener } : {}),
    ...(b.detail.job ? { job: b.detail.job } : {}),
  }));
}
