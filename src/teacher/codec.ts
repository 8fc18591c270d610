// A teacher lesson as a link (#lesson= + base64url of deflate-raw JSON, packed as lab links are)
// and as a .json file; both read back through the same strict parser, within the same limits.
import { packJson, unpackJson } from '../share/codec';
import { LIMITS, type ParseResult } from '../share';
import type { TeacherLesson } from './format';
import { LESSON_KEY } from './link';
import { parseTeacherLesson } from './parse';

export const LESSON_FILE_SUFFIX = '.lesson.json';

function parseText(text: string): ParseResult<TeacherLesson> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  return parseTeacherLesson(value);
}

/** `#lesson=…`, or why the lesson is too large for a link (then only the file carries it). */
export async function encodeLessonLink(lesson: TeacherLesson): Promise<ParseResult<string>> {
  const data = await packJson(lesson);
  if (data.length > LIMITS.fragmentChars)
    return {
      ok: false,
      error: `the lesson is too large for a link (${data.length} > ${LIMITS.fragmentChars} characters): share the file`,
    };
  return { ok: true, value: `#${LESSON_KEY}=${data}` };
}

/** Reads `#lesson=…` (with or without the `#`): the lesson, or why the link is broken. */
export async function decodeLessonLink(hash: string): Promise<ParseResult<TeacherLesson>> {
  const data = new URLSearchParams(hash.replace(/^#/, '')).get(LESSON_KEY);
  if (data === null) return { ok: false, error: `the link has no #${LESSON_KEY}= part` };
  const text = await unpackJson(data, 'lesson');
  return text.ok ? parseText(text.value) : text;
}

export function encodeLessonFile(lesson: TeacherLesson): string {
  return `${JSON.stringify(lesson, null, 2)}\n`;
}

export function decodeLessonFile(text: string): ParseResult<TeacherLesson> {
  if (text.length > LIMITS.jsonBytes)
    return { ok: false, error: `the file is too large (over ${LIMITS.jsonBytes} bytes)` };
  return parseText(text);
}
