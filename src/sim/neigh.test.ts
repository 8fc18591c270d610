// The NUD state machine against what Linux 6.18 did in network namespaces (host ns with a bridge
// 172.17.0.1/16, containers behind veths; `ip neigh` read at the times given, ARP captured).
import { describe, expect, it } from 'vitest';
import type { IPv4, MacAddress } from './addr';
import {
  neighAt,
  neighHeard,
  neighReplied,
  neighSent,
  neighSolicit,
  neighState,
  neighTimer,
  probeDue,
  probeUnanswered,
} from './neigh';
import type { NeighEntry } from './types';

const ip = (s: string) => s as IPv4;
const mac = (s: string) => s as MacAddress;
const GW = { ip: ip('172.17.0.1'), dev: 'eth0', mac: mac('02:42:ac:11:00:01') };
const T = 1000;

/** c1's entry for the gateway, learned from the host's ARP request at T. */
const heard = neighHeard(undefined, GW, T);

describe('an entry learned from an ARP request (neigh_event_ns)', () => {
  it('is STALE, with no request of its own counted', () => {
    // busybox in c1 right after the host's ARP request and reply: "... probes 0 DELAY" once used.
    expect(heard).toMatchObject({ state: 'STALE', mac: GW.mac, probes: 0 });
  });

  it('stays STALE however long nothing is sent through it', () => {
    expect(neighState(heard, T + 100_000)).toBe('STALE');
  });

  it('is left as it is by a second request with the same MAC, valid as it is', () => {
    // Measured: arping from c1 to c2 while c2's entry for c1 was REACHABLE: still REACHABLE.
    const r = neighReplied(neighSolicit(undefined, GW, T), GW.mac, T);
    expect(neighHeard(r, GW, T + 2)).toBe(r);
    const delayed = neighSent(heard, T, false);
    expect(neighHeard(delayed, GW, T + 1)).toBe(delayed);
  });

  it('turns STALE with the new MAC when another MAC claims the address', () => {
    const r = neighReplied(neighSolicit(undefined, GW, T), GW.mac, T);
    const moved = neighHeard(r, { ...GW, mac: mac('02:42:ac:11:00:99') }, T + 3);
    expect(moved).toMatchObject({ state: 'STALE', mac: '02:42:ac:11:00:99', updated: T + 3 });
  });
});

describe('sending through a STALE entry (host: ping -c1 172.17.0.2; c1 replies)', () => {
  const used = neighSent(heard, T, false);

  it('is DELAY at once', () => {
    // c1: "172.17.0.1 dev eth0 lladdr ... DELAY" immediately after the ping.
    expect(neighState(used, T)).toBe('DELAY');
    expect(neighState(used, T + 4)).toBe('DELAY');
  });

  it('probes with a unicast request after delay_first_probe_time, and the answer makes it REACHABLE', () => {
    // Captured on c1's eth0 5.2 s after the ping: "Request who-has 172.17.0.1 tell 172.17.0.2"
    // to the gateway's MAC, and its reply; `ip neigh` 6 s after: REACHABLE, busybox "probes 1".
    expect(probeDue(used)).toBe(T + 5);
    expect(neighAt(used, T + 6)).toMatchObject({ state: 'REACHABLE', probes: 1, confirmed: T + 5 });
  });

  it('goes STALE reachable_time after the probe was answered', () => {
    expect(neighState(used, T + 34)).toBe('REACHABLE');
    expect(neighAt(used, T + 35)).toMatchObject({ state: 'STALE', updated: T + 35 });
  });

  it('is not spared the probe by a confirmation in the same exchange', () => {
    // curl and nc -z to c1 confirm c1's entry within a millisecond of DELAY; the timer fires
    // ~0.2 s late, the confirmation is older than 5 s by then, and c1 still probed at +5.2 s.
    const confirmed = neighSent(neighSent(heard, T, false), T, true);
    expect(probeDue(confirmed)).toBe(T + 5);
    expect(neighAt(confirmed, T + 6)).toMatchObject({ state: 'REACHABLE', confirmed: T + 5 });
  });

  it('needs no probe when a later exchange confirms it, and lasts from that confirmation', () => {
    const later = neighSent(used, T + 2, true);
    expect(probeDue(later)).toBeNull();
    expect(neighAt(later, T + 5)).toMatchObject({ state: 'REACHABLE', probes: 0 });
    expect(neighState(later, T + 32)).toBe('STALE');
  });
});

describe('a unicast probe nobody answers (the host dropped 172.17.0.1 right after the ping)', () => {
  const probing = probeUnanswered(neighSent(heard, T, false), T + 5);

  it('is PROBE while ucast_solicit requests go out, a second apart', () => {
    // c1: PROBE 5.6 s and 6.6 s after the ping; requests captured at +5.0, +6.1, +7.1 s.
    expect(neighAt(probing, T + 5)).toMatchObject({ state: 'PROBE', probes: 1 });
    expect(neighAt(probing, T + 7)).toMatchObject({ state: 'PROBE', probes: 3 });
  });

  it('is FAILED after the third, and shows no MAC in ip neigh', () => {
    // c1 8.6 s after the ping: "172.17.0.1 dev eth0 FAILED"; busybox "probes 3 FAILED".
    expect(neighAt(probing, T + 8)).toMatchObject({ state: 'FAILED', probes: 3 });
  });
});

describe('our own resolution (neigh_event_send on a miss)', () => {
  it('counts ucast_solicit first, then each broadcast; an answer makes it REACHABLE', () => {
    // busybox on the host after ping -c1 172.17.0.2: "... probes 4 REACHABLE"; on c2 while
    // 172.17.0.9 was unanswered: "172.17.0.9 dev eth0  ref 1 used 0/0/0 probes 4 INCOMPLETE".
    const asking = neighSolicit(undefined, GW, T);
    expect(asking).toMatchObject({ state: 'INCOMPLETE', probes: 3, mac: null });
    const r = neighReplied({ ...asking, probes: 4 }, GW.mac, T);
    expect(r).toMatchObject({ state: 'REACHABLE', probes: 4, confirmed: T });
    expect(neighState(r, T + 29)).toBe('REACHABLE');
    expect(neighState(r, T + 30)).toBe('STALE');
  });

  it('is refreshed by a TCP peer, and not by ping', () => {
    // ip -s neigh in c2 (REACHABLE from its ping): "used 9/0/9" after nc -z (confirmed 0 s ago),
    // but "7/7/7" after a second ping: echo replies confirm nothing.
    const r: NeighEntry = neighReplied(neighSolicit(undefined, GW, T), GW.mac, T);
    expect(neighState(neighSent(r, T + 20, false), T + 31)).toBe('STALE');
    expect(neighState(neighSent(r, T + 20, true), T + 31)).toBe('REACHABLE');
  });
});

describe("the time left on an entry's timer (the side panel shows it)", () => {
  it('counts down to the probe, then to STALE, and stops in a state without a timer', () => {
    const used = neighSent(heard, T, false);
    expect(neighTimer(used, T + 1)).toBe(4);
    expect(neighTimer(used, T + 5)).toBe(30);
    expect(neighTimer(used, T + 35)).toBeNull();
    expect(neighTimer(heard, T)).toBeNull();
  });
});
