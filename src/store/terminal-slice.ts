// The terminal slice: transcript, history and location; runCommand feeds a line to src/terminal.
import type { StateCreator } from 'zustand/vanilla';
import { advanceClock } from '../sim';
import type { Location, ShellApi } from '../terminal/api';
import { remember } from '../terminal/history';
import { executeLine } from '../terminal/shell';
import { promptFor } from '../terminal/prompt';
import { toTranscriptLines } from './transcript';
import type { AppState, TerminalSlice } from './types';

/** The store seen through the terminal's eyes: same actions the UI calls. */
export function shellApi(get: () => AppState): ShellApi {
  const s = () => get();
  return {
    world: () => s().world,
    location: () => s().location,
    history: () => s().history,
    historyOffset: () => s().historyOffset,
    setLocation: (l) => s().setLocation(l),
    clearTranscript: () => s().clearTranscript(),
    resetWorld: (o) => s().resetWorld(o),
    runContainer: (o) => s().runContainer(o),
    startContainer: (r) => s().startContainer(r),
    stopContainer: (r) => s().stopContainer(r),
    removeContainer: (r, f) => s().removeContainer(r, f),
    createNetwork: (o) => s().createNetwork(o),
    removeNetwork: (r) => s().removeNetwork(r),
    connectNetwork: (n, c) => s().connectNetwork(n, c),
    disconnectNetwork: (n, c) => s().disconnectNetwork(n, c),
    setDaemonOptions: (p) => s().setDaemonOptions(p),
    setSysctl: (k, v) => s().setSysctl(k, v),
    setHostAddress: (a, g) => s().setHostAddress(a, g),
    addRemote: (o) => s().addRemote(o),
    removeRemote: (n) => s().removeRemote(n),
    addRouterRoute: (d, v) => s().addRouterRoute(d, v),
    sendFlow: (f) => s().sendFlow(f),
  };
}

export function createTerminalSlice(
  location: Location,
): StateCreator<AppState, [], [], TerminalSlice> {
  return (set, get) => ({
    transcript: [],
    history: [],
    historyOffset: 0,
    location,
    setLocation: (l) => set({ location: l }),
    clearTranscript: () => set({ transcript: [] }),
    runCommand: (line) => {
      const prompt = promptFor(get().world, get().location);
      const trimmed = line.trim();
      set({
        transcript: [...get().transcript, { kind: 'prompt', prompt, command: line }],
        ...remember(get(), line),
      });
      const out = executeLine(line, shellApi(get));
      // `clear` empties the transcript during the command; what it printed (nothing) follows.
      set({ transcript: [...get().transcript, ...toTranscriptLines(out.chunks)] });
      // Each command takes a simulated second, so `docker ps` shows time passing.
      if (trimmed !== '') set({ world: advanceClock(get().world, 1) });
      return out;
    },
  });
}
