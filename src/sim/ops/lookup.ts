// Finding containers and networks the way the Docker daemon resolves references. Pure.
import type { Container, Network, World } from '../types';

/** Exact name, full id, then a unique id prefix (as `docker stop 9f2c` works). */
export function findContainer(world: World, ref: string): Container | undefined {
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const byName = world.containers.find((c) => c.name === name);
  if (byName) return byName;
  const byId = world.containers.find((c) => c.id === ref);
  if (byId) return byId;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const matches = world.containers.filter((c) => c.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

export function findNetwork(world: World, ref: string): Network | undefined {
  return (
    world.networks.find((n) => n.name === ref) ??
    world.networks.find((n) => n.id === ref) ??
    (/^[0-9a-f]+$/.test(ref) ? uniquePrefix(world.networks, ref) : undefined)
  );
}

function uniquePrefix(networks: readonly Network[], ref: string): Network | undefined {
  const m = networks.filter((n) => n.id.startsWith(ref));
  return m.length === 1 ? m[0] : undefined;
}

export function networkById(world: World, id: string): Network | undefined {
  return world.networks.find((n) => n.id === id);
}

export function noSuchContainer(ref: string): string {
  return `No such container: ${ref}`;
}

/** The container whose namespace a container uses (itself, or its `container:` target's owner). */
export { namespaceOwner as netnsOwner } from '../netns/build';
