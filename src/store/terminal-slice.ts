// The terminal slice: transcript, history and location; runCommand feeds a line to the shell it is
// handed (src/terminal, at hand headless, fetched after the first paint in the browser).
import type { StateCreator } from 'zustand/vanilla';
import { advanceClock } from '../sim';
import type { CommandOutput, Location, Shell, ShellApi } from '../terminal/api';
import { remember, type History } from '../terminal/history';
import { promptFor } from '../terminal/prompt';
import type { InOrder } from './in-order';
import type { Late } from './late';
import { appendBounded, toTranscriptLines } from './transcript';
import type { AppState, CommandRun, CommandSeen, TerminalSlice } from './types';

/** The store seen through the terminal's eyes: same actions the UI calls. */
export function shellApi(get: () => AppState): ShellApi {
  const s = () => get();
  return {
    world: () => s().world,
    location: () => s().location,
    history: () => s().history,
    historyOffset: () => s().historyOffset,
    lastExit: () => s().lastExit,
    setLocation: (l) => s().setLocation(l),
    clearTranscript: () => s().clearTranscript(),
    resetWorld: (o) => s().resetWorld(o),
    runContainer: (o) => s().runContainer(o),
    startContainer: (r) => s().startContainer(r),
    stopContainer: (r, code) => s().stopContainer(r, code),
    removeContainer: (r, f) => s().removeContainer(r, f),
    startServer: (r, c) => s().startServer(r, c),
    setHostJobs: (j) => s().setHostJobs(j),
    createNetwork: (o) => s().createNetwork(o),
    removeNetwork: (r) => s().removeNetwork(r),
    connectNetwork: (n, c) => s().connectNetwork(n, c),
    disconnectNetwork: (n, c) => s().disconnectNetwork(n, c),
    setDaemonOptions: (p) => s().setDaemonOptions(p),
    setSysctl: (k, v) => s().setSysctl(k, v),
    editIptables: (edit) => s().editIptables(edit),
    setHostAddress: (a, g) => s().setHostAddress(a, g),
    addRemote: (o) => s().addRemote(o),
    removeRemote: (n) => s().removeRemote(n),
    addRouterRoute: (d, v) => s().addRouterRoute(d, v),
    sendFlow: (f) => {
      // A command runs only once the walk is here too (its queue entry needs both).
      const r = s().sendFlow(f);
      if (!r) throw new Error('sendFlow: the packet walk has not loaded yet');
      return r;
    },
    lastFlow: () => ({ packets: s().packets, clock: s().flowClock }),
    captures: () => s().captures,
    startCapture: (c) => s().startCapture(c),
  };
}

/** Only the history's own fields (remember() hands back the whole state when nothing changes). */
const historyFields = (h: History): History => ({
  history: h.history,
  historyOffset: h.historyOffset,
});

/** What a line prints when the shell could not be fetched; the next line tries again. */
const UNLOADED: CommandOutput = {
  chunks: [
    {
      stream: 'stderr',
      text: 'sh: the commands could not be loaded; check the connection and try again\n',
    },
  ],
  exit: 126,
};

export function createTerminalSlice(
  location: Location,
  shell: Late<Shell>,
  walk: Late<unknown>,
  queue: InOrder,
): StateCreator<AppState, [], [], TerminalSlice> {
  return (set, get) => {
    const watchers = new Set<(seen: CommandSeen) => void>();
    const tick = (line: string) => {
      // Each command takes a simulated second, so `docker ps` shows time passing.
      if (line.trim() !== '') set({ world: advanceClock(get().world, 1) });
    };
    /** Prompt and output into the transcript, `run` in between (the shell, or why it is missing). */
    const typed = (line: string, run: () => CommandOutput, echoed = false): CommandRun => {
      const before = get();
      const prompt = promptFor(before.world, before.location);
      const trimmed = line.trim();
      set({
        ...appendBounded(before.transcript, before.transcriptOffset, [
          { kind: 'prompt', prompt, command: line },
        ]),
        ...historyFields(remember(before, line)),
      });
      const output = run();
      const ran = get();
      // `clear` empties the transcript during the command; what it printed (nothing) follows.
      const now = get();
      set(
        appendBounded(
          now.transcript,
          now.transcriptOffset,
          toTranscriptLines(output.chunks, output.exit),
        ),
      );
      // bash leaves `$?` alone on an empty line.
      if (trimmed !== '') set({ lastExit: output.exit });
      tick(trimmed);
      for (const w of watchers) w({ line, output, before, after: ran, echoed });
      return { output, before, after: get() };
    };
    const runWith = (sh: Shell, line: string): CommandRun =>
      typed(line, () => sh.executeLine(line, shellApi(get)));
    // A line needs the shell, and the walk for the flows ping, curl or nc send.
    const needs = [shell, walk];
    return {
      transcript: [],
      transcriptOffset: 0,
      history: [],
      historyOffset: 0,
      lastExit: 0,
      captures: [],
      startCapture: (c) => set({ captures: [...get().captures, c] }),
      stopCapture: (job, ctrlC = false) => {
        const s = get();
        const c = s.captures.find((x) => x.job === job);
        if (!c) return;
        const chunks = [
          ...(ctrlC ? [{ stream: 'stdout', text: '^C\n' } as const] : []),
          ...c.stop(),
        ];
        set({
          captures: s.captures.filter((x) => x !== c),
          ...appendBounded(s.transcript, s.transcriptOffset, toTranscriptLines(chunks, 0)),
        });
      },
      location,
      setLocation: (l) => set({ location: l }),
      clearTranscript: () => set({ transcript: [], transcriptOffset: 0 }),
      echoCommand: (line, output) => {
        if (get().location.kind === 'host') typed(line, () => output, true);
      },
      runCommand: (line) => {
        const sh = shell.current();
        if (!sh) throw new Error('runCommand: the shell has not loaded yet (use enterCommand)');
        return runWith(sh, line).output;
      },
      enterCommand: (line) =>
        new Promise((done) =>
          queue.add(
            needs,
            () => done(runWith(shell.current() as Shell, line)),
            // The shell could not be fetched (offline before it ever loaded): the line says so.
            () => done(typed(line, () => UNLOADED)),
          ),
        ),
      completeCommand: (line, cursor) => {
        const sh = shell.current();
        if (!sh) {
          void shell.load().catch(() => undefined);
          return { candidates: [], line, cursor };
        }
        return sh.complete({ world: get().world, location: get().location }, line, cursor);
      },
      runQuietly: (line) => {
        const sh = shell.current();
        if (!sh) throw new Error('runQuietly: the shell has not loaded yet');
        const output = sh.executeLine(line, shellApi(get));
        tick(line);
        return output;
      },
      watchCommands: (watcher) => {
        watchers.add(watcher);
        return () => void watchers.delete(watcher);
      },
      shellReady: () => shell.current() !== null,
      loadShell: () => shell.load().then(() => undefined),
    };
  };
}
