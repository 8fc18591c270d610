// One rule as the columns of `iptables -L -n -v`: counters, then what ruleMatch says it matches and does.
import type { Rule } from '../../sim';
import { formatCounter } from '../../sim';
import { ruleMatch, type RuleMatchColumns } from './ruleMatch';

export interface RuleColumns extends RuleMatchColumns {
  readonly pkts: string;
  readonly bytes: string;
}

export function ruleColumns(r: Rule): RuleColumns {
  return {
    pkts: formatCounter(r.pkts, false).trim(),
    bytes: formatCounter(r.bytes, false).trim(),
    ...ruleMatch(r),
  };
}
