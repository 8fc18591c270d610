// A TCP segment's window, options and time stamps are its sending socket's (socket-model.ts),
// whichever interface the capture prints it on and whatever that capture saw. Expected values are
// the real tcpdump's, from the kernel suite's matrix case d29:proxy-off,icc-on,brnf-on on 6.18
// (captured on the host's docker0, `-nn -e -v -S`).
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../../scenarios';
import { namespacesOf, simulate, type IPv4, type World } from '../../../sim';
import type { Flow } from '../../../sim/trace';
import { setDaemonOptions } from '../../../sim/ops/host';
import { renderCapture } from './render';

const FLAGS = { numeric: true, link: false, verbose: false, absolute: true } as const;

/** The reference host (c1 nginx publishing 8080→80, c2 busybox) with userland-proxy=false. */
function proxyOff(): World {
  const sc = findScenario('container-to-container');
  if (!sc) throw new Error('container-to-container');
  const r = setDaemonOptions(buildScenario(sc, 'docker-29'), { userlandProxy: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

/** The flows in turn; the last one's TCP lines on the host's docker0. */
function docker0(flows: readonly Flow[]): string[] {
  let world = proxyOff();
  let packets: ReturnType<typeof simulate>['packets'] = [];
  for (const f of flows) {
    const r = simulate(world, f);
    world = r.world;
    packets = r.packets;
  }
  const ns = namespacesOf(world).get('host');
  if (!ns) throw new Error('host');
  return renderCapture(packets, ns, 'docker0', FLAGS, false)
    .map((x) => x.text ?? '')
    .filter((t) => t.includes('Flags ['));
}

const win = (line: string) => Number(/win (\d+)/.exec(line)?.[1]);
const mss = (line: string) => /mss (\d+)/.exec(line)?.[1];
const ecr = (line: string) => Number(/ecr (\d+)/.exec(line)?.[1]);
const tsval = (line: string) => Number(/TS val (\d+)/.exec(line)?.[1]);

const http = (from: Flow['from'], to: string, port: number): Flow => ({
  from,
  to: to as IPv4,
  kind: 'http',
  port,
});

describe("the sending socket's window, MSS and time stamps", () => {
  it("the host's own connection DNATed out of docker0 keeps lo's MSS and windows", () => {
    // Kernel: 65495 (mss 65495), c1's 65160 (mss 1460), then 512 512 509 509 511 509 512 509.
    const lines = docker0([http({ kind: 'host' }, '127.0.0.1', 8080)]);
    expect(lines.map(win)).toEqual([65495, 65160, 512, 512, 509, 509, 511, 509, 512, 509]);
    expect(lines.slice(0, 2).map(mss)).toEqual(['65495', '1460']);
  });

  it('a segment echoes the last stamp its socket received, though NAT renamed both ends', () => {
    const lines = docker0([http({ kind: 'host' }, '192.0.2.10', 8080)]);
    // The SYN-ACK (printed 172.17.0.2.80 > 192.0.2.10.x) echoes the SYN (172.17.0.1.x > …).
    expect(ecr(lines[1] ?? '')).toBe(tsval(lines[0] ?? ''));
    expect(lines.slice(1).every((l) => ecr(l) !== 0)).toBe(true);
  });

  it("c2's half of a bridged DNAT on docker0 echoes c1's stamps and counts c1's data", () => {
    // Kernel, c2 → 192.0.2.10:8080 after c2 → c1 and c1 → its own published port: docker0 shows
    // c2's S (64240), then . 502, P. 502, . 501, F. 501, every one but the SYN with an ecr.
    const c1 = { kind: 'container', name: 'c1' } as const;
    const c2 = { kind: 'container', name: 'c2' } as const;
    const lines = docker0([
      http(c2, '172.17.0.2', 80),
      http(c1, '192.0.2.10', 8080),
      http(c2, '192.0.2.10', 8080),
    ]).filter((l) => l.startsWith('IP 172.17.0.3.'));
    expect(lines.map(win)).toEqual([64240, 502, 502, 501, 501]);
    expect(lines.slice(1).every((l) => ecr(l) !== 0)).toBe(true);
  });
});
