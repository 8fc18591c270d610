// `iptables [-t T] -L|-S [CHAIN] [-n] [-v] [-x] [--line-numbers]`, `iptables-save`; a rule-changing
// command (-A -I -D -C -P -N -X -F -Z) goes to iptables-edit.ts and the store's editIptables.
import type { TableName } from '../../sim';
import { iptablesList } from '../../sim/netfilter/list';
import { iptablesS, iptablesSave } from '../../sim/netfilter/save';
import { listedChains } from '../../sim/netfilter/order';
import type { Ctx } from '../context';
import { changeRules, isEditCommand, IPT_VERSION } from './iptables-edit-run';
import { ctimeDate } from '../docker/time';

const TABLES: readonly TableName[] = ['filter', 'nat', 'raw'];
const VERSION = IPT_VERSION;

/** getopt_long: an unambiguous prefix of a long option is that option (`--line` = `--line-numbers`). */
const long = (a: string, option: string, min: number): boolean =>
  a.length >= min + 2 && option.startsWith(a);

export function iptables(args: readonly string[], ctx: Ctx): number {
  if (args.some(isEditCommand)) return changeRules(args, ctx);
  let table: TableName = 'filter';
  let action: 'L' | 'S' | null = null;
  let chain: string | undefined;
  let numeric = false;
  let verbose = false;
  let exact = false;
  let lineNumbers = false;
  const fail = (msg: string): number => {
    ctx.err(`${VERSION}: ${msg}\nTry \`iptables -h' or 'iptables --help' for more information.\n`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-t' || a === '--table') {
      const t = args[++i];
      if (t === undefined) return fail('option "-t" requires an argument');
      if (!TABLES.includes(t as TableName) && t !== 'mangle' && t !== 'security') {
        ctx.err(
          `${VERSION}: table '${t}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`,
        );
        return 3;
      }
      table = t as TableName;
    } else if (long(a, '--line-numbers', 3)) lineNumbers = true;
    else if (long(a, '--numeric', 3)) numeric = true;
    else if (long(a, '--verbose', 3)) verbose = true;
    else if (a === '--list' || long(a, '--list-rules', 7)) action = a === '--list' ? 'L' : 'S';
    else if (a === '-V' || a === '--version') {
      ctx.out(`${VERSION}\n`);
      return 0;
    } else if (/^-[LSnvx]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 'L' || ch === 'S') {
          if (action !== null) return fail('Cannot use -L with -S');
          action = ch;
        } else if (ch === 'n') numeric = true;
        else if (ch === 'v') verbose = true;
        else exact = true;
      }
    } else if (a === '-R' || a === '--replace' || a === '-E' || a === '--rename-chain') {
      ctx.err(`iptables: ${a} is not in this lab\n`);
      return 1;
    } else if (a.startsWith('-')) return fail(`unknown option "${a}"`);
    // The chain must follow -L/-S directly (`iptables -L -n FORWARD` is a Bad argument).
    else if (
      action !== null &&
      chain === undefined &&
      /^(-[nvx]*[LS]|--list(-rules)?)$/.test(args[i - 1] ?? '')
    )
      chain = a;
    else {
      // iptables prints this one without its version prefix.
      ctx.err(
        `Bad argument \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.\n`,
      );
      return 2;
    }
  }
  if (action === null) return fail('no command specified');
  // mangle and security exist but Docker leaves them empty.
  const nf = ctx.api.world().netfilter;
  const t = TABLES.includes(table) ? table : 'raw';
  const known = listedChains(nf, t).some((c) => c.name === chain);
  if (chain !== undefined && !known) {
    // iptables-nft's words for a chain the table lacks (1.8.9 nf_tables).
    ctx.err(
      `${VERSION}: chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`,
    );
    return 1;
  }
  if (action === 'S') ctx.out(iptablesS(nf, t, chain));
  else
    ctx.out(
      iptablesList(nf, {
        table: t,
        numeric,
        verbose,
        exact,
        lineNumbers,
        ...(chain === undefined ? {} : { chain }),
      }),
    );
  return 0;
}

/** `iptables-save [-c] [-t TABLE]`: one table's block only with -t (none for an empty table). */
export function iptablesSaveCommand(args: readonly string[], ctx: Ctx): number {
  let table: string | undefined;
  let counters = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-c' || a === '--counters') counters = true;
    else if (a === '-t' || a === '--table') table = args[++i] ?? '';
    else {
      ctx.err(`iptables-save: ${a} is not in this lab (try -t TABLE or -c)\n`);
      return 1;
    }
  }
  if (table !== undefined && !['filter', 'nat', 'raw', 'mangle', 'security'].includes(table)) {
    ctx.err(`Table \`${table}' does not exist\n`);
    return 1;
  }
  const w = ctx.api.world();
  const text = iptablesSave(w.netfilter, { header: ctimeDate(w.clock), counters });
  if (table === undefined) ctx.out(text);
  else {
    // Each table's block runs from its `# Generated` line to its `# Completed` line.
    const blocks = text.split(/(?=^# Generated)/m);
    ctx.out(blocks.find((b) => b.includes(`\n*${table}\n`)) ?? '');
  }
  return 0;
}
