// `sysctl KEY`, `sysctl KEY=V`, `sysctl -w KEY=V` (procps 4.0) over the store's setSysctl.
import { readSysctl, SYSCTLS, type SysctlKey } from '../../sim';
import type { Ctx } from '../context';

export function sysctl(args: readonly string[], ctx: Ctx): number {
  const words = args.filter((a) => a !== '-w');
  if (words.length === 0) {
    ctx.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
    return 255;
  }
  let status = 0;
  for (const w of words) {
    const eq = w.indexOf('=');
    const key = (eq < 0 ? w : w.slice(0, eq)).replaceAll('/', '.');
    if (!SYSCTLS.includes(key as SysctlKey)) {
      ctx.err(
        `sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory\n`,
      );
      status = 255;
      continue;
    }
    if (eq < 0) {
      ctx.out(`${key} = ${readSysctl(ctx.api.world(), key as SysctlKey)}\n`);
      continue;
    }
    const value = w.slice(eq + 1);
    const r = ctx.api.setSysctl(key as SysctlKey, value);
    if (r.ok) ctx.out(`${key} = ${value}\n`);
    else {
      ctx.err(`${r.error.message}\n`);
      status = 255;
    }
  }
  return status;
}
