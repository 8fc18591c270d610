// Clicking a container, the host or a remote while the flow picker waits for a source or a target.
import { useCallback } from 'react';
import type { FlowSource, IPv4, World } from '../sim';
import { useAppStoreApi } from '../store/react';
import { useAppStore } from '../store/react';

export interface PickTarget {
  readonly source: FlowSource;
  /** Addresses this element answers on, first is the default target. */
  readonly addresses: readonly { readonly ip: IPv4; readonly label: string }[];
}

export function pickTargetOf(world: World, source: FlowSource): PickTarget {
  switch (source.kind) {
    case 'host':
      return {
        source,
        addresses: [
          { ip: world.host.eth0.ip, label: `host eth0 ${world.host.eth0.ip}` },
          ...world.networks.flatMap((n) =>
            n.bridge
              ? [{ ip: n.bridge.gateway, label: `host ${n.bridge.device} ${n.bridge.gateway}` }]
              : [],
          ),
        ],
      };
    case 'remote': {
      const r = world.remotes.find((x) => x.name === source.name);
      return { source, addresses: r ? [{ ip: r.ip, label: `${r.name} ${r.ip}` }] : [] };
    }
    case 'container': {
      const c = world.containers.find((x) => x.name === source.name);
      if (c?.mode.kind === 'host')
        return {
          source,
          addresses: [{ ip: world.host.eth0.ip, label: `${c.name} (host) ${world.host.eth0.ip}` }],
        };
      return {
        source,
        addresses: (c?.endpoints ?? []).map((e) => ({
          ip: e.ip,
          label: `${source.name} ${e.ifName} ${e.ip}`,
        })),
      };
    }
  }
}

export function usePick(): { picking: 'from' | 'to' | null; pick: (source: FlowSource) => void } {
  const picking = useAppStore((s) => s.draft.picking);
  const setDraft = useAppStore((s) => s.setDraft);
  // Read the world when clicked: a pick handler that changed with every world would re-render
  // every card on each `docker run`.
  const api = useAppStoreApi();
  const pick = useCallback(
    (source: FlowSource) => {
      if (picking === 'from') setDraft({ from: source, picking: 'to' });
      else if (picking === 'to') {
        const first = pickTargetOf(api.getState().world, source).addresses[0];
        setDraft({ to: first?.ip ?? null, toLabel: first?.label ?? null, picking: null });
      }
    },
    [picking, setDraft, api],
  );
  return { picking, pick };
}
