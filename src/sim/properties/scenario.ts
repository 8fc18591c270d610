// A generated history as plain data, and how to replay it through the engine's public API. Tests only.
import type { IPv4 } from '../addr';
import {
  advanceClock,
  connectNetwork,
  createNetwork,
  createWorld,
  disconnectNetwork,
  parsePortSpecs,
  removeContainer,
  removeNetwork,
  runContainer,
  setDaemonOptions,
  setSysctl,
  simulate,
  startContainer,
  stopContainer,
  type OpResult,
  type SysctlKey,
} from '..';
import type { Flow, FlowKind, FlowSource, SimResult } from '../trace';
import type { Profile, World } from '../types';

export type FlowTarget =
  | { readonly kind: 'ip'; readonly ip: string }
  /** The nth endpoint address of a container, resolved when the step runs. */
  | { readonly kind: 'container'; readonly name: string; readonly nth: number }
  /** The ep-th address of the nth running container with an address (modulo), at run time. */
  | { readonly kind: 'running'; readonly nth: number; readonly ep: number };

/** A source as the UI names it, or the nth running container (modulo) when the step runs. */
export type FlowFrom = FlowSource | { readonly kind: 'running'; readonly nth: number };

export interface FlowSpec {
  readonly from: FlowFrom;
  readonly to: FlowTarget;
  readonly kind: FlowKind;
  readonly port: number;
  readonly count: number;
}

export type Step =
  | {
      readonly op: 'run';
      readonly image: string;
      readonly name: string | undefined;
      readonly network: string | undefined;
      readonly publish: readonly string[];
      readonly publishAll: boolean;
      readonly tty: boolean;
      readonly autoRemove: boolean;
      readonly command?: readonly string[];
    }
  | { readonly op: 'start' | 'stop'; readonly ref: string }
  | { readonly op: 'rm'; readonly ref: string; readonly force: boolean }
  | {
      readonly op: 'net-create';
      readonly name: string;
      readonly subnet: string | undefined;
      readonly gateway: string | undefined;
      readonly icc: string | undefined;
      readonly masquerade: string | undefined;
    }
  | { readonly op: 'net-rm'; readonly ref: string }
  | { readonly op: 'connect' | 'disconnect'; readonly net: string; readonly ctr: string }
  | {
      readonly op: 'daemon';
      readonly icc: boolean | undefined;
      readonly userlandProxy: boolean | undefined;
    }
  | { readonly op: 'sysctl'; readonly key: SysctlKey; readonly value: '0' | '1' }
  | { readonly op: 'clock'; readonly seconds: number }
  | { readonly op: 'flow'; readonly flow: FlowSpec };

export interface Scenario {
  readonly profile: Profile;
  readonly seed: number;
  readonly icc: boolean;
  readonly userlandProxy: boolean;
  readonly steps: readonly Step[];
}

export function initialWorld(sc: Scenario): World {
  return createWorld({
    profile: sc.profile,
    seed: sc.seed,
    daemon: { icc: sc.icc, userlandProxy: sc.userlandProxy },
  });
}

const cliFail = (message: string): OpResult<unknown> => ({
  ok: false,
  error: { source: 'cli', message },
});

