import { describe, expect, it } from 'vitest';
import {
  NOTHING_IN_FLIGHT,
  TCP_TIMEOUT,
  tcpFirstState,
  tcpStep,
  tcpTransition,
  type InFlight,
  type Segment,
  type TcpFacts,
} from './ct-tcp';
import type { TcpCtState } from '../types';
import type { TcpFlag } from '../trace';

/** Replays segments as the kernel's TCP tracker would, returning (state, timeout) after each. */
function replay(segments: readonly ['orig' | 'reply', TcpFlag[], number, number, number][]) {
  const first = segments[0];
  if (!first) throw new Error('no segments');
  let facts: TcpFacts = {
    tcpState: tcpFirstState(first[1]),
    seenReply: false,
    assured: false,
  };
  let flight: InFlight = NOTHING_IN_FLIGHT;
  const out: { state: TcpCtState | null; timeout: number; assured: boolean; deleted: boolean }[] = [
    { state: facts.tcpState, timeout: TCP_TIMEOUT.SYN_SENT, assured: false, deleted: false },
  ];
  for (const [dir, flags, seq, ack, len] of segments.slice(1)) {
    const seg: Segment = { flags, seq, ack, len };
    const step = tcpStep(facts, dir, seg, flight);
    if (step.kind === 'unchanged') throw new Error(`${flags.join('+')} ${step.verdict}`);
    flight = step.inFlight;
    facts = {
      tcpState: step.tcpState,
      seenReply: facts.seenReply || dir === 'reply',
      assured: step.assured,
    };
    out.push({
      state: step.tcpState,
      timeout: step.timeout,
      assured: step.assured,
      deleted: step.deleted,
    });
  }
  return out.map((o) => [o.state, o.timeout, o.assured, o.deleted] as const);
}

// Client ISN 1000, server ISN 5000; the GET is 78 bytes, the answer 160 (the kernel suite's capture).
const C = 1000;
const S = 5000;
const handshake: ['orig' | 'reply', TcpFlag[], number, number, number][] = [
  ['orig', ['SYN'], C, 0, 0],
  ['reply', ['SYN', 'ACK'], S, C + 1, 0],
  ['orig', ['ACK'], C + 1, S + 1, 0],
];
const exchange: typeof handshake = [
  ['orig', ['PSH', 'ACK'], C + 1, S + 1, 78],
  ['reply', ['ACK'], S + 1, C + 79, 0],
  ['reply', ['PSH', 'ACK'], S + 1, C + 79, 160],
  ['orig', ['ACK'], C + 79, S + 161, 0],
];

