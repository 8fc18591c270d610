// The strict parser of a teacher lesson (untrusted JSON in): every field known, every bound kept,
// the first problem named by its path. Whether the commands still work is the replay's to say.
import { DEFAULT_PROFILE, PROFILES, profileNamed } from '../sim';
import { flow } from '../share/document';
import { ShareError, arr, fail, int, obj, oneOf, shown, str } from '../share/guards';
import type { ParseResult } from '../share';
import {
  COMMAND_PROGRAMS,
  HOP_KINDS,
  LESSON_FORMAT,
  LESSON_LIMITS as L,
  LESSON_VERSION,
  type TeacherLesson,
  type TeacherQuestion,
  type TeacherStep,
  type TeacherText,
} from './format';

/** Control characters (C0 and DEL); `multiline` lets newlines and tabs through (a note's paragraphs). */
function controlIn(v: string, multiline: boolean): boolean {
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 || c === 0x7f) && !(multiline && (c === 10 || c === 9))) return true;
  }
  return false;
}

function plain(v: unknown, p: string, max: number, multiline: boolean): string {
  const s = str(v, p, max);
  if (controlIn(s, multiline)) fail(p, 'holds a control character');
  return s.trim();
}

function text(v: unknown, p: string, max: number): TeacherText {
  const o = obj(v, p, ['en', 'zh-CN']);
  const one = (k: 'en' | 'zh-CN') =>
    o[k] === undefined ? undefined : plain(o[k], `${p}.${k}`, max, true);
  const en = one('en');
  const zh = one('zh-CN');
  if (!en && !zh) fail(p, 'needs text in English or Chinese');
  return { ...(en ? { en } : {}), ...(zh ? { 'zh-CN': zh } : {}) };
}

function command(v: unknown, p: string): string {
  const line = plain(v, p, L.lineChars, false);
  const program = line.split(/\s+/)[0] ?? '';
  if (!(COMMAND_PROGRAMS as readonly string[]).includes(program))
    fail(
      p,
      `unknown op "${program.slice(0, 40)}": a step replays only ${COMMAND_PROGRAMS.join(', ')} commands`,
    );
  return line;
}

function question(v: unknown, p: string): TeacherQuestion {
  const kind = oneOf((v as { kind?: unknown } | null)?.kind, `${p}.kind`, [
    'choices',
    ...HOP_KINDS,
  ] as const);
  if (kind === 'choices') {
    const o = obj(v, p, ['kind', 'text', 'choices', 'answer']);
    const choices = arr(o['choices'], `${p}.choices`, L.choices.max, (x, q) =>
      text(x, q, L.choiceChars),
    );
    if (choices.length < L.choices.min) fail(`${p}.choices`, `needs at least ${L.choices.min}`);
    return {
      kind,
      text: text(o['text'], `${p}.text`, L.noteChars),
      choices,
      answer: int(o['answer'], `${p}.answer`, 0, choices.length - 1),
    };
  }
  const o = obj(v, p, ['kind', 'at', 'text']);
  const at = obj(o['at'], `${p}.at`, ['packet', 'hop']);
  return {
    kind,
    at: {
      packet: int(at['packet'], `${p}.at.packet`, 0, 10_000),
      hop: int(at['hop'], `${p}.at.hop`, 0, 100_000),
    },
    ...(o['text'] === undefined ? {} : { text: text(o['text'], `${p}.text`, L.noteChars) }),
  };
}

function step(v: unknown, p: string): TeacherStep {
  const o = obj(v, p, ['title', 'note', 'commands', 'flow', 'question']);
  const commands = arr(o['commands'] ?? [], `${p}.commands`, L.commandsPerStep, command);
  const s: TeacherStep = {
    commands,
    ...(o['title'] === undefined ? {} : { title: text(o['title'], `${p}.title`, L.titleChars) }),
    ...(o['note'] === undefined ? {} : { note: text(o['note'], `${p}.note`, L.noteChars) }),
    ...(o['flow'] === undefined ? {} : { flow: flow(o['flow'], `${p}.flow`) }),
  };
  if (o['question'] === undefined) return s;
  const q = question(o['question'], `${p}.question`);
  if (q.kind !== 'choices' && !s.flow)
    fail(`${p}.question`, `a ${q.kind} question needs the step's flow`);
  return { ...s, question: q };
}

function lesson(v: unknown): TeacherLesson {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail('lesson', 'expected a JSON object');
  const raw = v as { readonly [k: string]: unknown };
  if (raw['format'] !== LESSON_FORMAT)
    fail('format', `${shown(raw['format'])} is not a lesson (expected "${LESSON_FORMAT}")`);
  if (raw['version'] !== LESSON_VERSION)
    fail(
      'version',
      `unsupported version ${shown(raw['version'])}: this lab reads lessons of version ${LESSON_VERSION}`,
    );
  const o = obj(v, 'lesson', ['format', 'version', 'title', 'profile', 'steps']);
  const steps = arr(o['steps'], 'steps', L.steps, step);
  if (steps.length === 0) fail('steps', 'a lesson needs at least one step');
  const total = steps.reduce((n, s) => n + s.commands.length, 0);
  if (total > L.commands) fail('steps', `too many commands (${total} > ${L.commands})`);
  return {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    title: text(o['title'], 'title', L.titleChars),
    // A release id, or its old name ('classic'/'current') in files written before releases.
    profile:
      profileNamed(oneOf(o['profile'], 'profile', [...PROFILES, 'classic', 'current'])) ??
      DEFAULT_PROFILE,
    steps,
  };
}

/** An already JSON-decoded value as a lesson, or the first reason it is not one. */
export function parseTeacherLesson(v: unknown): ParseResult<TeacherLesson> {
  try {
    return { ok: true, value: lesson(v) };
  } catch (e) {
    if (e instanceof ShareError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'lesson: too deeply nested' };
    throw e;
  }
}
