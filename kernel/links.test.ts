import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namespacesOf, nodeId, type NodeId } from '../src/sim';
import { buildScenario, findScenario } from '../src/scenarios';
import { compareViews, kernelViews, modelView, type NsView, type RawNs } from './links';

// Real listings of two namespaces built by the commands in fixtures/ip-json/README.md.
const read = (ns: string, what: string): string =>
  readFileSync(new URL(`./fixtures/ip-json/${ns}-${what}.json`, import.meta.url), 'utf8');
const raw = (ns: string): RawNs => ({
  link: read(ns, 'link'),
  addr: read(ns, 'addr'),
  route: read(ns, 'route'),
  nsid: read(ns, 'nsid'),
});
const kernel = kernelViews(
  new Map([
    ['dnl-11525-a', raw('a')],
    ['dnl-11525-b', raw('b')],
  ]),
);
const a = kernel.get('dnl-11525-a')!;
const b = kernel.get('dnl-11525-b')!;

describe('kernelViews on real `ip -j` output', () => {
  it('reads kinds, MACs, MTUs, queue lengths, addresses, masters and carrier as built', () => {
    expect(a.links.get('lo')).toEqual({
      kind: 'loopback',
      mac: '00:00:00:00:00:00',
      mtu: 65536,
      txqlen: 1000,
      addrs: ['127.0.0.1/8'],
      master: null,
      peer: null,
      lowerUp: true,
    });
    expect(a.links.get('docker0')).toMatchObject({
      kind: 'bridge',
      mac: '02:42:ac:11:00:01',
      txqlen: 0,
      addrs: ['172.17.0.1/16'],
      lowerUp: true,
    });
    // No port: no carrier.
    expect(a.links.get('br-0123456789ab')).toMatchObject({ mtu: 1450, lowerUp: false });
    expect(a.links.get('veth3f1a2b7')).toMatchObject({
      kind: 'veth',
      master: 'docker0',
      addrs: [],
      txqlen: 0,
    });
    expect(b.links.get('eth1')?.addrs).toEqual(['198.51.100.7/32']);
  });

  it('resolves each veth peer through the link-netnsid to a namespace and device name', () => {
    expect(a.links.get('eth0')?.peer).toBe('dnl-11525-b/eth0');
    expect(a.links.get('veth3f1a2b7')?.peer).toBe('dnl-11525-b/eth1');
    expect(b.links.get('eth0')?.peer).toBe('dnl-11525-a/eth0');
    expect(b.links.get('eth1')?.peer).toBe('dnl-11525-a/veth3f1a2b7');
  });

  it('lists routes in dump order with proto, src only where the kernel set it, flags', () => {
    expect(a.routes).toEqual([
      'default via 192.0.2.1 dev eth0 proto boot',
      '10.0.0.0/24 dev br-0123456789ab proto kernel src 10.0.0.1 linkdown',
      '172.17.0.0/16 dev docker0 proto kernel src 172.17.0.1',
      '192.0.2.0/24 dev eth0 proto kernel src 192.0.2.10',
    ]);
    expect(b.routes).toEqual([
      'default via 203.0.113.9 dev eth1 proto boot onlink',
      '172.17.0.0/16 via 192.0.2.10 dev eth0 proto boot',
      '192.0.2.0/24 dev eth0 proto kernel src 192.0.2.1',
      '203.0.113.9/32 dev eth1 proto boot',
    ]);
  });
});

describe('modelView and compareViews', () => {
  const world = buildScenario(findScenario('container-to-container')!, 'docker-27');
  const ns = namespacesOf(world);
  const name = (id: NodeId): string => `dnl-1-${id}`;

  it("writes the model's routes as the kernel lists them", () => {
    // The server's gateway is the router's end of its own link (a /32 route), not 192.0.2.1.
    expect(modelView(ns.get(nodeId.remote('server'))!, name).routes).toEqual([
      'default via 198.51.100.1 dev eth0 proto boot',
      '198.51.100.1/32 dev eth0 proto boot',
    ]);
    expect(modelView(ns.get('router')!, name).routes).toContain(
      '198.51.100.7/32 dev eth1 proto boot',
    );
  });

  it('finds nothing between a view and itself, and names every field that differs', () => {
    const host = modelView(ns.get('host')!, name);
    expect(compareViews(host, host, 'host')).toEqual([]);
    const eth0 = host.links.get('eth0')!;
    const kernelSide: NsView = {
      links: new Map([...host.links, ['eth0', { ...eth0, addrs: ['192.0.2.10/16'], mtu: 1400 }]]),
      routes: [...host.routes].reverse(),
    };
    expect(compareViews(kernelSide, host, 'host')).toEqual([
      '  host/eth0 mtu: kernel 1400, model 1500',
      `  host/eth0 addrs: kernel [192.0.2.10/16], model [${eth0.addrs.join(' ')}]`,
      '  host routes differ:',
      '    (same routes, another order)',
    ]);
  });

  it('reports devices the kernel numbered in another order', () => {
    const host = modelView(ns.get('host')!, name);
    const [lo, eth0, docker0, ...rest] = [...host.links];
    const swapped: NsView = { ...host, links: new Map([lo!, docker0!, eth0!, ...rest]) };
    expect(compareViews(swapped, host, 'host')[0]).toMatch(
      /^ {2}host device order: kernel \[lo docker0 eth0 .*\], model \[lo eth0 docker0 /,
    );
  });

  it('reports a device only one side has', () => {
    const host = modelView(ns.get('host')!, name);
    const fewer: NsView = { ...host, links: new Map([...host.links].slice(0, 2)) };
    expect(compareViews(fewer, host, 'host')[0]).toMatch(/: only in the model$/);
  });
});
