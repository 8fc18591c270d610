// Docker's embedded DNS walked (issue 14 item 8): a lookup in a container on a user-defined network
// goes to 127.0.0.11:53 over the container's lo. Truth: moby resolver_unix.go (the nat rules:
// DOCKER_OUTPUT DNATs the query to the resolver's port), resolver.go (respTTL 600; AAAA of a name
// with only IPv4 is a NOERROR reply with no records; an unknown name forwarded by a socket dialled
// in the container's namespace), and kernel/fixtures/dns/embedded-lo.txt, tcpdump -n on lo of a
// namespace holding those rules while busybox nslookup asked a stand-in resolver: the query leaves
// to the resolver's port, the answer comes from :53 (conntrack's reverse of the DNAT in that
// namespace). The kernel suite's embedded-dns case compares the same lo capture live.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embeddedDnsPorts } from '../sim/netfilter/embedded-dns';
import type { PacketTrace } from '../sim/trace';
import { loLines } from './testing/embedded-lo';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const RECORDED = readFileSync(
  new URL('../../kernel/fixtures/dns/embedded-lo.txt', import.meta.url),
  'utf8',
);

function lab() {
  const t = terminalOn(referenceHost());
  t.run('docker network create app');
  t.run('docker run -d --name web --network app busybox httpd -f -p 80');
  t.run('docker run -d --name cli --network app busybox sleep 3600');
  const cli = t.store.getState().world.containers.find((c) => c.name === 'cli');
  if (!cli) throw new Error('no cli');
  const pid = t.run("docker inspect -f '{{.State.Pid}}' cli").out.trim();
  return { t, ports: embeddedDnsPorts(cli), pid };
}

const packets = (t: ReturnType<typeof lab>['t']) => t.store.getState().packets;
const onLo = (p: PacketTrace | undefined) =>
  (p?.hops ?? []).filter((h) => h.iface === 'lo').map((h) => `${h.node} ${h.event}`);

