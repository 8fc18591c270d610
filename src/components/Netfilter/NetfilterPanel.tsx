// The host's raw/nat/filter chains with their counters as of the current hop (selectSeen); the rule
// behind this hop lit up: the one it matched, or for a NAT rewrite the rule that asked for it.
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { NetfilterStep, TableName } from '../../sim';
import { chainsInOrder, RELEASES } from '../../sim';
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectCurrentEntry, selectRuleAt, selectSeen } from '../../store/selectors';
import { RuleRow } from './RuleRow';

const TABLES: readonly TableName[] = ['raw', 'nat', 'filter'];

function Tables(props: { step: NetfilterStep | null; cursor: number }) {
  // A new rule (`docker run -p`) reaches the tables in a render of its own, after the diagram has
  // shown the container: the tables of a big lab are the most costly part of the page to lay out.
  // The rules carry their counters as they stood at this hop, not after the whole flow.
  const netfilter = useDeferredValue(useAppStore((s) => selectSeen(s).netfilter));
  const profile = useAppStore((s) => s.world.profile);
  const tr = useT();
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
        <span className="muted profile">
          {tr('nf.profile', { profile: `Docker ${RELEASES[profile].version}` })}
        </span>
      </div>
      <div className="nf-scroll" ref={ref} data-testid="netfilter-rules">
        {chainsInOrder(netfilter[table]).map((chain) => {
          const here = step !== null && step.table === table && step.chain === chain.name;
          const policyHit = here && step.rule === null;
          const policy = chain;
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

export function NetfilterPanel() {
  const entry = useAppStore(selectCurrentEntry);
  const cursor = useAppStore((s) => s.cursor);
  const found = useAppStore(selectRuleAt);
  // A lesson's question waits at this hop: the rule that decided it would answer it.
  const veiled = useAppStore((s) => s.lessonGate !== null && s.cursor >= s.lessonGate);
  const ruleAt = veiled ? null : found;
  const step = ruleAt?.step ?? null;
  // conntrack rewrote this packet from its entry: say so rather than "not netfilter".
  const byEntry = entry?.hop.event === 'nat' && !step;
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
          <strong data-testid="nf-path">
            {step.table}/{[...(ruleAt?.path ?? []), step].map((x) => x.chain).join(' → ')}
          </strong>
          <span>→ {step.target}</span>
          {step.rule ? <code>{step.rule}</code> : <span>{tr('nf.chainPolicy')}</span>}
        </p>
      ) : (
        <p className="nf-now small muted" data-testid={veiled ? 'nf-veiled' : undefined}>
          {tr(
            veiled
              ? 'narration.veiled'
              : byEntry
                ? 'nf.byConntrack'
                : entry
                  ? 'nf.notHere'
                  : 'nf.noPacket',
          )}
        </p>
      )}
      <Tables step={step} cursor={cursor} />
    </div>
  );
}
