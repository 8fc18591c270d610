// STUB (to be replaced): how dockerd programs iptables for each profile. Pure; reads and returns Netfilter only.
import type { DaemonConfig, Endpoint, Netfilter, Network, PortBinding, Profile } from '../types';

export interface RuleContext {
  readonly profile: Profile;
  readonly daemon: DaemonConfig;
}

const empty = (): Netfilter => ({
  raw: { name: 'raw', chains: [] },
  nat: { name: 'nat', chains: [] },
  filter: { name: 'filter', chains: [] },
});

/** Tables right after dockerd starts, before any network exists. */
export function daemonStartRules(_ctx: RuleContext): Netfilter {
  return empty();
}

/** Rules a bridge network adds when created (docker0 at daemon start). */
export function addNetworkRules(nf: Netfilter, _ctx: RuleContext, _net: Network): Netfilter {
  return nf;
}

export function removeNetworkRules(nf: Netfilter, _ctx: RuleContext, _net: Network): Netfilter {
  return nf;
}

/** Rules for one endpoint joining a bridge network, with its published ports on that network. */
export function addEndpointRules(
  nf: Netfilter,
  _ctx: RuleContext,
  _net: Network,
  _ep: Endpoint,
  _bindings: readonly PortBinding[],
): Netfilter {
  return nf;
}

export function removeEndpointRules(
  nf: Netfilter,
  _ctx: RuleContext,
  _net: Network,
  _ep: Endpoint,
  _bindings: readonly PortBinding[],
): Netfilter {
  return nf;
}
