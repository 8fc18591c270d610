// Servers of one's own: `docker run -d busybox nc -l[u] -p PORT`, `docker exec [-d] CTR nc -l -p
// PORT`, busybox httpd. Expected texts: netcat-openbsd 1.219-1 measured in a network namespace on
// this machine (`nc -zvu 127.0.0.1 9999` with nothing there: no output, exit 1; with `nc -lu` there:
// "Connection to 127.0.0.1 5353 port [udp/mdns] succeeded!", exit 0); conntrack as the kernel keeps
// a DNATed datagram that no one answers (nc reads a detached container's empty stdin: it sends
// nothing back), the entry [UNREPLIED].
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../sim';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const fromClient = (port: number, kind: 'udp' | 'tcp' = 'udp') =>
  ({ from: { kind: 'remote', name: 'client' }, to: '192.0.2.10' as IPv4, kind, port }) as const;

describe('a UDP server in a container', () => {
  it('nc -lu -p 53 behind -p 5353:53/udp takes the datagram from outside: no ICMP, [UNREPLIED]', () => {
    const term = terminalOn(referenceHost());
    expect(term.run('docker run -d --name dns -p 5353:53/udp busybox nc -lu -p 53').exit).toBe(0);
    expect(term.run('docker ps --format "{{.Names}} {{.Status}}"').out).toContain('dns Up');
    const r = term.store.getState().sendFlow(fromClient(5353))!;
    expect(r.result.kind).toBe('udp-sent');
    expect(r.packets.some((p) => p.label === 'ICMP port unreachable')).toBe(false);
    expect(term.run('conntrack -L -p udp').out).toMatch(
      /^udp +17 30 src=203\.0\.113\.5 dst=192\.0\.2\.10 sport=\d+ dport=5353 \[UNREPLIED\] src=172\.17\.0\.4 dst=203\.0\.113\.5 sport=53 /m,
    );
  });

  it('a published UDP port with nothing listening behind it answers ICMP port unreachable', () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -d --name idle -p 5353:53/udp busybox sleep 3600');
    const r = term.store.getState().sendFlow(fromClient(5353))!;
    expect(r.result.kind).toBe('port-unreachable');
    expect(r.packets.map((p) => p.label)).toEqual(['UDP', 'ICMP port unreachable']);
  });
});

describe('nc -zu on the host (netcat-openbsd)', () => {
  it('a closed UDP port: the ICMP error fails its next write; nothing printed, exit 1', () => {
    const r = terminalOn(referenceHost()).run('nc -zvu 172.17.0.3 9999');
    expect({ out: r.out, err: r.err, exit: r.exit }).toEqual({ out: '', err: '', exit: 1 });
  });

  it('a UDP port a server holds: "succeeded!", exit 0', () => {
    const term = terminalOn(referenceHost());
    term.run('docker exec -d c2 nc -lu -p 5353');
    const r = term.run('nc -zvu 172.17.0.3 5353');
    expect(r.err).toBe('Connection to 172.17.0.3 5353 port [udp/mdns] succeeded!\n');
    expect(r.exit).toBe(0);
  });
});

describe('docker exec starts a server', () => {
  it('-d: nc listens in the container until it stops; TCP to it connects, elsewhere RST', () => {
    const term = terminalOn(referenceHost());
    expect(term.run('nc -zv 172.17.0.3 81').err).toBe(
      'nc: connect to 172.17.0.3 port 81 (tcp) failed: Connection refused\n',
    );
    expect(term.run('docker exec -d c2 nc -l -p 81')).toMatchObject({ out: '', err: '', exit: 0 });
    expect(term.run('nc -zv 172.17.0.3 81').err).toBe(
      'Connection to 172.17.0.3 81 port [tcp/*] succeeded!\n',
    );
    // What exec started dies with the container.
    term.run('docker stop c2');
    term.run('docker start c2');
    expect(term.run('nc -zv 172.17.0.3 81').err).toBe(
      'nc: connect to 172.17.0.3 port 81 (tcp) failed: Connection refused\n',
    );
  });

  it('the same port twice: busybox bind() fails with "Address in use"', () => {
    const term = terminalOn(referenceHost());
    term.run('docker exec -d c2 nc -l -p 81');
    const r = term.run('docker exec c2 nc -l -p 81');
    expect({ err: r.err, exit: r.exit }).toEqual({ err: 'nc: bind: Address in use\n', exit: 1 });
  });

  it('in the foreground the lab says what a real terminal would do instead of pretending', () => {
    const term = terminalOn(referenceHost());
    const r = term.run('docker exec c2 nc -l -p 82');
    expect(r.exit).toBe(0);
    expect(r.err).toMatch(/^\(lab\) nc now listens in c2\. A real terminal stays attached/);
  });
});

describe('docker run starts a server', () => {
  it('without -d: the container runs and listens; the note says Ctrl-C would stop it', () => {
    const term = terminalOn(referenceHost());
    const r = term.run('docker run --name fg busybox nc -l -p 80');
    expect(r.err).toContain('until Ctrl-C');
    expect(term.run('docker ps --format "{{.Names}} {{.Status}}"').out).toContain('fg Up');
    expect(term.run('nc -zv 172.17.0.4 80').exit).toBe(0);
  });

  it("in the host's namespace (--network host) ss lists the server with its process", () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -d --network host --name h busybox nc -lu -p 5353');
    expect(term.run('ss -ulnp').out).toMatch(
      /^UNCONN 0 +0 +0\.0\.0\.0:5353 +0\.0\.0\.0:\* +users:\(\("nc",pid=\d+,fd=\d+\)\)/m,
    );
  });

  it('-d with -p: a TCP connection from outside reaches nc through the published port', () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -d --name tcp -p 9000:7000 busybox nc -lk -p 7000');
    const r = term.store.getState().sendFlow(fromClient(9000, 'tcp'))!;
    expect(r.result.kind).toBe('connected');
  });
});

describe('nc -l typed in a shell', () => {
  it("in a container's shell busybox nc listens there", () => {
    const term = terminalOn(referenceHost());
    term.run('docker exec -it c2 sh');
    const r = term.run('nc -lu -p 5353');
    expect(r.exit).toBe(0);
    expect(r.err).toMatch(/^\(lab\) nc now listens in c2\. A real shell waits for it until Ctrl-C/);
    term.run('exit');
    expect(term.run('nc -zvu 172.17.0.3 5353').exit).toBe(0);
  });

  it('on the host, in the foreground, the lab says to use & (host-jobs.test.ts has the jobs)', () => {
    const r = terminalOn(referenceHost()).run('nc -l -p 9000');
    expect(r.exit).toBe(1);
    expect(r.err).toBe(
      "(lab) nc -l would hold this terminal until Ctrl-C, which the lab's terminal cannot do: start it in the background instead: nc -l -p 9000 &\n",
    );
  });
});
