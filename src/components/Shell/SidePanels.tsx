// The tabbed panel under the inspector: netfilter, conntrack, ARP and FDB.
import { useUi } from '../../hooks/useUi';
import type { PanelTab } from '../../store/ui-slice';
import { ConntrackPanel } from '../Conntrack/ConntrackPanel';
import { NetfilterPanel } from '../Netfilter/NetfilterPanel';
import { NeighFdbPanel } from '../Tables/NeighFdbPanel';

const TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'netfilter', label: 'Netfilter' },
  { id: 'conntrack', label: 'Conntrack' },
  { id: 'tables', label: 'ARP & FDB' },
];

export function SidePanels() {
  const tab = useUi((s) => s.panelTab);
  const setTab = useUi((s) => s.setPanelTab);
  return (
    <section className="panel side-panels" aria-label="Kernel tables">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)} data-testid={`tab-${t.id}`}>
            {t.label}
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
