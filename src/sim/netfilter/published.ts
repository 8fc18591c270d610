// The rules a published port adds, shared by both profiles (they differ in which and where, not in what).
import type { DaemonConfig, PortBinding, RuleMatch, RuleTarget } from '../types';
import { host, is, not, port, specificHostIp } from './plan';

/** userland-proxy=false: the kernel does the hairpin, so rules change shape. */
export const hairpin = (d: DaemonConfig): boolean => !d.userlandProxy;

/** nat DOCKER: the host port to the container (`! -i br` unless hairpin; `-d IP` for a host IP). */
export function dnatMatch(d: DaemonConfig, br: string, pb: PortBinding): RuleMatch {
  const hostIp = specificHostIp(pb);
  return {
    ...(hostIp === null ? {} : { dst: is(host(hostIp)) }),
    ...(hairpin(d) ? {} : { inIface: not(br) }),
    ...port(pb.proto, pb.hostPort),
  };
}

export const dnatTarget = (pb: PortBinding): RuleTarget => ({
  kind: 'DNAT',
  toIp: pb.containerIp,
  toPort: pb.containerPort,
});

/** nat POSTROUTING: a container reaching its own published port is masqueraded. */
export const selfMasqueradeMatch = (pb: PortBinding): RuleMatch => ({
  src: is(host(pb.containerIp)),
  dst: is(host(pb.containerIp)),
  ...port(pb.proto, pb.containerPort),
});

/** filter DOCKER: forwarded traffic to the container port is accepted from outside the bridge. */
export const publishedAcceptMatch = (br: string, pb: PortBinding): RuleMatch => ({
  dst: is(host(pb.containerIp)),
  inIface: not(br),
  outIface: is(br),
  ...port(pb.proto, pb.containerPort),
});
