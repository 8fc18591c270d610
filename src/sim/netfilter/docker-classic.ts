// The iptables commands of Docker 20.10–27 ("classic" layout), as plans. Pure data; applies nothing itself.
// Sources: docker-networking-facts.md §2a (moby v27.5.1 libnetwork/drivers/bridge/
// setup_ip_tables_linux.go setupIPTablesInternal/setIcc/setINC, libnetwork/iptables/iptables.go
// ProgramChain/EnsureJumpRule, port_mapping_linux.go setPerPortNAT/setPerPortForwarding), the
// pre-28 FORWARD/isolation/nat layout of moby iptablesdoc/generated/usernet-portmap-noproxy.md
// @bf251c33, and the reference host's captures (checked byte for byte in the tests).
import type { BridgeOptions, DaemonConfig, Endpoint, PortBinding } from '../types';
import {
  ACCEPT,
  DROP,
  LOOPBACK_NET,
  MASQUERADE,
  RETURN,
  append,
  chain,
  insert,
  is,
  jump,
  not,
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

const ISO1 = 'DOCKER-ISOLATION-STAGE-1';
const ISO2 = 'DOCKER-ISOLATION-STAGE-2';
const USER = 'DOCKER-USER';

/** userland-proxy=false is libnetwork's "hairpin mode". */

/** setupIPChains + setupUserChain; FORWARD policy DROP because dockerd enabled ip_forward itself. */
export function classicDaemonPlan(d: DaemonConfig): RuleOp[] {
  const local = { dstType: is('LOCAL' as const) };
  return [
    chain('nat', 'DOCKER'),
    chain('filter', 'DOCKER'),
    chain('filter', ISO1),
    chain('filter', ISO2),
    append('filter', ISO1, {}, RETURN),
    append('filter', ISO2, {}, RETURN),
    append('nat', 'PREROUTING', local, jump('DOCKER')),
    append(
      'nat',
      'OUTPUT',
      hairpin(d) ? local : { dst: not(LOOPBACK_NET), ...local },
      jump('DOCKER'),
    ),
    chain('filter', USER),
    append('filter', USER, {}, RETURN),
    top('filter', 'FORWARD', {}, jump(USER)),
    { kind: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' },
  ];
}

/** A bridge network's rules: all inserted at the top, so newer networks sit above older ones. */
export function classicNetworkPlan(d: DaemonConfig, b: BridgeOptions): RuleOp[] {
  const br = b.device;
  const plan: RuleOp[] = [];
  // setupIPTablesInternal
  if (b.masquerade) {
    plan.push(insert('nat', 'POSTROUTING', { src: is(b.subnet), outIface: not(br) }, MASQUERADE));
    if (!hairpin(d)) plan.push(insert('nat', 'DOCKER', { inIface: is(br) }, RETURN));
  }
  if (hairpin(d)) {
    plan.push(
      insert('nat', 'POSTROUTING', { outIface: is(br), srcType: is('LOCAL' as const) }, MASQUERADE),
    );
  }
  // setIcc: ACCEPT is inserted, DROP appended.
  const icc = { inIface: is(br), outIface: is(br) };
  plan.push(
    b.icc ? insert('filter', 'FORWARD', icc, ACCEPT) : append('filter', 'FORWARD', icc, DROP),
  );
  plan.push(insert('filter', 'FORWARD', { inIface: is(br), outIface: not(br) }, ACCEPT));
  // ProgramChain(filter): link, then RELATED,ESTABLISHED, each inserted.
  plan.push(insert('filter', 'FORWARD', { outIface: is(br) }, jump('DOCKER')));
  plan.push(
    insert('filter', 'FORWARD', { outIface: is(br), ctstate: ['RELATED', 'ESTABLISHED'] }, ACCEPT),
  );
  // setINC
  plan.push(insert('filter', ISO1, { inIface: is(br), outIface: not(br) }, jump(ISO2)));
  plan.push(insert('filter', ISO2, { outIface: is(br) }, DROP));
  // EnsureJumpRule(FORWARD, ISOLATION-STAGE-1), then arrangeUserFilterRule: both back on top.
  plan.push(top('filter', 'FORWARD', {}, jump(ISO1)));
  plan.push(top('filter', 'FORWARD', {}, jump(USER)));
  return plan;
}

/** Per published port: DNAT, hairpin MASQUERADE and the DOCKER ACCEPT, each appended. */
export function classicEndpointPlan(
  d: DaemonConfig,
  b: BridgeOptions,
  _ep: Endpoint,
  bindings: readonly PortBinding[],
): RuleOp[] {
  const br = b.device;
  const plan: RuleOp[] = [];
  for (const pb of bindings) {
    plan.push(append('nat', 'DOCKER', dnatMatch(d, br, pb), dnatTarget(pb)));
    plan.push(append('nat', 'POSTROUTING', selfMasqueradeMatch(pb), MASQUERADE));
    plan.push(append('filter', 'DOCKER', publishedAcceptMatch(br, pb), ACCEPT));
  }
  return plan;
}
