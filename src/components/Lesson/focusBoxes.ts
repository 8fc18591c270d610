// Where a lesson step's focus is on the diagram: boxes (and veth cables) from the layout. Pure.
import type { Lang } from '../../i18n/locale';
import type { FocusTarget } from '../../lessons';
import type { DiagramLayout } from '../../layout/diagram';
import type { Box } from '../../layout/geometry';

export interface FocusMarks {
  readonly boxes: readonly Box[];
  /** Cable paths to trace (a veth pair). */
  readonly paths: readonly string[];
}

const NONE: FocusMarks = { boxes: [], paths: [] };

export function focusMarks(layout: DiagramLayout, t: FocusTarget): FocusMarks {
  switch (t.kind) {
    case 'networks':
      return { boxes: layout.bridges.map((b) => b.bar), paths: [] };
    case 'bridge': {
      const b = layout.bridges.find((x) => x.device === t.device);
      return b ? { boxes: [b.bar], paths: [] } : NONE;
    }
    case 'veth': {
      const cables = layout.cables.filter((c) => c.container === t.container);
      const ports = layout.bridges.flatMap((b) =>
        b.ports.filter((p) => p.container.name === t.container).map((p) => p.box),
      );
      const badges = layout.cards
        .filter((c) => c.model.container.name === t.container)
        .flatMap((c) => Object.values(c.badges));
      return { boxes: [...ports, ...badges], paths: cables.map((c) => c.d) };
    }
    case 'container': {
      const card = layout.cards.find((c) => c.model.container.name === t.container);
      return card ? { boxes: [card.box], paths: [] } : NONE;
    }
    case 'host':
      if (t.part === 'eth0') return { boxes: [layout.host.eth0], paths: [] };
      if (t.part === 'lo') return { boxes: [layout.host.lo], paths: [] };
      return { boxes: [layout.host.stages.ROUTING], paths: [] };
    case 'hook':
      return { boxes: [layout.host.stages[t.hook]], paths: [] };
    case 'router':
      return { boxes: [layout.outside.router], paths: [] };
    case 'remote': {
      const r = layout.outside.remotes.find((x) => x.remote.name === t.name);
      return r ? { boxes: [r.box], paths: [] } : NONE;
    }
    // Kernel tables live in the side panels, not on the diagram.
    case 'conntrack':
    case 'fdb':
    case 'neigh':
      return NONE;
  }
}

/** The focus as a reader names it: "docker0", "nat PREROUTING", "veth pair of c1"… */
export function focusName(t: FocusTarget, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (t.kind) {
    // Of the three networks only bridge has a device to point at: docker0 (host and none have none).
    case 'networks':
      return zh
        ? 'docker0：三个网络中唯一有设备的 bridge 网络（host 和 none 没有设备）'
        : 'docker0, the bridge network: of the three, the only one with a device (host and none have none)';
    case 'bridge':
      return zh ? `网桥 ${t.device}` : `the bridge ${t.device}`;
    case 'veth':
      return zh ? `${t.container} 的 veth 对` : `the veth pair of ${t.container}`;
    case 'container':
      return zh ? `容器 ${t.container}` : `container ${t.container}`;
    case 'host':
      if (t.part === 'routing') return zh ? '宿主机的路由决策' : "the host's routing decision";
      return zh ? `宿主机的 ${t.part}` : `the host's ${t.part}`;
    case 'hook':
      return `${t.table} ${t.hook}`;
    case 'conntrack':
      return zh ? '连接跟踪表（Conntrack 面板）' : 'the conntrack table (Conntrack panel)';
    case 'fdb':
      return zh ? '网桥的 MAC 表（ARP & FDB 面板）' : "the bridge's MAC table (ARP & FDB panel)";
    case 'neigh':
      return zh ? 'ARP 缓存（ARP & FDB 面板）' : 'the ARP caches (ARP & FDB panel)';
    case 'router':
      return zh ? '路由器' : 'the router';
    case 'remote':
      return zh ? `外部主机 ${t.name}` : `${t.name} outside`;
  }
}
