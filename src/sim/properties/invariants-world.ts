// Invariants of a world's addressing and port bindings (IPAM and the port allocator). Pure checks.
import { broadcastOf, inCidr, ipToInt } from '../addr';
import { findImage } from '../images';
import { EPHEMERAL_RANGE } from '../ports';
import type { Container, PortBinding, PortRequest, World } from '../types';

/** `-p` as given, then every EXPOSEd port with -P: the order the allocator sees them in. */
function requestsOf(c: Container): PortRequest[] {
  const all: PortRequest[] = [...c.ports];
  const image = findImage(c.image);
  if (c.publishAll && image) {
    for (const e of image.exposes) {
      if (!all.some((p) => p.containerPort === e.port && p.proto === e.proto)) {
        all.push({ hostIp: null, hostPort: null, containerPort: e.port, proto: e.proto });
      }
    }
  }
  return all;
}

const overlaps = (a: PortBinding, b: PortBinding) =>
  a.proto === b.proto &&
  a.hostPort === b.hostPort &&
  (a.hostIp === null || b.hostIp === null || a.hostIp === b.hostIp);

const bindingText = (b: PortBinding) =>
  `${b.hostIp ?? '0.0.0.0'}:${b.hostPort}/${b.proto}->${b.containerIp}:${b.containerPort}`;

/** Addresses: unique per network, inside the subnet, never the network, broadcast or gateway. */
export function checkAddresses(world: World): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const n of world.networks) {
    const b = n.bridge;
    if (!b) continue;
    if (!inCidr(b.gateway, b.subnet)) {
      out.push(
        `network ${n.name}: gateway ${b.gateway} outside ${b.subnet.address}/${b.subnet.prefix}`,
      );
    }
  }
  for (const c of world.containers) {
    if (c.state !== 'running' && (c.endpoints.length > 0 || c.bindings.length > 0)) {
      out.push(`container ${c.name} is ${c.state} but holds endpoints/bindings`);
    }
    for (const ep of c.endpoints) {
      const n = world.networks.find((x) => x.id === ep.networkId);
      const b = n?.bridge;
      if (!n || !b) {
        out.push(`container ${c.name}: endpoint ${ep.ip} on a network that does not exist`);
        continue;
      }
      if (!c.networks.includes(n.id)) {
        out.push(`container ${c.name}: endpoint on ${n.name}, not in its configured networks`);
      }
      const a = ipToInt(ep.ip);
      if (!inCidr(ep.ip, b.subnet)) out.push(`${c.name}: ${ep.ip} outside ${n.name}'s subnet`);
      if (a === ipToInt(b.subnet.address))
        out.push(`${c.name}: ${ep.ip} is ${n.name}'s network address`);
      if (a === ipToInt(broadcastOf(b.subnet)))
        out.push(`${c.name}: ${ep.ip} is ${n.name}'s broadcast`);
      if (ep.ip === b.gateway) out.push(`${c.name}: ${ep.ip} is ${n.name}'s gateway`);
      if (ep.prefix !== b.subnet.prefix || ep.gateway !== b.gateway) {
        out.push(`${c.name}: endpoint prefix/gateway disagree with ${n.name}`);
      }
      const key = `${n.id}/${ep.ip}`;
      const holder = seen.get(key);
      if (holder !== undefined)
        out.push(`${ep.ip} on ${n.name} held by both ${holder} and ${c.name}`);
      seen.set(key, c.name);
    }
    const names = new Set(c.endpoints.map((e) => e.networkId));
    if (names.size !== c.endpoints.length) out.push(`${c.name}: two endpoints on one network`);
  }
  return out;
}

/** Bindings: no two overlap; each matches its request (ephemeral ones in 32768–60999). */
export function checkBindings(world: World): string[] {
  const out: string[] = [];
  const all: { c: Container; b: PortBinding }[] = [];
  for (const c of world.containers) for (const b of c.bindings) all.push({ c, b });
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const x = all[i];
      const y = all[j];
      if (x && y && overlaps(x.b, y.b)) {
        out.push(
          `bindings clash: ${x.c.name} ${bindingText(x.b)} and ${y.c.name} ${bindingText(y.b)}`,
        );
      }
    }
  }
  for (const c of world.containers) {
    if (c.state !== 'running' || c.mode.kind !== 'bridge') continue;
    const reqs = requestsOf(c);
    // All bindings live on the first network; disconnecting that network drops them all.
    const onFirst = c.bindings;
    if (new Set(onFirst.map((b) => b.networkId)).size > 1) {
      out.push(`${c.name}: bindings on more than one network`);
    }
    if (onFirst.length !== 0 && onFirst.length !== reqs.length) {
      out.push(`${c.name}: ${reqs.length} port requests but ${onFirst.length} bindings`);
      continue;
    }
    onFirst.forEach((b, i) => {
      const r = reqs[i];
      if (!r) return;
      if (r.hostPort === null) {
        if (b.hostPort < EPHEMERAL_RANGE.start || b.hostPort > EPHEMERAL_RANGE.end) {
          out.push(`${c.name}: ephemeral host port ${b.hostPort} outside 32768-60999`);
        }
      } else if (b.hostPort !== r.hostPort) {
        out.push(`${c.name}: asked host port ${r.hostPort}, bound ${b.hostPort}`);
      }
      if (b.containerPort !== r.containerPort || b.proto !== r.proto || b.hostIp !== r.hostIp) {
        out.push(`${c.name}: binding ${bindingText(b)} does not match its request`);
      }
    });
    for (const b of c.bindings) {
      const ep = c.endpoints.find((e) => e.networkId === b.networkId);
      if (!ep || ep.ip !== b.containerIp) {
        out.push(`${c.name}: binding ${bindingText(b)} points at no endpoint of the container`);
      }
    }
  }
  return out;
}

/** Ids and names that Docker keeps unique. */
export function checkIdentity(world: World): string[] {
  const out: string[] = [];
  const dup = (what: string, xs: readonly string[]) => {
    const s = new Set<string>();
    for (const x of xs) {
      if (s.has(x)) out.push(`duplicate ${what}: ${x}`);
      s.add(x);
    }
  };
  dup(
    'container name',
    world.containers.map((c) => c.name),
  );
  dup(
    'container id',
    world.containers.map((c) => c.id),
  );
  dup(
    'network name',
    world.networks.map((n) => n.name),
  );
  dup(
    'bridge device',
    world.networks.flatMap((n) => (n.bridge ? [n.bridge.device] : [])),
  );
  dup(
    'host veth',
    world.containers.flatMap((c) => c.endpoints.map((e) => e.hostVeth)),
  );
  return out;
}
