// Name resolution as packets (issue 14, item 8). A lookup that needs a nameserver is an A and an
// AAAA query to resolv.conf's first nameserver (8.8.8.8) on port 53 and their answers, as busybox
// sends them (kernel/fixtures/dns: nslookup both queries first, ping each after the other's
// answer), real DNS messages whose lengths are those measured there, walked before the flow that
// uses the address; from a container on the default bridge it leaves through MASQUERADE, as the
// kernel suite's `c2 → 8.8.8.8:53/udp` case (kernel/internet.ts) checks in namespaces. busybox
// 1.35 nslookup's lines are networking/nslookup.c's printf formats (tag 1_35_0): `Server:\t\t%s`,
// `Address:\t%s` with xmalloc_sockaddr2dotted's "IP:53", "Non-authoritative answer:" for each
// reply without AA (the A answer, then the AAAA query's empty one), `Name:\t%s\nAddress: %s`, a
// '\n' after each reply, `** server can't find %s: %s` once per query (A and AAAA) on NXDOMAIN.
import { describe, expect, it } from 'vitest';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';
import { keyMoments } from '../sim/moments';

const labels = (t: ReturnType<typeof terminalOn>) => t.store.getState().packets.map((p) => p.label);

describe('a lookup is walked before the flow that uses its answer', () => {
  it('busybox ping example.com in c2: the DNS query and answer, then the echo', () => {
    const t = terminalOn(referenceHost());
    t.run('docker exec c2 ping -c 1 example.com');
    expect(labels(t)).toEqual([
      'DNS query example.com',
      'DNS answer example.com',
      'DNS query example.com',
      'DNS answer example.com',
      'echo request 1',
      'echo reply 1',
    ]);
    const [query, answer] = t.store.getState().packets;
    const first = query?.hops[0]?.frame;
    expect(first?.ip?.src).toBe('172.17.0.3');
    expect(first?.ip?.dst).toBe('8.8.8.8');
    expect(first?.udp?.dport).toBe(53);
    // MASQUERADE rewrote the source to the host's eth0 address on the way out.
    const masq = query?.hops.find((h) => h.event === 'nat');
    expect(masq?.changed.some((c) => c.field === 'ip.src')).toBe(true);
    expect(query?.hops.at(-1)?.frame.ip?.src).toBe(t.store.getState().world.host.eth0.ip);
    // The answer comes back un-NATed to the container.
    expect(answer?.outcome).toEqual({ kind: 'delivered', node: query?.hops[0]?.node });
    expect(answer?.hops.at(-1)?.frame.ip?.dst).toBe('172.17.0.3');
    // conntrack keeps the UDP entry for the query.
    const ct = t.store.getState().world.conntrack;
    expect(
      ct.some((e) => e.proto === 'udp' && e.orig.dst === '8.8.8.8' && e.orig.dport === 53),
    ).toBe(true);
  });

  it('the classroom tells the lookup as name resolution: the query answered, the answer read', () => {
    const t = terminalOn(referenceHost());
    t.run('docker exec c2 ping -c 1 example.com');
    const packets = t.store.getState().packets;
    const hops = packets.flatMap((p) => p.hops.map((h) => ({ p, h })));
    const lookups = keyMoments(packets).filter((m) => m.chapter === 'lookup');
    // The resolver's socket in the internet, then c2's socket reading the answer.
    expect(lookups.map((m) => [hops[m.at]?.p.label, hops[m.at]?.h.node])).toEqual([
      ['DNS query example.com', 'internet'],
      ['DNS answer example.com', 'container:c2'],
      ['DNS query example.com', 'internet'],
      ['DNS answer example.com', 'container:c2'],
    ]);
    // The echo's own delivery stays a delivery.
    const echo = keyMoments(packets).filter((m) => m.chapter === 'deliver');
    expect(echo.map((m) => hops[m.at]?.p.label)).toEqual(['echo request 1', 'echo reply 1']);
  });

  it('curl http://example.com on the host asks 8.8.8.8 from eth0 first', () => {
    const t = terminalOn(referenceHost());
    t.run('curl -s http://example.com');
    const l = labels(t);
    expect(l.slice(0, 2)).toEqual(['DNS query example.com', 'DNS answer example.com']);
    expect(l.length).toBeGreaterThan(2);
    const q = t.store.getState().packets[0]?.hops[0]?.frame;
    expect(q?.ip?.src).toBe(t.store.getState().world.host.eth0.ip);
  });

  it('an unknown name: the query and its NXDOMAIN answer are the whole flow', () => {
    const t = terminalOn(referenceHost());
    const r = t.run('docker exec c2 wget -qO- http://nosuch.example');
    expect(r.err).toBe("wget: bad address 'nosuch.example'\n");
    expect(labels(t)).toEqual([
      'DNS query nosuch.example',
      'DNS answer nosuch.example',
      'DNS query nosuch.example',
      'DNS answer nosuch.example',
    ]);
    const answer = t.store.getState().packets[1]?.hops[0]?.frame;
    expect(answer?.payload).toBe('nosuch.example NXDOMAIN');
    expect(answer?.dns?.rcode).toBe(3);
  });

  it('a dropped query: the resolver gives up and the tools say so, sending nothing else', () => {
    const t = terminalOn(referenceHost());
    t.run('iptables -I DOCKER-USER -p udp --dport 53 -j DROP');
    const w = t.run('docker exec c2 wget -qO- http://example.com');
    expect(w.err).toBe("wget: bad address 'example.com'\n");
    expect(labels(t)).toEqual(['DNS query example.com']);
    expect(t.store.getState().packets[0]?.outcome.kind).toBe('dropped');
    t.run('iptables -I OUTPUT -p udp --dport 53 -j DROP');
    const p = t.run('ping -c 1 example.com');
    // iputils ping: getaddrinfo's EAI_AGAIN when no nameserver answered.
    expect(p.err).toBe('ping: example.com: Temporary failure in name resolution\n');
    expect(p.out).toBe('');
    const c = t.run('curl -sS http://example.com');
    expect(c.err).toBe('curl: (6) Could not resolve host: example.com\n');
  });

  it('an address needs no lookup: ping 8.8.8.8 sends only echoes', () => {
    const t = terminalOn(referenceHost());
    t.run('docker exec c2 ping -c 1 8.8.8.8');
    expect(labels(t)).toEqual(['echo request 1', 'echo reply 1']);
  });
});

