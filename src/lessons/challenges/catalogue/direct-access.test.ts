// Challenge 6's explanation, claim by claim, in the engine (the kernel case
// challenge-direct-access:direct confirms the same wire for both profiles).
import { describe, expect, it } from 'vitest';
import { createWorld, simulate, type IPv4, type Profile, type World } from '../../../sim';
import { applyStep } from '../../../scenarios/build';
import { terminalOn } from '../../../terminal/testing/terminal';
import { CHALLENGE_DIRECT_ACCESS as C } from './direct-access';

const broken = (profile: Profile): World =>
  C.broken.reduce((w, s) => {
    const r = applyStep(w, s);
    if (!r.ok) throw new Error(r.error.message);
    return r.world;
  }, createWorld({ profile }));

const direct = (w: World) =>
  simulate(w, {
    from: { kind: 'remote', name: 'client' },
    to: '172.17.0.2' as IPv4,
    kind: 'http',
    port: 80,
  }).result.kind;

describe('challenge-direct-access', () => {
  it('Docker 27 (classic): the DOCKER chain accepts the direct request, and it connects', () => {
    const w = broken('docker-27');
    expect(terminalOn(w).run('iptables -S DOCKER').out).toContain(
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n',
    );
    expect(direct(w)).toBe('connected');
  });

  it('Docker 28+ (current): raw PREROUTING drops it before NAT; the client times out', () => {
    const w = broken('docker-29');
    expect(terminalOn(w).run('iptables -t raw -S').out).toContain(
      '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n',
    );
    expect(direct(w)).toBe('timeout');
  });
});
