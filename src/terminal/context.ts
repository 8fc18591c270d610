// The context a command runs in: the store's actions, where the shell is, and its two output streams.
import type { Container, World } from '../sim';
import { findContainer } from '../sim';
import type { FlowSource } from '../sim/trace';
import type { Chunk, Location, ShellApi } from './api';

export interface Ctx {
  readonly api: ShellApi;
  readonly where: Location;
  /** Set by `lab from REMOTE …`: the client runs on a machine beyond the router. */
  readonly source?: FlowSource;
  out(text: string): void;
  err(text: string): void;
}

/** A command: arguments after its name in, exit status out; it writes through ctx. */
export type Command = (args: readonly string[], ctx: Ctx) => number;

export function createCtx(api: ShellApi, where: Location): { ctx: Ctx; chunks: Chunk[] } {
  const chunks: Chunk[] = [];
  const write = (stream: Chunk['stream']) => (text: string) => {
    const last = chunks[chunks.length - 1];
    if (last && last.stream === stream)
      chunks[chunks.length - 1] = { stream, text: last.text + text };
    else chunks.push({ stream, text });
  };
  return { ctx: { api, where, out: write('stdout'), err: write('stderr') }, chunks };
}

/** The container whose shell we are in (inside `docker exec -it`), if any. */
export function hereContainer(world: World, where: Location): Container | undefined {
  return where.kind === 'container' ? findContainer(world, where.name) : undefined;
}

/**
 * The hostname a shell here sees (its UTS namespace): a container's short id, or the host's in
 * --network host, where Docker shares the host's UTS namespace too.
 */
export function utsHostname(world: World, where: Location): string {
  const c = hereContainer(world, where);
  return c && c.mode.kind !== 'host' ? c.id.slice(0, 12) : world.host.hostname;
}
