// Servers a container's command starts (`docker run [-d] busybox nc -l -p 80`, `docker exec [-d] c1
// httpd -p 8080`): what the terminal prints around them. The lab's terminal takes one line at a time
// and cannot stay attached to a process, so a foreground server gets a note saying what a real
// terminal does instead of pretending it returned.
import { findImage, serverOf, type Container, type Server } from '../../sim';
import type { Ctx } from '../context';

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
export function foregroundNote(ctx: Ctx, program: string, container: string, exec: boolean): void {
  ctx.err(
    exec
      ? `(lab) ${program} now listens in ${container}. A real terminal stays attached to it; Ctrl-C ends only the docker client (without -t, exec passes no signal on), and ${program} keeps running. Here the prompt comes back at once, as with docker exec -d.\n`
      : `(lab) ${program} now listens in ${container}. A real terminal stays attached to it until Ctrl-C, which docker passes on: ${program} and the container stop. Here the prompt comes back at once and the container runs on, as with docker run -d; docker stop ${container} ends it.\n`,
  );
}
