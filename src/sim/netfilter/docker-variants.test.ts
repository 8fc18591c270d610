import { describe, expect, it } from 'vitest';
import { cidr, ip, type MacAddress } from '../addr';
import type { DaemonConfig, Endpoint, Network, PortBinding, Profile } from '../types';
import {
  addEndpointRules,
  addNetworkRules,
  daemonStartRules,
  removeEndpointRules,
  removeNetworkRules,
  type RuleContext,
} from './docker';
import { iptablesS, iptablesSave } from './save';

const ctxOf = (profile: Profile, daemon: Partial<DaemonConfig> = {}): RuleContext => ({
  profile,
  daemon: { icc: true, userlandProxy: true, ...daemon },
});

function bridgeNet(
  name: string,
  device: string,
  subnet: string,
  opts: { icc?: boolean; masquerade?: boolean } = {},
): Network {
  const c = cidr(subnet);
  return {
    id: name.padEnd(64, '0'),
    name,
    driver: 'bridge',
    isDefault: device === 'docker0',
    created: 0,
    bridge: {
      device,
      subnet: c,
      gateway: ip(c.address.replace(/\.0$/, '.1')),
      mac: '02:42:00:00:00:01' as MacAddress,
      ifindex: 3,
      icc: opts.icc ?? true,
      masquerade: opts.masquerade ?? true,
      mtu: 1500,
    },
  };
}

const docker0 = (icc = true): Network => bridgeNet('bridge', 'docker0', '172.17.0.0/16', { icc });
const bridge1 = (icc = true, masquerade = true): Network =>
  bridgeNet('bridge1', 'bridge1', '192.0.2.0/24', { icc, masquerade });

function ep(net: Network, addr: string): Endpoint {
  return {
    networkId: net.id,
    endpointId: addr.padEnd(64, 'e'),
    ifName: 'eth0',
    ifindex: 10,
    ip: ip(addr),
    prefix: net.bridge?.subnet.prefix ?? 16,
    gateway: net.bridge?.gateway ?? ip('0.0.0.0'),
    mac: '02:42:00:00:00:02' as MacAddress,
    hostVeth: 'veth0000000',
    hostVethIfindex: 11,
    hostVethMac: '02:42:00:00:00:03' as MacAddress,
  };
}

function publish(
  net: Network,
  e: Endpoint,
  hostPort: number,
  containerPort: number,
  extra: Partial<PortBinding> = {},
): PortBinding {
  return {
    hostIp: null,
    hostPort,
    containerIp: e.ip,
    containerPort,
    proto: 'tcp',
    networkId: net.id,
    ...extra,
  };
}

const ruleLines = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('-A '));

