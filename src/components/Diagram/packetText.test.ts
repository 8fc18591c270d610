// A frame's name at a hop: ARP while the kernel resolves the next hop, a DNS message by what it
// asks or answers, the packet's label otherwise.
import { describe, expect, it } from 'vitest';
import { loadCatalogue, translate } from '../../i18n';
import { createAppStore, selectTimeline } from '../../store';
import { hopLabel } from './packetText';

describe('hopLabel', () => {
  it('calls the ARP frames under a SYN what they are, with the addresses the world has', () => {
    const store = createAppStore();
    store.getState().runCommand('docker run -d --name web nginx');
    store.getState().runCommand('curl -s 172.17.0.2');
    const web = store.getState().world.containers.find((c) => c.name === 'web');
    const mac = web?.endpoints[0]?.mac;
    const timeline = selectTimeline(store.getState());
    const labels = timeline.map((e) => hopLabel(e.packet.label, e.hop.frame));
    const syn = timeline.filter((e) => e.packet.label === 'SYN');
    // The host asks for the container's address before the SYN can leave, and the container answers.
    expect(syn.some((e) => e.hop.frame.arp)).toBe(true);
    expect(labels).toContain('ARP request who-has 172.17.0.2');
    expect(labels).toContain(`ARP reply 172.17.0.2 is-at ${mac}`);
    expect(labels.filter((l) => l === 'SYN').length).toBe(
      syn.filter((e) => !e.hop.frame.arp).length,
    );
    for (const e of timeline)
      if (!e.hop.frame.arp) expect(hopLabel(e.packet.label, e.hop.frame)).toBe(e.packet.label);
  });

  it('names each DNS message by its record and answer, in English and Chinese', async () => {
    await loadCatalogue('zh-CN');
    const store = createAppStore();
    store.getState().runCommand('docker run -d --name c2 busybox sleep 1d');
    store.getState().runCommand('docker exec c2 nslookup example.com');
    store.getState().runCommand('docker exec c2 wget -qO- http://nosuch.example/');
    const firstHops = store.getState().packets.map((p) => p.hops[0]);
    const label = (lang: string) => (i: number) => {
      const h = firstHops[i];
      return h ? hopLabel('DNS', h.frame, (k, p) => translate(k, p, lang)) : '';
    };
    // wget's lookup is the last flow: its A query, NXDOMAIN, AAAA query, NXDOMAIN.
    expect([0, 1, 2, 3].map(label('en'))).toEqual([
      'DNS query: A record of nosuch.example?',
      'DNS answer: nosuch.example does not exist (NXDOMAIN)',
      'DNS query: AAAA record of nosuch.example?',
      'DNS answer: nosuch.example does not exist (NXDOMAIN)',
    ]);
    expect(label('zh-CN')(0)).toBe('DNS 查询：nosuch.example 的 A 记录？');
  });
});
