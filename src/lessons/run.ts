// Running a lesson against the engine: each step's world (setups accumulate), its op results, its trace.
import { createWorld, simulate, type Profile, type World } from '../sim';
import type { SimResult } from '../sim';
import { applyStep } from '../scenarios/build';
import { commandFor } from './commands';
import type { Lesson } from './types';

/** What one setup action did, as the terminal would show it. */
export interface ActionResult {
  readonly command: string;
  readonly ok: boolean;
  readonly warnings: readonly string[];
  /** Docker's own error text when the action failed. */
  readonly error: string | null;
}

export interface StepRun {
  /** The world after the setup, before the flow: what the diagram shows while predictions are asked. */
  readonly world: World;
  readonly actions: readonly ActionResult[];
  /** The flow's result (trace in `packets`), or null for a step without a flow. */
  readonly sim: SimResult<World> | null;
  /** The world the next step starts from: after the flow (conntrack, ARP caches, FDB filled in). */
  readonly after: World;
}

export class LessonSetupError extends Error {}

/** Runs one step from a world. Throws when an action fails that the lesson expects to succeed, or vice versa. */
export function runStepFrom(lesson: Lesson, index: number, start: World): StepRun {
  const step = lesson.steps[index];
  if (!step) throw new LessonSetupError(`${lesson.id}: no step ${index}`);
  let world = step.reset ? createWorld({ profile: start.profile }) : start;
  const actions: ActionResult[] = [];
  for (const action of step.setup) {
    if ('line' in action)
      throw new LessonSetupError(
        `${lesson.id}/${step.id}: "${action.line}" is replayed by the terminal (src/teacher/replay.ts)`,
      );
    const r = applyStep(world, action.op);
    const command = commandFor(action.op);
    if (r.ok !== ((action.expect ?? 'ok') === 'ok')) {
      const why = r.ok ? 'succeeded' : r.error.message;
      throw new LessonSetupError(`${lesson.id}/${step.id}: "${command}" ${why}`);
    }
    if (r.ok) world = r.world;
    actions.push({
      command,
      ok: r.ok,
      warnings: r.ok ? r.warnings : [],
      error: r.ok ? null : r.error.message,
    });
  }
  const sim = step.flow ? simulate(world, step.flow) : null;
  return { world, actions, sim, after: sim ? sim.world : world };
}

/** Every step of a lesson in order, each starting where the previous one left the world. */
export function runLesson(lesson: Lesson, profile: Profile = 'docker-27'): readonly StepRun[] {
  const runs: StepRun[] = [];
  let world = createWorld({ profile });
  for (let i = 0; i < lesson.steps.length; i++) {
    const run = runStepFrom(lesson, i, world);
    runs.push(run);
    world = run.after;
  }
  return runs;
}

/** The run of one step, recomputed from the start (stepping back is just asking for an earlier index). */
export function runLessonStep(
  lesson: Lesson,
  index: number,
  profile: Profile = 'docker-27',
): StepRun {
  let world = createWorld({ profile });
  for (let i = 0; ; i++) {
    const run = runStepFrom(lesson, i, world);
    if (i === index) return run;
    world = run.after;
  }
}
