// The panel's link to the store: run a line with the very actions the forms use, then make the
// view show what happened (the new container's veth story, the flow's packets from hop 0). A line
// entered before the shell has loaded runs once it is here, and shows what it did then.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useReducedMotion } from '../../hooks/useReducedMotion';
import { useAppStore, useAppStoreApi, useAppStoreRef } from '../../store/react';
import { selectHistory, selectTranscript } from '../../store/selectors';
import type { Completion } from '../../terminal/complete';
import { promptFor } from '../../terminal/prompt';
import { formatColumns } from './columns';
import { createLineQueue, type LineQueueProgress } from './line-queue';
import { liveEchoes, type Echo, type EchoLine } from './rows';

export interface TerminalActions {
  readonly prompt: string;
  readonly inContainer: boolean;
  readonly containerName: string | null;
  readonly history: readonly string[];
  readonly echoes: readonly Echo[];
  run(line: string): void;
  /** Runs pasted lines in order, in slices that yield to the page (line-queue.ts). */
  runLines(lines: readonly string[]): void;
  /** How far a long paste has got, or null. */
  readonly pasting: LineQueueProgress | null;
  interrupt(line: string): void;
  list(line: string, candidates: readonly string[], columns: number): void;
  clearScreen(): void;
  complete(line: string, cursor: number): Completion;
  /** True once completion can answer; else `loadShell` fetches what it needs. */
  shellReady(): boolean;
  loadShell(): Promise<void>;
}

let nextEcho = 0;

export function useTerminal(): TerminalActions {
  const api = useAppStoreApi();
  const prompt = useAppStore((s) => promptFor(s.world, s.location));
  const where = useAppStore((s) => s.location);
  const history = useAppStoreRef(selectHistory);
  const transcript = useAppStoreRef(selectTranscript);
  const setLaunched = useAppStore((s) => s.setLaunched);
  const reducedMotion = useReducedMotion();
  const [echoes, setEchoes] = useState<readonly Echo[]>([]);

  const live = useMemo(() => liveEchoes(transcript, echoes), [transcript, echoes]);

  const echo = useCallback(
    (lines: readonly EchoLine[]) => {
      const t = api.getState().transcript;
      const e: Echo = { id: nextEcho++, after: t[t.length - 1] ?? null, lines };
      setEchoes((old) => [...liveEchoes(t, old), e]);
    },
    [api],
  );

  const runNow = useCallback(
    (line: string) => {
      void api
        .getState()
        .enterCommand(line)
        .then(({ before, after }) => {
          // `clear` emptied the transcript: the panel's own echoes go with it. (Lines since the
          // last clear, counting those the scrollback bound dropped: only a clear lowers it.)
          const lines = (s: typeof before) => s.transcriptOffset + s.transcript.length;
          if (lines(after) <= lines(before)) setEchoes([]);
          const known = new Set(before.world.containers.map((c) => c.name));
          const born = after.world.containers.filter((c) => !known.has(c.name));
          const newest = born[born.length - 1];
          if (newest) setLaunched(newest.name);
          // ping/curl/wget/nc sent a flow: sendFlow put the cursor on hop 0. Play it, unless the
          // viewer asked for less motion; then it waits at hop 0 for the Play or Step control.
          if (after.packets !== before.packets && after.packets.length > 0) {
            if (after.cursor !== 0) after.seek(0);
            if (!reducedMotion && !after.playing) after.togglePlay();
          }
        });
    },
    [api, reducedMotion, setLaunched],
  );

  // One queue for the panel's life; it calls the latest runNow.
  const [pasting, setPasting] = useState<LineQueueProgress | null>(null);
  const runLatest = useRef(runNow);
  useLayoutEffect(() => {
    runLatest.current = runNow;
  });
  const queue = useMemo(
    () =>
      createLineQueue({
        run: (line) => runLatest.current(line),
        ready: () => api.getState().shellReady(),
        load: () => api.getState().loadShell(),
        progress: setPasting,
        now: () => performance.now(),
        later: (fn) => setTimeout(fn, 0),
      }),
    [api],
  );
  // A line typed while a paste runs waits its turn behind the pasted ones, as in a tty.
  const run = useCallback(
    (line: string) => (queue.busy() ? queue.push([line]) : runNow(line)),
    [queue, runNow],
  );
  const runLines = useCallback((lines: readonly string[]) => queue.push(lines), [queue]);

  const interrupt = useCallback(
    (line: string) => {
      // At an empty prompt with a capture running beside the flows, Ctrl+C ends the newest one
      // (the lab's `fg` + Ctrl+C): the tty's ^C and tcpdump's statistics.
      const running = api.getState().captures;
      const newest = running[running.length - 1];
      if (line === '' && newest && !queue.busy())
        return api.getState().stopCapture(newest.job, true);
      // Ctrl+C flushes what was typed ahead: the pasted lines that have not run yet.
      queue.cancel();
      echo([
        {
          kind: 'prompt',
          prompt: promptFor(api.getState().world, api.getState().location),
          command: line,
          signal: '^C',
        },
      ]);
    },
    [api, echo, queue],
  );

  const list = useCallback(
    (line: string, candidates: readonly string[], columns: number) => {
      const s = api.getState();
      echo([
        { kind: 'prompt', prompt: promptFor(s.world, s.location), command: line },
        ...formatColumns(candidates, columns).map((text): EchoLine => ({ kind: 'stdout', text })),
      ]);
    },
    [api, echo],
  );

  const clearScreen = useCallback(() => {
    api.getState().clearTranscript();
    setEchoes([]);
  }, [api]);

  const completeLine = useCallback(
    (line: string, cursor: number) => api.getState().completeCommand(line, cursor),
    [api],
  );

  return {
    prompt,
    inContainer: where.kind === 'container',
    containerName: where.kind === 'container' ? where.name : null,
    history,
    echoes: live,
    run,
    runLines,
    pasting,
    interrupt,
    list,
    clearScreen,
    complete: completeLine,
    shellReady: () => api.getState().shellReady(),
    loadShell: () => api.getState().loadShell(),
  };
}
