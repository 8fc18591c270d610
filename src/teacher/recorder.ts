// Recording a lesson: while on, every line that changed the lab (typed, or a click the terminal
// echoes) becomes the current step's setup and every flow sent (typed or clicked) its flow. The
// recording starts from a fresh host, so the replay starts where the teacher did.
import { createStore } from 'zustand/vanilla';
import type { AppStore } from '../store';
import { newLab, restoreLab, type LabSnapshot } from '../store/new-lab';
import { addCommand, addFlow, newDraft, type Draft } from './draft';

export interface RecorderState {
  readonly draft: Draft | null;
  /** Lines that changed the lab but cannot be replayed (typed inside a container). */
  readonly skipped: readonly string[];
}

export const recorder = createStore<RecorderState>()(() => ({ draft: null, skipped: [] }));

let stopWatching: (() => void) | null = null;
let before: LabSnapshot | null = null;

const update = (f: (d: Draft) => Draft) => {
  const d = recorder.getState().draft;
  if (d) recorder.setState({ draft: f(d) });
};

/** Starts recording on a fresh host (the lab on screen is kept for `discardRecording`). */
export function startRecording(app: AppStore): void {
  stopRecording();
  before = newLab(app);
  recorder.setState({ draft: newDraft(app.getState().world.profile), skipped: [] });
  resumeRecording(app);
}

/** Listens again (after an export) and goes on from the lab as it is. */
export function resumeRecording(app: AppStore): void {
  stopRecording();
  const unwatch = app.getState().watchCommands(({ line, before: b, after, output, echoed }) => {
    // A flow is recorded as a flow (below), however it was sent. A click's line (echoed) changed
    // the lab before the terminal showed it.
    const changed = echoed ? output.exit === 0 : after.world !== b.world;
    if (after.packets !== b.packets || !changed) return;
    if (b.location.kind === 'host') update((d) => addCommand(d, line.trim()));
    else recorder.setState((s) => ({ skipped: [...s.skipped, line.trim()] }));
  });
  const unsubscribe = app.subscribe((s, prev) => {
    const flow = s.flow;
    if (s.packets !== prev.packets && flow !== null) update((d) => addFlow(d, flow));
  });
  stopWatching = () => {
    unwatch();
    unsubscribe();
  };
  recorder.setState({});
}

export function editDraft(f: (d: Draft) => Draft): void {
  update(f);
}

/** Stops listening; the draft stays until discarded or replaced. */
export function stopRecording(): void {
  stopWatching?.();
  stopWatching = null;
  // Listeners re-read isRecording().
  recorder.setState({});
}

export const isRecording = (): boolean => stopWatching !== null;

/** Drops the recording and puts back the lab that was on screen when it began. */
export function discardRecording(app: AppStore): void {
  stopRecording();
  if (before) restoreLab(app, before);
  before = null;
  recorder.setState({ draft: null, skipped: [] });
}
