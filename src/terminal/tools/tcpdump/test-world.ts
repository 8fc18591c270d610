// The world the tcpdump tests capture in (test-only): c1 (nginx) and c2 (busybox) on docker0, as
// the real captures in fixtures/ were recorded.
import { createWorld, runContainer, type World } from '../../../sim';

export function captureWorld(): World {
  let w = createWorld();
  for (const [name, image, command] of [
    ['c1', 'nginx', []],
    ['c2', 'busybox', ['sleep', '1d']],
  ] as const) {
    const r = runContainer(w, { name, image, detach: true, command });
    if (!r.ok) throw new Error(r.error.message);
    w = r.world;
  }
  return w;
}
