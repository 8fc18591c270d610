// The operations a user starts, each checked against the lab's limits (checked.ts, limits.ts), and
// the same operations over a world held elsewhere (worldOps), written once: the app store's world
// slice (its state) and the teacher's headless replay (a local variable) both apply them through
// it, and the terminal's ShellApi is WorldOps plus its own. worldOps sits in this module, beside the
// operations, on purpose: a module of its own, shared by the store and the lazy teacher code, split
// the first download into three chunks (+1.3 KB gzip initial JS; README "Performance").
import type { Container, HostJob, Listener, Network, RemoteHost, World } from '../types';
import type { DaemonRestart } from './bip';
import type { IptablesEdit } from '../netfilter/edit';
import * as containerOps from './containers';
import type { RunOptions } from './containers';
import * as networkOps from './networks';
import type { NetworkCreateOptions } from './networks';
import * as hostOps from './host';
import * as hostJobOps from './host-jobs';
import type { RemoteOptions, SysctlKey } from './host';
import { checked } from './checked';
import { editIptables, type IptablesResult } from './iptables';
import type { OpResult } from './result';

export const runContainer = checked(containerOps.runContainer);
export const startContainer = checked(containerOps.startContainer);
export const stopContainer = checked(containerOps.stopContainer);
export const removeContainer = checked(containerOps.removeContainer);
export const startServer = checked(containerOps.startServer);
export const setHostJobs = checked(hostJobOps.setHostJobs);
export const createNetwork = checked(networkOps.createNetwork);
export const removeNetwork = checked(networkOps.removeNetwork);
export const connectNetwork = checked(networkOps.connectNetwork);
export const disconnectNetwork = checked(networkOps.disconnectNetwork);
export const setDaemonOptions = checked(hostOps.setDaemonOptions);
export const setSysctl = checked(hostOps.setSysctl);
export const setHostAddress = checked(hostOps.setHostAddress);
export const addRemote = checked(hostOps.addRemote);
export const removeRemote = checked(hostOps.removeRemote);
export const addRouterRoute = checked(hostOps.addRouterRoute);

export interface WorldOps {
  runContainer(opts: RunOptions): OpResult<Container>;
  startContainer(ref: string): OpResult<Container>;
  /** Stops it; `exitCode`: its command ended by itself with that status. */
  stopContainer(ref: string, exitCode?: number): OpResult<Container>;
  removeContainer(ref: string, force?: boolean): OpResult<Container>;
  /** `docker exec -d CTR CMD…`: the server CMD starts, if it is one (null: none). */
  startServer(ref: string, command: readonly string[]): OpResult<Listener | null>;
  /** The host shell's background servers (`nc -l -p 9000 &`, ended by `kill %1`). */
  setHostJobs(jobs: readonly HostJob[]): OpResult;
  createNetwork(opts: NetworkCreateOptions): OpResult<Network>;
  removeNetwork(ref: string): OpResult<Network>;
  connectNetwork(network: string, container: string): OpResult<Container>;
  disconnectNetwork(network: string, container: string): OpResult<Container>;
  setDaemonOptions(patch: DaemonRestart): OpResult;
  setSysctl(key: SysctlKey, value: string): OpResult;
  /** `iptables -A/-I/-D/…` on the host: the rules changed, or the kernel's refusal. */
  editIptables(edit: IptablesEdit): IptablesResult;
  setHostAddress(address: string, gateway?: string): OpResult;
  addRemote(opts: RemoteOptions): OpResult<RemoteHost>;
  removeRemote(name: string): OpResult;
  addRouterRoute(dst: string, via: string): OpResult;
}

/** The operations applied to `get()`'s world; `set` receives the new world of each success. */
export function worldOps(get: () => World, set: (world: World) => void): WorldOps {
  const apply = <R extends OpResult<unknown> | IptablesResult>(r: R): R => {
    const done: OpResult<unknown> | IptablesResult = r;
    if (done.ok) set(done.world);
    return r;
  };
  return {
    runContainer: (opts) => apply(runContainer(get(), opts)),
    startContainer: (ref) => apply(startContainer(get(), ref)),
    stopContainer: (ref, code) => apply(stopContainer(get(), ref, code)),
    removeContainer: (ref, force = false) => apply(removeContainer(get(), ref, force)),
    startServer: (ref, command) => apply(startServer(get(), ref, command)),
    setHostJobs: (jobs) => apply(setHostJobs(get(), jobs)),
    createNetwork: (opts) => apply(createNetwork(get(), opts)),
    removeNetwork: (ref) => apply(removeNetwork(get(), ref)),
    connectNetwork: (net, ctr) => apply(connectNetwork(get(), net, ctr)),
    disconnectNetwork: (net, ctr) => apply(disconnectNetwork(get(), net, ctr)),
    setDaemonOptions: (patch) => apply(setDaemonOptions(get(), patch)),
    setSysctl: (key, value) => apply(setSysctl(get(), key, value)),
    editIptables: (edit) => apply(editIptables(get(), edit)),
    setHostAddress: (address, gateway) =>
      apply(setHostAddress(get(), address, ...(gateway === undefined ? [] : [gateway]))),
    addRemote: (opts) => apply(addRemote(get(), opts)),
    removeRemote: (name) => apply(removeRemote(get(), name)),
    addRouterRoute: (dst, via) => apply(addRouterRoute(get(), dst, via)),
  };
}
