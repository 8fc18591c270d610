// The app store's shape: inputs only (world, flow, playback, terminal) with the actions beside them.
import type { OpResult, World } from '../sim';
import type { Flow, FlowResult, PacketTrace, SimResult } from '../sim';
import type { Completion } from '../terminal/complete';
import type { CommandOutput, LiveCapture, Location, ShellApi } from '../terminal/api';
import type { UiInitial } from './ui-slice';
import type { Step } from '../scenarios';

export type Simulate = (world: World, flow: Flow) => SimResult<World>;

/**
 * The Docker and lab actions over the world: the very ones the terminal calls, so their signatures
 * are written once, in the terminal's ShellApi (terminal/api.ts); the store only adds its own.
 */
type WorldActions = Omit<
  ShellApi,
  | 'world'
  | 'location'
  | 'history'
  | 'historyOffset'
  | 'lastExit'
  | 'lastFlow'
  | 'captures'
  | 'startCapture'
  | 'setLocation'
  | 'clearTranscript'
  | 'sendFlow'
>;

export interface WorldSlice extends WorldActions {
  readonly world: World;
  /** Lets simulated time pass (conntrack entries expire, `docker ps` ages). */
  advanceClock(seconds: number): void;
  /** A scenario's or lesson's setup step, quietly (scenarios/build.ts applyStep: the one switch over steps). */
  applyStep(step: Step): OpResult<unknown>;
}

export interface FlowSlice {
  /** The last flow sent, its packets and the tool's result (null before the first). */
  readonly flow: Flow | null;
  readonly packets: readonly PacketTrace[];
  /** world.clock when the last flow was sent (its hops' times count from there). */
  readonly flowClock: number;
  readonly result: FlowResult | null;
  /** Index into the flattened hop list of all packets (see selectTimeline). */
  readonly cursor: number;
  readonly playing: boolean;
  /** Playback speed factor, 0.25 to 4. */
  readonly speed: number;
  /**
   * Runs the flow through the simulator, keeps its world, shows its first hop, then calls `then`
   * (a link's or a saved lab's hop). The walk is at hand headless; in the browser it is fetched
   * after the first paint, and a flow sent before it arrives is sent once it does, in order with
   * the lines entered meanwhile: null then (the result is the store's once sent).
   */
  sendFlow(flow: Flow, then?: () => void): SimResult<World> | null;
  /**
   * Resolves once the walk is here and the flows that waited for it alone have been sent (a
   * `?flow=` link's: the share code asks before it says whether the link's flow exists).
   */
  loadWalk(): Promise<void>;
  stepForward(): void;
  stepBack(): void;
  seek(index: number): void;
  /** To the next / previous key moment (sim/moments.ts); nothing past the last / before the first. */
  nextMoment(): void;
  prevMoment(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

export type TranscriptLine =
  | { readonly kind: 'prompt'; readonly prompt: string; readonly command: string }
  | {
      readonly kind: 'stdout' | 'stderr';
      readonly text: string;
      /** The tool wrote no final newline: the next prompt follows on the same line. */
      readonly open?: true;
      /**
       * stderr of a command that then exited 0 (conntrack's "N flow entries have been shown.",
       * curl -v, nc -v): a terminal shows it like any output; only a failure's stderr is marked.
       */
      readonly info?: true;
    };

/** A line as it ran: what it printed, and the store just before and just after it. */
export interface CommandRun {
  readonly output: CommandOutput;
  readonly before: AppState;
  readonly after: AppState;
}

/** A line the terminal ran, seen by a watcher: the store just before it and right after it (before its second). */
export interface CommandSeen {
  readonly line: string;
  readonly output: CommandOutput;
  readonly before: AppState;
  readonly after: AppState;
  /** A line the UI ran by its own action (echoCommand): its change came before `before`. */
  readonly echoed: boolean;
}

export interface TerminalSlice {
  /** The newest SCROLLBACK (5,000) lines since the last `clear` (store/transcript.ts). */
  readonly transcript: readonly TranscriptLine[];
  /** Lines dropped from the front to keep the bound since the last `clear`: rows keep their keys. */
  readonly transcriptOffset: number;
  /** Commands typed, oldest first (no empty lines, no immediate repeats, as bash's ignoredups). */
  readonly history: readonly string[];
  /** Lines dropped from the front once the history held HISTSIZE (500) of them, as bash does. */
  readonly historyOffset: number;
  readonly location: Location;
  /** The exit status of the last line typed: what bash keeps in `$?` (0 before any). */
  readonly lastExit: number;
  /** Captures running beside the flows (`tcpdump … &`); playback feeds them (capture.ts). */
  readonly captures: readonly LiveCapture[];
  /** `tcpdump … &` hands its job here. */
  startCapture(capture: LiveCapture): void;
  /**
   * The Stop control (SIGINT to the job): its statistics go to the transcript, the job ends.
   * `ctrlC`: Ctrl+C at an empty prompt, the lab's stand-in for `fg` then Ctrl+C (the tty's ^C first).
   */
  stopCapture(job: number, ctrlC?: boolean): void;
  /**
   * Types one line into the terminal: runs it, appends prompt and output, advances the clock 1 s.
   * Needs the shell at hand: always so headless; in the browser only code that loaded it first
   * (the lesson engine) calls this. Throws otherwise.
   */
  runCommand(line: string): CommandOutput;
  /**
   * The keyboard's way in: runs the line now if the shell is here, else once it has loaded, in the
   * order lines were entered (nothing typed meanwhile is lost). Resolves when the line has run.
   */
  enterCommand(line: string): Promise<CommandRun>;
  /** Tab completion at the current location; no candidates while the shell is still loading. */
  completeCommand(line: string, cursor: number): Completion;
  /** True once the shell is here (completion and commands answer at once). */
  shellReady(): boolean;
  /** Fetches the shell if it is not here yet (the prompt asks on focus and on an early Tab). */
  loadShell(): Promise<void>;
  setLocation(location: Location): void;
  clearTranscript(): void;
  /**
   * A line the UI ran by its own action (the run form's `docker run`): prompt, line and what it
   * printed go into the transcript and the line into the history, and the clock moves 1 s, as if it
   * had been typed. Only at the host's prompt, the one place that line would have run.
   */
  echoCommand(line: string, output: CommandOutput): void;
  /**
   * Runs a line as runCommand does (same shell, same actions, the clock's second) without writing
   * it to the transcript or the history: a teacher's lesson replaying its earlier steps.
   */
  runQuietly(line: string): CommandOutput;
  /** Calls `watcher` after every line typed, entered or echoed (the lesson recorder); returns the unwatch. */
  watchCommands(watcher: (seen: CommandSeen) => void): () => void;
}

export type AppState = WorldSlice & FlowSlice & TerminalSlice;

/** What createAppStore accepts: any input state, and the simulator to use (tests may stub it). */
export interface AppStoreOptions {
  readonly world?: World;
  readonly location?: Location;
  readonly speed?: number;
  readonly simulate?: Simulate;
  /** The view's theme and language to start in (the browser's boot reads them). */
  readonly ui?: UiInitial;
}