describe('classic profile variants (Docker 20.10-27)', () => {
  it('puts a newer network above docker0 and isolates the two bridges', () => {
    // FORWARD, isolation and nat layout as in moby integration/network/bridge/iptablesdoc/generated/
    // usernet-portmap-noproxy.md at bf251c33 (pre-28 layout; its DOCKER-chain DROP rules came with 28.0).
    const ctx = ctxOf('docker-27');
    const d0 = docker0();
    const b1 = bridge1();
    let nf = addNetworkRules(daemonStartRules(ctx), ctx, d0);
    nf = addNetworkRules(nf, ctx, b1);
    const c1 = ep(b1, '192.0.2.2');
    nf = addEndpointRules(nf, ctx, b1, c1, [publish(b1, c1, 8080, 80)]);
    expect(ruleLines(iptablesS(nf, 'filter'))).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      '-A FORWARD -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -o bridge1 -j DOCKER',
      '-A FORWARD -i bridge1 ! -o bridge1 -j ACCEPT',
      '-A FORWARD -i bridge1 -o bridge1 -j ACCEPT',
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -o docker0 -j DOCKER',
      '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
      '-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
      '-A DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
      '-A DOCKER-USER -j RETURN',
    ]);
    expect(ruleLines(iptablesS(nf, 'nat'))).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A POSTROUTING -s 192.0.2.2/32 -d 192.0.2.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      '-A DOCKER -i bridge1 -j RETURN',
      '-A DOCKER -i docker0 -j RETURN',
      '-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80',
    ]);
  });

  it('without the userland proxy: OUTPUT jump keeps loopback, no RETURN, DNAT from any interface, local MASQUERADE', () => {
    // Same document (usernet-portmap-noproxy.md), nat table.
    const ctx = ctxOf('docker-27', { userlandProxy: false });
    const b1 = bridge1();
    let nf = addNetworkRules(addNetworkRules(daemonStartRules(ctx), ctx, docker0()), ctx, b1);
    const c1 = ep(b1, '192.0.2.2');
    nf = addEndpointRules(nf, ctx, b1, c1, [publish(b1, c1, 8080, 80)]);
    expect(ruleLines(iptablesS(nf, 'nat'))).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -o bridge1 -m addrtype --src-type LOCAL -j MASQUERADE',
      '-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE',
      '-A POSTROUTING -o docker0 -m addrtype --src-type LOCAL -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A POSTROUTING -s 192.0.2.2/32 -d 192.0.2.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      '-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80',
    ]);
  });

  it('icc=false appends a DROP for traffic between the bridge’s own containers', () => {
    const ctx = ctxOf('docker-27', { icc: false });
    const nf = addNetworkRules(daemonStartRules(ctx), ctx, docker0(false));
    const forward = ruleLines(iptablesS(nf, 'filter', 'FORWARD'));
    expect(forward.at(-1)).toBe('-A FORWARD -i docker0 -o docker0 -j DROP');
    expect(forward).not.toContain('-A FORWARD -i docker0 -o docker0 -j ACCEPT');
  });

  it('a network with masquerade off gets neither MASQUERADE nor the DNAT-skipping RETURN', () => {
    const ctx = ctxOf('docker-27');
    const nf = addNetworkRules(daemonStartRules(ctx), ctx, bridge1(true, false));
    const nat = ruleLines(iptablesS(nf, 'nat'));
    expect(nat.some((l) => l.includes('bridge1'))).toBe(false);
  });

  it('a host IP adds -d HOST/32 to the DNAT; UDP uses -p udp -m udp', () => {
    const ctx = ctxOf('docker-27');
    const d0 = docker0();
    const c1 = ep(d0, '172.17.0.2');
    const nf = addEndpointRules(addNetworkRules(daemonStartRules(ctx), ctx, d0), ctx, d0, c1, [
      publish(d0, c1, 8080, 80, { hostIp: ip('127.0.0.1') }),
      publish(d0, c1, 5353, 53, { proto: 'udp' }),
    ]);
    const save = iptablesSave(nf);
    expect(save).toContain(
      '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n',
    );
    expect(save).toContain(
      '-A DOCKER ! -i docker0 -p udp -m udp --dport 5353 -j DNAT --to-destination 172.17.0.2:53\n',
    );
    expect(save).toContain(
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p udp -m udp --dport 53 -j ACCEPT\n',
    );
    expect(save).not.toContain('*raw');
  });
});

describe('current profile variants (Docker 29)', () => {
  it('icc=false: DROP between the bridge’s containers, then ACCEPT only for leaving traffic', () => {
    // daemon/libnetwork/drivers/bridge/internal/iptabler/network.go: setIcc appends the DROP,
    // then setupNonInternalNetworkRules appends "-i br ! -o br -j ACCEPT" (ACCEPT NON_ICC OUTGOING).
    const ctx = ctxOf('docker-29');
    const nf = addNetworkRules(
      addNetworkRules(daemonStartRules(ctx), ctx, docker0()),
      ctx,
      bridge1(false),
    );
    expect(ruleLines(iptablesS(nf, 'filter', 'DOCKER-FORWARD'))).toEqual([
      '-A DOCKER-FORWARD -j DOCKER-CT',
      '-A DOCKER-FORWARD -j DOCKER-INTERNAL',
      '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
      '-A DOCKER-FORWARD -i docker0 -j ACCEPT',
      '-A DOCKER-FORWARD -i bridge1 -o bridge1 -j DROP',
      '-A DOCKER-FORWARD -i bridge1 ! -o bridge1 -j ACCEPT',
    ]);
  });

  it('without the userland proxy: per-port MASQUERADE and local MASQUERADE come back', () => {
    const ctx = ctxOf('docker-29', { userlandProxy: false });
    const d0 = docker0();
    const c1 = ep(d0, '172.17.0.2');
    const nf = addEndpointRules(addNetworkRules(daemonStartRules(ctx), ctx, d0), ctx, d0, c1, [
      publish(d0, c1, 8080, 80),
    ]);
    expect(ruleLines(iptablesS(nf, 'nat'))).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -o docker0 -m addrtype --src-type LOCAL -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      '-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    ]);
  });

  it('prints the raw table first in iptables-save once a container exists', () => {
    const ctx = ctxOf('docker-29');
    const d0 = docker0();
    const nf = addEndpointRules(
      addNetworkRules(daemonStartRules(ctx), ctx, d0),
      ctx,
      d0,
      ep(d0, '172.17.0.2'),
      [],
    );
    const tables = iptablesSave(nf)
      .split('\n')
      .filter((l) => l.startsWith('*'));
    expect(tables).toEqual(['*raw', '*filter', '*nat']);
  });
});

