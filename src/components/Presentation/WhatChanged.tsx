// Presentation mode's "what changed" card, at a NAT hop: the header before and after (the rewritten
// fields marked), the rule that asked for it with its counters, and the conntrack entry the hop
// created or used, side by side at projector size. Loaded with presentation mode (AppShell).
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectCurrentEntry, selectRuleAt, selectSeen } from '../../store/selectors';
import { tupleText } from '../Conntrack/tuple';
import { whatChanged, type HeaderLine, type Part } from './whatChanged';

function Parts(props: { parts: readonly Part[] }) {
  return props.parts.map((p, i) =>
    p.changed ? (
      <mark key={i} data-changed="">
        {p.text}
      </mark>
    ) : (
      <span key={i}>{p.text}</span>
    ),
  );
}

function Header(props: { line: HeaderLine; label: string; testId: string }) {
  return (
    <div className="wc-line" data-testid={props.testId}>
      <span className="wc-tag">{props.label}</span>
      <code>
        <Parts parts={props.line.src} /> → <Parts parts={props.line.dst} />
      </code>
    </div>
  );
}

export default function WhatChanged() {
  const entry = useAppStore(selectCurrentEntry);
  const ruleAt = useAppStore(selectRuleAt);
  const nf = useAppStore((s) => selectSeen(s).netfilter);
  const t = useT();
  const card = entry ? whatChanged(entry.hop, entry.packet.direction, ruleAt, nf) : null;
  if (!card) return null;
  const e = card.entry;
  return (
    <section className="what-changed" data-testid="what-changed" aria-label={t('changed.title')}>
      <div className="wc-col">
        <h3>{t('changed.header')}</h3>
        <Header line={card.before} label={t('changed.before')} testId="wc-before" />
        <Header line={card.after} label={t('changed.after')} testId="wc-after" />
      </div>
      <div className="wc-col" data-testid="wc-rule">
        <h3>{t('changed.rule')}</h3>
        {card.rule ? (
          <>
            <code>{card.rule.text}</code>
            <div className="wc-counters">
              pkts {card.rule.pkts} bytes {card.rule.bytes}
            </div>
          </>
        ) : (
          <p>{t('nf.byConntrack')}</p>
        )}
      </div>
      <div className="wc-col" data-testid="wc-entry">
        <h3>
          {t('changed.entry')}
          {e && (
            <span className="wc-flag">
              {card.entryState === 'created'
                ? t('conntrack.createdNow')
                : card.entryState === 'de-nat'
                  ? t('conntrack.deNat')
                  : t('changed.used')}
            </span>
          )}
        </h3>
        {e && (
          <>
            <code>
              {e.proto}
              {card.state ? ` ${card.state}` : ''}
            </code>
            <div className="wc-line">
              <span className="wc-tag">{t('conntrack.orig')}</span>
              <code>{tupleText(e.orig)}</code>
            </div>
            <div className="wc-line">
              <span className="wc-tag">{t('conntrack.reply')}</span>
              <code>{tupleText(e.reply)}</code>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
