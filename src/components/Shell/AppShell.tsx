// The page: header, diagram with its playback dock, and the panels beside it.
import { useKeyboard } from '../../hooks/useKeyboard';
import { usePlayback } from '../../hooks/usePlayback';
import { useDocumentLang, useT } from '../../hooks/useT';
import { useTheme } from '../../hooks/useTheme';
import { EventList } from '../Controls/EventList';
import { Narration } from '../Controls/Narration';
import { Playback } from '../Controls/Playback';
import { Diagram } from '../Diagram/Diagram';
import { FlowPicker } from '../Flow/FlowPicker';
import { Inspector } from '../Inspector/Inspector';
import { Header } from './Header';
import { SidePanels } from './SidePanels';
import { StatusLine } from './StatusLine';
import { LessonPanel } from '../Lesson/LessonPanel';
import { TerminalPanel } from '../Terminal/TerminalPanel';
import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/react';

// The forms load their code when first opened, not with the first paint.
const RunContainerForm = lazy(() =>
  import('../Forms/RunContainerForm').then((m) => ({ default: m.RunContainerForm })),
);
const NetworkForm = lazy(() =>
  import('../Forms/NetworkForm').then((m) => ({ default: m.NetworkForm })),
);
// Presentation mode's "what changed" card loads with presentation mode.
const WhatChanged = lazy(() => import('../Presentation/WhatChanged'));

export function AppShell() {
  useTheme();
  useDocumentLang();
  const t = useT();
  usePlayback();
  useKeyboard();
  const openForm = useAppStore((s) => s.openForm);
  const presenting = useAppStore((s) => s.presenting);
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <LessonPanel />
        <div className="stage-col">
          <StatusLine />
          <Suspense fallback={null}>
            {openForm === 'run' && <RunContainerForm />}
            {openForm === 'network' && <NetworkForm />}
          </Suspense>
          <Diagram />
          <section className="dock" aria-label={t('shell.playback')}>
            {presenting && (
              <Suspense fallback={null}>
                <WhatChanged />
              </Suspense>
            )}
            <div className="dock-main">
              <Playback />
              <Narration />
            </div>
            <EventList />
            <TerminalPanel />
          </section>
        </div>
        <aside className="side-col">
          <section className="panel flow-panel" aria-label={t('shell.flow')}>
            <h2>{t('shell.sendFlow')}</h2>
            <FlowPicker />
          </section>
          <Inspector />
          <SidePanels />
        </aside>
      </main>
    </div>
  );
}
