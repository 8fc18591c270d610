// docker run / start / stop / rm as world -> world' transitions, with Docker's errors. Pure.
import { findImage, hasExecutable, lookPathError, type ImageInfo } from '../images';
import { listenersOf, serverOf } from '../serve';
import { NAME_PATTERN } from '../limits';
import { Rng } from '../rng';
import type { Container, Listener, NetworkMode, PortBinding, PortRequest, World } from '../types';
import { attachNetworks, detachAll } from './attach';
import { findContainer, findNetwork, noSuchContainer } from './lookup';
import { daemonError, done, type OpResult } from './result';

export interface RunOptions {
  readonly image: string;
  readonly name?: string;
  readonly command?: readonly string[];
  /** bridge | host | none | container:NAME | a user network name (default: bridge). */
  readonly network?: string;
  readonly ports?: readonly PortRequest[];
  readonly publishAll?: boolean;
  readonly detach?: boolean;
  readonly tty?: boolean;
  readonly interactive?: boolean;
  readonly autoRemove?: boolean;
  /**
   * The caller runs the command itself in the started container (the terminal's `docker run IMAGE
   * CMD`), then ends it with stopContainer(ref, status): so CMD sees the container's network.
   */
  readonly foreground?: boolean;
}

const ADJ = [
  'admiring',
  'brave',
  'eager',
  'focused',
  'gifted',
  'jolly',
  'nifty',
  'quirky',
  'serene',
  'vibrant',
];
const NOUN = [
  'turing',
  'hopper',
  'lovelace',
  'torvalds',
  'ritchie',
  'thompson',
  'knuth',
  'liskov',
  'kay',
  'perlman',
];

function generatedName(rng: Rng, world: World): string {
  for (;;) {
    const n = `${ADJ[rng.u32() % ADJ.length]}_${NOUN[rng.u32() % NOUN.length]}`;
    if (!world.containers.some((c) => c.name === n)) return n;
  }
}

function resolveMode(world: World, net: string | undefined): OpResult<NetworkMode> {
  const ref = net ?? 'bridge';
  if (ref === 'host') return done(world, { kind: 'host' });
  if (ref === 'none') return done(world, { kind: 'none' });
  if (ref === 'default') return done(world, { kind: 'bridge', network: 'bridge' });
  if (ref.startsWith('container:')) {
    const target = findContainer(world, ref.slice('container:'.length));
    if (!target) return daemonError(noSuchContainer(ref.slice('container:'.length)));
    return done(world, { kind: 'container', target: target.id });
  }
  const network = findNetwork(world, ref);
  if (!network) return daemonError(`network ${ref} not found`);
  if (network.driver === 'host') return done(world, { kind: 'host' });
  if (network.driver === 'null') return done(world, { kind: 'none' });
  return done(world, { kind: 'bridge', network: network.name });
}

/** A shell with no terminal to read from ends at once, as `docker run busybox` does. */
function exitsImmediately(c: Container, image: ImageInfo): boolean {
  const shellImage = image.exitsWithoutTty;
  // httpd without -f forks into the background: the container's PID 1 returns at once.
  const server = serverOf(image, c.command);
  if (server) return !server.foreground;
  const cmd = c.command[0] ?? '';
  // python3 with no script reads one from stdin: without a terminal that is EOF at once.
  const shell = ['sh', '/bin/sh', 'bash', 'ash', 'python3', 'python'].includes(cmd);
  if (['echo', 'true', 'hostname', 'ip', 'ifconfig', 'cat', 'ping', 'wget', 'env'].includes(cmd))
    return true;
  return shellImage && shell && !(c.interactive && c.tty) && !c.tty;
}

