// Message lookup: catalogue text with `{param}` holes filled; an unknown key shows as itself.
// Narration (en.ts / zh-CN.ts, keyed by the engine's WhyKey) and the interface (en-ui.ts /
// zh-CN-ui.ts, keyed by UiKey) share one lookup; the two key sets never overlap. English is always
// here; Chinese is fetched when first chosen (loadCatalogue), English stands in until it is.
import { fill, type WhyKey } from '../sim';
import { en } from './en';
import { enUi, type UiKey } from './en-ui';
import type { Lang } from './locale';

export type Catalogue = { readonly [key: string]: string | undefined };
export type Params = { readonly [name: string]: string | number };

export type { UiKey };
/** Any key a component may ask for: an interface string or an engine narration key. */
export type MessageKey = UiKey | WhyKey;

const english: Catalogue = { ...en, ...enUi };
const catalogues: { [lang: string]: Catalogue } = { en: english };

/** How each other language's catalogue is fetched. */
const FETCH: { readonly [L in Lang]?: () => Promise<Catalogue> } = {
  'zh-CN': () => import('./zh-CN-all').then((m) => m.chinese),
};
const fetched = new Map<Lang, Promise<boolean>>();

/** True when `lang`'s own text is here (English always is). */
export function hasCatalogue(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/**
 * Fetches `lang`'s catalogue once: the same promise every time, true when it is here, false when it
 * could not be fetched (English then stands in, and this page does not ask again).
 */
export function loadCatalogue(lang: Lang): Promise<boolean> {
  let p = fetched.get(lang);
  if (!p) {
    const fetch = FETCH[lang];
    p =
      hasCatalogue(lang) || !fetch
        ? Promise.resolve(hasCatalogue(lang))
        : fetch().then(
            (c) => {
              catalogues[lang] = c;
              return true;
            },
            () => false,
          );
    fetched.set(lang, p);
  }
  return p;
}

/** Fills `{name}` holes (the engine's own formatter: one for narration and interface alike). */
export const format = fill;

export function translate(key: string, params: Params = {}, lang = 'en'): string {
  const template = catalogues[lang]?.[key] ?? english[key];
  return template === undefined ? key : format(template, params);
}

export function hasMessage(key: string, lang = 'en'): boolean {
  return (catalogues[lang] ?? english)[key] !== undefined;
}
