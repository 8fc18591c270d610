// What the terminal needs from its host (the app store): state readers and the same actions the UI calls.
import type { World, WorldOps, WorldOptions } from '../sim';
import type { Flow, PacketTrace, SimResult } from '../sim/trace';
import type { Completion, CompletionState } from './complete';

/** Where the terminal's shell runs: the Docker host, or inside a container (`docker exec -it`). */
export type Location =
  | { readonly kind: 'host' }
  | {
      readonly kind: 'container';
      readonly name: string;
      /** Entered by `docker run -it` (exiting the shell stops the container) rather than exec. */
      readonly attached: boolean;
      /** The shell that was started (bash or dash in a Debian image); busybox ash if absent. */
      readonly shell?: 'ash' | 'bash' | 'dash';
    };

export const HOST: Location = { kind: 'host' };

/**
 * The actions a command may take: the sim's operations over the lab's world (WorldOps, written
 * once in sim/ops/world-ops.ts) and the terminal's own. Implemented by the app store, so a typed
 * command and a click in the UI run the very same code. Every action returns the operation's result; a failed one
 * changes nothing.
 */
export interface ShellApi extends WorldOps {
  world(): World;
  location(): Location;
  history(): readonly string[];
  /** How many older lines the history has dropped: its first line is number historyOffset() + 1. */
  historyOffset(): number;
  /** The last line's exit status, for `$?`. */
  lastExit(): number;
  setLocation(location: Location): void;
  clearTranscript(): void;
  resetWorld(options?: WorldOptions): void;
  sendFlow(flow: Flow): SimResult<World>;
  /** The last flow's packets and world.clock when it was sent (what `tcpdump` reads). */
  lastFlow(): { readonly packets: readonly PacketTrace[]; readonly clock: number };
  /** The captures running in the background (`tcpdump … &`), oldest first. */
  captures(): readonly LiveCapture[];
  /** Starts a background capture: it prints as playback passes the next flows' hops. */
  startCapture(capture: LiveCapture): void;
}

/**
 * A capture running beside the flows (`tcpdump … &`): the store hands it each move of the playback
 * cursor, it answers with what tcpdump prints for the hops passed since (stepping back prints
 * nothing again). Values: each move gives the next capture.
 */
export interface LiveCapture {
  /** The job number bash gave it (`[1]`). */
  readonly job: number;
  readonly iface: string;
  /** The line that started it, as `jobs` shows it. */
  readonly command: string;
  /** Frames of `packets` up to hop `cursor` not printed yet; `next` null once -c N is reached. */
  advance(
    world: World,
    flow: { readonly packets: readonly PacketTrace[]; readonly clock: number },
    cursor: number,
  ): { readonly next: LiveCapture | null; readonly chunks: readonly Chunk[] };
  /** SIGINT (the Stop control, `kill -INT %1`): tcpdump's statistics. */
  stop(): readonly Chunk[];
}

/** One piece of output as the tool wrote it: text may span lines and may lack a final newline. */
export interface Chunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface CommandOutput {
  readonly chunks: readonly Chunk[];
  /** The exit status the shell would put in `$?`. */
  readonly exit: number;
}

/**
 * The shell as its host holds it: a typed line run, a word completed. The store is handed one
 * (`SHELL` in shell.ts); the browser fetches it after the first paint, so it is an interface here.
 */
export interface Shell {
  executeLine(line: string, api: ShellApi): CommandOutput;
  complete(state: CompletionState, line: string, cursor: number): Completion;
}
