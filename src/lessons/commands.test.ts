import { describe, expect, it } from 'vitest';
import { createWorld, type Profile, type World } from '../sim';
import { terminalOn } from '../terminal/testing/terminal';
import { LESSONS } from './catalogue';
import { commandFor, setupLine } from './commands';
import { runLesson } from './run';

/** What a setup command decides: containers, networks, addresses, daemon and host settings, rules. */
function shape(w: World) {
  return {
    daemon: w.daemon,
    host: { ipForward: w.host.ipForward, brNf: w.host.bridgeNfCallIptables },
    routes: w.router.routes,
    networks: w.networks.map((n) => [n.name, n.driver, n.bridge?.device, n.bridge?.subnet]),
    containers: w.containers.map((c) => ({
      name: c.name,
      image: c.image,
      mode: c.mode,
      state: c.state,
      ports: c.ports,
      endpoints: c.endpoints.map((e) => [e.ifName, e.ip, e.gateway, e.mac]),
      bindings: c.bindings,
    })),
    rules: (['raw', 'nat', 'filter'] as const).flatMap((t) =>
      w.netfilter[t].chains.flatMap((c) => c.rules.map((r) => r.id)),
    ),
  };
}

describe.each(['docker-27', 'docker-29'] as Profile[])(
  'lesson commands typed into the terminal (%s)',
  (profile) => {
    const lessons = LESSONS.filter((l) => !l.profiles || l.profiles.includes(profile));
    it.each(lessons.map((l) => [l.id, l] as const))(
      '%s: the shown commands build the same world',
      (_, l) => {
        const runs = runLesson(l, profile);
        const term = terminalOn(createWorld({ profile }));
        l.steps.forEach((step, i) => {
          if (step.reset) term.run('lab reset');
          for (const action of step.setup) {
            const line = setupLine(action);
            const r = term.run(line);
            if (!('expect' in action) || action.expect !== 'error')
              expect(r.exit, `${line}\n${r.err}`).toBe(0);
            else expect(r.exit, line).not.toBe(0);
          }
          const run = runs[i];
          if (run)
            expect(shape(term.store.getState().world), `${l.id}/${step.id}`).toEqual(
              shape(run.world),
            );
        });
      },
    );
    it.each(lessons.map((l) => [l.id, l] as const))('%s: every explore command runs', (_, l) => {
      const term = terminalOn(createWorld({ profile }));
      for (const step of l.steps) {
        for (const action of step.setup) term.run(setupLine(action));
        for (const line of step.explore ?? []) {
          const r = term.run(line);
          expect(r.exit, `${line}\n${r.err}`).toBe(0);
        }
      }
    });
  },
);

describe('commandFor', () => {
  it('prints docker run as a student would type it', () => {
    expect(
      commandFor({
        op: 'run',
        opts: {
          image: 'nginx',
          name: 'web',
          detach: true,
          ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
        },
      }),
    ).toBe('docker run -d --name web -p 8080:80 nginx');
    expect(
      commandFor({
        op: 'run',
        opts: {
          image: 'busybox',
          network: 'none',
          tty: true,
          interactive: true,
          ports: [
            { hostIp: '127.0.0.1' as never, hostPort: null, containerPort: 53, proto: 'udp' },
          ],
        },
      }),
    ).toBe('docker run -it --network=none -p 127.0.0.1::53/udp busybox');
  });
  it("prints host settings in the lab's own words", () => {
    expect(commandFor({ op: 'sysctl', key: 'net.ipv4.ip_forward', value: '0' })).toBe(
      'sysctl -w net.ipv4.ip_forward=0',
    );
    expect(commandFor({ op: 'daemon', patch: { icc: false } })).toBe('lab daemon icc=false');
    expect(commandFor({ op: 'router-route', dst: '172.17.0.0/16', via: '192.0.2.10' })).toBe(
      'lab router route add 172.17.0.0/16 via 192.0.2.10',
    );
  });
});
