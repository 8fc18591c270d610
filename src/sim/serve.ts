// What a container serves: its image's own listeners, or the server its command starts instead:
// busybox `httpd` and busybox `nc -l[k][u] -p PORT`. The same parser reads `docker exec -d CTR
// CMD…`, which adds the server to a running container.
import type { ImageInfo } from './images';
import { pythonHttpServer } from './serve-python';
import type { Listener } from './types';

// busybox httpd's answer to `GET /` in a container with no /index.html (send_headers, HTTP_NOT_FOUND).
const NOT_FOUND =
  '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

/** A server a command line starts. */
export interface Server {
  /** Stays in the foreground (PID 1 keeps running). httpd without -f daemonises instead. */
  readonly foreground: boolean;
  readonly listener: Listener;
  /**
   * What it prints to stdout on starting (Python's "Serving HTTP on …"), and whether that reaches
   * `docker logs` without a tty: Python buffers stdout to a pipe unless run with -u.
   */
  readonly starts?: { readonly line: string; readonly unbuffered: boolean };
}

const isPort = (p: number) => Number.isInteger(p) && p > 0 && p < 65536;
const BUSYBOX_IMAGES = ['busybox', 'alpine'];

/** busybox `httpd [-f] [-p [IP:]PORT] …` (also as `busybox httpd …`), or null for another command. */
export function httpdOf(image: ImageInfo, command: readonly string[]): Server | null {
  if (!BUSYBOX_IMAGES.includes(image.name)) return null;
  const argv = command[0] === 'busybox' ? command.slice(1) : command;
  if (argv[0] !== 'httpd' && argv[0] !== '/bin/httpd') return null;
  let foreground = false;
  let bind = '80';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-f') foreground = true;
    else if (a === '-p') bind = argv[++i] ?? bind;
    else if (a.startsWith('-p')) bind = a.slice(2);
    else if (/^-[fvh]+$/.test(a) && a.includes('f')) foreground = true;
  }
  // openServer(): a bare number is a port on every address; otherwise ADDR[:PORT], port 80 by default.
  const colon = bind.lastIndexOf(':');
  const numeric = /^\d+$/.test(bind);
  const ip = numeric ? null : colon === -1 ? bind : bind.slice(0, colon);
  const port = numeric ? Number(bind) : colon === -1 ? 80 : Number(bind.slice(colon + 1));
  const listener: Listener = {
    proto: 'tcp',
    port: isPort(port) ? port : 80,
    ...(ip && ip !== '0.0.0.0' ? { ip } : {}),
    http: { status: 404, body: NOT_FOUND },
  };
  return { foreground, listener };
}

/**
 * busybox `nc -l [-k] [-u] -p PORT [-s ADDR]` (nc_bloaty's getopt: bundled letters, `-pPORT`).
 * Without -p busybox binds a random port nobody can name, so the lab starts nothing then. nc sends
 * only what its stdin gives it, and a detached container's stdin is empty: it answers nothing.
 */
export function ncListenOf(image: ImageInfo, command: readonly string[]): Server | null {
  if (!BUSYBOX_IMAGES.includes(image.name)) return null;
  const argv = command[0] === 'busybox' ? command.slice(1) : command;
  if (argv[0] !== 'nc' && argv[0] !== '/bin/nc') return null;
  let listen = false;
  let keep = false;
  let prog = false;
  let udp = false;
  let port: number | null = null;
  let ip: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-') || a === '-') break; // HOST PORT: a client, or -l's optional peer
    for (let k = 1; k < a.length; k++) {
      const c = a[k] ?? '';
      if (c === 'p' || c === 's' || c === 'w' || c === 'i' || c === 'e') {
        const v = a.slice(k + 1) || argv[++i];
        if (c === 'p') port = Number(v);
        if (c === 's') ip = v ?? null;
        if (c === 'e') {
          prog = true;
          i = argv.length; // -e PROG ARGS…: the rest is the program's
        }
        break;
      }
      listen ||= c === 'l';
      keep ||= c === 'k';
      udp ||= c === 'u';
    }
  }
  if (!listen || port === null || !isPort(port)) return null;
  const listener: Listener = {
    proto: udp ? 'udp' : 'tcp',
    port,
    ...(ip && ip !== '0.0.0.0' ? { ip } : {}),
    silent: true,
    // One TCP connection, then nc exits: nc_bloaty's dolisten forks per connection only for
    // `-lk -e PROG` ("-lk  With -e, provides persistent server"), else it closes its listening
    // socket on accept (busybox 1.36.1). With -u it keeps the socket it connect()ed to the sender.
    ...((keep && prog) || udp ? {} : { once: true as const }),
  };
  return { foreground: true, listener };
}

/** `python3 -m http.server …` in the python image (serve-python.ts). */
export function pythonServerOf(image: ImageInfo, command: readonly string[]): Server | null {
  if (image.name !== 'python') return null;
  const p = pythonHttpServer(command);
  return (
    p && {
      foreground: true,
      listener: p.listener,
      starts: { line: p.serving, unbuffered: p.unbuffered },
    }
  );
}

/** The server a command line starts in this image, if it is one the lab models. */
export function serverOf(image: ImageInfo, command: readonly string[]): Server | null {
  return httpdOf(image, command) ?? ncListenOf(image, command) ?? pythonServerOf(image, command);
}

/** The sockets a container's processes listen on once it runs. */
export function listenersOf(image: ImageInfo, command: readonly string[]): readonly Listener[] {
  const server = serverOf(image, command);
  return server ? [server.listener] : image.listeners;
}
