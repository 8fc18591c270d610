// ss and netstat follow the model's listeners beyond the recorded corpus (which has one published
// port with the userland proxy on): a port published on one address has one socket, without the
// proxy dockerd reserves the port itself (libnetwork's dummy proxy), and Docker's bridge ports
// hairpin when the proxy is off. The layouts are the
// corpus's (ss -tln, netstat -tlnp); the rules are Docker's (docker-proxy per binding and family).
import { describe, expect, it } from 'vitest';
import { referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

const t = () => terminalOn(referenceHost());

describe('sockets and bridge ports as Docker leaves them', () => {
  it('a port published on 127.0.0.1 is one IPv4 listener; the one published on all addresses two', () => {
    const term = t();
    term.run('docker run -d --name c3 -p 127.0.0.1:9000:80 nginx');
    // The kernel lists IPv4 before IPv6, each family in hash order: compared as a set of lines.
    const lines = (s: string) => s.split('\n').sort();
    expect(lines(term.run('ss -tln').out)).toEqual(
      lines(
        'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
          'LISTEN 0      128          0.0.0.0:22        0.0.0.0:*          \n' +
          'LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          \n' +
          'LISTEN 0      4096       127.0.0.1:9000      0.0.0.0:*          \n' +
          'LISTEN 0      128             [::]:22           [::]:*          \n' +
          'LISTEN 0      4096            [::]:8080         [::]:*          \n',
      ),
    );
    expect(term.run('netstat -tl').out).toContain(
      'tcp        0      0 localhost:9000          0.0.0.0:*               LISTEN     \n',
    );
  });

  it('without the userland proxy dockerd holds the published port, and the bridge ports hairpin', () => {
    const term = t();
    expect(term.run('bridge -d link').out).toContain('    hairpin off guard off');
    term.run('lab daemon userland-proxy=false');
    const out = term.run('ss -tlnp').out;
    expect(out).toMatch(
      /^LISTEN 0 {6}4096 {9}0\.0\.0\.0:8080 {6}0\.0\.0\.0:\* {4}users:\(\("dockerd",pid=\d+,fd=\d+\)\)$/m,
    );
    expect(out).not.toContain('docker-proxy');
    expect(term.run('bridge -d link').out).toContain('    hairpin on guard off');
  });

  it('ss without -t or -u says the other socket families are not in the lab', () => {
    const r = t().run('ss -l');
    expect(r.exit).toBe(255);
    expect(r.err).toMatch(/not in this lab/);
  });

  it('ss constructor is a filter word like any other, not a crash', () => {
    const r = t().run('ss constructor');
    expect(r.err).toBe('ss: filters (constructor …) are not in this lab\n');
    expect(r.exit).toBe(255);
  });
});
