// `ip neigh` and `arp -n` as a student types them after traffic, each line a simulated second.
// Expected states are what Linux 6.18 showed in network namespaces (host ns with a bridge
// 172.17.0.1/16, c1 172.17.0.2 and c2 172.17.0.3 behind veths), never the lab's own output.
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../scenarios';
import type { World } from '../sim';
import { terminalOn } from './testing/terminal';

function lab(): { world: World; gwMac: string; c1Mac: string } {
  const s = findScenario('container-to-container');
  if (!s) throw new Error('scenario missing');
  // c1 as busybox's httpd: the kernel's c1 had busybox's ip and arp, the nginx image has neither.
  const setup = s.setup.map((step) =>
    step.op === 'run' && step.opts.name === 'c1'
      ? { ...step, opts: { ...step.opts, image: 'busybox', command: ['httpd', '-f', '-p', '80'] } }
      : step,
  );
  const world = buildScenario({ ...s, setup }, 'docker-27');
  const bridge = world.networks.find((n) => n.isDefault)?.bridge;
  const c1 = world.containers.find((c) => c.name === 'c1')?.endpoints[0];
  if (!bridge || !c1) throw new Error('no docker0 or c1');
  return { world, gwMac: bridge.mac, c1Mac: c1.mac };
}

/** Types `n` harmless lines: n simulated seconds. */
function wait(t: ReturnType<typeof terminalOn>, n: number): void {
  for (let i = 0; i < n; i++) t.run('hostname');
}

describe('after the host pings c1 (ping -c1 172.17.0.2)', () => {
  it('c1 holds the gateway in DELAY at once: it learned it from a request, then replied through it', () => {
    // Kernel, immediately: "c1: 172.17.0.1 dev eth0 lladdr … DELAY"; busybox adds its counters:
    // "172.17.0.1 dev eth0 lladdr 02:42:ac:11:00:01 ref 1 used 0/0/0 probes 0 DELAY".
    const { world, gwMac, c1Mac } = lab();
    const t = terminalOn(world);
    t.run('ping -c 1 172.17.0.2');
    expect(t.run('docker exec c1 ip neigh').out).toBe(
      `172.17.0.1 dev eth0 lladdr ${gwMac} ref 1 used 0/0/0 probes 0 DELAY\n`,
    );
    // The host asked and was answered: "172.17.0.2 dev br0 lladdr … REACHABLE".
    expect(t.run('ip neigh').out).toBe(`172.17.0.2 dev docker0 lladdr ${c1Mac} REACHABLE \n`);
  });

  it('c1 probes the gateway 5 s later and holds it REACHABLE (6 s after: REACHABLE, probes 1)', () => {
    const { world, gwMac } = lab();
    const t = terminalOn(world);
    t.run('ping -c 1 172.17.0.2');
    wait(t, 5);
    expect(t.run('docker exec c1 ip neigh').out).toBe(
      `172.17.0.1 dev eth0 lladdr ${gwMac} ref 1 used 0/0/0 probes 1 REACHABLE\n`,
    );
  });

  it('c1 lets the gateway go STALE once reachable_time (30 s in the lab) has passed', () => {
    const { world, gwMac } = lab();
    const t = terminalOn(world);
    t.run('ping -c 1 172.17.0.2');
    t.store.getState().advanceClock(40);
    expect(t.run('docker exec c1 ip neigh').out).toBe(
      `172.17.0.1 dev eth0 lladdr ${gwMac} used 0/0/0 probes 1 STALE\n`,
    );
  });
});

describe('after c1 pings c2 and stops (docker stop c1 a second later)', () => {
  it('c2 probes c1 unanswered: PROBE, then FAILED without a MAC', () => {
    // Kernel, the answering address removed right after a ping: PROBE at +5.6 s and +6.6 s,
    // unicast requests at +5.0, +6.1, +7.1 s, "… dev eth0 FAILED" at +8.6 s; busybox "probes 3".
    const { world } = lab();
    const t = terminalOn(world);
    t.run('docker exec c1 ping -c 1 172.17.0.3');
    expect(t.run('docker exec c2 ip neigh').out).toMatch(/ probes 0 DELAY\n$/);
    t.run('docker stop c1');
    wait(t, 2); // the ping was 5 lines (5 simulated seconds) ago: the first probe goes out
    expect(t.run('docker exec c2 ip neigh').out).toMatch(
      /^172\.17\.0\.2 dev eth0 lladdr \S+ ref 1 used 0\/0\/0 probes 1 PROBE\n$/,
    );
    wait(t, 2);
    expect(t.run('docker exec c2 ip neigh').out).toBe(
      '172.17.0.2 dev eth0  used 0/0/0 probes 3 FAILED\n',
    );
  });
});

describe('after c2 fetches c1 (curl: a TCP exchange)', () => {
  it('c1 holds c2 in DELAY, then REACHABLE', () => {
    // Kernel with curl: c1 "172.17.0.3 … DELAY" at once, REACHABLE 6 s later (probed at +5.2 s).
    const { world } = lab();
    const t = terminalOn(world);
    t.run('docker exec c2 wget -q -O - 172.17.0.2');
    expect(t.run('docker exec c1 ip neigh').out).toMatch(
      /^172\.17\.0\.3 dev eth0 lladdr \S+ ref 1 used 0\/0\/0 probes 0 DELAY\n$/,
    );
    wait(t, 5);
    expect(t.run('docker exec c1 ip neigh').out).toMatch(/ probes 1 REACHABLE\n$/);
  });
});

describe('an address nobody answers (ping 172.17.0.9)', () => {
  it('is FAILED without a MAC: ip neigh names no lladdr, arp -n says (incomplete)', () => {
    // The reference host: "172.17.0.9 dev docker0 FAILED " and
    // "172.17.0.9                       (incomplete)                              docker0".
    const { world } = lab();
    const t = terminalOn(world);
    t.run('ping -c 1 172.17.0.9');
    expect(t.run('ip neigh').out).toBe('172.17.0.9 dev docker0 FAILED \n');
    expect(t.run('arp -n').out).toContain(
      '172.17.0.9                       (incomplete)                              docker0\n',
    );
  });
});

describe('a REACHABLE entry used again 20 s later', () => {
  // Kernel, c2's entry for c1 (ip -s neigh "used/confirmed/updated" seconds ago): "7/7/7" after a
  // second ping, "9/0/9" after nc -z and "11/0/11" after curl: TCP confirmed it, ping did not.
  function after(second: string): string {
    const { world } = lab();
    const t = terminalOn(world);
    t.run('ping -c 1 172.17.0.2');
    t.store.getState().advanceClock(20);
    t.run(second);
    t.store.getState().advanceClock(10);
    return t.run('ip neigh').out;
  }

  it('stays REACHABLE 30 s after a TCP exchange confirmed it', () => {
    expect(after('curl -s 172.17.0.2')).toMatch(/ REACHABLE \n$/);
  });

  it('goes STALE 30 s after it was resolved when only pinged meanwhile', () => {
    expect(after('ping -c 1 172.17.0.2')).toMatch(/ STALE \n$/);
  });
});