/** `docker run`: create and start a container. On any error the world is unchanged. */
export function runContainer(world: World, opts: RunOptions): OpResult<Container> {
  const image = findImage(opts.image);
  if (!image) {
    const ref = opts.image.includes(':') ? opts.image : `${opts.image}:latest`;
    return daemonError(
      `pull access denied for ${ref.split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied (this lab is offline: images are ${'busybox, alpine, nginx, training/webapp, redis, httpd, python:3.12-slim'})`,
    );
  }
  if (opts.name !== undefined && !NAME_PATTERN.test(opts.name)) {
    return daemonError(
      `Invalid container name (${opts.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  }
  const existing =
    opts.name === undefined ? undefined : world.containers.find((c) => c.name === opts.name);
  const rng = new Rng(world.rng);
  const id = rng.hex(64);
  if (existing) {
    return daemonError(
      `Conflict. The container name "/${opts.name}" is already in use by container "${existing.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
  const mode = resolveMode(world, opts.network);
  if (!mode.ok) return mode;
  const program = opts.command?.[0];
  if (program !== undefined && !hasExecutable(image, program)) {
    return daemonError(
      `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${lookPathError(program)}: unknown`,
    );
  }
  const wantsPorts = (opts.ports?.length ?? 0) > 0 || opts.publishAll === true;
  if (mode.value.kind === 'container' && wantsPorts) {
    return daemonError('conflicting options: port publishing and the container type network mode');
  }
  const warnings: string[] = [];
  if (mode.value.kind === 'host' && wantsPorts) {
    warnings.push('WARNING: Published ports are discarded when using host network mode');
  }
  const keepPorts = mode.value.kind === 'bridge';
  const container: Container = {
    id,
    name: opts.name ?? generatedName(rng, world),
    image: image.tag === undefined ? image.name : `${image.name}:${image.tag}`,
    command: opts.command && opts.command.length > 0 ? opts.command : image.command,
    mode: mode.value,
    networks:
      mode.value.kind === 'bridge' ? [findNetwork(world, mode.value.network)?.id ?? ''] : [],
    ports: keepPorts ? (opts.ports ?? []) : [],
    publishAll: keepPorts && opts.publishAll === true,
    state: 'created',
    exitCode: 0,
    created: world.clock,
    startedAt: 0,
    finishedAt: 0,
    autoRemove: opts.autoRemove === true,
    tty: opts.tty === true,
    interactive: opts.interactive === true,
    endpoints: [],
    bindings: [],
    listeners: listenersOf(
      image,
      opts.command && opts.command.length > 0 ? opts.command : image.command,
    ),
  };
  const created: World = { ...world, rng: rng.state, containers: [...world.containers, container] };
  if (opts.foreground !== true && exitsImmediately(container, image)) {
    const exited = {
      ...container,
      state: 'exited' as const,
      startedAt: world.clock,
      finishedAt: world.clock,
    };
    if (container.autoRemove) return done({ ...world, rng: rng.state }, exited, warnings);
    return done(replace(created, exited), exited, warnings);
  }
  const started = startById(created, id, opts.foreground === true);
  if (!started.ok) return started;
  return done(started.world, started.value, warnings);
}

function replace(world: World, c: Container): World {
  return { ...world, containers: world.containers.map((x) => (x.id === c.id ? c : x)) };
}

/** Port requests a start publishes: -p as given, plus every EXPOSEd port with -P. */
function portRequests(c: Container): PortRequest[] {
  const image = findImage(c.image);
  const all: PortRequest[] = [...c.ports];
  if (c.publishAll && image) {
    for (const e of image.exposes) {
      if (!all.some((p) => p.containerPort === e.port && p.proto === e.proto)) {
        all.push({ hostIp: null, hostPort: null, containerPort: e.port, proto: e.proto });
      }
    }
  }
  return all;
}

function startById(world: World, id: string, foreground = false): OpResult<Container> {
  const c = world.containers.find((x) => x.id === id);
  if (!c) return daemonError(noSuchContainer(id));
  if (c.state === 'running') return done(world, c);
  const image = findImage(c.image);
  if (image && !foreground && exitsImmediately(c, image)) {
    // `docker start` of a shell with no terminal: it starts, finds no input and exits at once.
    const exited: Container = {
      ...c,
      state: 'exited',
      exitCode: 0,
      startedAt: world.clock,
      finishedAt: world.clock,
    };
    return done(replace(world, exited), exited);
  }
  if (c.mode.kind === 'container') {
    const targetId = c.mode.target;
    const target = world.containers.find((x) => x.id === targetId);
    if (!target || target.state !== 'running') {
      return daemonError(`cannot join network namespace of a non running container: ${targetId}`);
    }
  }
  const attached = attachNetworks(world, c, portRequests(c));
  if (!attached.ok) return attached;
  const running: Container = {
    ...attached.value,
    state: 'running',
    startedAt: world.clock,
    exitCode: 0,
  };
  return done(replace(attached.world, running), running);
}

export function startContainer(world: World, ref: string): OpResult<Container> {
  const c = findContainer(world, ref);
  if (!c) return daemonError(noSuchContainer(ref));
  return startById(world, c.id);
}

/**
 * `docker stop`: the container exits (SIGTERM → 0 here) and releases its addresses and ports; or
 * its command ended by itself with `exitCode` (a foreground `docker run IMAGE CMD`).
 */
export function stopContainer(world: World, ref: string, exitCode?: number): OpResult<Container> {
  const c = findContainer(world, ref);
  if (!c) return daemonError(noSuchContainer(ref));
  if (c.state !== 'running') return done(world, c);
  let w = detachAll(world, c);
  const image = findImage(c.image);
  const stopped: Container = {
    ...c,
    state: 'exited',
    // A shell as PID 1 ignores SIGTERM and is killed after the grace period.
    exitCode: exitCode ?? (findImage(c.image)?.exitsWithoutTty ? 137 : 0),
    finishedAt: world.clock,
    endpoints: [],
    bindings: [] as PortBinding[],
    // The processes `docker exec` started die with the container; PID 1's server starts again.
    ...(image ? { listeners: listenersOf(image, c.command) } : {}),
  };
  if (stopped.autoRemove) {
    w = { ...w, containers: w.containers.filter((x) => x.id !== c.id) };
  } else {
    w = replace(w, stopped);
  }
  return done(w, stopped);
}

/** `docker rm [-f]`. */
export function removeContainer(world: World, ref: string, force = false): OpResult<Container> {
  const c = findContainer(world, ref);
  if (!c) return daemonError(noSuchContainer(ref));
  let w = world;
  if (c.state === 'running') {
    if (!force) {
      return daemonError(
        `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`,
      );
    }
    const stopped = stopContainer(w, c.id);
    if (!stopped.ok) return stopped;
    w = stopped.world;
  }
  return done({ ...w, containers: w.containers.filter((x) => x.id !== c.id) }, c);
}

/**
 * `docker exec -d CTR nc -l -p PORT`: the server runs beside PID 1 and listens in the container's
 * namespace until the container stops. Null when the command is no server the lab models.
 */
export function startServer(
  world: World,
  ref: string,
  command: readonly string[],
): OpResult<Listener | null> {
  const c = findContainer(world, ref);
  if (!c) return daemonError(noSuchContainer(ref));
  if (c.state !== 'running') return daemonError(`container ${c.id} is not running`);
  const image = findImage(c.image);
  const server = image ? serverOf(image, command) : null;
  // httpd without -f daemonises: it keeps listening after exec returns, as the real one does.
  if (!server) return done(world, null);
  const listener: Listener = { ...server.listener, process: command[0] ?? 'sh' };
  return done(replace(world, { ...c, listeners: [...c.listeners, listener] }), listener);
}
