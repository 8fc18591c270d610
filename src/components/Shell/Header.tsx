// Top bar: product name, the actions that change the lab, the flow presets and the theme switch.
import { useT } from '../../hooks/useT';
import { Presets } from '../Flow/Presets';
import { LessonsButton } from '../Lesson/LessonsButton';
import { PresentButton } from '../Presentation/PresentButton';
import { Share } from '../Share/Share';
import { LangSwitch } from './LangSwitch';
import { NewLab } from './NewLab';
import { useAppStore } from '../../store/react';

export function Header() {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const openForm = useAppStore((s) => s.openForm);
  const setOpenForm = useAppStore((s) => s.setOpenForm);
  return (
    <header className="app-header">
      <div className="brand">
        <svg viewBox="0 0 32 32" width="30" height="30" aria-hidden className="brand-mark">
          <rect x="2" y="6" width="28" height="20" rx="5" />
          <path d="M8 16h16M16 10v12" />
        </svg>
        <span className="brand-name">Docker Network Lab</span>
      </div>
      <div className="header-actions">
        <LessonsButton />
        <NewLab />
        <button
          type="button"
          className={openForm === 'run' ? 'primary on' : 'primary'}
          onClick={() => setOpenForm(openForm === 'run' ? null : 'run')}
          data-testid="open-run"
        >
          {t('header.runContainer')}
        </button>
        <button
          type="button"
          className={openForm === 'network' ? 'on' : ''}
          onClick={() => setOpenForm(openForm === 'network' ? null : 'network')}
          data-testid="open-network"
        >
          {t('header.networks')}
        </button>
        <Share />
        <PresentButton />
      </div>
      <div className="header-presets">
        <span className="label">{t('header.flows')}</span>
        <Presets />
      </div>
      <LangSwitch />
      <button
        type="button"
        className="theme-toggle ghost"
        onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}
        aria-label={t(theme === 'light' ? 'header.toDark' : 'header.toLight')}
        data-testid="theme-toggle"
      >
        {t(theme === 'light' ? 'header.dark' : 'header.light')}
      </button>
    </header>
  );
}
