// The walk's view of the namespaces: the one model (`sim/netns`), under the names the walk uses.
import { namespaceOf, namespacesOf, type Device, type Namespace, type Namespaces } from '../netns';
import type { World } from '../types';

export type IfaceInfo = Device;
export type NsInfo = Namespace;
export type { Route as RouteEntry } from '../netns';

export interface Topology {
  readonly ns: Namespaces;
}

export function buildTopology(world: World): Topology {
  return { ns: namespacesOf(world) };
}

/** The namespace a container's processes live in. */
export const containerNs = namespaceOf;

export {
  isLocal,
  onlyLoopback,
  lookupRoute,
  deviceWithAddress as ifaceWithAddress,
} from '../netns';
