// Whether the page opens in the very state the build rendered into index.html (src/prerender.tsx):
// no query that picks a lab, flow, hop, profile, theme or language, and English.
import type { Lang } from '../../i18n/locale';

const STATE_PARAMS = ['lab', 'flow', 'hop', 'profile', 'theme', 'lang'];

export function opensAsPrerendered(root: HTMLElement, search: string, lang: Lang): boolean {
  if (!('prerendered' in root.dataset)) return false;
  const q = new URLSearchParams(search);
  return lang === 'en' && !STATE_PARAMS.some((p) => q.has(p));
}
