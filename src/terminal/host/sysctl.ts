// `sysctl [-n|-N|-b|-e|-q] [-w] KEY[=V]…` (procps 4.0) over the store's setSysctl. Besides the
// knobs the lab changes, the read-only keys every Docker host has that follow from them.
import { readSysctl, SYSCTLS, type SysctlKey, type World } from '../../sim';
import type { Ctx } from '../context';
import { hostNetns } from '../net/netns';

/**
 * Keys the lab derives (not settable here): per-interface forwarding mirrors ip_forward;
 * route_localnet follows the userland proxy on a bridge; rp_filter is the kernel's default 0.
 */
export function readDerived(world: World, key: string): string | null {
  if (key === 'net.ipv4.ip_local_port_range') return '32768\t60999';
  const m = /^net\.ipv4\.conf\.([^.]+)\.(forwarding|route_localnet|rp_filter)$/.exec(key);
  if (!m) return null;
  const [, dev = '', knob] = m;
  const ifaces = hostNetns(world).ifaces;
  if (dev !== 'all' && dev !== 'default' && !ifaces.some((i) => i.name === dev)) return null;
  if (knob === 'forwarding') return String(readSysctl(world, 'net.ipv4.ip_forward'));
  // The kernel's default, which the lab keeps: its walk does no reverse-path filtering.
  if (knob === 'rp_filter') return '0';
  const bridge = ifaces.find((i) => i.name === dev)?.kind === 'bridge';
  return bridge && !world.daemon.userlandProxy ? '1' : '0';
}

/** procps-ng 4.0's usage: on stderr (status 1) when sysctl is given nothing, on stdout for -h. */
const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

interface Flags {
  valueOnly: boolean;
  nameOnly: boolean;
  binary: boolean;
  ignoreUnknown: boolean;
  quiet: boolean;
}

export function sysctl(args: readonly string[], ctx: Ctx): number {
  const f: Flags = {
    valueOnly: false,
    nameOnly: false,
    binary: false,
    ignoreUnknown: false,
    quiet: false,
  };
  const words: string[] = [];
  if (args.length === 0) {
    ctx.err(USAGE);
    return 1;
  }
  if (args.includes('-h') || args.includes('--help')) {
    ctx.out(USAGE);
    return 0;
  }
  for (const a of args) {
    if (a === '-n' || a === '--values') f.valueOnly = true;
    else if (a === '-N' || a === '--names') f.nameOnly = true;
    else if (a === '-b' || a === '--binary') f.binary = true;
    else if (a === '-e' || a === '--ignore') f.ignoreUnknown = true;
    else if (a === '-q' || a === '--quiet') f.quiet = true;
    else if (a === '-w' || a === '--write') continue;
    else if (/^-[aAXp]$|^--(all|load|system)/.test(a)) {
      ctx.err(`sysctl: ${a} is not in this lab (name the keys you want)\n`);
      return 255;
    } else if (!a.startsWith('-')) words.push(a);
  }
  if (words.length === 0) {
    ctx.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
    return 1;
  }
  let status = 0;
  const w = ctx.api.world();
  const show = (key: string, value: string) => {
    if (f.binary) ctx.out(value);
    else if (f.valueOnly) ctx.out(`${value}\n`);
    else if (f.nameOnly) ctx.out(`${key}\n`);
    else ctx.out(`${key} = ${value}\n`);
  };
  for (const word of words) {
    const eq = word.indexOf('=');
    const key = (eq < 0 ? word : word.slice(0, eq)).replaceAll('/', '.');
    const known = SYSCTLS.includes(key as SysctlKey);
    const derived = known ? null : readDerived(w, key);
    if (!known && derived === null) {
      if (f.ignoreUnknown) continue;
      ctx.err(
        `sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory\n`,
      );
      status = 1;
      continue;
    }
    if (eq < 0) {
      show(key, derived ?? String(readSysctl(w, key as SysctlKey)));
      continue;
    }
    if (!known) {
      ctx.err(`sysctl: setting ${key} is not in this lab\n`);
      status = 255;
      continue;
    }
    const value = word.slice(eq + 1);
    const r = ctx.api.setSysctl(key as SysctlKey, value);
    if (r.ok) {
      if (!f.quiet) show(key, value);
    } else {
      ctx.err(`${r.error.message}\n`);
      status = 255;
    }
  }
  return status;
}
