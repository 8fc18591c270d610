// Challenge 8 in the engine and the terminal: what the hints point at and what the explanation claims.
import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from '../../../share';
import { simulate } from '../../../sim';
import { challengeWorld, checkGoals } from '..';
import { terminalOn } from '../../../terminal/testing/terminal';
import { WRONG_FIXES } from '../wrong-fixes';
import { CHALLENGE_OVERLAP as C, NEW_BIP } from './overlap';

const fix = C.fixes[0];
if (!fix) throw new Error('challenge data');

/** The broken lab in a terminal, these lines typed first. */
function term(...lines: readonly string[]) {
  const t = terminalOn(challengeWorld(C, 'docker-27'));
  for (const l of lines) expect(t.run(l).exit, l).toBe(0);
  return t;
}

describe('challenge-overlapping-subnet', () => {
  it("broken: the host's lookup picks docker0, whose ARP no one answers; app says No route to host", () => {
    const t = term();
    expect(t.run('ip route get 172.17.5.20').out).toMatch(
      /^172\.17\.5\.20 dev docker0 src 172\.17\.0\.1 /,
    );
    expect(t.run('docker exec app ip route').out).toContain('172.17.0.0/16 dev eth0 scope link');
    expect(t.run('docker exec app wget -qO- http://172.17.5.20/').err).toBe(
      "wget: can't connect to remote host (172.17.5.20): No route to host\n",
    );
    expect(t.run('curl -sS http://172.17.5.20/').exit).toBe(7);
    expect(t.run('ip neigh').out).toContain('172.17.5.20 dev docker0 FAILED');
  });

  it('each goal fails by itself, not only one of them', () => {
    const check = checkGoals(challengeWorld(C, 'docker-29'), C.goals);
    expect(check.goals.map((g) => [g.met, g.result.kind])).toEqual([
      [false, 'unreachable'],
      [false, 'unreachable'],
    ]);
  });

  it('stopping the containers leaves docker0 down, its route linkdown, and still chosen', () => {
    const t = term('docker stop app');
    expect(t.run('ip route').out).toContain(
      '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown',
    );
    expect(t.run('ip route get 172.17.5.20').out).toMatch(/dev docker0/);
  });

  it('with no carrier docker0 puts nothing on the wire: ARP asks 3 times in vain, then host unreachable', () => {
    const w = term('docker stop app').store.getState().world;
    const goal = C.goals[0];
    if (!goal) throw new Error('goal');
    const { packets, result } = simulate(w, goal.flow);
    const hops = packets.flatMap((p) => p.hops);
    expect(hops.filter((h) => h.event === 'arp-request' && h.iface === 'docker0')).toHaveLength(3);
    expect(hops.filter((h) => h.event === 'tx' && h.iface === 'docker0')).toEqual([]);
    expect(result.kind).toBe('unreachable');
  });

  it('the bip restart readdresses docker0, stops app (exit 137, a shell ignores SIGTERM); started, app takes .2 of the new subnet', () => {
    const t = term(`lab daemon bip=${NEW_BIP}`);
    expect(t.run('ip addr show docker0').out).toContain(
      'inet 10.200.0.1/24 brd 10.200.0.255 scope global docker0',
    );
    expect(t.run('ip route').out).not.toContain('172.17.');
    expect(t.run('docker ps -a --format "{{.Names}} {{.Status}}"').out).toMatch(
      /^app Exited \(137\)/,
    );
    expect(t.run('ip route get 172.17.5.20').out).toMatch(
      /^172\.17\.5\.20 via 192\.0\.2\.1 dev eth0 /,
    );
    expect(t.run('docker start app').exit).toBe(0);
    expect(t.run('docker exec app ip route').out).toBe(
      'default via 10.200.0.1 dev eth0 \n10.200.0.0/24 dev eth0 scope link  src 10.200.0.2 \n',
    );
    expect(t.run('iptables -t nat -S POSTROUTING').out).toContain(
      '-A POSTROUTING -s 10.200.0.0/24 ! -o docker0 -j MASQUERADE',
    );
    // The office sees the host's address: app's packets are MASQUERADEd on their way out of eth0.
    expect(t.run('docker exec app wget -qO- http://172.17.5.20/').out).toBe('Hello from 80\n');
  });

  it('a readdressed lab saves and reopens the same (the share parser takes docker0 on 10.200.0.0/24)', () => {
    const w = challengeWorld(C, 'docker-29', fix.steps);
    const doc = decodeFile(encodeFile({ world: w }));
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.value.world.networks).toEqual(w.networks);
    expect(doc.value.world.containers).toEqual(w.containers);
  });

  it('the lab refuses a bip that is no CIDR, a network address, or the host’s own LAN, changing nothing', () => {
    const t = term();
    const before = t.store.getState().world;
    for (const [bip, why] of [
      ['10.200.0.1', 'want the bridge address with its prefix'],
      ['10.200.0.0/24', 'is the network or broadcast address'],
      ['192.0.2.99/24', "overlaps the host's eth0"],
    ] as const) {
      const r = t.run(`lab daemon bip=${bip}`);
      expect(r.exit).toBe(1);
      expect(r.err).toContain(why);
    }
    const after = t.store.getState().world;
    expect([after.networks, after.containers, after.netfilter]).toEqual([
      before.networks,
      before.containers,
      before.netfilter,
    ]);
  });

  it('a narrower docker0 that leaves 172.17.5.0 out is a fix too (the goals are the network, not a command)', () => {
    const t = term('lab daemon bip=172.17.0.1/24', 'docker start app');
    expect(checkGoals(t.store.getState().world, C.goals).solved).toBe(true);
  });

  it('every wrong fix leaves the host or app unable to reach the office', () => {
    for (const lines of WRONG_FIXES[C.id] ?? []) {
      const check = checkGoals(term(...lines).store.getState().world, C.goals);
      expect(check.solved, lines.join('; ')).toBe(false);
    }
    const [hostGoal] = checkGoals(term('docker stop app').store.getState().world, C.goals).goals;
    expect(hostGoal?.met).toBe(false);
  });
});
