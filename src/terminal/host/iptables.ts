// `iptables [-t T] -L|-S [CHAIN [N]] [-n] [-v] [-x] [--line-numbers] [-Z]`, `iptables -h`; a
// rule-changing command (-A -I -D -C -P -N -X -F, -Z alone) goes to iptables-edit.ts and the
// store's editIptables. Words and exit statuses of iptables v1.8.9 (nf_tables).
import { iptablesList } from '../../sim/netfilter/list';
import { iptablesS } from '../../sim/netfilter/save';
import { isIptablesTable, listedChains, type IptablesTable } from '../../sim/netfilter/order';
import type { Ctx } from '../context';
import { changeRules, isEditCommand, IPT_VERSION } from './iptables-edit-run';
import { IPTABLES_HELP } from './iptables-help';

const VERSION = IPT_VERSION;
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

/** getopt_long: an unambiguous prefix of a long option is that option (`--line` = `--line-numbers`). */
const long = (a: string, option: string, min: number): boolean =>
  a.length >= min + 2 && option.startsWith(a);

const isZero = (a: string) => a === '-Z' || a === '--zero';
/** A word that asks for a listing: -L, -S, their long forms, or a cluster holding L or S. */
const isListing = (a: string) =>
  /^-[LSZnvx]*[LS][LSZnvx]*$/.test(a) || a === '--list' || long(a, '--list-rules', 7);

export function iptables(args: readonly string[], ctx: Ctx): number {
  // iptables prints its help as soon as getopt meets -h, whatever the other words ask.
  if (args.some((a) => a === '-h' || a === '--help')) {
    ctx.out(IPTABLES_HELP);
    return 0;
  }
  // `-Z` with -L or -S lists, then zeroes what it listed (so -v shows the counters before).
  if (
    args.some(isEditCommand) &&
    !(args.some(isListing) && args.every((a) => !isEditCommand(a) || isZero(a)))
  )
    return changeRules(args, ctx);
  let table: IptablesTable = 'filter';
  let action: 'L' | 'S' | null = null;
  let chain: string | undefined;
  let chainAt = -1;
  let rule: number | undefined;
  let zero = false;
  let numeric = false;
  let verbose = false;
  let exact = false;
  let lineNumbers = false;
  const fail = (msg: string): number => {
    ctx.err(`${VERSION}: ${msg}\n${TRY}`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const prev = args[i - 1] ?? '';
    if (a === '-t' || a === '--table') {
      const t = args[++i];
      if (t === undefined) return fail('option "-t" requires an argument');
      if (!isIptablesTable(t)) {
        ctx.err(
          `${VERSION}: table '${t}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`,
        );
        return 3;
      }
      table = t;
    } else if (long(a, '--line-numbers', 3)) lineNumbers = true;
    else if (long(a, '--numeric', 3)) numeric = true;
    else if (long(a, '--verbose', 3)) verbose = true;
    else if (a === '--list' || long(a, '--list-rules', 7)) {
      if (action !== null) return fail('Cannot use -L with -S');
      action = a === '--list' ? 'L' : 'S';
    } else if (a === '-V' || a === '--version') {
      ctx.out(`${VERSION}\n`);
      return 0;
    } else if (a === '--zero') zero = true;
    else if (/^-[LSZnvx]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 'L' || ch === 'S') {
          if (action !== null) return fail('Cannot use -L with -S');
          action = ch;
        } else if (ch === 'Z') zero = true;
        else if (ch === 'n') numeric = true;
        else if (ch === 'v') verbose = true;
        else exact = true;
      }
    } else if (a === '-R' || a === '--replace' || a === '-E' || a === '--rename-chain') {
      ctx.err(`iptables: ${a} is not in this lab\n`);
      return 1;
    } else if (a.startsWith('-')) return fail(`unknown option "${a}"`);
    // The chain follows -L/-S (or -Z) directly (`iptables -L -n FORWARD` is a Bad argument) ...
    else if (chain === undefined && /^(-[nvxZ]*[LSZ]|--list(-rules)?|--zero)$/.test(prev)) {
      chain = a;
      chainAt = i;
    }
    // ... and a rule number follows the chain (`iptables -L FORWARD 1`).
    else if (i === chainAt + 1) {
      if (!/^\d+$/.test(a) || Number(a) < 1) return fail(`Invalid rule number \`${a}'`);
      rule = Number(a);
    } else {
      // iptables prints this one without its version prefix.
      ctx.err(`Bad argument \`${a}'\n${TRY}`);
      return 2;
    }
  }
  if (action === null) return fail('no command specified');
  const nf = ctx.api.world().netfilter;
  const chains = listedChains(nf, table);
  if (chain !== undefined && !chains.some((c) => c.name === chain)) {
    // iptables-nft's words for a chain the table lacks (1.8.9 nf_tables).
    ctx.err(
      `${VERSION}: chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`,
    );
    return 1;
  }
  if (action === 'S') ctx.out(iptablesS(nf, table, chain, rule));
  else
    ctx.out(
      iptablesList(nf, {
        table,
        numeric,
        verbose,
        exact,
        lineNumbers,
        ...(chain === undefined ? {} : { chain }),
        ...(rule === undefined ? {} : { rule }),
      }),
    );
  if (!zero) return 0;
  // Docker never fills mangle or security: there is nothing to zero there.
  if (table !== 'mangle' && table !== 'security')
    ctx.api.editIptables({ kind: 'zero', table, chain: chain ?? null });
  if (verbose)
    for (const c of chains)
      if (chain === undefined || c.name === chain) ctx.out(`Zeroing chain \`${c.name}'\n`);
  return 0;
}
