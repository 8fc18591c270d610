// A frame's name at a hop: ARP while the kernel resolves the next hop, the packet's label otherwise.
import { describe, expect, it } from 'vitest';
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
});
