// Message lookup: catalogue text with `{param}` holes filled; an unknown key shows as itself.
// Narration (en.ts / zh-CN.ts, keyed by the engine's WhyKey) and the interface (en-ui.ts /
// zh-CN-ui.ts, keyed by UiKey) share one lookup; the two key sets never overlap.
import type { WhyKey } from '../sim';
import { en } from './en';
import { enUi, type UiKey } from './en-ui';
import { zhCN } from './zh-CN';
import { zhCNUi } from './zh-CN-ui';

export type Catalogue = { readonly [key: string]: string | undefined };
export type Params = { readonly [name: string]: string | number };

export type { UiKey };
/** Any key a component may ask for: an interface string or an engine narration key. */
export type MessageKey = UiKey | WhyKey;

const english: Catalogue = { ...en, ...enUi };
const chinese: Catalogue = { ...zhCN, ...zhCNUi };
const catalogues: { readonly [lang: string]: Catalogue } = { en: english, 'zh-CN': chinese };

/** Fills `{name}` holes; a hole with no parameter stays visible so a gap is obvious, not silent. */
export function format(template: string, params: Params): string {
  return template.replace(/\{([a-zA-Z0-9_.-]+)\}/g, (hole, name: string) => {
    const v = params[name];
    return v === undefined ? hole : String(v);
  });
}

export function translate(key: string, params: Params = {}, lang = 'en'): string {
  const template = catalogues[lang]?.[key] ?? english[key];
  return template === undefined ? key : format(template, params);
}

export function hasMessage(key: string, lang = 'en'): boolean {
  return (catalogues[lang] ?? english)[key] !== undefined;
}
