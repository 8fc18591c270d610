// UDP conntrack as nf_conntrack_proto_udp.c keeps it (read in torvalds/linux; SEEN_REPLY is set by
// nf_conntrack_in after the protocol handler ran): the first datagram 30 s [UNREPLIED]; the reply
// 30 s, not yet ASSURED; a packet after it 30 s and still not ASSURED within 2 s of the first
// (stream_ts); after that ASSURED with UDP_CT_REPLIED's 120 s. Measured by the kernel suite
// (`internet:dns-*`: nslookup's second answer, a millisecond after the first, leaves it unassured).
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../addr';
import { buildScenario, findScenario } from '../../scenarios';
import { udpFrame } from './conversation';
import { ctAdvance } from './conntrack';
import type { WalkState } from './state';
import type { Flow } from '../trace';
import type { World } from '../types';
import { simulate } from './simulate';

const referenceHost = (): World => buildScenario(findScenario('host-to-container')!, 'docker-27');
const dns: Flow = { from: { kind: 'host' }, to: '8.8.8.8' as IPv4, kind: 'udp', port: 53 };

const entry = (w: World) => {
  const e = w.conntrack.find((x) => x.proto === 'udp' && x.orig.dport === 53);
  if (!e) throw new Error('no udp entry');
  return { seenReply: e.seenReply, assured: e.assured, left: e.expires - w.clock };
};

describe('UDP conntrack states and timeouts', () => {
  it('a query and its answer: replied, 30 s, not ASSURED', () => {
    const r = simulate(referenceHost(), dns);
    expect(r.result.kind).toBe('connected');
    expect(entry(r.world)).toEqual({ seenReply: true, assured: false, left: 30 });
  });

  // The lab's own flows take a fresh source port while the old entry lives, so a third packet of
  // one connection is reached through ctAdvance itself, as a client that keeps its socket would.
  it('the next datagram of the same connection: 30 s within 2 s, ASSURED and 120 s after', () => {
    const w = simulate(referenceHost(), dns).world;
    const e = w.conntrack[0];
    if (!e) throw new Error('no entry');
    const frame = udpFrame(
      { ip: e.orig.src, port: e.orig.sport },
      { ip: e.orig.dst, port: e.orig.dport },
      'again',
    );
    const at = (clock: number) => {
      const s = { base: { ...w, clock }, ctInFlight: {} } as unknown as WalkState;
      const next = ctAdvance(s, { entry: e, dir: 'orig' }, frame).entry;
      return { assured: next.assured, left: next.expires - clock };
    };
    expect(at(w.clock)).toEqual({ assured: false, left: 30 });
    expect(at(w.clock + 2)).toEqual({ assured: false, left: 30 });
    expect(at(w.clock + 3)).toEqual({ assured: true, left: 120 });
  });

  it('the first datagram alone: [UNREPLIED], 30 s; unanswered ones never become ASSURED', () => {
    const w = simulate(referenceHost(), { ...dns, to: '192.0.2.1' as IPv4 }).world;
    expect(entry(w)).toEqual({ seenReply: false, assured: false, left: 30 });
  });
});
