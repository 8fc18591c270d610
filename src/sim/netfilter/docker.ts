// How dockerd programs iptables for each profile: daemon start, networks, endpoints. Pure; reads and returns Netfilter only.
import type { DaemonConfig, Endpoint, Netfilter, Network, PortBinding, Profile } from '../types';
import { classicDaemonPlan, classicEndpointPlan, classicNetworkPlan } from './docker-classic';
import { currentDaemonPlan, currentEndpointPlan, currentNetworkPlan } from './docker-current';
import { applyPlan, undoPlan, type RuleOp } from './plan';
import { emptyNetfilter } from './table';

export interface RuleContext {
  readonly profile: Profile;
  readonly daemon: DaemonConfig;
}

/*
 * A daemon restart rebuilds everything in Docker's own order: daemonStartRules, then
 * addNetworkRules per network in creation order, then addEndpointRules per running endpoint in
 * start order. Each step is deterministic, so the rebuild equals the incremental history when
 * nothing was removed in between.
 */

function networkPlan(ctx: RuleContext, net: Network): RuleOp[] {
  if (!net.bridge) return [];
  return ctx.profile === 'docker-27'
    ? classicNetworkPlan(ctx.daemon, net.bridge)
    : currentNetworkPlan(ctx.daemon, net.bridge);
}

function endpointPlan(
  ctx: RuleContext,
  net: Network,
  ep: Endpoint,
  bindings: readonly PortBinding[],
): RuleOp[] {
  if (!net.bridge) return [];
  return ctx.profile === 'docker-27'
    ? classicEndpointPlan(ctx.daemon, net.bridge, ep, bindings)
    : currentEndpointPlan(ctx.daemon, net.bridge, ep, bindings);
}

/** Tables right after dockerd starts, before any network exists (FORWARD policy DROP). */
export function daemonStartRules(ctx: RuleContext): Netfilter {
  const plan =
    ctx.profile === 'docker-27' ? classicDaemonPlan(ctx.daemon) : currentDaemonPlan(ctx.daemon);
  return applyPlan(emptyNetfilter(), plan);
}

/** Rules a bridge network adds when created (docker0 at daemon start); other drivers add none. */
export function addNetworkRules(nf: Netfilter, ctx: RuleContext, net: Network): Netfilter {
  return applyPlan(nf, networkPlan(ctx, net));
}

/** Deletes the network's own rules; Docker's chains and shared jumps stay. */
export function removeNetworkRules(nf: Netfilter, ctx: RuleContext, net: Network): Netfilter {
  return undoPlan(nf, networkPlan(ctx, net));
}

/** Rules for one endpoint joining a bridge network, with its published ports on that network. */
export function addEndpointRules(
  nf: Netfilter,
  ctx: RuleContext,
  net: Network,
  ep: Endpoint,
  bindings: readonly PortBinding[],
): Netfilter {
  return applyPlan(nf, endpointPlan(ctx, net, ep, bindings));
}

/** Deletes what addEndpointRules added for this endpoint and these bindings. */
export function removeEndpointRules(
  nf: Netfilter,
  ctx: RuleContext,
  net: Network,
  ep: Endpoint,
  bindings: readonly PortBinding[],
): Netfilter {
  return undoPlan(nf, endpointPlan(ctx, net, ep, bindings));
}
