// The iptables commands of Docker 29 with the iptables firewall backend ("current" layout), as plans. Pure data.
// Sources: moby daemon/libnetwork/drivers/bridge/internal/iptabler/{iptabler.go (setupIPChains),
// network.go (setupNonInternalNetworkRules, setIcc, setDefaultForwardRule), endpoint.go
// (filterDirectAccess), port.go (setPerPortNAT, setPerPortForwarding, filterPortMappedOnLoopback)},
// daemon/libnetwork/firewall_linux.go (setupUserChain), and the layouts in
// integration/network/bridge/iptablesdoc/generated/{new-daemon,usernet-portmap-lo}.md.
import type { BridgeOptions, DaemonConfig, Endpoint, PortBinding } from '../types';
import {
  ACCEPT,
  DROP,
  LOOPBACK_NET,
  MASQUERADE,
  append,
  chain,
  host,
  insert,
  is,
  isLoopback,
  jump,
  not,
  port,
  specificHostIp,
  top,
  type RuleOp,
} from './plan';
import {
  dnatMatch,
  dnatTarget,
  hairpin,
  publishedAcceptMatch,
  selfMasqueradeMatch,
} from './published';

const FWD = 'DOCKER-FORWARD';
const BRIDGE = 'DOCKER-BRIDGE';
const CT = 'DOCKER-CT';
const INTERNAL = 'DOCKER-INTERNAL';
const USER = 'DOCKER-USER';

/** setupIPChains (jumps re-inserted at the top in reverse order) + setupUserChain (no RETURN since 28.1). */
export function currentDaemonPlan(d: DaemonConfig): RuleOp[] {
  const local = { dstType: is('LOCAL' as const) };
  return [
    chain('nat', 'DOCKER'),
    chain('filter', 'DOCKER'),
    chain('filter', FWD),
    chain('filter', BRIDGE),
    chain('filter', CT),
    chain('filter', INTERNAL),
    append('nat', 'PREROUTING', local, jump('DOCKER')),
    append(
      'nat',
      'OUTPUT',
      hairpin(d) ? local : { dst: not(LOOPBACK_NET), ...local },
      jump('DOCKER'),
    ),
    top('filter', 'FORWARD', {}, jump(FWD)),
    top('filter', FWD, {}, jump(BRIDGE)),
    top('filter', FWD, {}, jump(INTERNAL)),
    top('filter', FWD, {}, jump(CT)),
    chain('filter', USER),
    top('filter', 'FORWARD', {}, jump(USER)),
    { kind: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' },
  ];
}

/** A bridge network: NAT inserted in POSTROUTING, everything in the filter chains appended. */
export function currentNetworkPlan(d: DaemonConfig, b: BridgeOptions): RuleOp[] {
  const br = b.device;
  const plan: RuleOp[] = [];
  if (b.masquerade) {
    plan.push(insert('nat', 'POSTROUTING', { src: is(b.subnet), outIface: not(br) }, MASQUERADE));
  }
  if (hairpin(d)) {
    plan.push(
      insert('nat', 'POSTROUTING', { outIface: is(br), srcType: is('LOCAL' as const) }, MASQUERADE),
    );
  }
  if (!b.icc) plan.push(append('filter', FWD, { inIface: is(br), outIface: is(br) }, DROP));
  plan.push(
    b.icc
      ? append('filter', FWD, { inIface: is(br) }, ACCEPT)
      : append('filter', FWD, { inIface: is(br), outIface: not(br) }, ACCEPT),
  );
  // setDefaultForwardRule: unpublished ports stay closed whatever the FORWARD policy.
  plan.push(append('filter', 'DOCKER', { inIface: not(br), outIface: is(br) }, DROP));
  plan.push(
    append('filter', CT, { outIface: is(br), ctstate: ['RELATED', 'ESTABLISHED'] }, ACCEPT),
  );
  plan.push(append('filter', BRIDGE, { outIface: is(br) }, jump('DOCKER')));
  plan.push(top('filter', 'FORWARD', {}, jump(USER)));
  return plan;
}

/**
 * An endpoint: raw DROP of packets for its address not coming from its bridge, then per port the
 * loopback-only guard, DNAT, hairpin MASQUERADE (no proxy only) and the DOCKER ACCEPT inserted
 * above the network's DROP.
 */
export function currentEndpointPlan(
  d: DaemonConfig,
  b: BridgeOptions,
  ep: Endpoint,
  bindings: readonly PortBinding[],
): RuleOp[] {
  const br = b.device;
  const plan: RuleOp[] = [
    chain('raw', 'PREROUTING', 'ACCEPT'),
    chain('raw', 'OUTPUT', 'ACCEPT'),
    append('raw', 'PREROUTING', { dst: is(host(ep.ip)), inIface: not(br) }, DROP),
  ];
  for (const pb of bindings) {
    const hostIp = specificHostIp(pb);
    if (hostIp !== null && isLoopback(hostIp)) {
      plan.push(
        append(
          'raw',
          'PREROUTING',
          { dst: is(host(hostIp)), inIface: not('lo'), ...port(pb.proto, pb.hostPort) },
          DROP,
        ),
      );
    }
    plan.push(append('nat', 'DOCKER', dnatMatch(d, br, pb), dnatTarget(pb)));
    if (hairpin(d)) plan.push(append('nat', 'POSTROUTING', selfMasqueradeMatch(pb), MASQUERADE));
    plan.push(insert('filter', 'DOCKER', publishedAcceptMatch(br, pb), ACCEPT));
  }
  return plan;
}
