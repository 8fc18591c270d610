// The internet beyond the router, through the tools. The packets are the kernel's (kernel/internet.ts
// runs these flows in namespaces: TTLs, the router's net unreachable, MASQUERADE). The texts are
// the tools' own formats, as the reference captures show them for other addresses: iputils 20221126
// (`ping-errors.test.ts`), busybox 1.35, curl 7.88.1, GNU wget 1.21; a name's answer is printed
// where the tool prints the address (`PING example.com (93.184.216.34) 56(84) bytes of data.`).
import { describe, expect, it } from 'vitest';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const untimed = (s: string) =>
  s.replace(/time=[\d.]+ ms/g, 'time=T ms').replace(/= [\d./]+ ms/g, '= T ms');

describe('public addresses answer through the router', () => {
  it('the host pings 8.8.8.8: one reply, TTL 63 (the router forwarded it)', () => {
    const r = terminalOn(referenceHost()).run('ping -c 1 8.8.8.8');
    expect(untimed(r.tty)).toBe(
      'PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.\n' +
        '64 bytes from 8.8.8.8: icmp_seq=1 ttl=63 time=T ms\n' +
        '\n' +
        '--- 8.8.8.8 ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
        'rtt min/avg/max/mdev = T ms\n',
    );
    expect(r.exit).toBe(0);
  });

  it('curl http://example.com from the host and wget from a container get the small page', () => {
    const t = terminalOn(referenceHost());
    const host = t.run('curl http://example.com');
    expect(host.out).toContain('Hello from the internet');
    expect(host.exit).toBe(0);
    const c2 = t.run('docker exec c2 wget -qO- http://www.baidu.com');
    expect(c2.out).toBe(host.out);
    expect(c2.exit).toBe(0);
  });

  it('busybox ping in a container names the resolved address; TTL 62 (router and host)', () => {
    const r = terminalOn(referenceHost()).run('docker exec c2 ping -c 1 www.baidu.com');
    expect(untimed(r.out)).toBe(
      'PING www.baidu.com (110.242.68.66): 56 data bytes\n' +
        '64 bytes from 110.242.68.66: seq=0 ttl=62 time=T ms\n' +
        '\n' +
        '--- www.baidu.com ping statistics ---\n' +
        '1 packets transmitted, 1 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = T ms\n',
    );
  });

  it('GNU wget prints what it resolved, then NAME (NAME)|ADDR|:PORT', () => {
    const r = terminalOn(referenceHost()).run('wget -O- http://www.baidu.com');
    expect(r.err).toContain(
      'Resolving www.baidu.com (www.baidu.com)... 110.242.68.66\n' +
        'Connecting to www.baidu.com (www.baidu.com)|110.242.68.66|:80... connected.\n',
    );
    // An address as given: ADDR:PORT (the reference capture host__wget-O-172.17.0.2).
    const lit = terminalOn(referenceHost()).run('wget -O- http://8.8.8.8');
    expect(lit.err).toContain('Connecting to 8.8.8.8:80... connected.\n');
  });
});

describe('names the resolvers do not know', () => {
  it('each tool says it its own way', () => {
    const t = terminalOn(referenceHost());
    const curl = t.run('curl http://nosuch.example/');
    expect(curl.err).toBe('curl: (6) Could not resolve host: nosuch.example\n');
    expect(curl.exit).toBe(6);
    const ping = t.run('ping -c 1 nosuch.example');
    expect(ping.err).toBe('ping: nosuch.example: Name or service not known\n');
    expect(ping.exit).toBe(2);
    expect(t.run('docker exec c2 wget -qO- http://nosuch.example').err).toBe(
      "wget: bad address 'nosuch.example'\n",
    );
    expect(t.run('docker exec c2 ping -c 1 nosuch.example').err).toBe(
      "ping: bad address 'nosuch.example'\n",
    );
  });
});

describe('resolv.conf', () => {
  it("names 8.8.8.8 and 1.1.1.1 on the host, and the default bridge's containers get a copy", () => {
    const t = terminalOn(referenceHost());
    const host = t.run('cat /etc/resolv.conf').out;
    expect(host).toBe('nameserver 8.8.8.8\nnameserver 1.1.1.1\n');
    expect(t.run('docker exec c2 cat /etc/resolv.conf').out).toBe(host);
  });

  it('a user network resolves internet names through the embedded DNS (ExtServers)', () => {
    const t = terminalOn(referenceHost());
    t.run('docker network create app');
    t.run('docker run -d --name c3 --network app busybox sleep 1000');
    expect(t.run('docker exec c3 cat /etc/resolv.conf').out).toContain(
      '# ExtServers: [8.8.8.8 1.1.1.1]\n',
    );
    expect(t.run('docker exec c3 wget -qO- http://example.com').out).toContain('internet');
  });
});

describe('what nothing routes', () => {
  it('the router answers ICMP net unreachable for a private address (iputils)', () => {
    const r = terminalOn(referenceHost()).run('ping -c 2 10.1.2.3');
    expect(r.tty).toBe(
      'PING 10.1.2.3 (10.1.2.3) 56(84) bytes of data.\n' +
        'From 192.0.2.1 icmp_seq=1 Destination Net Unreachable\n' +
        'From 192.0.2.1 icmp_seq=2 Destination Net Unreachable\n' +
        '\n' +
        '--- 10.1.2.3 ping statistics ---\n' +
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\n' +
        '\n',
    );
    expect(r.exit).toBe(1);
  });

  it('an address of the documentation nets that is no machine of the lab is nobody', () => {
    const r = terminalOn(referenceHost()).run('ping -c 1 198.51.100.99');
    expect(r.out).toContain('From 192.0.2.1 icmp_seq=1 Destination Net Unreachable\n');
  });

  it('curl to it fails at once with the error the SYN met (Network is unreachable)', () => {
    const r = terminalOn(referenceHost()).run('curl -v http://192.168.7.7/');
    expect(r.err).toContain('* connect to 192.168.7.7 port 80 failed: Network is unreachable\n');
    expect(r.exit).toBe(7);
  });

  it('a --network none container has no route at all: sendto fails, names do not resolve', () => {
    const t = terminalOn(referenceHost());
    t.run('docker run -d --name n1 --network none busybox sleep 1000');
    const ping = t.run('docker exec n1 ping -c 1 8.8.8.8');
    expect(ping.out).toBe('PING 8.8.8.8 (8.8.8.8): 56 data bytes\n');
    expect(ping.err).toBe('ping: sendto: Network is unreachable\n');
    expect(t.run('docker exec n1 wget -qO- http://example.com').err).toBe(
      "wget: bad address 'example.com'\n",
    );
  });

  it('a remote added at a public address takes it over from the internet', () => {
    const t = terminalOn(referenceHost());
    t.run('lab remote add dns9 9.9.9.9');
    const r = t.run('curl -s http://9.9.9.9/');
    expect(r.out).not.toContain('internet');
    t.run('lab remote rm dns9');
    expect(t.run('curl -s http://9.9.9.9/').out).toContain('internet');
  });
});
