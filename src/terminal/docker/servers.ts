// Servers a container's command starts (`docker run [-d] busybox nc -l -p 80`, `docker exec [-d] c1
// httpd -p 8080`): what the terminal prints around them. The lab's terminal takes one line at a time
// and cannot stay attached to a process, so a foreground server gets a note saying what a real
// terminal does instead of pretending it returned.
import { findImage, serverOf, type Container, type Server } from '../../sim';
import { hereContainer, type Ctx } from '../context';
import { hostNcListen } from '../host/jobs';

/** The server `command` starts in this container's image, if the lab models it. */
export function serverIn(c: Pick<Container, 'image'>, command: readonly string[]): Server | null {
  const image = findImage(c.image);
  return image ? serverOf(image, command) : null;
}

/**
 * What `docker logs` shows of a running container: its image's lines, or what the server its
 * command started printed. Python's "Serving HTTP on …" goes to stdout, which Python buffers when
 * it is a pipe (no -t) unless run with -u: it never reaches the log then (the python image sets no
 * PYTHONUNBUFFERED; measured, src/sim/__fixtures__/servers/). Its access log lines (stderr,
 * unbuffered) are the container's `log`, which `docker logs` prints after these.
 */
export function startupLogs(c: Pick<Container, 'image' | 'command' | 'tty'>): readonly string[] {
  const starts = serverIn(c, c.command)?.starts;
  if (starts) return c.tty || starts.unbuffered ? [starts.line] : [];
  return findImage(c.image)?.logs ?? [];
}

/** The socket is taken already in the container's namespace (busybox xbind's perror). */
export function portTaken(c: Container, s: Server): boolean {
  return c.listeners.some(
    (l) =>
      l.proto === s.listener.proto &&
      l.port === s.listener.port &&
      (l.ip === undefined || s.listener.ip === undefined || l.ip === s.listener.ip),
  );
}

/** What a real terminal does while a foreground server runs, which the lab does not do. */
export function foregroundNote(
  ctx: Ctx,
  program: string,
  container: string,
  how: 'run' | 'exec' | 'shell',
): void {
  if (how === 'shell') {
    ctx.err(
      `(lab) ${program} now listens in ${container}. A real shell waits for it until Ctrl-C ends it; here the prompt comes back at once and ${program} listens until the container stops.\n`,
    );
    return;
  }
  ctx.err(
    how === 'exec'
      ? `(lab) ${program} now listens in ${container}. A real terminal stays attached to it; Ctrl-C ends only the docker client (without -t, exec passes no signal on), and ${program} keeps running. Here the prompt comes back at once, as with docker exec -d.\n`
      : `(lab) ${program} now listens in ${container}. A real terminal stays attached to it until Ctrl-C, which docker passes on: ${program} and the container stop. Here the prompt comes back at once and the container runs on, as with docker run -d; docker stop ${container} ends it.\n`,
  );
}

/**
 * `nc -l …` typed in a shell: in a container the server starts there (busybox nc); on the host
 * netcat-openbsd runs as a background job with `&`. Null: not a listen.
 */
export function ncListen(args: readonly string[], ctx: Ctx): number | null {
  const listen = args.some((a) => /^-[a-zA-Z0-9]*l/.test(a) && !a.startsWith('--'));
  if (!listen) return null;
  const c = hereContainer(ctx.api.world(), ctx.where);
  // The host's own netcat-openbsd: a background job (host/jobs.ts).
  if (!c) return hostNcListen(args, ctx);
  const command = ['nc', ...args];
  const server = serverIn(c, command);
  if (!server) return null;
  if (portTaken(c, server)) {
    ctx.err('nc: bind: Address in use\n');
    return 1;
  }
  ctx.api.startServer(c.id, command);
  foregroundNote(ctx, 'nc', c.name, 'shell');
  return 0;
}
