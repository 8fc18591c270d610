// `nsenter -t PID -n iptables -t nat -S` in a container on a user-defined network shows the nat
// table dockerd writes there for its embedded DNS. kernel/fixtures/dns/embedded-nat-S.txt is what
// the real iptables 1.8.9 printed after those rules were inserted as moby's setupIptablesNAT
// inserts them (record-embedded.sh; ports 58166/udp, 40319/tcp there): the lab's lines must be
// those, with the container's own two ports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embeddedDnsPorts } from '../../sim/netfilter/embedded-dns';
import { referenceHost } from '../testing/reference-host';
import { terminalOn } from '../testing/terminal';

const fixture = readFileSync(
  new URL('../../../kernel/fixtures/dns/embedded-nat-S.txt', import.meta.url),
  'utf8',
);

function lab() {
  const t = terminalOn(referenceHost());
  t.run('docker network create app');
  t.run('docker run -d --name cli --network app busybox sleep 3600');
  const pid = t.run("docker inspect -f '{{.State.Pid}}' cli").out.trim();
  const c2 = t.run("docker inspect -f '{{.State.Pid}}' c2").out.trim();
  return { t, pid, c2 };
}

describe('nsenter into a container network namespace', () => {
  it("a user-defined network's container: Docker's DNS rules, with its resolver's ports", () => {
    const { t, pid } = lab();
    const cli = t.store.getState().world.containers.find((c) => c.name === 'cli');
    if (!cli) throw new Error('no cli');
    const { udp, tcp } = embeddedDnsPorts(cli);
    const r = t.run(`nsenter -t ${pid} -n iptables -t nat -S`);
    expect(r.out).toBe(fixture.replaceAll('58166', String(udp)).replaceAll('40319', String(tcp)));
    // Ephemeral ports, one per protocol.
    expect(udp).toBeGreaterThanOrEqual(32768);
    expect(tcp).toBeLessThanOrEqual(60999);
    expect(udp).not.toBe(tcp);
    expect(t.run(`nsenter -n -t ${pid} iptables -t nat -S DOCKER_OUTPUT`).out).toBe(
      fixture
        .split('\n')
        .filter((l) => / DOCKER_OUTPUT/.test(l) && !l.startsWith('-A OUTPUT'))
        .map((l) => `${l.replace('58166', String(udp)).replace('40319', String(tcp))}\n`)
        .join(''),
    );
  });

  it('a default-bridge container has no such rules; its interfaces are its own', () => {
    const { t, c2 } = lab();
    expect(t.run(`nsenter -t ${c2} -n iptables -t nat -S`).out).toBe(
      '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n',
    );
    expect(t.run(`nsenter -t ${c2} -n ip -br -4 a`).out).toBe(
      'lo               UNKNOWN        127.0.0.1/8 \neth0@if7         UP             172.17.0.3/16 \n',
    );
  });

  it('no such process: what util-linux says', () => {
    const { t } = lab();
    const r = t.run('nsenter -t 4242 -n ip a');
    expect(r.err).toBe('nsenter: cannot open /proc/4242/ns/net: No such file or directory\n');
    expect(r.exit).toBe(1);
  });
});
