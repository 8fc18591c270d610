// Challenge 4 as the student sees it in the terminal, and the claims its explanation makes.
import { describe, expect, it } from 'vitest';
import { createWorld, simulate, type World } from '../../../sim';
import { applyStep } from '../../../scenarios/build';
import type { Step } from '../../../scenarios';
import { fixture } from '../../../terminal/testing/fixtures';
import { terminalOn } from '../../../terminal/testing/terminal';
import { CHALLENGE_NAMES } from './names';

function build(steps: readonly Step[]): World {
  return steps.reduce((w, s) => {
    const r = applyStep(w, s);
    if (!r.ok) throw new Error(r.error.message);
    return r.world;
  }, createWorld());
}

const fix = CHALLENGE_NAMES.fixes[0];
const goal = CHALLENGE_NAMES.goals[0];

describe('challenge-names', () => {
  it("broken: busybox's own message (captured on a real host), and the host's nameserver in resolv.conf", () => {
    const term = terminalOn(build(CHALLENGE_NAMES.broken));
    const r = term.run('docker exec c1 ping -c 1 c2');
    expect(r.err).toBe(fixture('c1__busybox-ping-c-1-c2.stderr.txt'));
    expect(r.exit).toBe(1);
    expect(term.run('docker exec c1 cat /etc/resolv.conf').out).toBe(
      'nameserver 8.8.8.8\nnameserver 1.1.1.1\n',
    );
    // The network is fine: by address c2 answers.
    expect(term.run('docker exec c1 ping -c 1 172.17.0.3').out).toContain('1 packets received');
  });

  it('fixed: c2 resolves to its app-network address and the echo leaves on eth1', () => {
    if (!fix || !goal) throw new Error('challenge data');
    const w = build([...CHALLENGE_NAMES.broken, ...fix.steps]);
    const term = terminalOn(w);
    const r = term.run('docker exec c1 ping -c 1 c2');
    expect(r.out).toMatch(/^PING c2 \(172\.18\.0\.3\): 56 data bytes\n/);
    expect(r.out).toContain('1 packets transmitted, 1 packets received, 0% packet loss');
    expect(term.run('docker exec c1 cat /etc/resolv.conf').out).toContain(
      'nameserver 127.0.0.11\n',
    );
    const first = simulate(w, goal.flow)
      .packets.flatMap((p) => p.hops)
      .find((h) => h.event === 'tx' && h.frame.ip !== undefined);
    expect(first).toMatchObject({ iface: 'eth1', frame: { ip: { dst: '172.18.0.3' } } });
  });
});
