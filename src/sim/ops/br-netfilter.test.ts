// When dockerd turns bridge-nf-call-iptables on by itself: moby v27.4.0+ enableBrNfCallIptables
// (libnetwork/drivers/bridge/bridge_linux.go) for icc=false or userland-proxy=false; both profiles
// (27.5.1, 29.0.4) are past it. Checked in the kernel matrix (kernel/matrix.ts, howProduced).
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../releases';
import { createWorld } from '../world';
import { setDaemonOptions } from './host';

describe('dockerd and br_netfilter', () => {
  for (const profile of PROFILES) {
    it(`${profile}: on for userland-proxy=false and for icc=false, off otherwise`, () => {
      expect(createWorld({ profile }).host.bridgeNfCallIptables).toBe(false);
      const w = createWorld({ profile });
      const noProxy = setDaemonOptions(w, { userlandProxy: false });
      const noIcc = setDaemonOptions(w, { icc: false });
      if (!noProxy.ok || !noIcc.ok) throw new Error('restart refused');
      expect(noProxy.world.host.bridgeNfCallIptables).toBe(true);
      expect(noIcc.world.host.bridgeNfCallIptables).toBe(true);
      expect(
        createWorld({ profile, daemon: { userlandProxy: false } }).host.bridgeNfCallIptables,
      ).toBe(true);
    });
  }
});
