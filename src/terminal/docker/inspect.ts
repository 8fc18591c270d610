// `docker inspect` and `docker network inspect`: JSON in the daemon's field order, Go's escaping. Pure.
import {
  cidrText,
  findImage,
  type Container,
  type Network,
  type Profile,
  type World,
} from '../../sim';
import { clockDate } from './time';

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's json.MarshalIndent with 4 spaces, which also escapes <, > and &. */
export function goJson(value: unknown): string {
  return `${JSON.stringify(value, null, 4)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')}\n`;
}

function portsMap(c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const e of findImage(c.image)?.exposes ?? []) out[`${e.port}/${e.proto}`] = null;
  for (const b of c.bindings) {
    const key = `${b.containerPort}/${b.proto}`;
    const list = out[key] ?? [];
    const ips = b.hostIp === null ? ['0.0.0.0', '::'] : [b.hostIp];
    for (const ip of ips) list.push({ HostIp: ip, HostPort: String(b.hostPort) });
    out[key] = list;
  }
  return out;
}

function networkMode(c: Container): string {
  if (c.mode.kind === 'bridge') return c.mode.network;
  if (c.mode.kind === 'container') return `container:${c.mode.target}`;
  return c.mode.kind;
}

interface EndpointFields {
  readonly mac: string;
  readonly networkId: string;
  readonly endpointId: string;
  readonly gateway: string;
  readonly ip: string;
  readonly prefix: number;
  readonly dnsNames: readonly string[] | null;
}

/**
 * network.EndpointSettings in its struct order: API 1.47 (moby v27.5.1 api/types/network/
 * endpoint.go) has MacAddress after Aliases; v29 (docker-v29.0.4) moves it after IPAddress and
 * adds GwPriority after DriverOpts.
 */
function endpointSettings(profile: Profile, e: EndpointFields): Record<string, unknown> {
  const head = { IPAMConfig: null, Links: null, Aliases: null };
  const ids = { NetworkID: e.networkId, EndpointID: e.endpointId, Gateway: e.gateway };
  const v6 = {
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: e.dnsNames,
  };
  return profile === 'docker-29'
    ? {
        ...head,
        DriverOpts: null,
        GwPriority: 0,
        ...ids,
        IPAddress: e.ip,
        MacAddress: e.mac,
        IPPrefixLen: e.prefix,
        ...v6,
      }
    : {
        ...head,
        MacAddress: e.mac,
        DriverOpts: null,
        ...ids,
        IPAddress: e.ip,
        IPPrefixLen: e.prefix,
        ...v6,
      };
}

/** The lab's process id of a container's first process (`.State.Pid`; 0 when not running). */
export const containerPid = (world: World, c: Container): number =>
  c.state === 'running' ? 1000 + world.containers.indexOf(c) : 0;

