import { describe, expect, it } from 'vitest';
import { cidr, ip, type IPv4, type MacAddress } from '../addr';
import type { Endpoint, Network, PortBinding } from '../types';
import { createWorld } from '../world';
import { addEndpointRules, addNetworkRules, type RuleContext } from './docker';
import { iptablesList } from './list';
import { iptablesS } from './save';
import { setPolicy } from './table';

// Expected lines are copied from moby's generated iptables documents for Docker 29 (master after
// the isolation chains were replaced by DOCKER-INTERNAL):
// integration/network/bridge/iptablesdoc/generated/new-daemon.md and usernet-portmap-lo.md.
// Those documents come from a test daemon that did not enable ip_forward itself, so their FORWARD
// policy is ACCEPT; ours is DROP (dockerd sets DROP when it turned ip_forward on), so -P lines and
// listings are compared after setting FORWARD back to ACCEPT where noted.

/** A document block as text: the first (empty) line dropped, the 4-space indent removed. */
const lines = (text: string): string =>
  text
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/^ {4}/, ''))
    .join('\n') + '\n';

const world = createWorld({ profile: 'docker-29' });
const ctx: RuleContext = { profile: 'docker-29', daemon: world.daemon };

const bridge1: Network = {
  id: 'b'.repeat(64),
  name: 'bridge1',
  driver: 'bridge',
  isDefault: false,
  created: 1,
  bridge: {
    device: 'bridge1',
    subnet: cidr('192.0.2.0/24'),
    gateway: ip('192.0.2.1'),
    mac: '7a:01:c6:84:6c:a6' as MacAddress,
    ifindex: 4,
    icc: true,
    masquerade: true,
    mtu: 1500,
  },
};

const c1: Endpoint = {
  networkId: bridge1.id,
  endpointId: 'c'.repeat(64),
  ifName: 'eth0',
  ifindex: 5,
  ip: ip('192.0.2.2'),
  prefix: 24,
  gateway: ip('192.0.2.1'),
  mac: '4a:1b:2c:3d:4e:5f' as MacAddress,
  hostVeth: 'veth1673542',
  hostVethIfindex: 6,
  hostVethMac: '5a:1b:2c:3d:4e:5f' as MacAddress,
};

const onLoopback8080: PortBinding = {
  hostIp: ip('127.0.0.1'),
  hostPort: 8080,
  containerIp: c1.ip,
  containerPort: 80,
  proto: 'tcp',
  networkId: bridge1.id,
};

