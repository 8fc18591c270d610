import { describe, expect, it } from 'vitest';
import { fixture } from './testing/fixtures';
import { referenceEmptyHost, referenceHost } from './testing/reference-host';
import { terminalOn } from './testing/terminal';

/** Interface drop counters are the one field our counters do not model. */
const dropped = (s: string) => s.replace(/dropped[: ]\d+/g, 'dropped N');

describe('host views of the reference host (c1 -p 8080:80, c2) match the real tools byte for byte', () => {
  const t = () => terminalOn(referenceHost());
  it.each([
    ['ip addr', 'host__ip-addr.txt'],
    ['ip link', 'host__ip-link.txt'],
    ['ip route', 'host__ip-route.txt'],
    ['ip -br addr', 'host__ip-br-addr.txt'],
    ['ip -br link', 'host__ip-br-link.txt'],
    ['brctl show', 'host__brctl-show.txt'],
    ['bridge link', 'host__bridge-link.txt'],
    ['bridge fdb show', 'host__bridge-fdb-show.txt'],
    ['route -n', 'host__route-n.txt'],
    ['sysctl net.ipv4.ip_forward', 'host__sysctl-net.ipv4.ip_forward.txt'],
    ['cat /proc/sys/net/ipv4/ip_forward', 'host__cat-proc-sys-net-ipv4-ip_forward.txt'],
    ['iptables -t nat -S', 'host__iptables-t-nat-S.txt'],
    ['iptables -S', 'host__iptables-S.txt'],
  ])('%s', (line, file) => {
    const r = t().run(line);
    expect(r.err).toBe('');
    expect(r.out).toBe(fixture(file));
  });

  it.each([
    ['ifconfig', 'host__ifconfig.txt'],
    ['ifconfig docker0', 'host__ifconfig-docker0.txt'],
    ['busybox ifconfig', 'host__busybox-ifconfig.txt'],
  ])('%s (drop counters aside)', (line, file) => {
    expect(dropped(t().run(line).out)).toBe(dropped(fixture(file)));
  });

  it('prints sysctl net.bridge.bridge-nf-call-iptables as procps does once br_netfilter is on', () => {
    const term = t();
    term.run('sysctl -w net.bridge.bridge-nf-call-iptables=1');
    expect(term.run('sysctl net.bridge.bridge-nf-call-iptables').out).toBe(
      fixture('host__sysctl-net.bridge.bridge-nf-call-iptables.txt'),
    );
  });

  it('lists neighbours as arp -n and ip neigh do, the failed address without a MAC', () => {
    expect(t().run('arp -n').out).toBe(fixture('host__arp-n.txt'));
    expect(t().run('ip neigh').out).toBe(fixture('host__ip-neigh.txt'));
  });
});

describe('host views right after dockerd started (docker0 without ports)', () => {
  const t = () => terminalOn(referenceEmptyHost());
  it.each([
    ['ip addr', 'host-empty__ip-addr.txt'],
    ['ip route', 'host-empty__ip-route.txt'],
    ['brctl show', 'host-empty__brctl-show.txt'],
    ['bridge link', 'host-empty__bridge-link.txt'],
  ])('%s shows docker0 DOWN/linkdown', (line, file) => {
    expect(t().run(line).out).toBe(fixture(file));
  });
  it.each([
    ['ifconfig', 'host-empty__ifconfig.txt'],
    ['busybox ifconfig docker0', 'host-empty__busybox-ifconfig-docker0.txt'],
  ])('%s shows docker0 without RUNNING', (line, file) => {
    expect(dropped(t().run(line).out)).toBe(dropped(fixture(file)));
  });
});
