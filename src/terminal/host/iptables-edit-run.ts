// Runs a rule-changing iptables command: read its words, ask the store to change the rules, and
// print what iptables 1.8.9 prints when the kernel refuses (scripts/record-iptables.sh).
import type { EditRefusal, IptablesEdit } from '../../sim';
import type { Ctx } from '../context';
import { IPT_VERSION, parseEdit } from './iptables-edit';

export { IPT_VERSION, isEditCommand } from './iptables-edit';

/** nf_tables' own refusals name the operation, the errno text and the chain. */
function refusalText(r: EditRefusal, edit: IptablesEdit): { text: string; exit: number } {
  const op = edit.kind === 'insert' ? 'RULE_INSERT' : 'RULE_APPEND';
  const chain = 'chain' in edit ? edit.chain : '';
  const plain = (msg: string) => ({ text: `iptables: ${msg}\n`, exit: 1 });
  const kernel = (what: string) => ({ text: `${IPT_VERSION}:  ${what}\n`, exit: 4 });
  switch (r) {
    case 'no-chain':
      return plain('No chain/target/match by that name.');
    case 'bad-rule':
      return plain('Bad rule (does a matching rule exist in that chain?).');
    case 'insert-index':
      return plain('Index of insertion too big.');
    case 'delete-index':
      return plain('Index of deletion too big.');
    case 'builtin-only':
      return plain('Bad built-in chain name.');
    case 'bad-policy':
      return plain("Bad policy name. Run `dmesg' for more information.");
    case 'chain-exists':
      return plain('Chain already exists.');
    case 'busy':
      return kernel(`CHAIN_DEL failed (Device or resource busy): chain ${chain}`);
    case 'loop':
      return kernel(`${op} failed (Too many links): rule in chain ${chain}`);
    case 'invalid':
      return kernel(`${op} failed (Invalid argument): rule in chain ${chain}`);
  }
}

export function changeRules(args: readonly string[], ctx: Ctx): number {
  const edit = parseEdit(args, ctx.api.world().netfilter);
  if ('exit' in edit) {
    ctx.err(edit.text);
    return edit.exit;
  }
  const r = ctx.api.editIptables(edit);
  if (r.ok) return 0;
  const { text, exit } = refusalText(r.refusal, edit);
  ctx.err(text);
  return exit;
}