describe('busybox nslookup', () => {
  it('a known name: the server, the A answer and the empty AAAA answer', () => {
    const t = terminalOn(referenceHost());
    const r = t.run('docker exec c2 nslookup example.com');
    expect(r.out).toBe(
      'Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\n' +
        'Non-authoritative answer:\nName:\texample.com\nAddress: 93.184.216.34\n\n' +
        'Non-authoritative answer:\n\n',
    );
    expect(r.exit).toBe(0);
    // Both queries leave before an answer is read, from one socket (kernel/fixtures/dns).
    expect(labels(t)).toEqual([
      'DNS query example.com',
      'DNS query example.com',
      'DNS answer example.com',
      'DNS answer example.com',
    ]);
    const sent = t.store.getState().packets.map((p) => p.hops[0]?.frame);
    expect(sent.map((f) => f?.payload)).toEqual([
      'A? example.com',
      'AAAA? example.com',
      'example.com A 93.184.216.34',
      'example.com AAAA (none)',
    ]);
    // The datagrams' IP lengths as busybox's and the resolver's were: 57, 57, 73, 57.
    expect(sent.map((f) => f?.ip?.len)).toEqual([57, 57, 73, 57]);
    const [qa, qaaaa, aa, aaaaa] = sent;
    expect([qaaaa?.udp?.sport, aa?.udp?.dport, aaaaa?.udp?.dport]).toEqual(
      Array(3).fill(qa?.udp?.sport),
    );
  });

  it('NXDOMAIN once per query, exit 1; a server named on the line is the one asked', () => {
    const t = terminalOn(referenceHost());
    const r = t.run('docker exec c2 nslookup nosuch.example 1.1.1.1');
    expect(r.out).toBe(
      'Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\n' +
        "** server can't find nosuch.example: NXDOMAIN\n\n" +
        "** server can't find nosuch.example: NXDOMAIN\n\n",
    );
    expect(r.exit).toBe(1);
    expect(t.store.getState().packets[0]?.hops[0]?.frame.ip?.dst).toBe('1.1.1.1');
  });

  it("its usage for an unknown option; an option busybox has and the lab not, in the lab's words", () => {
    const t = terminalOn(referenceHost());
    const u = t.run('docker exec c2 nslookup -z example.com');
    expect(u.err).toMatch(
      /^BusyBox v1\.35\.0 multi-call binary\.\n\nUsage: nslookup \[-type=QUERY_TYPE\]/,
    );
    const o = t.run('docker exec c2 nslookup -type=mx example.com');
    expect(o.err).toBe('nslookup: -type is not in this lab: it asks for A and AAAA records\n');
    expect(o.exit).toBe(1);
  });

  it('a server that does not answer DNS: the timeout line', () => {
    const t = terminalOn(referenceHost());
    const r = t.run('docker exec c2 nslookup example.com 172.17.0.2');
    expect(r.out).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.exit).toBe(1);
  });

  it('on a user-defined network the server is the embedded DNS, which knows the containers', () => {
    const t = terminalOn(referenceHost());
    t.run('docker network create app');
    t.run('docker run -d --name web --network app busybox httpd -f -p 80');
    t.run('docker run -d --name cli --network app busybox sleep 3600');
    const r = t.run('docker exec cli nslookup web');
    expect(r.out).toMatch(
      /^Server:\t\t127\.0\.0\.11\nAddress:\t127\.0\.0\.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172\.18\.0\.2\n\n/,
    );
  });

  it('the embedded DNS forwards a name it does not know from the container namespace', () => {
    // moby resolver.go dialExtDNS: the forwarded query is dialled inside the container's
    // namespace (ExecFunc) unless the server is a host loopback address: it leaves from the
    // container's address on its network, through the bridge, FORWARD and MASQUERADE.
    const t = terminalOn(referenceHost());
    t.run('docker network create app');
    t.run('docker run -d --name web --network app busybox httpd -f -p 80');
    t.run('docker run -d --name cli --network app busybox sleep 3600');
    const r = t.run('docker exec cli nslookup example.com');
    expect(r.out).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n' +
        'Non-authoritative answer:\nName:\texample.com\nAddress: 93.184.216.34\n\n' +
        'Non-authoritative answer:\n\n',
    );
    // nslookup's two queries to 127.0.0.11 over cli's lo first (embedded-dns-walk.test.ts),
    // then the query dockerd forwards.
    const query = t.store.getState().packets[2];
    expect(query?.label).toBe('DNS query example.com');
    expect(query?.hops[0]?.frame.ip?.src).toBe('172.18.0.3');
    expect(query?.hops.at(-1)?.frame.ip?.src).toBe(t.store.getState().world.host.eth0.ip);
    expect(query?.hops.at(-1)?.frame.ip?.dst).toBe('8.8.8.8');
    // A container's name is answered by the embedded DNS itself: the lookup stays on cli's lo.
    t.run('docker exec cli ping -c 1 web');
    expect(labels(t)).toEqual([
      'DNS query web',
      'DNS answer web',
      'DNS query web',
      'DNS answer web',
      'echo request 1',
      'echo reply 1',
    ]);
  });
});
