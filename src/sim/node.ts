// Node ids: which network namespace (or machine) a hop, a socket or a table belongs to. Built and
// read only here, so that the spelling ('container:NAME') is one decision, not twenty-five.

declare const NODE: unique symbol;

/**
 * 'host', 'router', 'internet' (every public address beyond the router, `sim/internet.ts`), or a
 * namespace named after a container or remote host. The three fixed names
 * are plain literals; the named ones are branded, so they can only come from `nodeId` (or a
 * checked `parseNodeId`), never from a template string written somewhere else.
 */
export type NodeId = 'host' | 'router' | 'internet' | (string & { readonly [NODE]: 'named' });

export type ParsedNode =
  | { readonly kind: 'host' }
  | { readonly kind: 'router' }
  | { readonly kind: 'internet' }
  | { readonly kind: 'container'; readonly name: string }
  | { readonly kind: 'remote'; readonly name: string };

export const nodeId = {
  host: 'host',
  router: 'router',
  internet: 'internet',
  /** The namespace a container owns (`docker run` in bridge or none mode). */
  container: (name: string) => `container:${name}` as NodeId,
  /** A machine behind the upstream router. */
  remote: (name: string) => `remote:${name}` as NodeId,
} as const satisfies Record<string, NodeId | ((name: string) => NodeId)>;

const NAMED = /^(container|remote):(.+)$/s;

/** What a node id names, or null for a string that is not one. */
export function parseNodeId(id: string): ParsedNode | null {
  if (id === 'host' || id === 'router' || id === 'internet') return { kind: id };
  const m = NAMED.exec(id);
  if (!m) return null;
  const name = m[2] ?? '';
  return m[1] === 'container' ? { kind: 'container', name } : { kind: 'remote', name };
}
