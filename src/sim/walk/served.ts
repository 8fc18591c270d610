// What the servers did in a flow, applied to the world after it.
// - Logs: Python's http.server logs each request on stderr (log_message, unbuffered, so it reaches
//   `docker logs` at once, unlike its "Serving HTTP" line on buffered stdout:
//   src/sim/__fixtures__/servers/). The lines are kept on the container whose listener answered.
// - One-shot servers: busybox `nc -l` (and `-lk` without -e: serve.ts) serves one TCP connection
//   and exits 0. Measured
//   on loopback in a private namespace (busybox 1.35 nc, stdin /dev/null as under `docker run -d`):
//   it closes its listening socket when it accepts (a second connect while the first is open is
//   refused), exits 0 when the peer closes, and a later connect is refused (RST: curl's "(7)
//   Failed to connect"). As a container's command its exit stops the container (Exited (0));
//   started by `docker exec -d`, only its socket goes. The host's netcat-openbsd `nc -l PORT &` is
//   left as it was: in an interactive bash its stdin is the terminal, and on its first connection
//   it reads it and is stopped (SIGTTIN, `[1]+  Stopped  nc -l 7000`), its socket still listening.
import { stopContainer } from '../ops/containers';
import { LIMITS } from '../limits';
import type { Container, Listener, World } from '../types';

export interface Logged {
  readonly listener: Listener;
  readonly lines: readonly string[];
}

/** The containers with the lines their listeners logged appended, the last `LIMITS.logLines` kept. */
function withLogs(
  containers: readonly Container[],
  logged: readonly Logged[],
): readonly Container[] {
  if (logged.length === 0) return containers;
  return containers.map((c) => {
    const lines = logged.filter((l) => c.listeners.includes(l.listener)).flatMap((l) => l.lines);
    if (lines.length === 0) return c;
    return { ...c, log: [...(c.log ?? []), ...lines].slice(-LIMITS.logLines) };
  });
}

/** The world once the one-shot servers that accepted a connection (`ended`) have exited. */
function endServers(world: World, ended: readonly Listener[]): World {
  let w = world;
  for (const l of ended) {
    const c = w.containers.find((x) => x.state === 'running' && x.listeners.includes(l));
    if (c && l.process === undefined) {
      // PID 1 exits 0: the container stops as if its command had ended by itself.
      const r = stopContainer(w, c.id, 0);
      if (r.ok) w = r.world;
    } else if (c) {
      const rest = c.listeners.filter((x) => x !== l);
      w = { ...w, containers: w.containers.map((x) => (x === c ? { ...c, listeners: rest } : x)) };
    }
  }
  return w;
}

/** The world after a flow, with what its servers logged and which of them exited. */
export function afterServers(
  world: World,
  logged: readonly Logged[],
  ended: readonly Listener[],
): World {
  return endServers({ ...world, containers: withLogs(world.containers, logged) }, ended);
}
