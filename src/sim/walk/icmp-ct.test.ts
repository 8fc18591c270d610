// ICMP and conntrack against a real kernel: a host namespace with docker0 172.17.0.1/16, eth0
// 192.0.2.10/24 and Docker's `-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`
// (kernel 6.18, conntrack-tools 1.4.7; also run as the kernel suite's extra:host-ping-* cases).
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../addr';
import { buildScenario, findScenario } from '../../scenarios';
import type { Flow, Frame } from '../trace';
import type { World } from '../types';
import { icmpFrame } from './conversation';
import { ctLookup } from './ct-lookup';
import { simulate } from './simulate';
import { Sockets } from './sockets';
import { beginWalk } from './state';
import { buildTopology } from './topology';

const a = (s: string) => s as IPv4;
const referenceHost = (): World => buildScenario(findScenario('host-to-container')!, 'docker-27');
const hostPing = (to: string, count = 1): Flow => ({
  from: { kind: 'host' },
  to: a(to),
  kind: 'ping',
  count,
});

function pingFromHost(to: string, count = 1, w = referenceHost()) {
  return simulate(w, hostPing(to, count));
}

/** An entry as `conntrack -L` shows its tuples, the echo id left out (it is random). */
const tuples = (w: World) =>
  w.conntrack.map(
    (e) =>
      `${e.orig.src}>${e.orig.dst} | ${e.reply.src}>${e.reply.dst}${e.seenReply ? '' : ' [UNREPLIED]'}`,
  );

describe("an ICMP error quoting the host's echo request is RELATED to it", () => {
  // Real: `ping -c 1 172.17.0.9` (nobody there), then `conntrack -L` lists only
  // icmp 1 26 src=172.17.0.1 dst=172.17.0.9 type=8 code=0 id=3780 [UNREPLIED]
  //   src=172.17.0.9 dst=172.17.0.1 type=0 code=0 id=3780 mark=0 use=1
  it('leaves the echo entry alone: one UNREPLIED entry, no entry for the error', () => {
    const r = pingFromHost('172.17.0.9');
    expect(tuples(r.world)).toEqual(['172.17.0.1>172.17.0.9 | 172.17.0.9>172.17.0.1 [UNREPLIED]']);
  });

  it('stays one entry with two requests and two errors (the same echo id)', () => {
    expect(tuples(pingFromHost('172.17.0.9', 2).world)).toEqual([
      '172.17.0.1>172.17.0.9 | 172.17.0.9>172.17.0.1 [UNREPLIED]',
    ]);
  });

  it('tracks the error as RELATED and skips the nat table (NAT comes from the master entry)', () => {
    const err = pingFromHost('172.17.0.9').packets.find((p) => p.label === 'ICMP host unreachable');
    const ct = err?.hops.filter((h) => h.event === 'conntrack') ?? [];
    expect(ct.map((h) => [h.why.key, h.ct?.state, h.ct?.created])).toEqual([
      ['ct.related', 'RELATED', false],
    ]);
    const nat = err?.hops.filter((h) => h.event === 'nat' || h.nf?.table === 'nat') ?? [];
    expect(nat).toEqual([]);
    // The error loops through lo back to the pinging socket (seen there by tcpdump).
    expect(err?.hops.find((h) => h.event === 'tx')).toMatchObject({ node: 'host', iface: 'lo' });
    expect(err?.outcome).toEqual({ kind: 'delivered', node: 'host' });
  });

  // Real iputils: "1 packets transmitted, 0 received, +1 errors, 100% packet loss".
  it('reaches the pinging socket: ping counts it as an error', () => {
    expect(pingFromHost('172.17.0.9').result).toMatchObject({
      kind: 'replied',
      sent: 1,
      replies: 0,
      errors: 1,
    });
  });
});

describe('the host pinging its own addresses through lo', () => {
  // Real: `ping -c 1 172.17.0.1` -> icmp 1 29 src=172.17.0.1 dst=172.17.0.1 type=8 code=0
  //   id=4236 src=172.17.0.1 dst=192.0.2.10 type=0 code=0 id=4236 mark=0 use=1
  it("MASQUERADEs out of lo to eth0's address (lo has only 127.0.0.1) and sees the reply", () => {
    const r = pingFromHost('172.17.0.1');
    expect(tuples(r.world)).toEqual(['172.17.0.1>172.17.0.1 | 172.17.0.1>192.0.2.10']);
    // On lo (tcpdump in the kernel suite): the request from 192.0.2.10, the reply de-NATed.
    const onLo = r.packets.map((p) => {
      const tx = p.hops.find((h) => h.event === 'tx' && h.iface === 'lo');
      return `${tx?.frame.ip?.src}>${tx?.frame.ip?.dst} ${tx?.frame.icmp?.type}`;
    });
    expect(onLo).toEqual(['192.0.2.10>172.17.0.1 8', '172.17.0.1>172.17.0.1 0']);
    expect(r.result).toMatchObject({ kind: 'replied', replies: 1, errors: 0 });
  });

  // Real: `ping -c 1 192.0.2.10` -> icmp 1 29 src=192.0.2.10 dst=192.0.2.10 type=8 code=0 id=…
  //   src=192.0.2.10 dst=192.0.2.10 type=0 code=0 id=… mark=0 use=1 (no MASQUERADE: not 172.17/16)
  it('sees the reply of an echo whose two tuples read alike (the ICMP type tells them apart)', () => {
    expect(tuples(pingFromHost('192.0.2.10').world)).toEqual([
      '192.0.2.10>192.0.2.10 | 192.0.2.10>192.0.2.10',
    ]);
  });
});

describe('ICMP that starts no connection is INVALID', () => {
  // Real: a raw socket in the host namespace sent an echo reply nobody asked for and a host
  // unreachable quoting an untracked echo to 172.17.0.2; `-A OUTPUT -m conntrack --ctstate
  // INVALID -j ACCEPT` counted both, and `conntrack -L` listed no entry.
  function lookup(f: Frame) {
    const w = referenceHost();
    const s = beginWalk(w, buildTopology(w), new Sockets(w));
    const ctx = ctLookup(s, 'host', f);
    return { ctx, table: s.conntrack, why: s.hops.map((h) => h.why.key) };
  }

  it('an echo reply of no known echo', () => {
    const r = lookup(
      icmpFrame(a('172.17.0.1'), a('172.17.0.2'), { type: 0, code: 0, id: 4321, seq: 1 }),
    );
    expect([r.ctx.state, r.ctx.entry, r.table, r.why]).toEqual([
      'INVALID',
      null,
      [],
      ['ct.invalid-icmp'],
    ]);
  });

  it('a host unreachable quoting a packet conntrack never saw', () => {
    const inner = {
      src: a('172.17.0.2'),
      dst: a('10.9.9.9'),
      proto: 'icmp' as const,
      sport: 999,
      dport: 0,
      echo: { type: 8, seq: 1 },
    };
    const err = icmpFrame(a('172.17.0.1'), a('172.17.0.2'), {
      type: 3,
      code: 1,
      id: 0,
      seq: 0,
      inner,
    });
    const r = lookup(err);
    expect([r.ctx.state, r.ctx.entry, r.table, r.why]).toEqual([
      'INVALID',
      null,
      [],
      ['ct.invalid-icmp'],
    ]);
  });
});
