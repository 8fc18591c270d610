// The host's raw/nat/filter chains with counters; the rule the engine matched at this hop lit up.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { NetfilterStep, TableName } from '../../sim';
import { chainsInOrder } from '../../sim/netfilter/order';
import { useT } from '../../hooks/useT';
import { useAppStore, useAppStoreRef } from '../../store/react';
import { selectCurrentEntry, selectTimeline, type TimelineEntry } from '../../store/selectors';
import { countersAt, policyKey, ruleKey } from './countersAt';
import { RuleRow } from './RuleRow';

const TABLES: readonly TableName[] = ['raw', 'nat', 'filter'];

function Tables(props: { step: NetfilterStep | null; cursor: number }) {
  // A new rule (`docker run -p`) reaches the tables in a render of its own, after the diagram has
  // shown the container: the tables of a big lab are the most costly part of the page to lay out.
  const netfilter = useDeferredValue(useAppStore((s) => s.world.netfilter));
  const profile = useAppStore((s) => s.world.profile);
  const tr = useT();
  const timeline = useAppStoreRef(selectTimeline);
  // Counters as they stood at this hop, not after the whole flow.
  const counters = useMemo(() => countersAt(timeline, props.cursor), [timeline, props.cursor]);
  // A table picked by hand holds only on the hop it was picked on; then the engine's hop leads again.
  const [choice, setChoice] = useState<{ table: TableName; at: number } | null>(null);
  const chosen = choice && choice.at === props.cursor ? choice.table : null;
  const table = chosen ?? props.step?.table ?? 'nat';
  const ref = useRef<HTMLDivElement | null>(null);
  const step = props.step;
  useEffect(() => {
    const hit = ref.current?.querySelector<HTMLElement>('.matched, .policy-hit');
    // A narrow panel shows the rule on two rows (RuleRow): bring the second into view, then the first.
    if (hit?.nextElementSibling?.classList.contains('more-matched')) {
      hit.nextElementSibling.scrollIntoView({ block: 'nearest' });
    }
    hit?.scrollIntoView({ block: 'nearest' });
  }, [step]);
  return (
    <>
      <div className="tabs small" role="tablist" aria-label={tr('nf.tableLabel')}>
        {TABLES.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={t === table}
            onClick={() => setChoice({ table: t, at: props.cursor })}
          >
            {t}
          </button>
        ))}
        <span className="muted profile">{tr('nf.profile', { profile })}</span>
      </div>
      <div className="nf-scroll" ref={ref} data-testid="netfilter-rules">
        {chainsInOrder(netfilter[table]).map((chain) => {
          const here = step !== null && step.table === table && step.chain === chain.name;
          const policyHit = here && step.rule === null;
          const policy = counters.get(policyKey(table, chain.name)) ?? chain;
          return (
            <section
              key={chain.name}
              className={`chain${here ? ' current' : ''}`}
              data-testid={`chain-${table}-${chain.name}`}
            >
              <h3 className={policyHit ? 'policy-hit' : ''}>
                Chain {chain.name}{' '}
                <span className="muted">
                  {chain.policy
                    ? `(policy ${chain.policy} ${policy.pkts} packets, ${policy.bytes} bytes)`
                    : tr('nf.userChain')}
                </span>
              </h3>
              <table className="rules">
                <tbody>
                  {chain.rules.map((r) => (
                    <RuleRow
                      key={r.id}
                      chain={chain.name}
                      rule={r}
                      counters={counters.get(ruleKey(r.id))}
                      matched={here && step.ruleId === r.id}
                      passed={here && step.passed.includes(r.id)}
                    />
                  ))}
                  {chain.rules.length === 0 && (
                    <tr className="empty">
                      <td colSpan={6}>{tr('nf.noRules')}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
    </>
  );
}

/** The step to light up: this hop's, or for a drop the rule that just decided it. */
function stepAt(entry: TimelineEntry | null): NetfilterStep | null {
  if (!entry) return null;
  if (entry.hop.nf) return entry.hop.nf;
  if (entry.hop.event !== 'drop') return null;
  return entry.packet.hops[entry.hopIndex - 1]?.nf ?? null;
}

export function NetfilterPanel() {
  const entry = useAppStore(selectCurrentEntry);
  const cursor = useAppStore((s) => s.cursor);
  const step = stepAt(entry);
  const tr = useT();
  return (
    <div className="netfilter" data-testid="netfilter-panel">
      {step ? (
        <p
          className="nf-now small"
          data-testid="nf-now"
          data-chain={`${step.table}/${step.chain}`}
          data-target={step.target}
        >
          <span>{step.hook}:</span>
          <strong>
            {step.table}/{step.chain}
          </strong>
          <span>→ {step.target}</span>
          {step.rule ? <code>{step.rule}</code> : <span>{tr('nf.chainPolicy')}</span>}
        </p>
      ) : (
        <p className="nf-now small muted">{tr(entry ? 'nf.notHere' : 'nf.noPacket')}</p>
      )}
      <Tables step={step} cursor={cursor} />
    </div>
  );
}
