// A teacher's lesson as a lesson the player plays like a built-in one: its commands as the step's
// setup (typed into the terminal), its flow, its note as the body, its question as a prediction
// (the teacher's choices, or an engine-answered kind at a hop) shuffled by the lessons' seeded order.
import {
  resolvePrediction,
  selectHop,
  type HopMatch,
  type HopSelector,
  type Lesson,
  type LessonStep,
  type Prediction,
  type StepRun,
  type Text,
} from '../lessons';
import { EXTRA_PREFIX } from '../lessons/extra';
import { hash } from '../lessons/shuffle';
import type { ParseResult } from '../share';
import type { PacketTrace } from '../sim';
import type { TeacherLesson, TeacherQuestion, TeacherText } from './format';

/** Text written in one language is shown as written in the other too (the interface around it is translated). */
export const both = (t: TeacherText): Text => {
  const en = t.en ?? t['zh-CN'] ?? '';
  return { en, 'zh-CN': t['zh-CN'] ?? en };
};

const STEP: Text = { en: 'Step {n}', 'zh-CN': '第 {n} 步' };
const RIGHT: Text = { en: 'Right: {answer}.', 'zh-CN': '答对了：{answer}。' };
const WRONG: Text = { en: 'The right answer: {answer}.', 'zh-CN': '正确答案是：{answer}。' };

const numbered = (n: number): Text => ({
  en: STEP.en.replace('{n}', String(n)),
  'zh-CN': STEP['zh-CN'].replace('{n}', String(n)),
});

/** Names one hop of a trace by what happens there (selectors never use indices), or null if none does. */
export function hopSelector(
  packets: readonly PacketTrace[],
  at: { readonly packet: number; readonly hop: number },
): HopSelector | null {
  const hop = packets[at.packet]?.hops[at.hop];
  if (!hop) return null;
  // Prefix patterns ('nat.', 'container:') would match more than this hop: leave such fields out.
  const exact = (v: string | null) => (v !== null && !/[.:/]$/.test(v) ? v : undefined);
  const fields: { [K in keyof HopMatch]?: HopMatch[K] | undefined } = {
    event: hop.event,
    node: exact(hop.node),
    iface: exact(hop.iface),
    why: exact(hop.why.key),
    chain: hop.nf ? exact(`${hop.nf.table}/${hop.nf.chain}`) : undefined,
  };
  const match = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as HopMatch;
  for (const pick of ['first', 'last'] as const) {
    const sel: HopSelector = { packet: at.packet, match, pick };
    const found = selectHop(packets, sel);
    if (found && found.packet === at.packet && found.hop === at.hop) return sel;
  }
  return null;
}

function prediction(q: TeacherQuestion, run: StepRun, path: string): Prediction | string {
  const base = { id: 'q', right: RIGHT, wrong: WRONG } as const;
  if (q.kind === 'choices') {
    const choices = q.choices.map((c, k) => ({ id: `c${k}`, label: both(c) }));
    const question = both(q.text);
    return { ...base, ask: { kind: 'fact', question, choices, answer: `c${q.answer}` } };
  }
  const packets = run.sim?.packets ?? [];
  const hop = hopSelector(packets, q.at);
  if (!hop)
    return `${path}.at: the flow has no hop ${q.at.hop} in packet ${q.at.packet} that can be named`;
  const p: Prediction = {
    ...base,
    ask: { kind: q.kind, hop },
    ...(q.text ? { question: both(q.text) } : {}),
  };
  const r = resolvePrediction(p, run);
  return r.ok ? p : `${path}: ${r.error}`;
}

/** The lesson the player plays, from a parsed lesson and its replay (replay.ts); or why it cannot be asked. */
export function toLesson(t: TeacherLesson, runs: readonly StepRun[]): ParseResult<Lesson> {
  const id = `${EXTRA_PREFIX}${hash(JSON.stringify(t)).toString(36)}`;
  const steps: LessonStep[] = [];
  for (const [i, s] of t.steps.entries()) {
    const run = runs[i];
    if (!run) return { ok: false, error: `steps[${i}]: not replayed` };
    const p = s.question ? prediction(s.question, run, `steps[${i}].question`) : null;
    if (typeof p === 'string') return { ok: false, error: p };
    steps.push({
      id: `s${i + 1}`,
      title: s.title ? both(s.title) : numbered(i + 1),
      body: s.note ? both(s.note) : { en: '', 'zh-CN': '' },
      setup: s.commands.map((line) => ({ line })),
      ...(s.flow ? { flow: s.flow } : {}),
      ...(p ? { predictions: [p] } : {}),
    });
  }
  const title = both(t.title);
  return {
    ok: true,
    value: {
      id,
      kind: 'lesson',
      title,
      summary: title,
      profiles: [t.profile],
      steps,
      checks: [],
    },
  };
}
