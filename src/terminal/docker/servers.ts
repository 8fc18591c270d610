// Servers a container's command starts (`docker run [-d] busybox nc -l -p 80`, `docker exec [-d] c1
// httpd -p 8080`): what the terminal prints around them. The lab's terminal takes one line at a time
// and cannot stay attached to a process, so a foreground server gets a note saying what a real
// terminal does instead of pretending it returned.
import { findImage, serverOf, type Container, type Server } from '../../sim';
import { hereContainer, type Ctx } from '../context';

/** The server `command` starts in this container's image, if the lab models it. */
export function serverIn(c: Pick<Container, 'image'>, command: readonly string[]): Server | null {
  const image = findImage(c.image);
  return image ? serverOf(image, command) : null;
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
 * `nc -l …` typed in a shell: in a container the server starts there (busybox nc); the host runs
 * no servers of its own in the lab, and says so rather than netcat's usage. Null: not a listen.
 */
export function ncListen(args: readonly string[], ctx: Ctx): number | null {
  const listen = args.some((a) => /^-[a-zA-Z0-9]*l/.test(a) && !a.startsWith('--'));
  if (!listen) return null;
  const c = hereContainer(ctx.api.world(), ctx.where);
  if (!c) {
    ctx.err(
      '(lab) nc -l: the lab runs no servers on the host itself yet; run one in a container: docker run -d -p 9000:9000 busybox nc -l -p 9000\n',
    );
    return 1;
  }
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
