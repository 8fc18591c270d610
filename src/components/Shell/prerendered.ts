// Whether the page opens in the very state the build rendered into index.html (src/prerender.tsx):
// no query that picks a lab, flow, hop, profile or theme, in the language of the drawn copy.
import type { Lang } from '../../i18n/locale';

const STATE_PARAMS = ['lab', 'flow', 'hop', 'profile', 'theme'];

export function opensAsPrerendered(root: HTMLElement, search: string, lang: Lang): boolean {
  if (root.dataset['prerendered'] !== lang) return false;
  const q = new URLSearchParams(search);
  return !STATE_PARAMS.some((p) => q.has(p));
}

/**
 * The build draws the default lab in both languages (#root English, #root-zh-CN Chinese; CSS shows
 * the one public/early.js picked). Keeps the copy in `lang` as #root and drops the other.
 */
export function takePrerenderedCopy(lang: Lang): HTMLElement | null {
  const en = document.getElementById('root');
  const zh = document.getElementById('root-zh-CN');
  if (!zh) return en;
  if (lang !== 'zh-CN') {
    zh.remove();
    return en;
  }
  en?.remove();
  zh.removeAttribute('lang'); // the app puts the language on <html>
  zh.id = 'root';
  return zh;
}
