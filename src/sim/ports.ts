// `-p` port specs (docker/go-connections nat.ParsePortSpec semantics and error texts). Pure.
import { parseIPv4, type IPv4 } from './addr';
import { LIMITS, TOO_MANY_PORTS } from './limits';
import type { L4Proto, PortRequest } from './types';

export type PortSpecResult = { ok: true; value: PortRequest[] } | { ok: false; error: string };

function portRange(text: string): [number, number] | null {
  const parts = text.split('-');
  if (parts.length > 2 || parts.some((p) => !/^\d{1,5}$/.test(p))) return null;
  const start = Number(parts[0]);
  const end = Number(parts[1] ?? parts[0]);
  if (start > 65535 || end > 65535 || end < start) return null;
  return [start, end];
}

/** Parses one `[ip:][hostPort:]containerPort[/proto]`, ranges included, as the docker CLI does. */
export function parsePortSpec(raw: string): PortSpecResult {
  const parts = raw.split(':');
  const n = parts.length;
  const containerPart = parts[n - 1] ?? '';
  const hostPort = n >= 2 ? (parts[n - 2] ?? '') : '';
  const hostIp = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  const [portText = '', protoText] = containerPart.split('/');
  if (portText === '') return { ok: false, error: `no port specified: ${raw}<empty>` };
  const proto = (protoText || 'tcp').toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') {
    return { ok: false, error: `invalid proto: ${proto}` };
  }
  if (proto === 'sctp') return { ok: false, error: 'sctp is not supported by this lab' };
  let ipValue: IPv4 | null = null;
  if (hostIp !== '') {
    const parsed = parseIPv4(hostIp);
    if (!parsed.ok) return { ok: false, error: `invalid IP address: ${hostIp}` };
    ipValue = parsed.value === '0.0.0.0' ? null : parsed.value;
  }
  const cRange = portRange(portText);
  if (!cRange || cRange[0] === 0) return { ok: false, error: `invalid containerPort: ${portText}` };
  let hRange: [number, number] | null = null;
  if (hostPort !== '') {
    hRange = portRange(hostPort);
    if (!hRange) return { ok: false, error: `invalid hostPort: ${hostPort}` };
    const cLen = cRange[1] - cRange[0];
    if (cLen !== hRange[1] - hRange[0] && cLen !== 0) {
      return {
        ok: false,
        error: `invalid ranges specified for container and host Ports: ${portText} and ${hostPort}`,
      };
    }
  }
  if (cRange[1] - cRange[0] >= LIMITS.ports) return { ok: false, error: TOO_MANY_PORTS };
  const out: PortRequest[] = [];
  for (let i = 0; i <= cRange[1] - cRange[0]; i++) {
    const h = hRange ? hRange[0] + i : null;
    out.push({
      hostIp: ipValue,
      hostPort: h === 0 ? null : h,
      containerPort: cRange[0] + i,
      proto: proto as L4Proto,
    });
  }
  return { ok: true, value: out };
}

export function parsePortSpecs(raws: readonly string[]): PortSpecResult {
  const all: PortRequest[] = [];
  for (const raw of raws) {
    const r = parsePortSpec(raw);
    if (!r.ok) return r;
    if (all.length + r.value.length > LIMITS.ports) return { ok: false, error: TOO_MANY_PORTS };
    all.push(...r.value);
  }
  return { ok: true, value: all };
}

/** The Linux default net.ipv4.ip_local_port_range, which Docker's port allocator reads. */
export const EPHEMERAL_RANGE = { start: 32768, end: 60999 } as const;
