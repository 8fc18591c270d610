// The world's own parts from untrusted JSON: host, daemon, router, remotes, networks, containers.
import type {
  BridgeOptions,
  Container,
  Endpoint,
  HostJob,
  Listener,
  Network,
  NetworkMode,
  PortBinding,
  PortRequest,
  RemoteHost,
} from '../sim';
import { MTU, REMOTE_NAME_PATTERN } from '../sim';
import {
  HEX64,
  IFNAME,
  arr,
  bool,
  cidr,
  fail,
  int,
  ipv4,
  mac,
  name,
  num,
  obj,
  oneOf,
  port,
  str,
} from './guards';
import { LIMITS } from './limits';

const proto = (v: unknown, p: string) => oneOf(v, p, ['tcp', 'udp'] as const);
const time = (v: unknown, p: string) => num(v, p, 0, 1e10);

/** A server the host's shell runs in the background (`nc -l -p 9000 &`). */
export function hostJob(v: unknown, p: string): HostJob {
  const o = obj(v, p, ['job', 'pid', 'command', 'listener']);
  return {
    job: int(o['job'], `${p}.job`, 1, 9999),
    pid: int(o['pid'], `${p}.pid`, 1, 4194304),
    command: str(o['command'], `${p}.command`, 256),
    listener: listener(o['listener'], `${p}.listener`),
  };
}

export function listener(v: unknown, p: string): Listener {
  const o = obj(v, p, ['proto', 'port', 'ip', 'http', 'silent', 'process', 'once']);
  const base = {
    proto: proto(o['proto'], `${p}.proto`),
    port: port(o['port'], `${p}.port`),
    ...(o['ip'] === undefined ? {} : { ip: ipv4(o['ip'], `${p}.ip`) }),
    ...(o['silent'] === undefined || !bool(o['silent'], `${p}.silent`)
      ? {}
      : { silent: true as const }),
    ...(o['process'] === undefined
      ? {}
      : { process: str(o['process'], `${p}.process`, 15, /^[\w./-]+$/) }),
    ...(o['once'] === undefined || !bool(o['once'], `${p}.once`) ? {} : { once: true as const }),
  };
  if (o['http'] === undefined) return base;
  const h = obj(o['http'], `${p}.http`, ['status', 'body', 'python']);
  return {
    ...base,
    http: {
      status: int(h['status'], `${p}.http.status`, 100, 599),
      body: str(h['body'], `${p}.http.body`, LIMITS.httpBody),
      // Python's http.server answers (serve-python.ts): the version its Server header names.
      ...(h['python'] === undefined
        ? {}
        : { python: str(h['python'], `${p}.http.python`, 12, /^\d+\.\d+\.\d+$/) }),
    },
  };
}

export function remote(v: unknown, p: string): RemoteHost {
  const o = obj(v, p, ['name', 'ip', 'mac', 'routerIface', 'routerIfaceMac', 'listeners']);
  return {
    name: str(o['name'], `${p}.name`, 31, REMOTE_NAME_PATTERN),
    ip: ipv4(o['ip'], `${p}.ip`),
    mac: mac(o['mac'], `${p}.mac`),
    routerIface: str(o['routerIface'], `${p}.routerIface`, 15, IFNAME),
    routerIfaceMac: mac(o['routerIfaceMac'], `${p}.routerIfaceMac`),
    listeners: arr(o['listeners'], `${p}.listeners`, LIMITS.listeners, listener),
    // What its server logged (an access log line holds the request's path).
    ...(o['log'] === undefined
      ? {}
      : {
          log: arr(o['log'], `${p}.log`, LIMITS.logLines, (x, q) =>
            str(x, q, LIMITS.pathChars + 128),
          ),
        }),
  };
}

function bridgeOptions(v: unknown, p: string): BridgeOptions {
  const o = obj(v, p, [
    'device',
    'subnet',
    'gateway',
    'mac',
    'ifindex',
    'icc',
    'masquerade',
    'mtu',
  ]);
  return {
    device: str(o['device'], `${p}.device`, 15, IFNAME),
    subnet: cidr(o['subnet'], `${p}.subnet`),
    gateway: ipv4(o['gateway'], `${p}.gateway`),
    mac: mac(o['mac'], `${p}.mac`),
    ifindex: int(o['ifindex'], `${p}.ifindex`, 1, 1 << 20),
    icc: bool(o['icc'], `${p}.icc`),
    masquerade: bool(o['masquerade'], `${p}.masquerade`),
    mtu: int(o['mtu'], `${p}.mtu`, MTU.min, MTU.max),
  };
}

export function network(v: unknown, p: string): Network {
  const o = obj(v, p, ['id', 'name', 'driver', 'bridge', 'isDefault', 'created']);
  const driver = oneOf(o['driver'], `${p}.driver`, ['bridge', 'host', 'null'] as const);
  const base = {
    id: str(o['id'], `${p}.id`, 64, HEX64),
    name: name(o['name'], `${p}.name`),
    driver,
    isDefault: bool(o['isDefault'], `${p}.isDefault`),
    created: time(o['created'], `${p}.created`),
  };
  if (driver === 'bridge' && o['bridge'] === undefined)
    fail(p, 'a bridge network needs its bridge');
  if (driver !== 'bridge' && o['bridge'] !== undefined)
    fail(p, `a ${driver} network has no bridge`);
  return o['bridge'] === undefined
    ? base
    : { ...base, bridge: bridgeOptions(o['bridge'], `${p}.bridge`) };
}

