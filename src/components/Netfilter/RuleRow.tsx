// One rule as a row of `iptables -L -n -v`. Memoised: a `docker run -p` rebuilds the rule objects,
// and a lab of 50 containers has some 150 rows; only a new rule, a counter or a highlight re-renders.
// The side panel (at most ~420 px) cannot hold a rule's whole line, and its end is what a lesson
// points at (a DNAT's `to:172.17.0.2:80`): so a rule takes two rows, the counters, target, protocol
// and interfaces, then below the target its source → destination and matches. The Text tab keeps
// the one-line layout of `iptables -L -n -v`.
import { Fragment, memo } from 'react';
import type { Rule } from '../../sim';
import { ruleSpec } from '../../sim';
import { ruleColumns } from './ruleColumns';

export interface RuleRowProps {
  readonly chain: string;
  readonly rule: Rule;
  readonly matched: boolean;
  readonly passed: boolean;
}

/** The id is the table and the iptables-save line: same id, same match and target. */
const sameRule = (a: Rule, b: Rule): boolean =>
  a === b || (a.id === b.id && a.pkts === b.pkts && a.bytes === b.bytes);

export const RuleRow = memo(
  function RuleRow({ chain, rule, matched, passed }: RuleRowProps) {
    const c = ruleColumns(rule);
    const state = matched ? 'matched' : passed ? 'passed' : '';
    const spec = ruleSpec(chain, rule);
    return (
      <Fragment>
        <tr
          className={state}
          title={spec}
          data-rule-id={rule.id}
          aria-current={matched ? 'true' : undefined}
        >
          <td className="num">{c.pkts}</td>
          <td className="num">{c.bytes}</td>
          <td className="target">{matched ? `▶ ${c.target}` : c.target}</td>
          <td>{c.prot}</td>
          <td>{c.inIface}</td>
          <td>{c.outIface}</td>
        </tr>
        <tr className={`rule-more${state ? ` more-${state}` : ''}`} title={spec}>
          <td colSpan={2} />
          <td colSpan={4}>
            <span className="addr">{c.source}</span>
            <span aria-hidden="true"> → </span>
            <span className="addr">{c.destination}</span>
            {c.extras && <span className="extras"> {c.extras}</span>}
          </td>
        </tr>
      </Fragment>
    );
  },
  (a, b) =>
    a.chain === b.chain &&
    a.matched === b.matched &&
    a.passed === b.passed &&
    sameRule(a.rule, b.rule),
);