describe.each(['docker-27', 'docker-29'] as const)('%s: lifecycle', (profile) => {
  const ctx = ctxOf(profile);
  const d0 = docker0();
  const b1 = bridge1();
  const c1 = ep(d0, '172.17.0.2');
  const c2 = ep(b1, '192.0.2.2');
  const p1 = [publish(d0, c1, 8080, 80)];
  const p2 = [publish(b1, c2, 8081, 81), publish(b1, c2, 5353, 53, { proto: 'udp' })];

  it('a daemon restart (networks in creation order, endpoints in start order) rebuilds the same tables', () => {
    let live = addNetworkRules(daemonStartRules(ctx), ctx, d0);
    live = addEndpointRules(live, ctx, d0, c1, p1);
    live = addNetworkRules(live, ctx, b1);
    live = addEndpointRules(live, ctx, b1, c2, p2);
    let rebuilt = daemonStartRules(ctx);
    for (const n of [d0, b1]) rebuilt = addNetworkRules(rebuilt, ctx, n);
    rebuilt = addEndpointRules(rebuilt, ctx, d0, c1, p1);
    rebuilt = addEndpointRules(rebuilt, ctx, b1, c2, p2);
    expect(iptablesSave(rebuilt)).toBe(iptablesSave(live));
  });

  it('removing an endpoint and then its network restores the earlier rules', () => {
    const base = addNetworkRules(daemonStartRules(ctx), ctx, d0);
    const withNet = addNetworkRules(base, ctx, b1);
    const withEp = addEndpointRules(withNet, ctx, b1, c2, p2);
    const noEp = removeEndpointRules(withEp, ctx, b1, c2, p2);
    // The raw table, once created, stays (with its empty built-in chains) after its rules go.
    const rules = (nf: typeof base): string[] => ruleLines(iptablesSave(nf));
    expect(rules(noEp)).toEqual(rules(withNet));
    expect(rules(removeNetworkRules(noEp, ctx, b1))).toEqual(rules(base));
  });

  it('never mutates its input and shares untouched tables', () => {
    const base = addNetworkRules(daemonStartRules(ctx), ctx, d0);
    const before = JSON.stringify(base);
    const next = addEndpointRules(base, ctx, d0, c1, p1);
    expect(JSON.stringify(base)).toBe(before);
    expect(next).not.toBe(base);
    const unchangedChains = base.filter.chains.filter((c) => next.filter.chains.includes(c));
    expect(unchangedChains.length).toBeGreaterThan(0);
    const hostNet: Network = {
      id: 'h'.repeat(64),
      name: 'host',
      driver: 'host',
      isDefault: false,
      created: 0,
    };
    expect(addNetworkRules(base, ctx, hostNet)).toBe(base);
  });

  // Speed is the bench's (npm run bench: `docker run` at 1,000 containers); what keeps it flat is
  // that one more container copies only what it changes, and that is what this checks.
  it('adds a container to a host with 1,000 published containers by sharing every rule it leaves', () => {
    let nf = addNetworkRules(daemonStartRules(ctx), ctx, d0);
    for (let i = 0; i < 1000; i++) {
      const e = ep(d0, `172.17.${(i + 2) >> 8}.${(i + 2) & 255}`);
      nf = addEndpointRules(nf, ctx, d0, e, [publish(d0, e, 10000 + i, 80)]);
    }
    const e = ep(d0, '172.17.9.9');
    const next = addEndpointRules(nf, ctx, d0, e, [publish(d0, e, 20000, 80)]);
    for (const t of ['raw', 'nat', 'filter'] as const) {
      for (const c of next[t].chains) {
        const old = nf[t].chains.find((x) => x.name === c.name);
        if (!old) continue;
        if (c.rules.length === old.rules.length) expect(c).toBe(old);
        // A chain that gained the new container's rule keeps every old rule object.
        else for (const r of old.rules) expect(c.rules).toContain(r);
      }
    }
  });
});
