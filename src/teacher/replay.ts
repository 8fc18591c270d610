// A teacher's lesson replayed as the student's lab will replay it: from a fresh host of its profile,
// every command typed into the lab's own terminal (a store of its own, headless), every flow sent.
// A command that fails, or that leaves the host's prompt, makes the lesson refused, named by its path.
import type { StepRun } from '../lessons';
import type { ParseResult } from '../share';
import { createWorld } from '../sim';
import type { Shell } from '../terminal/api';
import type { TeacherLesson } from './format';
import { headless } from './headless';

/** What a failed command printed, on one line and short: the reason shown to the teacher or student. */
function said(chunks: readonly { readonly text: string }[]): string {
  const text = chunks
    .map((c) => c.text)
    .join('')
    .trim()
    .split('\n')[0];
  return (text ?? '').slice(0, 400) || 'no output';
}

/**
 * Each step's run (the world after its commands, its flow's trace, the world after), or why not.
 * `shell` is the lab's own (src/terminal/shell.ts), handed in so this code does not carry it.
 */
export function replayTeacherLesson(
  lesson: TeacherLesson,
  shell: Shell,
): ParseResult<readonly StepRun[]> {
  const lab = headless(shell, createWorld({ profile: lesson.profile }));
  const runs: StepRun[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    const actions: StepRun['actions'][number][] = [];
    for (const [j, line] of step.commands.entries()) {
      const path = `steps[${i}].commands[${j}]`;
      const out = lab.run(line);
      if (out.exit !== 0)
        return { ok: false, error: `${path}: "${line}" failed: ${said(out.chunks)}` };
      if (lab.location().kind !== 'host')
        return { ok: false, error: `${path}: "${line}" leaves the host's prompt (run it with -d)` };
      actions.push({ command: line, ok: true, warnings: [], error: null });
    }
    const world = lab.world();
    const sim = step.flow ? lab.send(step.flow) : null;
    runs.push({ world, actions, sim, after: lab.world() });
  }
  return { ok: true, value: runs };
}
