// ping when the kernel answers with ICMP host unreachable (nobody holds 172.17.0.9 on docker0).
// Expected texts are real runs of iputils 20221126 and busybox 1.35 in network namespaces
// (host: docker0 172.17.0.1/16; a container 172.17.0.2/16 on it), only `time` left out: the lab's
// has no jitter (real: 1032 ms, 1018 ms…).
import { describe, expect, it } from 'vitest';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const untimed = (s: string) => s.replace(/, time \d+ms/, ', time Tms');

const fromLines = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `From 172.17.0.1 icmp_seq=${i + 1} Destination Host Unreachable\n`,
  ).join('');

describe('iputils ping reports each host unreachable', () => {
  it('-c 1: the From line, +1 errors, and the empty line of a run with nothing received', () => {
    const r = terminalOn(referenceHost()).run('ping -c 1 172.17.0.9');
    expect(r.tty).toBe(
      'PING 172.17.0.9 (172.17.0.9) 56(84) bytes of data.\n' +
        'From 172.17.0.1 icmp_seq=1 Destination Host Unreachable\n' +
        '\n' +
        '--- 172.17.0.9 ping statistics ---\n' +
        '1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n' +
        '\n',
    );
    expect(r.exit).toBe(1);
  });

  it.each([
    // [count, pipe]: ARP gives up after 3 probes 1 s apart, so at most 4 requests wait.
    [2, 2],
    [4, 4],
    [5, 4],
  ])('-c %i: one From line each, +N errors, then pipe %i instead of the empty line', (n, pipe) => {
    const r = terminalOn(referenceHost()).run(`ping -c ${n} 172.17.0.9`);
    expect(untimed(r.tty)).toBe(
      'PING 172.17.0.9 (172.17.0.9) 56(84) bytes of data.\n' +
        fromLines(n) +
        '\n' +
        '--- 172.17.0.9 ping statistics ---\n' +
        `${n} packets transmitted, 0 received, +${n} errors, 100% packet loss, time Tms\n` +
        `pipe ${pipe}\n`,
    );
    expect(r.exit).toBe(1);
  });
});

describe('busybox ping ignores them', () => {
  // unpack4() drops any ICMP whose id is not its own; an error's id field is 0.
  it('prints only the statistics, as the real one does', () => {
    const r = terminalOn(referenceHost()).run('docker exec c1 ping -c 1 172.17.0.9');
    expect(r.tty).toBe(
      'PING 172.17.0.9 (172.17.0.9): 56 data bytes\n' +
        '\n' +
        '--- 172.17.0.9 ping statistics ---\n' +
        '1 packets transmitted, 0 packets received, 100% packet loss\n',
    );
    expect(r.exit).toBe(1);
  });
});
