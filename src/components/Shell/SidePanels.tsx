// The tabbed panel under the inspector: netfilter, conntrack, ARP and FDB.
import { useT } from '../../hooks/useT';
import { useUi } from '../../hooks/useUi';
import type { PanelTab } from '../../store/ui-slice';
import { ConntrackPanel } from '../Conntrack/ConntrackPanel';
import { NetfilterPanel } from '../Netfilter/NetfilterPanel';
import { NeighFdbPanel } from '../Tables/NeighFdbPanel';

const TABS: readonly { id: PanelTab; label: 'tab.netfilter' | 'tab.conntrack' | 'tab.tables' }[] = [
  { id: 'netfilter', label: 'tab.netfilter' },
  { id: 'conntrack', label: 'tab.conntrack' },
  { id: 'tables', label: 'tab.tables' },
];

export function SidePanels() {
  const tr = useT();
  const tab = useUi((s) => s.panelTab);
  const setTab = useUi((s) => s.setPanelTab);
  return (
    <section className="panel side-panels" aria-label={tr('shell.kernelTables')}>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)} data-testid={`tab-${t.id}`}>
            {tr(t.label)}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'netfilter' && <NetfilterPanel />}
        {tab === 'conntrack' && <ConntrackPanel />}
        {tab === 'tables' && <NeighFdbPanel />}
      </div>
    </section>
  );
}
