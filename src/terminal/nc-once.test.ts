// busybox `nc -l -p PORT` without -k serves one connection, then exits 0. Measured on this machine
// in a private network namespace on loopback (busybox 1.35.0 nc, stdin /dev/null as under
// `docker run -d`; curl 7.88.1, netcat-openbsd 1.219 as clients): curl to it printed "curl: (52)
// Empty reply from server" (nc reads no input, closes when curl's request is read), nc had exited
// 0, and a second curl printed "curl: (7) Failed to connect to 127.0.0.1 port 9004 after 0 ms:
// Couldn't connect to server" (the RST of a closed port); nc -z then nc -zv: exit 0, then
// "Connection refused". Debian's busybox is built without nc_bloaty (no -k): busybox 1.36.1's
// nc_bloaty.c, which the image's nc is (NC_110_COMPAT=y), was read instead: dolisten closes the
// listening socket on accept ("dump the old socket") unless -k comes with -e PROG, when it forks
// per connection ("-lk  With -e, provides persistent server"). As PID 1 its exit stops the
// container: Exited (0).
import { describe, expect, it } from 'vitest';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const status = (term: ReturnType<typeof terminalOn>, name: string) =>
  term.run(`docker ps -a --format "{{.Names}} {{.Status}}" -f name=${name}`).out;

describe('nc -l without -k serves one connection', () => {
  it("as the container's command: the container exits (0) after it, the next connect is refused", () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -d --name once -p 9000:9000 busybox nc -l -p 9000');
    const first = term.run('curl http://127.0.0.1:9000/');
    expect(first.err).toBe('curl: (52) Empty reply from server\n');
    expect(status(term, 'once')).toMatch(/^once Exited \(0\) /);
    const second = term.run('curl http://127.0.0.1:9000/');
    expect(second.err).toBe(
      "curl: (7) Failed to connect to 127.0.0.1 port 9000 after 0 ms: Couldn't connect to server\n",
    );
    expect(second.exit).toBe(7);
  });

  it('with --rm the exited container is removed', () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -d --rm --name gone -p 9001:9001 busybox nc -l -p 9001');
    term.run('curl -s http://127.0.0.1:9001/');
    expect(status(term, 'gone')).toBe('');
  });

  it('started by docker exec -d: only its socket goes; the second connect gets the RST', () => {
    const term = terminalOn(referenceHost());
    term.run('docker exec -d c2 nc -l -p 81');
    expect(term.run('docker exec c2 nc -z 127.0.0.1 81').exit).toBe(0);
    const again = term.run('docker exec c2 nc -z 127.0.0.1 81');
    expect(again.exit).toBe(1);
    const packets = term.store.getState().packets;
    expect(packets.map((p) => p.label)).toEqual(['SYN', 'RST']);
    expect(status(term, 'c2')).toMatch(/^c2 Up /);
  });

  it('-lk alone is one connection too; -lk -e PROG keeps listening; nc -lu outlives a datagram', () => {
    const term = terminalOn(referenceHost());
    term.run('docker run -d --name lk -p 9003:9003 busybox nc -lk -p 9003');
    term.run('curl -s http://127.0.0.1:9003/');
    expect(status(term, 'lk')).toMatch(/^lk Exited \(0\) /);
    term.run('docker run -d --name keep -p 9002:9002 busybox nc -lk -p 9002 -e true');
    term.run('docker run -d --name udp busybox nc -lu -p 5353');
    for (let i = 0; i < 2; i++)
      expect(term.run('curl http://127.0.0.1:9002/').err).toBe(
        'curl: (52) Empty reply from server\n',
      );
    expect(status(term, 'keep')).toMatch(/^keep Up /);
    term.run('docker exec c2 nc -zu 172.17.0.5 5353');
    expect(status(term, 'udp')).toMatch(/^udp Up /);
  });
});
