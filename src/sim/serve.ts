// What a container serves: its image's own listeners, or the server its command starts instead.
// Only busybox's `httpd` is modelled as a command-line server: `-p [IP:]PORT` picks what it binds,
// which is how "the server listens on 127.0.0.1 only" happens in a real container.
import type { ImageInfo } from './images';
import type { Listener } from './types';

// busybox httpd's answer to `GET /` in a container with no /index.html (send_headers, HTTP_NOT_FOUND).
const NOT_FOUND =
  '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

export interface Httpd {
  /** `-f`: stay in the foreground. Without it httpd daemonises and the container's PID 1 exits. */
  readonly foreground: boolean;
  readonly listener: Listener;
}

/** busybox `httpd [-f] [-p [IP:]PORT] …` (also as `busybox httpd …`), or null for another command. */
export function httpdOf(image: ImageInfo, command: readonly string[]): Httpd | null {
  if (image.name !== 'busybox' && image.name !== 'alpine') return null;
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
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 80,
    ...(ip && ip !== '0.0.0.0' ? { ip } : {}),
    http: { status: 404, body: NOT_FOUND },
  };
  return { foreground, listener };
}

/** The sockets a container's processes listen on once it runs. */
export function listenersOf(image: ImageInfo, command: readonly string[]): readonly Listener[] {
  const httpd = httpdOf(image, command);
  return httpd ? [httpd.listener] : image.listeners;
}
