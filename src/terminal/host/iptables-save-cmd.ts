// `iptables-save [-c] [-t TABLE] [-V]`, options read as its getopt reads them ("bcdt:M:f:V" and
// their long forms), with iptables-save 1.8.9 (nf_tables)'s errors and exit statuses.
import { iptablesSave, iptablesSaveTable } from '../../sim/netfilter/save';
import { isIptablesTable } from '../../sim/netfilter/order';
import type { Ctx } from '../context';
import { ctimeDate } from '../docker/time';

const LOOK = "Look at manual page `iptables-save.8' for more information.\n";
const LONG: { readonly [name: string]: string } = {
  counters: 'c',
  dump: 'd',
  table: 't',
  modprobe: 'M',
  file: 'f',
  version: 'V',
};
const WITH_ARG = 'tMf';

export function iptablesSaveCommand(args: readonly string[], ctx: Ctx): number {
  const fail = (msg: string): number => {
    ctx.err(`iptables-save: ${msg}\n${LOOK}`);
    return 1;
  };
  // Each option as [letter, argument]: clusters split (`-ct nat`), long names by unique prefix.
  const opts: [string, string | undefined][] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('--') && a.length > 2) {
      const [name = '', value] = a.slice(2).split(/=(.*)/s);
      const hits = Object.keys(LONG).filter((k) => k.startsWith(name));
      const letter = hits.length === 1 ? LONG[hits[0] ?? ''] : LONG[name];
      if (letter === undefined) return fail(`unrecognized option '${a}'`);
      const v = WITH_ARG.includes(letter) ? (value ?? args[++i]) : undefined;
      if (WITH_ARG.includes(letter) && v === undefined)
        return fail(`option '--${hits[0] ?? name}' requires an argument`);
      opts.push([letter, v]);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k] ?? '';
        if (!'bcdtMfV'.includes(f)) return fail(`invalid option -- '${f}'`);
        if (!WITH_ARG.includes(f)) {
          opts.push([f, undefined]);
          continue;
        }
        const v = a.slice(k + 1) || args[++i];
        if (v === undefined) return fail(`option requires an argument -- '${f}'`);
        opts.push([f, v]);
        break;
      }
    } else rest.push(a);
  }
  let table: string | undefined;
  let counters = false;
  for (const [f, v] of opts) {
    if (f === 'V') {
      ctx.out('iptables-save v1.8.9 (nf_tables)\n');
      return 0;
    }
    if (f === 'c') counters = true;
    else if (f === 't') table = v;
    else if (f === 'b') ctx.err('-b/--binary option is not implemented\n');
    else if (f === 'f') {
      ctx.err('iptables-save: -f is not in this lab (it prints to the terminal)\n');
      return 1;
    }
    // -d (dump, the default) and -M (the modprobe to load modules with) change nothing here.
  }
  if (rest.length > 0) {
    ctx.err('Unknown arguments found on commandline\n');
    return 1;
  }
  const w = ctx.api.world();
  const options = { header: ctimeDate(w.clock), counters };
  if (table === undefined) ctx.out(iptablesSave(w.netfilter, options));
  else if (isIptablesTable(table)) ctx.out(iptablesSaveTable(w.netfilter, table, options));
  else {
    ctx.err(`Table \`${table}' does not exist\n`);
    return 1;
  }
  return 0;
}