describe('nf_conntrack TCP tracking', () => {
  it('has the kernel default timeouts (tcp_timeouts[], nf_conntrack_proto_tcp.c)', () => {
    expect(TCP_TIMEOUT).toEqual({
      SYN_SENT: 120,
      SYN_RECV: 60,
      ESTABLISHED: 5 * 24 * 3600,
      FIN_WAIT: 120,
      CLOSE_WAIT: 60,
      LAST_ACK: 30,
      TIME_WAIT: 120,
      CLOSE: 10,
      SYN_SENT2: 120,
    });
  });

  it('tracks a handshake: SYN_SENT, SYN_RECV, then ESTABLISHED and ASSURED on the third segment', () => {
    expect(replay(handshake)).toEqual([
      ['SYN_SENT', 120, false, false],
      ['SYN_RECV', 60, false, false],
      ['ESTABLISHED', 432000, true, false],
    ]);
  });

  it('caps ESTABLISHED at 300 s while data is unacknowledged, five days once acked', () => {
    expect(replay([...handshake, ...exchange]).slice(3)).toEqual([
      ['ESTABLISHED', 300, true, false],
      ['ESTABLISHED', 432000, true, false],
      ['ESTABLISHED', 300, true, false],
      ['ESTABLISHED', 432000, true, false],
    ]);
  });

  it('server closes first (curl and a Connection: close server): FIN_WAIT, LAST_ACK, TIME_WAIT', () => {
    const close: typeof handshake = [
      ['reply', ['FIN', 'ACK'], S + 161, C + 79, 0],
      ['orig', ['FIN', 'ACK'], C + 79, S + 162, 0],
      ['reply', ['ACK'], S + 162, C + 80, 0],
    ];
    expect(replay([...handshake, ...exchange, ...close]).slice(7)).toEqual([
      ['FIN_WAIT', 120, true, false],
      ['LAST_ACK', 30, true, false],
      ['TIME_WAIT', 120, true, false],
    ]);
  });

  it('client closes first (nc -z): the same states from the other side', () => {
    const close: typeof handshake = [
      ['orig', ['FIN', 'ACK'], C + 1, S + 1, 0],
      ['reply', ['FIN', 'ACK'], S + 1, C + 2, 0],
      ['orig', ['ACK'], C + 2, S + 2, 0],
    ];
    expect(replay([...handshake, ...close]).slice(3)).toEqual([
      ['FIN_WAIT', 120, true, false],
      ['LAST_ACK', 30, true, false],
      ['TIME_WAIT', 120, true, false],
    ]);
  });

  it('a FIN answered by a bare ACK first passes CLOSE_WAIT (60 s) on the way', () => {
    const close: typeof handshake = [
      ['orig', ['FIN', 'ACK'], C + 1, S + 1, 0],
      ['reply', ['ACK'], S + 1, C + 2, 0],
      ['reply', ['FIN', 'ACK'], S + 1, C + 2, 0],
      ['orig', ['ACK'], C + 2, S + 2, 0],
    ];
    expect(
      replay([...handshake, ...close])
        .slice(3)
        .map(([st, t]) => [st, t]),
    ).toEqual([
      ['FIN_WAIT', 120],
      ['CLOSE_WAIT', 60],
      ['LAST_ACK', 30],
      ['TIME_WAIT', 120],
    ]);
  });

  it('deletes the entry when a RST is the only answer to a SYN (nf_ct_kill before SEEN_REPLY)', () => {
    expect(replay([handshake[0]!, ['reply', ['RST', 'ACK'], 0, C + 1, 0]]).slice(1)).toEqual([
      ['CLOSE', 10, false, true],
    ]);
  });

  it('keeps a reset established connection for 10 s in CLOSE', () => {
    const rst: typeof handshake = [['reply', ['RST', 'ACK'], S + 1, C + 1, 0]];
    expect(replay([...handshake, ...rst]).slice(3)).toEqual([['CLOSE', 10, true, false]]);
  });

  it('starts tracking only with a SYN (or an ACK picked up mid-connection)', () => {
    expect(tcpFirstState(['SYN'])).toBe('SYN_SENT');
    expect(tcpFirstState(['ACK'])).toBe('ESTABLISHED');
    expect(tcpFirstState(['FIN', 'ACK'])).toBeNull();
    expect(tcpFirstState(['RST'])).toBeNull();
    expect(tcpFirstState(['SYN', 'ACK'])).toBeNull();
  });

  it('refuses or ignores what the table marks sIV / sIG, leaving the state alone', () => {
    expect(tcpTransition('orig', 'ack', 'SYN_SENT')).toBe('INVALID');
    expect(tcpTransition('reply', 'synack', 'ESTABLISHED')).toBe('IGNORE');
    expect(tcpTransition('orig', 'syn', 'TIME_WAIT')).toBe('SYN_SENT');
    const facts: TcpFacts = { tcpState: 'SYN_SENT', seenReply: false, assured: false };
    const step = tcpStep(
      facts,
      'orig',
      { flags: ['ACK'], seq: 1, ack: 1, len: 0 },
      NOTHING_IN_FLIGHT,
    );
    expect(step).toEqual({ kind: 'unchanged', verdict: 'INVALID' });
  });
});
