// The clients' options as getopt reads them: bundled short options (-qO-, -zvw2), -q. Expected
// texts are what busybox 1.35 (Debian 1:1.35.0-4+deb12u1+b1), GNU wget 1.21 and netcat-openbsd
// 1.219 printed on this machine, or the reference host's recordings.
import { describe, expect, it } from 'vitest';
import { fixture } from './testing/fixtures';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

describe('wget options', () => {
  it('busybox -qO- prints the page and nothing else (the common `wget -qO- URL`)', () => {
    const r = terminalOn(referenceHost()).run('docker exec c1 wget -qO- http://198.51.100.7/');
    expect(r.exit).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe('Hello from 198.51.100.7\n'); // the reference host's remote server
  });
  it('busybox -q keeps its error line: "wget: can\'t connect to remote host"', () => {
    // busybox wget -qO- http://127.0.0.1:1/ -> this line, exit 1
    const r = terminalOn(referenceHost()).run('docker exec c1 wget -q -O - http://172.17.0.3:81/');
    expect(r.err).toBe("wget: can't connect to remote host (172.17.0.3): Connection refused\n");
    expect(r.exit).toBe(1);
  });
  it('GNU wget -q says nothing at all on failure, exit 4', () => {
    const r = terminalOn(referenceHost()).run('wget -qO- http://172.17.0.2:81/');
    expect({ out: r.out, err: r.err, exit: r.exit }).toEqual({ out: '', err: '', exit: 4 });
  });
  it('an unknown short option: getopt\'s "invalid option", then each wget\'s usage', () => {
    const bb = terminalOn(referenceHost()).run('docker exec c1 wget -z http://x/');
    expect(bb.err.split('\n').slice(0, 4)).toEqual([
      "wget: invalid option -- 'z'",
      'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.',
      '',
      'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]',
    ]);
    const gnu = terminalOn(referenceHost()).run('wget -Z http://x/');
    expect(gnu.err).toBe(
      "wget: invalid option -- 'Z'\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
    );
    expect(gnu.exit).toBe(2);
  });
  it('-O FILE names the file it saves', () => {
    const r = terminalOn(referenceHost()).run(
      'docker exec c1 wget -O page.html http://198.51.100.7/',
    );
    expect(r.err).toContain("saving to 'page.html'\n");
    expect(r.err).toContain("'page.html' saved\n");
  });
});

describe('nc options', () => {
  it("-zvw2 is -z -v -w 2: the reference host's `nc -zv 172.17.0.2 80` lines", () => {
    const r = terminalOn(referenceHost()).run('nc -zvw2 172.17.0.2 80');
    expect(r.tty).toBe(fixture('host__nc-zv-172.17.0.2-80.tty.txt'));
    const apart = terminalOn(referenceHost()).run('nc -zv -w 2 172.17.0.2 81');
    expect(apart.tty).toBe(fixture('host__nc-zv-172.17.0.2-81.tty.txt'));
  });
  it("netcat-openbsd's words for a missing -w value and an unknown flag", () => {
    const usage = 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n';
    expect(terminalOn(referenceHost()).run('nc -zv 172.17.0.2 80 -w').err).toBe(
      `nc: option requires an argument -- 'w'\n${usage}`,
    );
    expect(terminalOn(referenceHost()).run('nc -zQ 172.17.0.2 80').err).toBe(
      `nc: invalid option -- 'Q'\n${usage}`,
    );
  });
});

describe('curl -o and -w', () => {
  // curl 7.88.1 on this machine, against a local server and a closed port (127.0.0.1:1):
  //   curl -so /dev/null -w '%{http_code} %{remote_ip}:%{remote_port} %{size_download}\n' URL -> "200 127.0.0.1:18765 17"
  //   curl -s -o /dev/null -w "%{http_code}\n" http://127.0.0.1:1/ -> "000", exit 7
  //   curl -o /dev/null http://127.0.0.1:1/ (a terminal) -> the meter's head, two zero rows, the error
  const ZERO = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
  const HEAD =
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n';
  it('-w prints the status, address, port and size after a transfer whose body went nowhere', () => {
    const t = terminalOn(referenceHost());
    const body = t.run('curl -s http://172.17.0.2/').out;
    const r = t.run(
      'curl -so /dev/null -w "%{http_code} %{remote_ip}:%{remote_port} %{size_download}\\n" http://172.17.0.2/',
    );
    expect(r.out).toBe(`200 172.17.0.2:80 ${new TextEncoder().encode(body).length}\n`);
    expect(r.err).toBe('');
  });
  it('a refused connection: 000, exit 7; without -s the meter, then the error', () => {
    const quiet = terminalOn(referenceHost()).run(
      'curl -s -o /dev/null -w "%{http_code}\\n" http://172.17.0.2:81/',
    );
    expect({ out: quiet.out, exit: quiet.exit }).toEqual({ out: '000\n', exit: 7 });
    const loud = terminalOn(referenceHost()).run('curl -o /dev/null http://172.17.0.2:81/');
    expect(loud.err).toBe(
      `${HEAD}\r${ZERO}\r${ZERO}\ncurl: (7) Failed to connect to 172.17.0.2 port 81 after 0 ms: Couldn't connect to server\n`,
    );
  });
  it('an unknown -w variable is reported and left out; an option the lab lacks says so', () => {
    const r = terminalOn(referenceHost()).run("curl -s -w '[%{bogus}]' http://172.17.0.2:81/");
    expect(r.out).toBe('[]');
    expect(r.err).toBe("curl: unknown --write-out variable: 'bogus'\n");
    expect(terminalOn(referenceHost()).run('curl -sI http://172.17.0.2/').err).toContain(
      "curl: option -I: is not in this lab's curl",
    );
  });
});
