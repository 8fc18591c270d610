// The lab document: a versioned JSON envelope around a world, and its strict parser (untrusted input in).
import { findLesson } from '../lessons';
import { findChallenge } from '../lessons/challenges';
import type { Lang } from '../i18n/locale';
import { flowProblem, labProblems, LIMITS, SYN_GIVE_UP_S, type World } from '../sim';
import type { Flow } from '../sim';
import { ShareError, fail, int, ipv4, name, num, obj, oneOf, shown, str } from './guards';
import { parseWorld } from './parse-world-root';
import type { TeacherLesson } from '../teacher/format';
import { parseTeacherLesson } from '../teacher/parse';
import { checkAddresses, checkBindings, checkIdentity } from '../sim';

export const FORMAT = 'docker-network-lab';
export const VERSION = 1;

/** Where playback stands: packet index and hop index in the flow's trace. */
export interface Cursor {
  readonly packet: number;
  readonly hop: number;
}

export interface LabDocument {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly world: World;
  readonly flow?: Flow;
  readonly cursor?: Cursor;
  /** The lesson on screen; `seed` orders its choices, so a shared link shows them in the same order. */
  readonly lesson?: { readonly id: string; readonly step: number; readonly seed?: number };
  /**
   * A teacher's lesson on screen (src/teacher): the lesson itself, since no catalogue knows it, and
   * the student's step in it. Opening the lab replays it (every command must still work).
   */
  readonly teacher?: {
    readonly lesson: TeacherLesson;
    readonly step: number;
    readonly seed?: number;
  };
  /** The break-fix challenge on screen and how many of its hints were shown (the world is the lab). */
  readonly challenge?: { readonly id: string; readonly hints: number };
  readonly lang?: Lang;
}

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** A flow from untrusted JSON at path `p` (also a teacher lesson's steps, src/teacher). */
export function flow(v: unknown, p: string): Flow {
  const o = obj(v, p, ['from', 'to', 'kind', 'name', 'lookup', 'port', 'count', 'path', 'wait']);
  const f = obj(o['from'], `${p}.from`, ['kind', 'name']);
  const kind = oneOf(f['kind'], `${p}.from.kind`, ['host', 'container', 'remote'] as const);
  const from =
    kind === 'host'
      ? (obj(o['from'], `${p}.from`, ['kind']), { kind })
      : { kind, name: name(f['name'], `${p}.from.name`) };
  const base: Flow = {
    from,
    to: ipv4(o['to'], `${p}.to`),
    kind: oneOf(o['kind'], `${p}.kind`, ['ping', 'tcp', 'http', 'udp', 'dns'] as const),
  };
  const parsed: Flow = {
    ...base,
    // Port 0 is a real flow: curl tries it and the kernel refuses the connection.
    // A goal's flow by name (a challenge shown in the diagram): resolved again when it is sent.
    ...(o['name'] === undefined ? {} : { name: name(o['name'], `${p}.name`) }),
    // The name a terminal's client looked up first (`ping example.com`): its query is walked too.
    ...(o['lookup'] === undefined ? {} : { lookup: name(o['lookup'], `${p}.lookup`) }),
    ...(o['port'] === undefined ? {} : { port: int(o['port'], `${p}.port`, 0, 65535) }),
    ...(o['count'] === undefined
      ? {}
      : { count: int(o['count'], `${p}.count`, 1, LIMITS.pingCount) }),
    ...(o['path'] === undefined
      ? {}
      : { path: str(o['path'], `${p}.path`, LIMITS.pathChars, /^\//) }),
    // How long the tool waited for its connection (curl -m, nc -w): the SYNs sent again before.
    ...(o['wait'] === undefined ? {} : { wait: num(o['wait'], `${p}.wait`, 0, SYN_GIVE_UP_S) }),
  };
  const problem = flowProblem(parsed);
  return problem === null ? parsed : fail(p, problem);
}

/** A teacher's lesson and the step reached in it, checked by the lesson file's own parser. */
function teacherAt(v: unknown): NonNullable<LabDocument['teacher']> {
  const t = obj(v, 'teacher', ['lesson', 'step', 'seed']);
  const lesson = parseTeacherLesson(t['lesson']);
  if (!lesson.ok) fail('teacher.lesson', lesson.error);
  return {
    lesson: lesson.value,
    step: int(t['step'], 'teacher.step', 0, lesson.value.steps.length - 1),
    ...(t['seed'] === undefined ? {} : { seed: int(t['seed'], 'teacher.seed', 0, 0xffffffff) }),
  };
}

function fields(v: unknown): LabDocument {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail('document', 'expected a JSON object');
  const raw = v as { readonly [k: string]: unknown };
  if (raw['format'] !== FORMAT) fail('format', `not a ${FORMAT} document`);
  if (raw['version'] !== VERSION)
    fail(
      'version',
      `unsupported version ${shown(raw['version'])}: this lab reads version ${VERSION}`,
    );
  const o = obj(v, 'document', [
    'format',
    'version',
    'world',
    'flow',
    'cursor',
    'lesson',
    'challenge',
    'lang',
    'teacher',
  ]);
  const world = parseWorld(o['world']);
  // Well-formed is not enough: the lab must be one the engine could have made.
  const broken = [
    ...labProblems(world),
    ...checkAddresses(world),
    ...checkBindings(world),
    ...checkIdentity(world),
  ];
  if (broken[0] !== undefined) fail('world', `inconsistent lab: ${broken[0]}`);
  let doc: LabDocument = { format: FORMAT, version: VERSION, world };
  if (o['flow'] !== undefined) doc = { ...doc, flow: flow(o['flow'], 'flow') };
  if (o['cursor'] !== undefined) {
    const c = obj(o['cursor'], 'cursor', ['packet', 'hop']);
    doc = {
      ...doc,
      cursor: {
        packet: int(c['packet'], 'cursor.packet', 0, 10_000),
        hop: int(c['hop'], 'cursor.hop', 0, 100_000),
      },
    };
  }
  if (o['lesson'] !== undefined) {
    const l = obj(o['lesson'], 'lesson', ['id', 'step', 'seed']);
    const id = str(l['id'], 'lesson.id', 64, /^[a-z0-9-]+$/);
    const lesson = findLesson(id);
    if (!lesson) fail('lesson.id', `no lesson "${id}"`);
    doc = {
      ...doc,
      lesson: {
        id,
        step: int(l['step'], 'lesson.step', 0, lesson.steps.length - 1),
        ...(l['seed'] === undefined ? {} : { seed: int(l['seed'], 'lesson.seed', 0, 0xffffffff) }),
      },
    };
  }
  if (o['teacher'] !== undefined) doc = { ...doc, teacher: teacherAt(o['teacher']) };
  if (o['challenge'] !== undefined) {
    const c = obj(o['challenge'], 'challenge', ['id', 'hints']);
    const id = str(c['id'], 'challenge.id', 64, /^[a-z0-9-]+$/);
    const challenge = findChallenge(id);
    if (!challenge) fail('challenge.id', `no challenge "${id}"`);
    doc = {
      ...doc,
      challenge: { id, hints: int(c['hints'], 'challenge.hints', 0, challenge.hints.length) },
    };
  }
  if (o['lang'] !== undefined)
    doc = { ...doc, lang: oneOf(o['lang'], 'lang', ['en', 'zh-CN'] as const) };
  return doc;
}

/** Parses an already JSON-decoded value: a typed lab, or the first reason it is not one. */
export function parseLab(v: unknown): ParseResult<LabDocument> {
  try {
    return { ok: true, value: fields(v) };
  } catch (e) {
    if (e instanceof ShareError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'document: too deeply nested' };
    throw e;
  }
}
