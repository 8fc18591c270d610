// What a container's server writes to its log while a flow runs: Python's http.server logs each
// request on stderr (log_message, unbuffered, so it reaches `docker logs` at once, unlike its
// "Serving HTTP" line on buffered stdout: src/sim/__fixtures__/servers/). The walk collects the
// lines by the listener that answered; the world after the flow keeps them on that container.
import { LIMITS } from '../limits';
import type { Container, Listener } from '../types';

export interface Logged {
  readonly listener: Listener;
  readonly lines: readonly string[];
}

/** The containers with the lines their listeners logged appended, the last `LIMITS.logLines` kept. */
export function withLogs(
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
