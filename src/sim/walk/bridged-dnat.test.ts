// userland-proxy=false, c2 → 192.0.2.10:8080 (hairpin NAT to web on the same bridge), as the kernel
// did it in namespaces (kernel case challenge-client-address:fix1): the DNATed SYN is bridged, not
// routed (TTL 64, c2's MAC), shown on docker0 when the host's entry for web is not REACHABLE; every
// port is in hairpin mode, so a flooded ARP request also comes back to its sender.
import { describe, expect, it } from 'vitest';
import {
  advanceClock,
  createWorld,
  runContainer,
  setDaemonOptions,
  simulate,
  type World,
} from '..';
import type { IPv4 } from '../addr';
import { neighState } from '../neigh';
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

// Which path br_nf_pre_routing_finish_bridge takes follows the host's neighbour entry for web as
// each segment meets it: straight on only when it is NUD_CONNECTED (REACHABLE here). Measured on
// 6.18 in namespaces (a bridge, DNAT in PREROUTING, `tcpdump -i br0` outgoing, nc's 5 segments):
// learned from the target's ARP request then used (DELAY) → all 5; REACHABLE after the host pinged
// it → none; REACHABLE gone STALE → all 5; no entry → the SYN that waited for ARP only (above).
describe('bridged DNAT: straight on or through docker0, by the host entry for the target', () => {
  const w = lab();
  const docker0 = w.networks.find((n) => n.isDefault)?.bridge;
  const toWeb = (x: World) =>
    simulate(x, {
      from: { kind: 'container', name: 'c2' },
      to: '192.0.2.10' as IPv4,
      kind: 'http',
      port: 8080,
    });
  /** Of c2's segments, how many docker0 itself transmitted (from its own MAC), and how many went. */
  const viaDocker0 = (x: World) => {
    const sent = toWeb(x).packets.filter((p) => p.hops[0]?.frame.ip?.src === '172.17.0.3');
    const through = sent.filter((p) =>
      ipOn(p.hops, 'host', 'docker0').some(
        (h) => h.event === 'tx' && h.frame.eth?.src === docker0?.mac,
      ),
    );
    return [through.length, sent.length];
  };
  const ping = (x: World, from: 'host' | 'web', to: string) =>
    simulate(x, {
      from: from === 'host' ? { kind: 'host' } : { kind: 'container', name: 'web' },
      to: to as IPv4,
      kind: 'ping',
    }).world;
  /** The host's entry for web as `ip neigh` shows it at the world's clock. */
  const hostEntry = (x: World) => {
    const e = x.neigh['host']?.find((n) => n.ip === '172.17.0.2');
    return e && neighState(e, x.clock);
  };

  it('learned from web’s own ARP request and used since (DELAY): every segment', () => {
    const learned = ping(w, 'web', '172.17.0.1');
    expect(hostEntry(learned)).toBe('DELAY');
    const [through, sent] = viaDocker0(learned);
    expect(sent).toBeGreaterThan(2);
    expect(through).toBe(sent);
  });

  it('REACHABLE after the host pinged web: none', () => {
    const reachable = ping(w, 'host', '172.17.0.2');
    expect(hostEntry(reachable)).toBe('REACHABLE');
    const [through, sent] = viaDocker0(reachable);
    expect(sent).toBeGreaterThan(2);
    expect(through).toBe(0);
  });

  it('REACHABLE gone STALE (reachable_time passed): every segment', () => {
    const stale = advanceClock(ping(w, 'host', '172.17.0.2'), 60);
    expect(hostEntry(stale)).toBe('STALE');
    const [through, sent] = viaDocker0(stale);
    expect(through).toBe(sent);
  });

  it('no entry: the SYN that waited for ARP only', () => {
    expect(viaDocker0(w)[0]).toBe(1);
  });
});
