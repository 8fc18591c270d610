// The world slice: the simulated host and the Docker actions over it. A failed action changes nothing.
import type { StateCreator } from 'zustand/vanilla';
import {
  addRemote,
  addRouterRoute,
  advanceClock,
  connectNetwork,
  createNetwork,
  createWorld,
  disconnectNetwork,
  editIptables,
  removeContainer,
  removeNetwork,
  removeRemote,
  runContainer,
  setDaemonOptions,
  setHostAddress,
  setSysctl,
  startContainer,
  stopContainer,
  type OpResult,
  type World,
} from '../sim';
import { applyStep } from '../scenarios';
import { showingOnly } from './showing';
import type { AppState, WorldSlice } from './types';

export function createWorldSlice(initial: World): StateCreator<AppState, [], [], WorldSlice> {
  return (set, get) => {
    /** Applies an operation to the current world and keeps its world only when it succeeded. */
    const apply = <T>(op: (w: World) => OpResult<T>): OpResult<T> => {
      const r = op(get().world);
      if (r.ok) set({ world: r.world });
      return r;
    };
    return {
      world: initial,
      runContainer: (opts) => apply((w) => runContainer(w, opts)),
      startContainer: (ref) => apply((w) => startContainer(w, ref)),
      stopContainer: (ref, code) => apply((w) => stopContainer(w, ref, code)),
      removeContainer: (ref, force = false) => apply((w) => removeContainer(w, ref, force)),
      createNetwork: (opts) => apply((w) => createNetwork(w, opts)),
      removeNetwork: (ref) => apply((w) => removeNetwork(w, ref)),
      connectNetwork: (net, ctr) => apply((w) => connectNetwork(w, net, ctr)),
      disconnectNetwork: (net, ctr) => apply((w) => disconnectNetwork(w, net, ctr)),
      setDaemonOptions: (patch) => apply((w) => setDaemonOptions(w, patch)),
      setSysctl: (key, value) => apply((w) => setSysctl(w, key, value)),
      editIptables: (edit) => {
        const r = editIptables(get().world, edit);
        if (r.ok) set({ world: r.world });
        return r;
      },
      setHostAddress: (address, gateway) =>
        apply((w) => setHostAddress(w, address, ...(gateway === undefined ? [] : [gateway]))),
      addRemote: (opts) => apply((w) => addRemote(w, opts)),
      removeRemote: (name) => apply((w) => removeRemote(w, name)),
      addRouterRoute: (dst, via) => apply((w) => addRouterRoute(w, dst, via)),
      applyStep: (step) => apply((w) => applyStep(w, step)),
      advanceClock: (seconds) => set({ world: advanceClock(get().world, seconds) }),
      resetWorld: (options) => set(showingOnly(createWorld(options))),
    };
  };
}
