// Engine figures: traces per second for a short flow, and one trace / one `docker run` in big worlds.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createWorld,
  runContainer,
  simulate,
  type Flow,
  type IPv4,
  type World,
} from '../../src/sim';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
  /** How the samples behind a median spread: quartiles, extremes and count. */
  readonly spread?: string;
}

function must(r: ReturnType<typeof runContainer>): World {
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

/** A world of n nginx containers, container i publishing 10000+i -> 80. */
export function bigWorld(n: number): World {
  let w = createWorld();
  for (let i = 0; i < n; i++) {
    w = must(
      runContainer(w, {
        image: 'nginx',
        name: `web${i}`,
        detach: true,
        ports: [{ hostIp: null, hostPort: 10000 + i, containerPort: 80, proto: 'tcp' }],
      }),
    );
  }
  return w;
}

/**
 * Milliseconds of CPU per call (process.cpuUsage), after a warm-up: on a busy 2-core machine wall
 * time also counts other processes' turns; CPU time is what this code costs.
 */
function timeIt(fn: () => void, minMs = 400): number {
  for (let i = 0; i < 20; i++) fn();
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < minMs) {
    fn();
    n++;
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / n;
}

/**
 * Heap kept alive by one flow's packets (every hop with the tables it saw), in KB: many traces held
 * at once, measured between two full collections, divided by their number.
 */
function retainedKb(make: () => unknown, n = 40): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: n }, make);
  gc();
  const after = process.memoryUsage().heapUsed;
  return kept.length > 0 ? (after - before) / n / 1024 : 0;
}

export function engineFigures(): Figure[] {
  const out: Figure[] = [];
  // 3 hops on the wire: c2 eth0 -> host veth -> (bridge) -> c1 veth -> c1 eth0, ARP already cached.
  let small = bigWorld(2);
  const ping: Flow = {
    from: { kind: 'container', name: 'web1' },
    to: '172.17.0.2' as IPv4,
    kind: 'ping',
    count: 1,
  };
  small = simulate(small, ping).world;
  const perTrace = timeIt(() => simulate(small, ping));
  out.push({
    name: 'engine.traces_per_second.3hop_ping',
    value: Math.round(1000 / perTrace),
    unit: 'traces/s',
  });
  for (const n of [10, 100, 1000]) {
    let w = bigWorld(n);
    const flow: Flow = {
      from: { kind: 'remote', name: 'client' },
      to: '192.0.2.10' as IPv4,
      kind: 'tcp',
      port: 10000 + n - 1,
    };
    w = simulate(w, flow).world;
    const traceMs = timeIt(() => simulate(w, flow));
    const runMs = timeIt(() =>
      runContainer(w, {
        image: 'nginx',
        name: 'extra',
        detach: true,
        ports: [{ hostIp: null, hostPort: 9000, containerPort: 80, proto: 'tcp' }],
      }),
    );
    out.push({
      name: `engine.trace_ms.${n}_containers`,
      value: +traceMs.toFixed(4),
      unit: 'ms CPU',
      target: '<= 1 ms at 1000',
      ok: n < 1000 || traceMs <= 1,
    });
    const kb = retainedKb(() => simulate(w, flow).packets);
    out.push({
      name: `engine.trace_retained_kb.${n}_containers`,
      value: +kb.toFixed(1),
      unit: 'KB heap per trace',
    });
    out.push({
      name: `engine.docker_run_ms.${n}_containers`,
      value: +runMs.toFixed(4),
      unit: 'ms CPU',
      target: '<= 1 ms at 1000',
      ok: n < 1000 || runMs <= 1,
    });
  }
  return out;
}
