// Turns a scenario's steps into a world by calling the same operations the UI and terminal call.
import {
  connectNetwork,
  disconnectNetwork,
  createNetwork,
  createWorld,
  runContainer,
  removeContainer,
  setDaemonOptions,
  setSysctl,
  startContainer,
  stopContainer,
  addRemote,
  addRouterRoute,
  editIptables,
  type Profile,
  type OpResult,
  type World,
} from '../sim';
import { parseEdit } from '../terminal/host/iptables-edit';
import type { Scenario, Step } from './types';

/** `iptables …` as the terminal reads it, applied as the store applies it. */
function iptablesStep(world: World, args: readonly string[]): OpResult<unknown> {
  const edit = parseEdit(args, world.netfilter);
  if ('exit' in edit) return { ok: false, error: { source: 'cli', message: edit.text } };
  const r = editIptables(world, edit);
  if (!r.ok) return { ok: false, error: { source: 'cli', message: `iptables: ${r.refusal}` } };
  return { ok: true, world: r.world, value: undefined, warnings: [] };
}

/** One step as the operation the UI and the terminal call: a new world, or Docker's error. */
export function applyStep(world: World, step: Step): OpResult<unknown> {
  switch (step.op) {
    case 'run':
      return runContainer(world, step.opts);
    case 'stop':
      return stopContainer(world, step.name);
    case 'start':
      return startContainer(world, step.name);
    case 'rm':
      return removeContainer(world, step.name, step.force === true);
    case 'network-create':
      return createNetwork(world, step.opts);
    case 'connect':
      return connectNetwork(world, step.network, step.container);
    case 'disconnect':
      return disconnectNetwork(world, step.network, step.container);
    case 'daemon':
      return setDaemonOptions(world, step.patch);
    case 'sysctl':
      return setSysctl(world, step.key, step.value);
    case 'remote':
      return addRemote(world, step.opts);
    case 'router-route':
      return addRouterRoute(world, step.dst, step.via);
    case 'iptables':
      return iptablesStep(world, step.args);
  }
}

function apply(world: World, step: Step): World {
  const r = applyStep(world, step);
  if (!r.ok) throw new Error(`scenario step ${step.op} failed: ${r.error.message}`);
  return r.world;
}

export function buildScenario(
  scenario: Scenario,
  profile: Profile = 'docker-27',
  seed?: number,
): World {
  const start = createWorld(seed === undefined ? { profile } : { profile, seed });
  return scenario.setup.reduce(apply, start);
}
