// The host's sshd on 22, as on a Debian 12 Docker host with openssh-server 1:9.2p1-2+deb12u10.
// Expected texts: curl 7.88.1 and netcat-openbsd 1.219-1 against a stand-in writing that sshd's
// banner, recorded in a network namespace (src/sim/__fixtures__/servers/, scripts/servers/record.sh);
// ss's line for sshd as iproute2 6.1 prints a listen(fd, 128) socket held on fds 3 and 4.
import { describe, expect, it } from 'vitest';
import type { IPv4 } from '../sim';
import curlErr from '../sim/__fixtures__/servers/sshd-curl.stderr.txt?raw';
import curlV from '../sim/__fixtures__/servers/sshd-curl-v.stderr.txt?raw';
import ncOut from '../sim/__fixtures__/servers/sshd-nc.stdout.txt?raw';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

/** curl's stderr without the progress meter it draws when stderr is no terminal (the lab's is). */
const noMeter = (s: string) =>
  s
    .replace(/^ +% Total.*\n.*Dload.*\n/m, '')
    .replace(/\r? +0 +0 +0 +0 +0 +0 +0 +0 --:--:-- --:--:-- --:--:-- +0/g, '')
    .replaceAll('\n\n', '\n')
    .replace(/^\n/, '');

describe("the host's sshd", () => {
  it('ss -tlnp lists it on 0.0.0.0:22 and [::]:22: one process, fds 3 and 4, backlog 128', () => {
    const out = terminalOn(referenceHost()).run('ss -tlnp').out;
    expect(out).toMatch(
      /^LISTEN 0 +128 +0\.0\.0\.0:22 +0\.0\.0\.0:\* +users:\(\("sshd",pid=(\d+),fd=3\)\)/m,
    );
    const pids = [...out.matchAll(/"sshd",pid=(\d+)/g)].map((m) => m[1]);
    expect(pids).toHaveLength(2);
    expect(pids[0]).toBe(pids[1]);
    expect(out).toMatch(/^LISTEN 0 +128 +\[::\]:22 +\[::\]:\* +users:\(\("sshd",pid=\d+,fd=4\)\)/m);
  });

  it('netstat -tlnp shows it for tcp and tcp6', () => {
    const out = terminalOn(referenceHost()).run('netstat -tlnp').out;
    expect(out).toMatch(/^tcp {8}0 {6}0 0\.0\.0\.0:22 {14}0\.0\.0\.0:\* {15}LISTEN {6}\d+\/sshd/m);
    expect(out).toMatch(/^tcp6 {7}0 {6}0 :::22 {19}:::\* {20}LISTEN {6}\d+\/sshd/m);
  });

  it('nc HOST 22 prints its banner as the real nc did', () => {
    const r = terminalOn(referenceHost()).run('nc 127.0.0.1 22');
    expect(r).toMatchObject({ out: ncOut, err: '', exit: 0 });
  });

  it("curl gets the banner: curl 7.88's HTTP/0.9 refusal, exit 1 (and its -v trace)", () => {
    const term = terminalOn(referenceHost());
    expect(term.run('curl http://127.0.0.1:22/')).toMatchObject({
      out: '',
      err: noMeter(curlErr),
      exit: 1,
    });
    const v = term.run('curl -v http://127.0.0.1:22/');
    expect(v.err).toBe(noMeter(curlV));
  });

  it('from outside, 192.0.2.10:22 is accepted (INPUT policy ACCEPT) and sshd speaks first', () => {
    const term = terminalOn(referenceHost());
    const to = '192.0.2.10' as IPv4;
    const r = term.store
      .getState()
      .sendFlow({ from: { kind: 'remote', name: 'client' }, to, kind: 'tcp', port: 22 })!;
    expect(r.result).toEqual({ kind: 'connected', banner: ncOut });
    const labels = r.packets.map((p) => p.label);
    expect(labels.slice(0, 5)).toEqual(['SYN', 'SYN-ACK', 'ACK', 'SSH banner', 'ACK']);
  });

  it('a container reaches it through its gateway 172.17.0.1; busybox wget quotes the line', () => {
    const term = terminalOn(referenceHost());
    expect(term.run('docker exec c2 nc 172.17.0.1 22')).toMatchObject({ out: ncOut, exit: 0 });
    expect(term.run('docker exec c2 wget -qO- http://172.17.0.1:22/')).toMatchObject({
      err: `wget: server returned error: ${ncOut.trimEnd()}\n`,
      exit: 1,
    });
  });

  it('another port of the host still answers RST: curl says "Connection refused"', () => {
    const r = terminalOn(referenceHost()).run('curl http://127.0.0.1:23/');
    expect(r).toMatchObject({
      err: "curl: (7) Failed to connect to 127.0.0.1 port 23 after 0 ms: Couldn't connect to server\n",
      exit: 7,
    });
  });
});
