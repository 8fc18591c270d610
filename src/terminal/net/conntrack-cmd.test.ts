// conntrack's NAT filters and -E against what conntrack-tools 1.4.7 printed in network namespaces
// (Debian 12, kernel 6.18): a host H (10.9.0.1) with a container-like C (10.9.0.2) behind a veth,
// an `iptables -t nat -A OUTPUT -p tcp --dport 8080 -j DNAT --to-destination 10.9.0.2:80`,
// `conntrack -E` running while H pinged C once, then while H's nc dialled C's closed port 81.
// The captured lines are copied below; the lab's flows use its own addresses, ids and ports.
import { describe, expect, it } from 'vitest';
import { referenceHost } from '../testing/reference-host';
import { terminalOn } from '../testing/terminal';

const CAPTURED_PING = [
  '    [NEW] icmp     1 30 src=10.9.0.1 dst=10.9.0.2 type=8 code=0 id=23247 [UNREPLIED] src=10.9.0.2 dst=10.9.0.1 type=0 code=0 id=23247',
  ' [UPDATE] icmp     1 30 src=10.9.0.1 dst=10.9.0.2 type=8 code=0 id=23247 src=10.9.0.2 dst=10.9.0.1 type=0 code=0 id=23247',
];
const CAPTURED_REFUSED = [
  '    [NEW] tcp      6 120 SYN_SENT src=10.9.0.1 dst=10.9.0.2 sport=33986 dport=81 [UNREPLIED] src=10.9.0.2 dst=10.9.0.1 sport=81 dport=33986',
  '[DESTROY] tcp      6 120 CLOSE src=10.9.0.1 dst=10.9.0.2 sport=33986 dport=81 [UNREPLIED] src=10.9.0.2 dst=10.9.0.1 sport=81 dport=33986',
];

/** The lab's lines in the capture's addresses, with ids and ephemeral ports as the capture's. */
function asCaptured(out: string, id: string, port: string): string[] {
  return out
    .replaceAll('172.17.0.1', '10.9.0.1')
    .replaceAll('172.17.0.2', '10.9.0.2')
    .replace(/id=\d+/g, `id=${id}`)
    .replace(/sport=4\d{4}/g, `sport=${port}`)
    .replace(/dport=4\d{4}/g, `dport=${port}`)
    .split('\n')
    .filter(Boolean);
}

describe('conntrack -E: the last flow as the event stream shows it', () => {
  it("prints a ping's NEW and UPDATE, then ends as Ctrl-C ends it", () => {
    const t = terminalOn(referenceHost());
    t.run('ping -c 1 172.17.0.2');
    const r = t.run('conntrack -E');
    expect(asCaptured(r.out, '23247', '')).toEqual([...CAPTURED_PING, '^C']);
    expect(r.err).toBe('conntrack v1.4.7 (conntrack-tools): 2 flow events have been shown.\n');
  });

  it('prints a refused connection as NEW and DESTROY (still unreplied)', () => {
    const t = terminalOn(referenceHost());
    t.run('curl -s http://172.17.0.2:81/');
    expect(asCaptured(t.run('conntrack -E').out, '', '33986')).toEqual([...CAPTURED_REFUSED, '^C']);
  });

  it('keeps to -p and -e as a listing keeps to its filters', () => {
    const t = terminalOn(referenceHost());
    t.run('ping -c 1 172.17.0.2');
    expect(t.run('conntrack -E -p tcp').out).toBe('^C\n');
    expect(t.run('conntrack -E -e NEW').out.split('\n')).toHaveLength(3);
  });
});

describe('conntrack -n/-g/-j as 1.4.7 applies them', () => {
  // A client beyond the router reaches c1 through the published port (DNAT); the host pings c2.
  const t = terminalOn(referenceHost());
  t.run('lab from client curl -s --max-time 2 http://192.0.2.10:8080/');
  t.run('ping -c 1 172.17.0.3');
  const listed = (line: string) =>
    t
      .run(line)
      .out.split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[0]);

  it('without an address: -n drops the DNATed TCP flow, -g and -j keep all; a ping always passes', () => {
    expect(listed('conntrack -L -n')).toEqual(['icmp']);
    expect(listed('conntrack -L -g')).toEqual(['tcp', 'icmp']);
    expect(listed('conntrack -L -j')).toEqual(['tcp', 'icmp']);
  });

  it('with an address only the NATed address counts', () => {
    expect(listed('conntrack -L -g 172.17.0.2')).toEqual(['tcp']);
    expect(listed('conntrack -L -g 172.17.0.3')).toEqual([]);
    expect(listed('conntrack -L -n 172.17.0.1')).toEqual([]);
  });

  it('refuses them with -C, in its words', () => {
    const r = t.run('conntrack -C -n');
    expect(r.err).toBe(
      "conntrack v1.4.7 (conntrack-tools): Illegal option `--src-nat' with this command\nTry `conntrack -h' or 'conntrack --help' for more information.\n",
    );
    expect(r.exit).toBe(2);
  });
});