describe('current profile (Docker 29, iptables backend)', () => {
  it('after daemon start has the chains and rules of new-daemon.md, FORWARD policy DROP', () => {
    expect(iptablesS(world.netfilter, 'filter')).toBe(
      lines(`
    -P INPUT ACCEPT
    -P FORWARD DROP
    -P OUTPUT ACCEPT
    -N DOCKER
    -N DOCKER-BRIDGE
    -N DOCKER-CT
    -N DOCKER-FORWARD
    -N DOCKER-INTERNAL
    -N DOCKER-USER
    -A FORWARD -j DOCKER-USER
    -A FORWARD -j DOCKER-FORWARD
    -A DOCKER ! -i docker0 -o docker0 -j DROP
    -A DOCKER-BRIDGE -o docker0 -j DOCKER
    -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    -A DOCKER-FORWARD -j DOCKER-CT
    -A DOCKER-FORWARD -j DOCKER-INTERNAL
    -A DOCKER-FORWARD -j DOCKER-BRIDGE
    -A DOCKER-FORWARD -i docker0 -j ACCEPT`),
    );
    expect(iptablesS(world.netfilter, 'nat')).toBe(
      lines(`
    -P PREROUTING ACCEPT
    -P INPUT ACCEPT
    -P OUTPUT ACCEPT
    -P POSTROUTING ACCEPT
    -N DOCKER
    -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
    -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
    -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`),
    );
    expect(world.netfilter.raw.chains).toEqual([]);
  });

  describe('a user network with a port published on 127.0.0.1 (usernet-portmap-lo.md)', () => {
    const nf = addEndpointRules(addNetworkRules(world.netfilter, ctx, bridge1), ctx, bridge1, c1, [
      onLoopback8080,
    ]);

    it('filter: per-port ACCEPT above every network DROP, per-network rules appended', () => {
      expect(iptablesS(setPolicy(nf, 'filter', 'FORWARD', 'ACCEPT'), 'filter')).toBe(
        lines(`
    -P INPUT ACCEPT
    -P FORWARD ACCEPT
    -P OUTPUT ACCEPT
    -N DOCKER
    -N DOCKER-BRIDGE
    -N DOCKER-CT
    -N DOCKER-FORWARD
    -N DOCKER-INTERNAL
    -N DOCKER-USER
    -A FORWARD -j DOCKER-USER
    -A FORWARD -j DOCKER-FORWARD
    -A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
    -A DOCKER ! -i docker0 -o docker0 -j DROP
    -A DOCKER ! -i bridge1 -o bridge1 -j DROP
    -A DOCKER-BRIDGE -o docker0 -j DOCKER
    -A DOCKER-BRIDGE -o bridge1 -j DOCKER
    -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    -A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    -A DOCKER-FORWARD -j DOCKER-CT
    -A DOCKER-FORWARD -j DOCKER-INTERNAL
    -A DOCKER-FORWARD -j DOCKER-BRIDGE
    -A DOCKER-FORWARD -i docker0 -j ACCEPT
    -A DOCKER-FORWARD -i bridge1 -j ACCEPT`),
      );
    });

    it('nat: newer network MASQUERADE on top, DNAT with -d 127.0.0.1/32, no RETURN, no per-port MASQUERADE', () => {
      expect(iptablesS(nf, 'nat')).toBe(
        lines(`
    -P PREROUTING ACCEPT
    -P INPUT ACCEPT
    -P OUTPUT ACCEPT
    -P POSTROUTING ACCEPT
    -N DOCKER
    -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
    -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
    -A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
    -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
    -A DOCKER -d 127.0.0.1/32 ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80`),
      );
    });

    it('raw: direct access to the container dropped, then remote access to the loopback port', () => {
      expect(iptablesS(nf, 'raw')).toBe(
        lines(`
    -P PREROUTING ACCEPT
    -P OUTPUT ACCEPT
    -A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP
    -A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP`),
      );
    });

    // The document's listings were printed without -n, on a host whose /etc/hosts names
    // 127.0.0.1 localhost and whose /etc/networks names 127.0.0.0 loopback.
    const names = (a: IPv4): string | null =>
      a === '127.0.0.1' ? 'localhost' : a === '127.0.0.0' ? 'loopback' : null;
    const listing = (table: 'nat' | 'raw'): string =>
      iptablesList(nf, {
        table,
        numeric: false,
        verbose: true,
        lineNumbers: true,
        addressName: names,
      });

    it('iptables -t nat -L -v --line-numbers prints any, anywhere, !loopback/8, localhost and http-alt', () => {
      expect(listing('nat') + '\n').toBe(
        lines(`
    Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
    num   pkts bytes target     prot opt in     out     source               destination         
    1        0     0 DOCKER     all  --  any    any     anywhere             anywhere             ADDRTYPE match dst-type LOCAL
    
    Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
    num   pkts bytes target     prot opt in     out     source               destination         
    
    Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    num   pkts bytes target     prot opt in     out     source               destination         
    1        0     0 DOCKER     all  --  any    any     anywhere            !loopback/8           ADDRTYPE match dst-type LOCAL
    
    Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
    num   pkts bytes target     prot opt in     out     source               destination         
    1        0     0 MASQUERADE  all  --  any    !bridge1  192.0.2.0/24         anywhere            
    2        0     0 MASQUERADE  all  --  any    !docker0  172.17.0.0/16        anywhere            
    
    Chain DOCKER (2 references)
    num   pkts bytes target     prot opt in     out     source               destination         
    1        0     0 DNAT       tcp  --  !bridge1 any     anywhere             localhost            tcp dpt:http-alt to:192.0.2.2:80
    `),
      );
    });

    it('iptables -t raw -L -v --line-numbers', () => {
      expect(listing('raw') + '\n').toBe(
        lines(`
    Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
    num   pkts bytes target     prot opt in     out     source               destination         
    1        0     0 DROP       all  --  !bridge1 any     anywhere             192.0.2.2           
    2        0     0 DROP       tcp  --  !lo    any     anywhere             localhost            tcp dpt:http-alt
    
    Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    num   pkts bytes target     prot opt in     out     source               destination         
    `),
      );
    });
  });
});
