import { describe, expect, it } from 'vitest';
import { cidr, inCidr, type IPv4 } from './addr';
import { internetPrefixes, lookupPublicName } from './internet';
import { addRemote, addRouterRoute, createWorld, setHostAddress, simulate } from './index';
import type { World } from './types';

const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};
const owned = (w: World, a: string) => internetPrefixes(w).some((c) => inCidr(a as IPv4, c));

describe('the internet owns every public address, and nothing else', () => {
  const w = createWorld();

  it('public addresses are its own; private, reserved and the lab’s documentation nets are not', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '110.242.68.66', '223.5.5.5'])
      expect(owned(w, a)).toBe(true);
    for (const a of [
      '10.1.2.3',
      '172.16.0.1',
      '172.17.0.2',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.1.1',
      '127.0.0.1',
      '192.0.2.77',
      '198.51.100.99',
      '203.0.113.9',
      '198.18.0.2',
      '224.0.0.1',
      '255.255.255.255',
      '0.1.2.3',
    ])
      expect(owned(w, a)).toBe(false);
  });

  it('the prefixes are disjoint and cover exactly the complement (sampled on a fixed grid)', () => {
    const ps = internetPrefixes(w);
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++)
        expect(inCidr(ps[i]!.address, ps[j]!) || inCidr(ps[j]!.address, ps[i]!)).toBe(false);
    // Every 2^20th address: public unless in one of the special ranges.
    const special = [
      '0.0.0.0/8',
      '10.0.0.0/8',
      '100.64.0.0/10',
      '127.0.0.0/8',
      '169.254.0.0/16',
      '172.16.0.0/12',
      '192.0.0.0/24',
      '192.0.2.0/24',
      '192.88.99.0/24',
      '192.168.0.0/16',
      '198.18.0.0/15',
      '198.51.100.0/24',
      '203.0.113.0/24',
      '224.0.0.0/4',
      '240.0.0.0/4',
    ].map(cidr);
    for (let n = 0; n < 2 ** 32; n += 2 ** 20 + 77) {
      const a = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.') as IPv4;
      expect(owned(w, a)).toBe(!special.some((c) => inCidr(a, c)));
    }
  });

  it('gives up what the lab puts elsewhere: a public LAN, a remote, a static route', () => {
    let v = ok(setHostAddress(w, '81.2.3.10/24', '81.2.3.1')).world;
    expect(owned(v, '81.2.3.99')).toBe(false);
    expect(owned(v, '81.2.4.1')).toBe(true);
    v = ok(addRemote(v, { name: 'quad9', ip: '9.9.9.9' })).world;
    expect(owned(v, '9.9.9.9')).toBe(false);
    expect(owned(v, '9.9.9.10')).toBe(true);
    v = ok(addRouterRoute(v, '45.0.0.0/8', '81.2.3.10')).world;
    expect(owned(v, '45.1.2.3')).toBe(false);
  });

  it('the router answers an address it has no route to with net unreachable, from 192.0.2.1', () => {
    const sim = simulate(w, { from: { kind: 'host' }, to: '10.1.2.3' as IPv4, kind: 'ping' });
    const drop = sim.packets[0]?.outcome;
    expect(drop).toMatchObject({ kind: 'dropped', reason: 'net-unreachable', node: 'router' });
    const err = sim.packets.find((p) => p.label === 'ICMP net unreachable');
    const last = err?.hops[err.hops.length - 1];
    expect(last?.node).toBe('host');
    expect(last?.frame.ip?.src).toBe('192.0.2.1');
    expect(last?.frame.icmp).toMatchObject({ type: 3, code: 0 });
  });

  it('resolver names: a few, case and a final dot aside; the rest NXDOMAIN', () => {
    expect(lookupPublicName('Example.COM.')).toBe('93.184.216.34');
    expect(lookupPublicName('www.baidu.com')).toBe('110.242.68.66');
    expect(lookupPublicName('nosuch.example')).toBeNull();
    expect(lookupPublicName('constructor')).toBeNull();
  });
});
