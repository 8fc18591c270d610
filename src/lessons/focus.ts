// What a lesson step is about on the diagram: a small string union, parsed into parts for the view.
import type { World } from '../sim';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
export type TableName = 'raw' | 'nat' | 'filter';

/**
 * A diagram element, as a string so lesson data reads naturally:
 * - `'networks'`: the network list (`docker network ls`), i.e. the three modes side by side
 * - `'docker0'` or `` `bridge:${device}` ``: a bridge and its ports (`bridge:br-1a2b…` for user networks)
 * - `` `veth:${container}` ``: that container's veth pair: the host end, the cable, eth0 inside
 * - `` `container:${name}` ``: the container's card (its network namespace)
 * - `'host:eth0'`, `'host:lo'`, `'host:routing'` (the routing decision and ip_forward)
 * - `` `${table}:${hook}` ``: one netfilter hook of one table, e.g. `'nat:PREROUTING'`, `'raw:PREROUTING'`
 * - `'conntrack'`, `'fdb'` (the bridge's learned MACs), `'neigh'` (ARP caches)
 * - `'router'`, `` `remote:${name}` ``: the world outside the host
 */
export type Focus =
  | 'networks'
  | 'docker0'
  | `bridge:${string}`
  | `veth:${string}`
  | `container:${string}`
  | 'host:eth0'
  | 'host:lo'
  | 'host:routing'
  | `${TableName}:${Hook}`
  | 'conntrack'
  | 'fdb'
  | 'neigh'
  | 'router'
  | `remote:${string}`;

export type FocusTarget =
  | { readonly kind: 'networks' | 'conntrack' | 'fdb' | 'neigh' | 'router' }
  | { readonly kind: 'bridge'; readonly device: string }
  | { readonly kind: 'veth' | 'container'; readonly container: string }
  | { readonly kind: 'host'; readonly part: 'eth0' | 'lo' | 'routing' }
  | { readonly kind: 'hook'; readonly table: TableName; readonly hook: Hook }
  | { readonly kind: 'remote'; readonly name: string };

const HOOKS: readonly string[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];
const TABLES: readonly string[] = ['raw', 'nat', 'filter'];

/** Splits a focus into what the view highlights; null for a string that is not a focus. */
export function parseFocus(focus: string): FocusTarget | null {
  if (['networks', 'conntrack', 'fdb', 'neigh', 'router'].includes(focus))
    return { kind: focus as 'networks' };
  if (focus === 'docker0') return { kind: 'bridge', device: 'docker0' };
  const i = focus.indexOf(':');
  if (i <= 0 || i === focus.length - 1) return null;
  const head = focus.slice(0, i);
  const rest = focus.slice(i + 1);
  if (head === 'bridge') return { kind: 'bridge', device: rest };
  if (head === 'veth' || head === 'container') return { kind: head, container: rest };
  if (head === 'remote') return { kind: 'remote', name: rest };
  if (head === 'host' && (rest === 'eth0' || rest === 'lo' || rest === 'routing'))
    return { kind: 'host', part: rest };
  if (TABLES.includes(head) && HOOKS.includes(rest))
    return { kind: 'hook', table: head as TableName, hook: rest as Hook };
  return null;
}

/** Whether the element exists in this world (a lesson must not point at a missing container). */
export function focusExists(world: World, target: FocusTarget): boolean {
  switch (target.kind) {
    case 'bridge':
      return world.networks.some((n) => n.bridge?.device === target.device);
    case 'veth':
      return world.containers.some((c) => c.name === target.container && c.endpoints.length > 0);
    case 'container':
      return world.containers.some((c) => c.name === target.container);
    case 'remote':
      return world.remotes.some((r) => r.name === target.name);
    case 'hook':
      return world.netfilter[target.table].chains.some((c) => c.name === target.hook);
    case 'networks':
    case 'conntrack':
    case 'fdb':
    case 'neigh':
    case 'router':
    case 'host':
      return true;
  }
}
