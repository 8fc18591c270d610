// The lesson being recorded, as the recorder edits it (every text in both languages, empty when
// not written), and its conversion into the lesson file's shape through the file's own parser.
import type { ParseResult } from '../share';
import type { Flow, Profile } from '../sim';
import type { Text } from '../lessons/types';
import {
  LESSON_FORMAT,
  LESSON_VERSION,
  type HopKind,
  type TeacherLesson,
  type TeacherQuestion,
  type TeacherText,
} from './format';
import { parseTeacherLesson } from './parse';

/** Every text in both languages while it is edited (empty when not written): a lesson `Text`. */
export type DraftText = Text;

export const EMPTY: DraftText = { en: '', 'zh-CN': '' };

export type DraftQuestion =
  | {
      readonly kind: 'choices';
      readonly text: DraftText;
      readonly choices: readonly DraftText[];
      readonly answer: number;
    }
  | {
      readonly kind: HopKind;
      readonly at: { readonly packet: number; readonly hop: number } | null;
      readonly text: DraftText;
    };

export interface DraftStep {
  readonly title: DraftText;
  readonly note: DraftText;
  readonly commands: readonly string[];
  readonly flow: Flow | null;
  readonly question: DraftQuestion | null;
}

export interface Draft {
  readonly title: DraftText;
  readonly profile: Profile;
  /** The last step is the one being recorded. */
  readonly steps: readonly DraftStep[];
}

export const emptyStep = (): DraftStep => ({
  title: EMPTY,
  note: EMPTY,
  commands: [],
  flow: null,
  question: null,
});

export const newDraft = (profile: Profile): Draft => ({
  title: EMPTY,
  profile,
  steps: [emptyStep()],
});

const replaceLast = (d: Draft, f: (s: DraftStep) => DraftStep): Draft => {
  const last = d.steps[d.steps.length - 1] ?? emptyStep();
  return { ...d, steps: [...d.steps.slice(0, -1), f(last)] };
};

/** A step's setup runs before its flow: a command after the flow starts the next step. */
export function addCommand(d: Draft, line: string): Draft {
  const last = d.steps[d.steps.length - 1];
  const next = last?.flow ? { ...d, steps: [...d.steps, emptyStep()] } : d;
  return replaceLast(next, (s) => ({ ...s, commands: [...s.commands, line] }));
}

/** One flow a step: a second flow starts the next step. */
export function addFlow(d: Draft, flow: Flow): Draft {
  const last = d.steps[d.steps.length - 1];
  const next = last?.flow ? { ...d, steps: [...d.steps, emptyStep()] } : d;
  return replaceLast(next, (s) => ({ ...s, flow }));
}

export function nextStep(d: Draft): Draft {
  const last = d.steps[d.steps.length - 1];
  return last && isEmpty(last) ? d : { ...d, steps: [...d.steps, emptyStep()] };
}

export function editStep(d: Draft, i: number, patch: Partial<DraftStep>): Draft {
  return { ...d, steps: d.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) };
}

const isEmpty = (s: DraftStep) =>
  s.commands.length === 0 && !s.flow && !s.question && !written(s.title) && !written(s.note);

const written = (t: DraftText): TeacherText | undefined => {
  const en = t.en.trim();
  const zh = t['zh-CN'].trim();
  return en || zh ? { ...(en ? { en } : {}), ...(zh ? { 'zh-CN': zh } : {}) } : undefined;
};

function question(q: DraftQuestion): TeacherQuestion | unknown {
  if (q.kind === 'choices')
    return {
      kind: q.kind,
      text: written(q.text) ?? {},
      choices: q.choices.map((c) => written(c) ?? {}),
      answer: q.answer,
    };
  return {
    kind: q.kind,
    at: q.at ?? undefined,
    ...(written(q.text) ? { text: written(q.text) } : {}),
  };
}

/** The draft as a lesson file, or what is still missing (the parser's own words, by path). */
export function toTeacherLesson(d: Draft): ParseResult<TeacherLesson> {
  const steps = d.steps.filter((s) => !isEmpty(s));
  const value = {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    title: written(d.title) ?? {},
    profile: d.profile,
    steps: steps.map((s) => ({
      ...(written(s.title) ? { title: written(s.title) } : {}),
      ...(written(s.note) ? { note: written(s.note) } : {}),
      commands: s.commands,
      ...(s.flow ? { flow: s.flow } : {}),
      ...(s.question ? { question: question(s.question) } : {}),
    })),
  };
  return parseTeacherLesson(value);
}