function mode(v: unknown, p: string): NetworkMode {
  const kind = oneOf((v as { kind?: unknown } | null)?.kind, `${p}.kind`, [
    'bridge',
    'host',
    'none',
    'container',
  ] as const);
  switch (kind) {
    case 'bridge':
      return {
        kind,
        network: name(obj(v, p, ['kind', 'network'])['network'], `${p}.network`),
      };
    case 'container':
      return {
        kind,
        target: str(obj(v, p, ['kind', 'target'])['target'], `${p}.target`, 64, HEX64),
      };
    case 'host':
    case 'none':
      obj(v, p, ['kind']);
      return { kind };
  }
}

function portRequest(v: unknown, p: string): PortRequest {
  const o = obj(v, p, ['hostIp', 'hostPort', 'containerPort', 'proto']);
  return {
    hostIp: o['hostIp'] === null ? null : ipv4(o['hostIp'], `${p}.hostIp`),
    hostPort: o['hostPort'] === null ? null : port(o['hostPort'], `${p}.hostPort`),
    containerPort: port(o['containerPort'], `${p}.containerPort`),
    proto: proto(o['proto'], `${p}.proto`),
  };
}

function binding(v: unknown, p: string): PortBinding {
  const o = obj(v, p, ['hostIp', 'hostPort', 'containerIp', 'containerPort', 'proto', 'networkId']);
  return {
    hostIp: o['hostIp'] === null ? null : ipv4(o['hostIp'], `${p}.hostIp`),
    hostPort: port(o['hostPort'], `${p}.hostPort`),
    containerIp: ipv4(o['containerIp'], `${p}.containerIp`),
    containerPort: port(o['containerPort'], `${p}.containerPort`),
    proto: proto(o['proto'], `${p}.proto`),
    networkId: str(o['networkId'], `${p}.networkId`, 64, HEX64),
  };
}

function endpoint(v: unknown, p: string): Endpoint {
  const o = obj(v, p, [
    'networkId',
    'endpointId',
    'ifName',
    'ifindex',
    'ip',
    'prefix',
    'gateway',
    'mac',
    'hostVeth',
    'hostVethIfindex',
    'hostVethMac',
  ]);
  return {
    networkId: str(o['networkId'], `${p}.networkId`, 64, HEX64),
    endpointId: str(o['endpointId'], `${p}.endpointId`, 64, HEX64),
    ifName: str(o['ifName'], `${p}.ifName`, 15, IFNAME),
    ifindex: int(o['ifindex'], `${p}.ifindex`, 1, 1 << 20),
    ip: ipv4(o['ip'], `${p}.ip`),
    prefix: int(o['prefix'], `${p}.prefix`, 0, 32),
    gateway: ipv4(o['gateway'], `${p}.gateway`),
    mac: mac(o['mac'], `${p}.mac`),
    hostVeth: str(o['hostVeth'], `${p}.hostVeth`, 15, IFNAME),
    hostVethIfindex: int(o['hostVethIfindex'], `${p}.hostVethIfindex`, 1, 1 << 20),
    hostVethMac: mac(o['hostVethMac'], `${p}.hostVethMac`),
  };
}

export function container(v: unknown, p: string): Container {
  const o = obj(v, p, [
    'id',
    'name',
    'image',
    'command',
    'mode',
    'networks',
    'ports',
    'publishAll',
    'state',
    'exitCode',
    'created',
    'startedAt',
    'finishedAt',
    'autoRemove',
    'tty',
    'interactive',
    'endpoints',
    'bindings',
    'listeners',
    'log',
  ]);
  return {
    id: str(o['id'], `${p}.id`, 64, HEX64),
    name: name(o['name'], `${p}.name`),
    image: str(o['image'], `${p}.image`, 128, /^[a-z0-9][a-z0-9._/:-]*$/),
    command: arr(o['command'], `${p}.command`, LIMITS.commandArgs, (x, q) => str(x, q)),
    mode: mode(o['mode'], `${p}.mode`),
    networks: arr(o['networks'], `${p}.networks`, LIMITS.endpoints, (x, q) => str(x, q, 64, HEX64)),
    ports: arr(o['ports'], `${p}.ports`, LIMITS.ports, portRequest),
    publishAll: bool(o['publishAll'], `${p}.publishAll`),
    state: oneOf(o['state'], `${p}.state`, ['created', 'running', 'exited'] as const),
    exitCode: int(o['exitCode'], `${p}.exitCode`, 0, 255),
    created: time(o['created'], `${p}.created`),
    startedAt: time(o['startedAt'], `${p}.startedAt`),
    finishedAt: time(o['finishedAt'], `${p}.finishedAt`),
    autoRemove: bool(o['autoRemove'], `${p}.autoRemove`),
    tty: bool(o['tty'], `${p}.tty`),
    interactive: bool(o['interactive'], `${p}.interactive`),
    endpoints: arr(o['endpoints'], `${p}.endpoints`, LIMITS.endpoints, endpoint),
    bindings: arr(o['bindings'], `${p}.bindings`, LIMITS.ports * 2, binding),
    listeners: arr(o['listeners'], `${p}.listeners`, LIMITS.listeners, listener),
    // What its server logged (an access log line holds the request's path).
    ...(o['log'] === undefined
      ? {}
      : {
          log: arr(o['log'], `${p}.log`, LIMITS.logLines, (x, q) =>
            str(x, q, LIMITS.pathChars + 128),
          ),
        }),
  };
}
