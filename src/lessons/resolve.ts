// Resolving a question against a step's run: the choices and the answer come from the trace or the world.
import { traceAsk } from './ask-trace';
import { worldAsk } from './ask-world';
import { ARRIVES, QUESTIONS, choiceFor } from './labels';
import type { StepRun } from './run';
import { hopAt, resolvePacket, selectHop, type HopRef } from './selector';
import type { Choice, Prediction, Text } from './types';

export interface ResolvedPrediction {
  readonly id: string;
  readonly question: Text;
  /**
   * The answer and the prediction's mistakes (at most MAX_CHOICES), sorted by id: the player shows
   * them in a seeded shuffle (orderChoices), so neither order gives the answer away.
   */
  readonly choices: readonly Choice[];
  /** Why each wrong choice on offer is wrong (by choice id). */
  readonly why: { readonly [choiceId: string]: Text };
  readonly answer: string;
  /** The hop that shows the answer (trace questions); null for world questions and facts. */
  readonly at: HopRef | null;
  /** Where playback pauses to ask: the hop just before `at`. */
  readonly askAt: HopRef | null;
  /** The engine's own words behind the answer: Docker's error or warning for `setup`. */
  readonly detail: string | null;
}

export type Resolution =
  | { readonly ok: true; readonly value: ResolvedPrediction }
  | { readonly ok: false; readonly error: string };

export const MAX_CHOICES = 4;

/**
 * The answer plus the prediction's mistakes, de-duplicated and capped; the engine's candidates fill
 * in only for a prediction that names too few (the lesson tests refuse a choice without a why).
 */
function pick(p: Prediction, answer: Choice, candidates: readonly Choice[]): Choice[] {
  const out = new Map<string, Choice>([[answer.id, answer]]);
  const add = (c: Choice | null) => {
    if (c && out.size < MAX_CHOICES && !out.has(c.id)) out.set(c.id, c);
  };
  for (const m of p.mistakes ?? []) add(choiceFor(p.ask, m.id));
  if (out.size < 2) for (const c of candidates) add(c);
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const whyOf = (p: Prediction, answer: string): { [id: string]: Text } =>
  Object.fromEntries((p.mistakes ?? []).filter((m) => m.id !== answer).map((m) => [m.id, m.why]));

/** `{container}` in a default question: the container the ask names. */
function questionOf(p: Prediction): Text {
  const ask = p.ask;
  const q = p.question ?? (ask.kind === 'fact' ? ask.question : QUESTIONS[ask.kind]);
  const name = 'container' in ask ? ask.container : null;
  if (!name) return q;
  return {
    en: q.en.replace('{container}', name),
    'zh-CN': q['zh-CN'].replace('{container}', name),
  };
}

/** The question, its choices and its answer, read from this run (and the cursor, for `after: 'cursor'`). */
export function resolvePrediction(p: Prediction, run: StepRun, cursor?: HopRef): Resolution {
  const ask = p.ask;
  const question = questionOf(p);
  const done = (
    answer: Choice,
    candidates: readonly Choice[],
    at: HopRef | null,
    detail: string | null = null,
  ): Resolution => {
    const before = p.askBefore && at ? selectHop(packets, p.askBefore) : null;
    const stop = before && at && before.packet === at.packet && before.hop < at.hop ? before : at;
    const askAt = stop ? { packet: stop.packet, hop: Math.max(0, stop.hop - 1) } : null;
    return {
      ok: true,
      value: {
        id: p.id,
        question,
        choices: pick(p, answer, candidates),
        why: whyOf(p, answer.id),
        answer: answer.id,
        at,
        askAt,
        detail,
      },
    };
  };
  const packets = run.sim?.packets ?? [];
  if (ask.kind === 'fact') {
    const answer = ask.choices.find((c) => c.id === ask.answer);
    return answer
      ? done(answer, ask.choices, null)
      : { ok: false, error: `${p.id}: fact answer not among its choices` };
  }
  if (ask.kind === 'arrives') {
    const i = resolvePacket(packets, ask.packet ?? 0);
    const pk = i === null ? undefined : packets[i];
    if (i === null || !pk) return { ok: false, error: `${p.id}: the trace has no such packet` };
    const answer =
      ARRIVES.find((c) => c.id === (pk.outcome.kind === 'delivered' ? 'yes' : 'no')) ?? ARRIVES[0]!;
    const at = { packet: i, hop: Math.max(0, pk.hops.length - 1) };
    return {
      ok: true,
      value: {
        id: p.id,
        question,
        choices: [...ARRIVES],
        why: whyOf(p, answer.id),
        answer: answer.id,
        at,
        askAt: { packet: i, hop: 0 },
        detail: null,
      },
    };
  }
  if ('hop' in ask) {
    const ref = selectHop(packets, ask.hop, cursor);
    const hop = ref ? hopAt(packets, ref) : undefined;
    if (!ref || !hop)
      return { ok: false, error: `${p.id}: no hop in the trace matches the selector` };
    const r = traceAsk(ask, packets, ref, hop, run.world);
    return typeof r === 'string'
      ? { ok: false, error: `${p.id}: ${r}` }
      : done(r.answer, r.candidates, ref);
  }
  const r = worldAsk(ask, run);
  return typeof r === 'string'
    ? { ok: false, error: `${p.id}: ${r}` }
    : done(r.answer, r.candidates, null, r.detail);
}
