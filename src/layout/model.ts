// What the diagram shows, read from the world: network groups, cards, cables. No positions yet.
import type { Container, Endpoint, Network, World } from '../sim';

export interface CardModel {
  readonly container: Container;
  /** Which column group the card sits in: a network id, 'host', or 'isolated'. */
  readonly group: string;
}

export interface GroupModel {
  readonly id: string;
  readonly network: Network | null;
  readonly cards: readonly CardModel[];
}

export interface DiagramModel {
  readonly bridges: readonly GroupModel[];
  readonly hostMode: readonly CardModel[];
  readonly isolated: readonly CardModel[];
}

/** The bridge network a card is drawn under: its first endpoint's, else the first it is configured on. */
function homeNetwork(world: World, c: Container): Network | undefined {
  const id = c.endpoints[0]?.networkId ?? c.networks[0];
  return world.networks.find((n) => n.id === id && n.driver === 'bridge');
}

export function diagramModel(world: World): DiagramModel {
  const bridgeNets = world.networks.filter((n) => n.driver === 'bridge');
  const byNet = new Map<string, CardModel[]>(bridgeNets.map((n) => [n.id, []]));
  const hostMode: CardModel[] = [];
  const isolated: CardModel[] = [];
  for (const c of world.containers) {
    if (c.mode.kind === 'host') {
      hostMode.push({ container: c, group: 'host' });
      continue;
    }
    const home = c.mode.kind === 'bridge' ? homeNetwork(world, c) : undefined;
    const list = home ? byNet.get(home.id) : undefined;
    if (home && list) list.push({ container: c, group: home.id });
    else isolated.push({ container: c, group: 'isolated' });
  }
  return {
    bridges: bridgeNets.map((n) => ({ id: n.id, network: n, cards: byNet.get(n.id) ?? [] })),
    hostMode,
    isolated,
  };
}

/** Every live veth pair: the container end and the host end on a bridge. */
export interface VethModel {
  readonly container: Container;
  readonly endpoint: Endpoint;
}

export function vethsOn(world: World, networkId: string): VethModel[] {
  const out: VethModel[] = [];
  for (const c of world.containers) {
    for (const e of c.endpoints)
      if (e.networkId === networkId) out.push({ container: c, endpoint: e });
  }
  return out;
}
