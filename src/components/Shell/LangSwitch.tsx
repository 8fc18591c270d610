// EN / 中文 in the header: the interface language, switched at once everywhere and remembered.
// A language's catalogue is fetched on the way to its button, so the click rarely waits for it.
import { useT } from '../../hooks/useT';
import { loadCatalogue } from '../../i18n';
import { LANG_NAMES } from '../../i18n/lang-names';
import { LANGS } from '../../i18n/locale';
import '../../i18n/lang-switch.css';
import { useAppStore } from '../../store/react';

export function LangSwitch() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  return (
    <div
      className="lang-switch"
      role="group"
      aria-label={t('header.language')}
      data-testid="lang-switch"
    >
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'ghost on' : 'ghost'}
          aria-pressed={l === lang}
          lang={l}
          title={LANG_NAMES[l].full}
          onPointerEnter={() => void loadCatalogue(l)}
          onFocus={() => void loadCatalogue(l)}
          onClick={() => setLang(l)}
          data-testid={`lang-${l}`}
        >
          {LANG_NAMES[l].short}
        </button>
      ))}
    </div>
  );
}
