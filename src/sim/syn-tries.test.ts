// A client whose SYN draws nothing its socket can use sends it again, as the kernel does
// (sim/syn-tries.ts). Measured in namespaces (kernel suite, matrix case
// d29:proxy-off,icc-on,brnf-off, flow c2 → 192.0.2.10:8080, curl --max-time 2, kernel 6.18 with
// tcp_syn_linear_timeouts 4): the host DNATs c2's SYN to web, web's SYN-ACK (from 172.17.0.2:80) is
// bridged straight back to c2 without br_netfilter, c2 answers it RST; at 1.025 s c2 sends the same
// SYN (seq unchanged), web answers with a SYN-ACK of a new ISN (its request socket was reset), and
// c2 answers RST again; curl gives up at 2 s. conntrack keeps one SYN_SENT [UNREPLIED] entry.
import { describe, expect, it } from 'vitest';
import { createWorld, runContainer, setDaemonOptions, setSysctl, simulate, type World } from '.';
import type { IPv4 } from './addr';
import { keyMoments } from './moments';
import type { Flow } from './trace';
import { synTries } from './syn-tries';
import { CHALLENGES, challengeWorld } from '../lessons/challenges';

const must = (r: { ok: true; world: World } | { ok: false; error: { message: string } }) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
};

/** c2 → web's published port with the proxy off and bridge-nf-call-iptables=0 (icc on). */
function hairpinWithoutBrNetfilter(): World {
  let w = createWorld({ profile: 'docker-29' });
  w = must(setDaemonOptions(w, { userlandProxy: false }));
  w = must(
    runContainer(w, {
      image: 'nginx',
      name: 'web',
      detach: true,
      ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
    }),
  );
  w = must(
    runContainer(w, { image: 'busybox', name: 'c2', detach: true, tty: true, interactive: true }),
  );
  return must(setSysctl(w, 'net.bridge.bridge-nf-call-iptables', '0'));
}

const toPublished = (wait?: number): Flow => ({
  from: { kind: 'container', name: 'c2' },
  to: '192.0.2.10' as IPv4,
  kind: 'http',
  port: 8080,
  ...(wait === undefined ? {} : { wait }),
});

describe('a SYN sent again (syn-tries)', () => {
  it('tries as Linux 6.1 does: 0, 1, 3, 7, 15, 31, 63 s, within the tool’s wait', () => {
    expect(synTries()).toEqual([0, 1, 3, 7, 15, 31, 63]);
    expect(synTries(2)).toEqual([0, 1]);
    expect(synTries(4)).toEqual([0, 1, 3]);
    expect(synTries(0.5)).toEqual([0]);
  });

  it('the hairpin without br_netfilter: each try draws a SYN-ACK of a new ISN and a RST', () => {
    const r = simulate(hairpinWithoutBrNetfilter(), toPublished(2));
    expect(r.result).toEqual({ kind: 'timeout' });
    expect(r.packets.map((p) => p.label)).toEqual([
      'SYN',
      'SYN-ACK',
      'RST',
      'SYN #2',
      'SYN-ACK #2',
      'RST #2',
    ]);
    const first = (label: string) => r.packets.find((p) => p.label === label)?.hops[0];
    // The same SYN again, 1 s later; the listener's new request socket starts further on.
    expect(first('SYN #2')?.frame.tcp?.seq).toBe(first('SYN')?.frame.tcp?.seq);
    expect((first('SYN #2')?.t ?? 0) - (first('SYN')?.t ?? 0)).toBe(1_000_000);
    expect(first('SYN-ACK #2')?.frame.tcp?.seq).not.toBe(first('SYN-ACK')?.frame.tcp?.seq);
    expect(first('SYN #2')?.why.key).toBe('send.retry');
    // One conntrack entry, still SYN_SENT and unreplied: the host never saw the SYN-ACK.
    const tcp = r.world.conntrack.filter((e) => e.proto === 'tcp');
    expect(tcp.map((e) => [e.tcpState, e.seenReply])).toEqual([['SYN_SENT', false]]);
    // Each try is a step of its own in the story: a SYN sent again does not hide in the RST's.
    const steps = keyMoments(r.packets);
    const hops = r.packets.flatMap((p) => p.hops);
    const retry = hops.indexOf(first('SYN #2')!);
    expect(steps.some((m) => m.from === retry && m.chapter === 'handshake')).toBe(true);
  });

  it('a SYN a rule drops is sent again too, the same each time, until the kernel gives up', () => {
    let w = hairpinWithoutBrNetfilter();
    w = must(setSysctl(w, 'net.ipv4.ip_forward', '0'));
    const r = simulate(w, toPublished());
    expect(r.result).toEqual({ kind: 'timeout' });
    expect(r.packets.map((p) => p.hops[0]?.t)).toEqual(
      [0, 1, 3, 7, 15, 31, 63].map((s) => s * 1_000_000),
    );
  });

  it('a SYN-ACK the router answers with net unreachable ends the request socket: new ISN next try', () => {
    // Measured (kernel suite, challenge-no-masquerade:broken, curl --max-time 2, 6.18): app's SYN
    // leaves un-MASQUERADEd, the server's SYN-ACK to 172.17.0.2 draws the router's 3/0; at 1 s the
    // same SYN draws a SYN-ACK whose seq is 15,823,171 further on (≈ 1.013 s of secure_tcp_seq's
    // clock: tcp_v4_err aborts a request socket on net/host unreachable) and a second 3/0.
    const challenge = CHALLENGES.find((c) => c.id === 'challenge-no-masquerade')!;
    const w = challengeWorld(challenge, 'docker-29', []);
    const r = simulate(w, {
      from: { kind: 'container', name: 'app' },
      to: '198.51.100.7' as IPv4,
      kind: 'http',
      port: 80,
      wait: 2,
    });
    expect(r.result).toEqual({ kind: 'timeout' });
    expect(r.packets.map((p) => p.label)).toEqual([
      'SYN',
      'SYN-ACK',
      'ICMP net unreachable',
      'SYN #2',
      'SYN-ACK #2',
      'ICMP net unreachable',
    ]);
    const seq = (label: string) =>
      r.packets.find((p) => p.label === label)?.hops[0]?.frame.tcp?.seq ?? 0;
    expect(seq('SYN-ACK #2') - seq('SYN-ACK')).toBe(15_625_000);
  });
});
