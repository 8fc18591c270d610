// Each language named in itself, for the header switch: the same in every interface language.
import type { Lang } from './locale';

export const LANG_NAMES: {
  readonly [L in Lang]: { readonly short: string; readonly full: string };
} = {
  en: { short: 'EN', full: 'English' },
  'zh-CN': { short: '中文', full: '简体中文' },
};