describe("a lookup asked of 127.0.0.11 walks the container's lo", () => {
  it('the query is DNATed on OUTPUT to the resolver port and delivered to dockerd there', () => {
    const { t, ports } = lab();
    t.run('docker exec cli nslookup example.com');
    const q = packets(t)[0];
    expect(q?.label).toBe('DNS query example.com');
    expect(q?.hops[0]?.frame.ip).toMatchObject({ src: '127.0.0.1', dst: '127.0.0.11' });
    expect(q?.hops[0]?.frame.udp?.dport).toBe(53);
    const dnat = q?.hops.find((h) => h.event === 'nat');
    expect(dnat?.node).toBe('container:cli');
    expect(dnat?.why).toEqual({ key: 'nat.dnat', params: { hook: 'OUTPUT' } });
    expect(dnat?.changed).toEqual([{ field: 'udp.dport', from: 53, to: ports.udp }]);
    const rule = q?.hops.find((h) => h.nf?.target === 'DNAT')?.nf;
    expect(rule?.chain).toBe('DOCKER_OUTPUT');
    expect(onLo(q)).toEqual(['container:cli tx', 'container:cli rx', 'container:cli deliver']);
    const last = q?.hops.at(-1);
    expect(last?.why.params).toMatchObject({ process: 'dockerd', port: ports.udp });
    expect(q?.outcome).toEqual({ kind: 'delivered', node: 'container:cli' });
  });

  it("the answer leaves from the resolver's port; the container's conntrack makes it :53", () => {
    const { t, ports } = lab();
    t.run('docker exec cli nslookup example.com');
    const answers = packets(t).filter(
      (p) => p.label === 'DNS answer example.com' && p.hops[0]?.frame.ip?.src === '127.0.0.11',
    );
    expect(answers).toHaveLength(2);
    const a = answers[0];
    expect(a?.hops[0]?.frame.udp?.sport).toBe(ports.udp);
    const undnat = a?.hops.find((h) => h.event === 'nat');
    expect(undnat?.why).toEqual({ key: 'nat.ct-undnat', params: { hook: 'POSTROUTING' } });
    expect(undnat?.changed).toEqual([{ field: 'udp.sport', from: ports.udp, to: 53 }]);
    // The entry is the container's, as its `conntrack -L` lists it (embedded-conntrack.txt).
    expect(undnat?.ct?.entry).toMatchObject({
      proto: 'udp',
      orig: { src: '127.0.0.1', dst: '127.0.0.11', dport: 53 },
      reply: { src: '127.0.0.11', dst: '127.0.0.1', sport: ports.udp },
    });
    expect(a?.hops.at(-1)?.why.key).toBe('deliver.client');
    expect(a?.outcome).toEqual({ kind: 'delivered', node: 'container:cli' });
    // conntrack is per namespace: the host's table holds the forwarded queries, not the lo one.
    const host = t.run('conntrack -L').out;
    expect(host).not.toContain('127.0.0.11');
    expect(host).toContain('dst=8.8.8.8 sport=');
  });

  it('a name it does not know is forwarded from the container (eth0, MASQUERADE) in between', () => {
    const { t } = lab();
    t.run('docker exec cli nslookup example.com');
    const firstHop = packets(t).map((p) => `${p.label} ${p.hops[0]?.frame.ip?.src}`);
    expect(firstHop).toEqual([
      'DNS query example.com 127.0.0.1',
      'DNS query example.com 127.0.0.1',
      'DNS query example.com 172.18.0.3',
      'DNS answer example.com 8.8.8.8',
      'DNS answer example.com 127.0.0.11',
      'DNS query example.com 172.18.0.3',
      'DNS answer example.com 8.8.8.8',
      'DNS answer example.com 127.0.0.11',
    ]);
    const fwd = packets(t)[2];
    expect(fwd?.hops.at(-1)?.frame.ip?.src).toBe(t.store.getState().world.host.eth0.ip);
  });

  it("a container's name is dockerd's own answer: A with TTL 600, AAAA NOERROR and empty", () => {
    const { t } = lab();
    t.run('docker exec cli ping -c 1 web');
    expect(packets(t).map((p) => p.label)).toEqual([
      'DNS query web',
      'DNS answer web',
      'DNS query web',
      'DNS answer web',
      'echo request 1',
      'echo reply 1',
    ]);
    const [, a, , aaaa] = packets(t);
    expect(a?.hops.at(-1)?.frame.dns).toMatchObject({
      rcode: 0,
      type: 'A',
      answers: [{ ttl: 600, ip: '172.18.0.2' }],
    });
    expect(aaaa?.hops.at(-1)?.frame.dns).toMatchObject({ rcode: 0, type: 'AAAA', answers: [] });
    // Nothing left the container for the name: every DNS hop is on its own node.
    const dnsNodes = packets(t)
      .slice(0, 4)
      .flatMap((p) => p.hops.map((h) => h.node));
    expect(new Set(dnsNodes)).toEqual(new Set(['container:cli']));
  });

  it("nsenter … tcpdump -n -i lo prints the kernel's recorded lines (ports and ids blanked)", () => {
    const { t, pid } = lab();
    t.run('docker exec cli nslookup example.com');
    const out = t.run(`nsenter -t ${pid} -n tcpdump -n -i lo`).out;
    expect(loLines(out)).toEqual(loLines(RECORDED.replace(/^/gm, '00:00:00.000000 ')));
    expect(loLines(out)).toHaveLength(4);
  });
});

describe('the panels keep showing the host', () => {
  it("the hops on the container's lo see the host's conntrack and netfilter, not the container's", () => {
    const { t } = lab();
    const before = t.store.getState().world;
    t.run('docker exec cli ping -c 1 web');
    const lo = packets(t)
      .slice(0, 4)
      .flatMap((p) => p.hops);
    expect(lo.length).toBeGreaterThan(0);
    for (const h of lo) {
      expect(h.seen.conntrack).toBe(before.conntrack);
      expect(h.seen.netfilter).toBe(before.netfilter);
    }
  });
});
