// `ip` beyond the recorded corpus: a docker0 with no container yet, and busybox's own errors.
// Expected texts are what Linux 6.18 / iproute2 6.1 printed for a bridge `docker0`
// (02:42:ac:11:00:01, 172.17.0.1/16, up, no port) in a network namespace, and what busybox 1.35's
// source says (do_iplink sets xfunc_error_retval = 2); never the lab's own output.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim';
import { corpusWorld } from './testing/corpus-world';
import { humanCount } from './net/ip-stats';
import { terminalOn } from './testing/terminal';

describe('ip on a host whose docker0 has no port yet (no carrier)', () => {
  it('ip maddr: docker0 has its snooping groups but no solicited-node group (no fe80:: yet)', () => {
    const t = terminalOn(createWorld());
    const docker0 = t
      .run('ip maddr')
      .out.split(/^(?=\d+:)/m)
      .find((b) => b.includes('docker0'));
    expect(docker0?.replace(/^\d+:/, 'N:')).toBe(
      'N:\tdocker0\n' +
        '\tlink  33:33:00:00:00:01\n\tlink  01:00:5e:00:00:6a\n\tlink  33:33:00:00:00:6a\n' +
        '\tlink  01:00:5e:00:00:01\n' +
        '\tinet  224.0.0.1\n\tinet  224.0.0.106\n' +
        '\tinet6 ff02::6a\n\tinet6 ff02::1\n\tinet6 ff01::1\n',
    );
  });

  it('ip -6 route lists no fe80::/64 on docker0; ip -j -p route marks its route linkdown', () => {
    const t = terminalOn(createWorld());
    expect(t.run('ip -6 route').out).not.toContain('docker0');
    expect(t.run('ip -j -p route').out).toContain(
      '"dev": "docker0",\n        "protocol": "kernel",\n        "scope": "link",\n' +
        '        "prefsrc": "172.17.0.1",\n        "flags": [ "linkdown" ]\n    }',
    );
  });

  it('ip -s -s link: one carrier change (the carrier-off it was created with)', () => {
    const t = terminalOn(createWorld());
    const out = t.run('ip -s -s link show docker0').out;
    expect(out).toContain('    TX errors: aborted   fifo  window heartbt transns\n');
    expect(out.endsWith('                     0      0       0       0       1 \n')).toBe(true);
  });
});

describe('busybox ip in a container: its own errors', () => {
  const c1 = () =>
    terminalOn(corpusWorld(), { location: { kind: 'container', name: 'c1', attached: false } });

  it('ip link with an unknown command dies with status 2, ip addr with 1', () => {
    const t = c1();
    expect(t.run('ip link nosuch')).toMatchObject({
      err: "ip: invalid argument 'nosuch' to 'ip'\n",
      exit: 2,
    });
    expect(t.run('ip addr nosuch')).toMatchObject({
      err: "ip: invalid argument 'nosuch' to 'ip'\n",
      exit: 1,
    });
  });

  it('an ambiguous object (t: tunnel or tunl) prints the usage', () => {
    const r = c1().run('ip t');
    expect(r.exit).toBe(1);
    expect(r.err).toMatch(/^BusyBox v1\.35\.0 .*\n\nUsage: ip \[OPTIONS\]/);
  });

  it('ip -f inet addr is ip -4 addr; ip -o link prints each link on one line', () => {
    const t = c1();
    expect(t.run('ip -f inet addr').out).toBe(t.run('ip -4 addr').out);
    expect(t.run('ip -o link').out.split('\n')[0]).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    );
  });
});

describe('ip -s -h and -iec: counters in readable units', () => {
  // Measured with iproute2 6.1 (`ip -s link` beside `ip -s -h link`, then -h -iec) on veths.
  it.each([
    [5342, 1000, '5.34k'],
    [26182, 1000, '26.2k'],
    [26358, 1000, '26.4k'],
    [227598, 1000, '228k'],
    [227598, 1024, '222ki'],
    [157, 1000, '157'],
  ] as const)('%d bytes with base %d print as %s', (count, base, text) => {
    expect(humanCount(count, base)).toBe(text);
  });

  it('-iec alone changes nothing: it only chooses the base of -h', () => {
    const t = terminalOn(corpusWorld());
    expect(t.run('ip -s -iec link').out).toBe(t.run('ip -s link').out);
  });
});

describe('ip -6 with selectors', () => {
  // Measured (iproute2 6.1): `ip -6 route show dev eth0` -> `fe80::/64 proto kernel metric 256 pref
  // medium`; `ip -6 route show table local dev eth0` -> `local ADDR proto kernel metric 0 pref medium`
  // then `multicast ff00::/8 proto kernel metric 256 pref medium`; `ip -br -6 addr` lists only
  // interfaces with IPv6, each with its inet6 addresses.
  it('a device selector and table local are not printed again on each route', () => {
    const t = terminalOn(corpusWorld());
    expect(t.run('ip -6 route show dev eth0').out).toBe(
      'fe80::/64 proto kernel metric 256 pref medium\n',
    );
    expect(t.run('ip -6 route show table local dev eth0').out).toBe(
      'local fe80::5054:ff:fe12:3456 proto kernel metric 0 pref medium\n' +
        'multicast ff00::/8 proto kernel metric 256 pref medium\n',
    );
  });

  it('ip -br -6 addr', () => {
    const t = terminalOn(corpusWorld());
    expect(t.run('ip -br -6 addr show lo').out).toBe('lo               UNKNOWN        ::1/128 \n');
  });
});