export function containerInspect(world: World, c: Container): unknown {
  const eps = new Map(c.endpoints.map((e) => [e.networkId, e]));
  const networks: Record<string, unknown> = {};
  for (const id of c.networks) {
    const n = world.networks.find((x) => x.id === id);
    const ep = eps.get(id);
    if (!n) continue;
    networks[n.name] = endpointSettings(world.profile, {
      mac: ep?.mac ?? '',
      networkId: n.id,
      endpointId: ep?.endpointId ?? '',
      gateway: ep?.gateway ?? '',
      ip: ep?.ip ?? '',
      prefix: ep?.prefix ?? 0,
      dnsNames: n.isDefault || !ep ? null : [c.name, c.id.slice(0, 12)],
    });
  }
  if (c.mode.kind === 'host' || c.mode.kind === 'none') {
    const n = world.networks.find((x) => x.name === c.mode.kind);
    networks[c.mode.kind] = endpointSettings(world.profile, {
      mac: '',
      networkId: n?.id ?? '',
      endpointId: '',
      gateway: '',
      ip: '',
      prefix: 0,
      dnsNames: null,
    });
  }
  // The top-level address fields describe the default bridge endpoint only.
  const def = c.endpoints.find((e) => world.networks.find((n) => n.id === e.networkId)?.isDefault);
  const running = c.state === 'running';
  const sandboxId = running ? c.id.split('').reverse().join('') : '';
  const sandboxKey = running ? `/var/run/docker/netns/${c.id.slice(52)}` : '';
  const ports = running ? portsMap(c) : {};
  return {
    Id: c.id,
    Created: clockDate(c.created),
    Path: c.command[0] ?? '',
    Args: c.command.slice(1),
    State: {
      Status: c.state,
      Running: running,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: containerPid(world, c),
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: c.state === 'created' ? ZERO_TIME : clockDate(c.startedAt),
      FinishedAt: c.state === 'exited' ? clockDate(c.finishedAt) : ZERO_TIME,
    },
    Image: `sha256:${findImage(c.image)?.id ?? ''}`,
    Name: `/${c.name}`,
    HostConfig: {
      NetworkMode: networkMode(c),
      PortBindings: Object.fromEntries(
        c.ports.map((p) => [
          `${p.containerPort}/${p.proto}`,
          [{ HostIp: p.hostIp ?? '', HostPort: p.hostPort === null ? '' : String(p.hostPort) }],
        ]),
      ),
      AutoRemove: c.autoRemove,
      PublishAllPorts: c.publishAll,
    },
    Config: {
      Hostname: c.id.slice(0, 12),
      Tty: c.tty,
      OpenStdin: c.interactive,
      Cmd: c.command,
      Image: c.image,
    },
    // API 1.52 (docker-29) dropped the deprecated top-level address fields (docker-v29.0.4
    // daemon/server/router/container/inspect.go adds them back only for API < 1.52).
    NetworkSettings:
      world.profile === 'docker-29'
        ? { SandboxID: sandboxId, SandboxKey: sandboxKey, Ports: ports, Networks: networks }
        : {
            Bridge: '',
            SandboxID: sandboxId,
            SandboxKey: sandboxKey,
            Ports: ports,
            HairpinMode: false,
            LinkLocalIPv6Address: '',
            LinkLocalIPv6PrefixLen: 0,
            SecondaryIPAddresses: null,
            SecondaryIPv6Addresses: null,
            EndpointID: def?.endpointId ?? '',
            Gateway: def?.gateway ?? '',
            GlobalIPv6Address: '',
            GlobalIPv6PrefixLen: 0,
            IPAddress: def?.ip ?? '',
            IPPrefixLen: def?.prefix ?? 0,
            IPv6Gateway: '',
            MacAddress: def?.mac ?? '',
            Networks: networks,
          },
  };
}

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** Field order of API ≤ 1.47 (docker-27) or v29 (docker-29: EnableIPv4, Containers last). */
export function networkInspect(world: World, n: Network): unknown {
  const containers: Record<string, unknown> = {};
  for (const c of world.containers) {
    const ep = c.endpoints.find((e) => e.networkId === n.id);
    if (!ep) continue;
    containers[c.id] = {
      Name: c.name,
      EndpointID: ep.endpointId,
      MacAddress: ep.mac,
      IPv4Address: `${ep.ip}/${ep.prefix}`,
      IPv6Address: '',
    };
  }
  const b = n.bridge;
  const options =
    n.isDefault && b
      ? { ...DEFAULT_BRIDGE_OPTIONS, 'com.docker.network.bridge.enable_icc': String(b.icc) }
      : {};
  const head = {
    Name: n.name,
    Id: n.id,
    Created: clockDate(n.created),
    Scope: 'local',
    Driver: n.driver,
    ...(world.profile === 'docker-29' ? { EnableIPv4: true } : {}),
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: n.isDefault || !b ? null : {},
      Config: b ? [{ Subnet: cidrText(b.subnet), Gateway: b.gateway }] : [],
    },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
  };
  return world.profile === 'docker-29'
    ? { ...head, Options: options, Labels: {}, Containers: containers }
    : { ...head, Containers: containers, Options: options, Labels: {} };
}
