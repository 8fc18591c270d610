// userland-proxy=false, c2 → 192.0.2.10:8080 (hairpin NAT to web on the same bridge), as the kernel
// did it in namespaces (kernel case challenge-client-address:fix1): the DNATed SYN is bridged, not
// routed (TTL 64, c2's MAC), shown on docker0 only while the neighbour was being resolved; every
// port is in hairpin mode, so a flooded ARP request also comes back to its sender.
import { describe, expect, it } from 'vitest';
import { createWorld, runContainer, setDaemonOptions, simulate, type World } from '..';
import type { IPv4 } from '../addr';
import type { Hop } from '../trace';

const must = (r: { ok: true; world: World } | { ok: false; error: { message: string } }) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
};

function lab(): World {
  let w = createWorld({ profile: 'docker-29' });
  w = must(
    runContainer(w, {
      image: 'nginx',
      name: 'web',
      detach: true,
      ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
    }),
  );
  w = must(
    runContainer(w, { image: 'busybox', name: 'c2', detach: true, tty: true, interactive: true }),
  );
  return must(setDaemonOptions(w, { userlandProxy: false }));
}

const ipOn = (hops: readonly Hop[], node: string, iface: string) =>
  hops.filter(
    (h) =>
      h.node === node && h.iface === iface && h.frame.ip && (h.event === 'tx' || h.event === 'rx'),
  );

describe('bridged DNAT (br_netfilter) and hairpin ports', () => {
  const w = lab();
  const c2 = w.containers.find((c) => c.name === 'c2')?.endpoints[0];
  const docker0 = w.networks.find((n) => n.isDefault)?.bridge;
  const r = simulate(w, {
    from: { kind: 'container', name: 'c2' },
    to: '192.0.2.10' as IPv4,
    kind: 'http',
    port: 8080,
  });
  const [syn, , ack] = r.packets;

  it('the DNATed SYN reaches web with TTL 64 and c2 source MAC', () => {
    const atWeb = syn && ipOn(syn.hops, 'container:web', 'eth0')[0];
    expect(atWeb?.frame).toMatchObject({
      eth: { src: c2?.mac },
      ip: { src: '172.17.0.3', dst: '172.17.0.2', ttl: 64 },
    });
  });

  it('docker0 shows the SYN that waited for ARP (from its own MAC), not the later ACK', () => {
    expect(syn && ipOn(syn.hops, 'host', 'docker0').map((h) => h.frame.eth?.src)).toEqual([
      docker0?.mac,
    ]);
    expect(ack && ipOn(ack.hops, 'host', 'docker0')).toEqual([]);
  });

  it("c2's ARP request is flooded back out of c2's own port", () => {
    const back = syn?.hops.filter(
      (h) =>
        h.node === 'container:c2' &&
        h.event === 'rx' &&
        h.frame.arp?.op === 'request' &&
        h.frame.arp.senderIp === '172.17.0.3',
    );
    expect(back).toHaveLength(1);
  });
});

describe('bridged DNAT to the sender itself (its own published port, br_netfilter on)', () => {
  const w = lab();
  const r = simulate(w, {
    from: { kind: 'container', name: 'web' },
    to: '192.0.2.10' as IPv4,
    kind: 'http',
    port: 8080,
  });

  // Kernel (matrix:d27/d29 proxy-off,brnf-on, c→own): the SYN leaves web's eth0 and comes back
  // hairpinned as 172.17.0.1.P > 172.17.0.2.80 (the hairpin MASQUERADE rule), and curl gets 200.
  it('POSTROUTING MASQUERADEs it to docker0 address and the request is answered', () => {
    const [syn] = r.packets;
    const back = syn && ipOn(syn.hops, 'container:web', 'eth0').filter((h) => h.event === 'rx');
    expect(back?.[0]?.frame.ip).toMatchObject({ src: '172.17.0.1', dst: '172.17.0.2' });
    expect(r.result).toMatchObject({ kind: 'connected', http: { status: 200 } });
  });
});
