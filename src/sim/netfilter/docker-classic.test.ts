import { describe, expect, it } from 'vitest';
import { ip, type MacAddress } from '../addr';
import type { Endpoint, Netfilter, Network, PortBinding } from '../types';
import { createWorld } from '../world';
import { addEndpointRules, type RuleContext } from './docker';
import { fixture, protNamesLike1810, saveDate, withCounters } from './fixtures.test-util';
import { iptablesList } from './list';
import { iptablesS, iptablesSave } from './save';

// The reference host (real-outputs/INDEX.md): classic Docker <= 27, userland proxy on, docker0
// 172.17.0.1/16; c1 = 172.17.0.2 with -p 8080:80, c2 = 172.17.0.3 without ports.
const world = createWorld();
const ctx: RuleContext = { profile: world.profile, daemon: world.daemon };
const docker0 = world.networks[0] as Network;

function endpoint(addr: string, n: number, veth: string): Endpoint {
  return {
    networkId: docker0.id,
    endpointId: `${n}`.repeat(64),
    ifName: 'eth0',
    ifindex: 2 + 2 * n,
    ip: ip(addr),
    prefix: 16,
    gateway: ip('172.17.0.1'),
    mac: `02:42:ac:11:00:0${n + 1}` as MacAddress,
    hostVeth: veth,
    hostVethIfindex: 3 + 2 * n,
    hostVethMac: '6a:3e:91:0c:5f:d2' as MacAddress,
  };
}

const c1 = endpoint('172.17.0.2', 1, 'veth3f1a2b7');
const c2 = endpoint('172.17.0.3', 2, 'veth9c4d5e0');
const publish8080: PortBinding = {
  hostIp: null,
  hostPort: 8080,
  containerIp: c1.ip,
  containerPort: 80,
  proto: 'tcp',
  networkId: docker0.id,
};

const empty: Netfilter = world.netfilter;
const withContainers = addEndpointRules(
  addEndpointRules(empty, ctx, docker0, c1, [publish8080]),
  ctx,
  docker0,
  c2,
  [],
);

/** The simulated tables carrying the capture's packet/byte counters. */
const counted = (nf: Netfilter, natListing: string, filterListing: string): Netfilter =>
  withCounters(withCounters(nf, 'nat', natListing), 'filter', filterListing);

describe('classic profile against the reference host', () => {
  it('after daemon start prints iptables-save exactly as captured', () => {
    const real = fixture('host-empty__iptables-save.txt');
    expect(iptablesSave(empty, { header: saveDate(real) })).toBe(real);
  });

  it('after c1 (-p 8080:80) and c2 start prints iptables-save exactly as captured', () => {
    const real = fixture('host__iptables-save.txt');
    expect(iptablesSave(withContainers, { header: saveDate(real) })).toBe(real);
  });

  it('prints iptables -S and -t nat -S as captured', () => {
    expect(iptablesS(withContainers, 'filter')).toBe(fixture('host__iptables-S.txt'));
    expect(iptablesS(withContainers, 'nat')).toBe(fixture('host__iptables-t-nat-S.txt'));
  });

  // Listings under -n: compared with the capture's prot column mapped to names (see
  // protNamesLike1810: iptables 1.8.9 printed numbers there, 1.8.7 and >= 1.8.10 print names).
  it('lists the empty daemon tables with -L -n -v as captured', () => {
    const nat = fixture('host-empty__iptables-t-nat-L-n-v.txt');
    const filter = fixture('host-empty__iptables-L-n-v.txt');
    const v = { numeric: true, verbose: true, lineNumbers: false } as const;
    expect(iptablesList(empty, { table: 'nat', ...v })).toBe(protNamesLike1810(nat));
    expect(iptablesList(empty, { table: 'filter', ...v })).toBe(protNamesLike1810(filter));
  });

  describe('with the capture counters on the rules', () => {
    const nat = fixture('host__iptables-t-nat-L-n-v.txt');
    const filter = fixture('host__iptables-L-n-v.txt');
    const nf = counted(withContainers, nat, filter);

    it('iptables -t nat -L -n -v', () => {
      const out = iptablesList(nf, {
        table: 'nat',
        numeric: true,
        verbose: true,
        lineNumbers: false,
      });
      expect(out).toBe(protNamesLike1810(nat));
    });

    it('iptables -L -n -v', () => {
      const out = iptablesList(nf, {
        table: 'filter',
        numeric: true,
        verbose: true,
        lineNumbers: false,
      });
      expect(out).toBe(protNamesLike1810(filter));
    });

    it('iptables -L FORWARD -n -v', () => {
      const out = iptablesList(nf, {
        table: 'filter',
        chain: 'FORWARD',
        numeric: true,
        verbose: true,
        lineNumbers: false,
      });
      expect(out).toBe(protNamesLike1810(fixture('host__iptables-L-FORWARD-n-v.txt')));
    });

    it('iptables -t nat -L -n -v --line-numbers', () => {
      const out = iptablesList(nf, {
        table: 'nat',
        numeric: true,
        verbose: true,
        lineNumbers: true,
      });
      expect(out).toBe(protNamesLike1810(fixture('host__iptables-t-nat-L-n-v-line-numbers.txt')));
    });
  });

  it('iptables -t nat -L -n and -L -n (no counters, no interfaces)', () => {
    const v = { numeric: true, verbose: false, lineNumbers: false } as const;
    expect(iptablesList(withContainers, { table: 'nat', ...v })).toBe(
      protNamesLike1810(fixture('host__iptables-t-nat-L-n.txt')),
    );
    expect(iptablesList(withContainers, { table: 'filter', ...v })).toBe(
      protNamesLike1810(fixture('host__iptables-L-n.txt')),
    );
  });

  it('iptables -t nat -L without -n: anywhere and service names, compared unmapped', () => {
    const out = iptablesList(withContainers, {
      table: 'nat',
      numeric: false,
      verbose: false,
      lineNumbers: false,
    });
    expect(out).toBe(fixture('host__iptables-t-nat-L.txt'));
  });
});