/** Applies one non-flow step as the terminal would; a bad `-p` is the CLI's error. */
export function applyOp(world: World, s: Exclude<Step, { op: 'flow' }>): OpResult<unknown> {
  switch (s.op) {
    case 'run': {
      const ports = parsePortSpecs(s.publish);
      if (!ports.ok) return cliFail(ports.error);
      return runContainer(world, {
        image: s.image,
        ...(s.name !== undefined ? { name: s.name } : {}),
        ...(s.network !== undefined ? { network: s.network } : {}),
        ...(s.command !== undefined ? { command: s.command } : {}),
        ports: ports.value,
        publishAll: s.publishAll,
        detach: true,
        tty: s.tty,
        interactive: s.tty,
        autoRemove: s.autoRemove,
      });
    }
    case 'start':
      return startContainer(world, s.ref);
    case 'stop':
      return stopContainer(world, s.ref);
    case 'rm':
      return removeContainer(world, s.ref, s.force);
    case 'net-create': {
      const options: { [k: string]: string } = {};
      if (s.icc !== undefined) options['com.docker.network.bridge.enable_icc'] = s.icc;
      if (s.masquerade !== undefined)
        options['com.docker.network.bridge.enable_ip_masquerade'] = s.masquerade;
      return createNetwork(world, {
        name: s.name,
        ...(s.subnet !== undefined ? { subnet: s.subnet } : {}),
        ...(s.gateway !== undefined ? { gateway: s.gateway } : {}),
        options,
      });
    }
    case 'net-rm':
      return removeNetwork(world, s.ref);
    case 'connect':
      return connectNetwork(world, s.net, s.ctr);
    case 'disconnect':
      return disconnectNetwork(world, s.net, s.ctr);
    case 'daemon':
      return setDaemonOptions(world, {
        ...(s.icc !== undefined ? { icc: s.icc } : {}),
        ...(s.userlandProxy !== undefined ? { userlandProxy: s.userlandProxy } : {}),
      });
    case 'sysctl':
      return setSysctl(world, s.key, s.value);
    case 'clock':
      return { ok: true, world: advanceClock(world, s.seconds), value: undefined, warnings: [] };
  }
}

/** The concrete flow a spec means in this world (a stopped container's address falls back). */
export function resolveFlow(world: World, spec: FlowSpec): Flow {
  const running = world.containers.filter((c) => c.state === 'running');
  const addressed = running.filter((c) => c.endpoints.length > 0);
  let to = '172.17.0.2';
  if (spec.to.kind === 'ip') to = spec.to.ip;
  else if (spec.to.kind === 'running') {
    const c = addressed[spec.to.nth % Math.max(1, addressed.length)];
    to = c?.endpoints[spec.to.ep % c.endpoints.length]?.ip ?? to;
  } else {
    const { name, nth } = spec.to;
    const c = world.containers.find((x) => x.name === name);
    to = c?.endpoints[nth]?.ip ?? c?.endpoints[0]?.ip ?? to;
  }
  let from: FlowSource = spec.from.kind === 'running' ? { kind: 'host' } : spec.from;
  if (spec.from.kind === 'running') {
    const c = running[spec.from.nth % Math.max(1, running.length)];
    if (c) from = { kind: 'container', name: c.name };
  }
  return {
    from,
    to: to as IPv4,
    kind: spec.kind,
    port: spec.port,
    count: spec.count,
    ...(spec.kind === 'http' ? { path: '/' } : {}),
  };
}

/** What one replayed step did, for the checks and for byte-for-byte comparisons. */
export type StepOutcome =
  | { readonly kind: 'op'; readonly before: World; readonly result: OpResult<unknown> }
  | { readonly kind: 'threw'; readonly before: World; readonly error: string }
  | {
      readonly kind: 'flow';
      readonly before: World;
      readonly flow: Flow;
      readonly sim: SimResult<World>;
    };

/** Replays a scenario, calling `visit` after each step; returns the final world. */
export function replay(
  sc: Scenario,
  visit: (index: number, step: Step, outcome: StepOutcome) => void = () => {},
  prepare: (w: World) => World = (w) => w,
): World {
  let world = prepare(initialWorld(sc));
  sc.steps.forEach((s, i) => {
    const before = world;
    let outcome: StepOutcome;
    try {
      if (s.op === 'flow') {
        const flow = resolveFlow(world, s.flow);
        outcome = { kind: 'flow', before, flow, sim: simulate(world, flow) };
        world = prepare(outcome.sim.world);
      } else {
        const result = applyOp(world, s);
        outcome = { kind: 'op', before, result };
        if (result.ok) world = prepare(result.world);
      }
    } catch (e) {
      outcome = { kind: 'threw', before, error: e instanceof Error ? e.message : String(e) };
    }
    visit(i, s, outcome);
  });
  return world;
}
