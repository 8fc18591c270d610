// The sockets ss and netstat list in a namespace: the model's listeners (docker-proxy per published
// port on the host, or dockerd's reservation without it; the containers' services), one per
// address family when bound to any address (docker-proxy 27 listens on 0.0.0.0 and on [::] with
// IPV6_V6ONLY). The lab keeps no connection
// open between two lines, so there are only listening (TCP) and unconnected (UDP) sockets. Pure.
import { listeningAt, type Listening, type World } from '../../sim';
import type { Netns } from './netns';

export interface Sock {
  readonly proto: 'tcp' | 'udp';
  readonly v6: boolean;
  /** The bound address as typed (`0.0.0.0`, `::`, `127.0.0.1`). */
  readonly ip: string;
  readonly port: number;
  readonly process: string;
  /** A stand-in pid: the lab runs no processes (the corpus test normalises pids). */
  readonly pid: number;
  /** docker-proxy holds its listening socket on fd 4; dockerd's are stand-ins too. */
  readonly fd: number;
  /** listen()'s backlog, which ss shows as a listening socket's Send-Q. */
  readonly backlog: number;
}

/** Which sockets a listing asks for: protocols, families, listening or connected ones. */
export interface SockQuery {
  readonly tcp: boolean;
  readonly udp: boolean;
  readonly v4: boolean;
  readonly v6: boolean;
  readonly listening: boolean;
  readonly connected: boolean;
}

/**
 * The model's listeners, and without the userland proxy the ports dockerd binds itself to reserve
 * them (libnetwork's "dummy proxy": nothing accepts there, the NAT rules carry the traffic).
 */
function listenersOf(world: World, ns: Netns): readonly Listening[] {
  const own = listeningAt(world, ns.node);
  if (ns.node !== 'host' || world.daemon.userlandProxy) return own;
  const reserved = world.containers.flatMap((c) =>
    c.bindings.map((b) => ({ proto: b.proto, ip: b.hostIp, port: b.hostPort, process: 'dockerd' })),
  );
  return [...own, ...reserved];
}

/** The namespace's sockets in the kernel's listing order: IPv4 before IPv6, then by port. */
export function socketsIn(world: World, ns: Netns, q: SockQuery): Sock[] {
  const out: Sock[] = [];
  listenersOf(world, ns).forEach((l, i) => {
    // netcat-openbsd binds the first address getaddrinfo gives: 0.0.0.0 alone (measured).
    const ips = l.ip !== null ? [l.ip] : l.job ? ['0.0.0.0'] : ['0.0.0.0', '::'];
    // sshd is one process holding both sockets, fds 3 and 4, with listen(fd, 128)
    // (SSH_LISTEN_BACKLOG); docker-proxy runs one process per family; Go listens with somaxconn.
    const sshd = l.listener?.banner !== undefined;
    ips.forEach((ip, k) => {
      out.push({
        proto: l.proto,
        v6: ip.includes(':'),
        ip,
        port: l.port,
        process: l.process,
        pid: l.job?.pid ?? 1200 + 16 * i + (sshd ? 0 : k),
        fd: sshd ? 3 + k : l.job ? 3 : 4,
        // listen(s, 1) in netcat-openbsd's local_listen.
        backlog: sshd ? 128 : l.job ? 1 : 4096,
      });
    });
  });
  // Listening TCP sockets and unconnected UDP ones are what -l shows; there are no others.
  if (!q.listening) return [];
  return out
    .filter((s) => (s.proto === 'tcp' ? q.tcp : q.udp) && (s.v6 ? q.v6 : q.v4))
    .sort((a, b) => Number(a.v6) - Number(b.v6) || a.port - b.port);
}

/** The query of a set of option letters (`tlnp`): no -t/-u means both, no -4/-6 means both. */
export function queryOf(letters: string, listenLetter = 'l'): SockQuery {
  const tcp = letters.includes('t');
  const udp = letters.includes('u');
  const v4 = letters.includes('4');
  const v6 = letters.includes('6');
  const all = letters.includes('a');
  return {
    tcp: tcp || !udp,
    udp: udp || !tcp,
    v4: v4 || !v6,
    v6: v6 || !v4,
    listening: all || letters.includes(listenLetter),
    connected: all || !letters.includes(listenLetter),
  };
}
