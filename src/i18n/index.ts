// Message lookup: catalogue text with `{param}` holes filled; an unknown key shows as itself.
import { en } from './en';
import { zhCN } from './zh-CN';

export type Catalogue = { readonly [key: string]: string | undefined };
export type Params = { readonly [name: string]: string | number };

const english: Catalogue = en;
const catalogues: { readonly [lang: string]: Catalogue } = { en: english, 'zh-CN': zhCN };

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
