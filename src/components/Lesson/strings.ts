// The lesson and compare panels' words, read from the interface catalogue (src/i18n/en-ui-panels.ts,
// zh-CN-ui-panels.ts: `lesson.*`): typed keys, the catalogue's one formatter, no text of their own.
import { useLang } from '../../hooks/useT';
import { translate, type Params, type UiKey } from '../../i18n';
import type { Lang } from '../../i18n/locale';
import type { DropReason, FlowResult } from '../../sim';

/** A lesson panel key: `lesson.${key}` in the catalogue. */
export type LessonStringKey = Suffix<UiKey>;
type Suffix<K> = K extends `lesson.${infer R}` ? R : never;

export function lessonText(lang: Lang, key: LessonStringKey, params: Params = {}): string {
  return translate(`lesson.${key}`, params, lang);
}

/** The app's language (the lesson panel follows the rest of the interface). */
export const useLessonLang = (): Lang => useLang();

export const resultText = (lang: Lang, r: FlowResult): string =>
  lessonText(lang, `result.${r.kind}`);

export const dropText = (lang: Lang, reason: DropReason): string =>
  lessonText(lang, `drop.${reason}`);
