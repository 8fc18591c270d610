// How the docker CLI shows ports: `docker ps` PORTS (DisplayablePorts) and `docker port`. Pure.
import { findImage, type Container, type Profile } from '../../sim';

/** One row of the API's Ports list: a binding (IP set) or an exposed, unpublished port. */
export interface ApiPort {
  readonly ip: string;
  readonly privatePort: number;
  readonly publicPort: number;
  readonly type: string;
}

/** Ports as the API lists them: each binding for 0.0.0.0 and for ::, then unpublished exposes. */
export function apiPorts(c: Container): ApiPort[] {
  const out: ApiPort[] = [];
  for (const b of c.bindings) {
    const ips = b.hostIp === null ? ['0.0.0.0', '::'] : [b.hostIp];
    for (const ip of ips)
      out.push({ ip, privatePort: b.containerPort, publicPort: b.hostPort, type: b.proto });
  }
  if (c.state === 'running' && c.mode.kind === 'bridge') {
    const exposed = findImage(c.image)?.exposes ?? [];
    for (const e of exposed) {
      if (!out.some((p) => p.privatePort === e.port && p.type === e.proto)) {
        out.push({ ip: '', privatePort: e.port, publicPort: 0, type: e.proto });
      }
    }
  }
  return out;
}

const joinHostPort = (ip: string, port: number | string, profile: Profile): string =>
  ip.includes(':') && profile === 'docker-29' ? `[${ip}]:${port}` : `${ip}:${port}`;

function compare(a: ApiPort, b: ApiPort): number {
  if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (a.publicPort !== b.publicPort) return a.publicPort - b.publicPort;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

/** docker/cli formatter.DisplayablePorts: groups consecutive ports, then host mappings. */
export function displayablePorts(ports: readonly ApiPort[], profile: Profile): string {
  const groups = new Map<string, { first: number; last: number }>();
  const keys: string[] = [];
  const result: string[] = [];
  const mappings: string[] = [];
  const form = (key: string, g: { first: number; last: number }) => {
    const slash = key.lastIndexOf('/');
    const ip = slash >= 0 ? key.slice(0, slash) : '';
    const type = slash >= 0 ? key.slice(slash + 1) : key;
    let group = g.first === g.last ? `${g.first}` : `${g.first}-${g.last}`;
    if (ip !== '') group = `${joinHostPort(ip, group, profile)}->${group}`;
    return `${group}/${type}`;
  };
  for (const p of [...ports].sort(compare)) {
    let key = p.type;
    if (p.ip !== '') {
      if (p.publicPort !== p.privatePort) {
        mappings.push(`${joinHostPort(p.ip, p.publicPort, profile)}->${p.privatePort}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.privatePort, last: p.privatePort });
      keys.push(key);
    } else if (p.privatePort === g.last + 1) {
      g.last = p.privatePort;
    } else {
      result.push(form(key, g));
      groups.set(key, { first: p.privatePort, last: p.privatePort });
    }
  }
  for (const k of keys) {
    const g = groups.get(k);
    if (g) result.push(form(k, g));
  }
  return [...result, ...mappings].join(', ');
}

/** `docker port NAME`: `80/tcp -> 0.0.0.0:8080` per binding. */
export function portLines(c: Container): string {
  return apiPorts(c)
    .filter((p) => p.ip !== '')
    .sort(compare)
    .map(
      (p) =>
        `${p.privatePort}/${p.type} -> ${p.ip.includes(':') ? `[${p.ip}]` : p.ip}:${p.publicPort}\n`,
    )
    .join('');
}
