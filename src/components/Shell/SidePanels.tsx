// The tabbed panel under the inspector: netfilter, conntrack, ARP and FDB, and the lab as text.
import { useT } from '../../hooks/useT';
import type { PanelTab } from '../../store/ui-slice';
import { lazy, Suspense } from 'react';
import { NetfilterPanel } from '../Netfilter/NetfilterPanel';
import { useAppStore } from '../../store/react';

// Tabs not shown at first load their code when first opened.
const ConntrackPanel = lazy(() =>
  import('../Conntrack/ConntrackPanel').then((m) => ({ default: m.ConntrackPanel })),
);
const NeighFdbPanel = lazy(() =>
  import('../Tables/NeighFdbPanel').then((m) => ({ default: m.NeighFdbPanel })),
);

const TextView = lazy(() => import('../TextView/TextView').then((m) => ({ default: m.TextView })));

const TABS: readonly {
  id: PanelTab;
  label: 'tab.netfilter' | 'tab.conntrack' | 'tab.tables' | 'tab.text';
}[] = [
  { id: 'netfilter', label: 'tab.netfilter' },
  { id: 'conntrack', label: 'tab.conntrack' },
  { id: 'tables', label: 'tab.tables' },
  { id: 'text', label: 'tab.text' },
];

export function SidePanels() {
  const tr = useT();
  const tab = useAppStore((s) => s.panelTab);
  const setTab = useAppStore((s) => s.setPanelTab);
  return (
    <section className="panel side-panels" aria-label={tr('shell.kernelTables')}>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {tr(t.label)}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'netfilter' && <NetfilterPanel />}
        <Suspense fallback={null}>
          {tab === 'conntrack' && <ConntrackPanel />}
          {tab === 'tables' && <NeighFdbPanel />}
          {tab === 'text' && <TextView />}
        </Suspense>
      </div>
    </section>
  );
}
