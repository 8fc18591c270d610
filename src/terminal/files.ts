// The few files `cat` can show: /proc/sys knobs, /proc/net/{arp,route,dev,nf_conntrack}, /etc/hosts,
// /etc/resolv.conf, /etc/hostname. Pure.
import { readSysctl, type SysctlKey } from '../sim';
import type { Ctx } from './context';
import { hereContainer } from './context';
import { etcHosts, resolvConf } from './tools/resolve';
import { readDerived } from './host/sysctl';
import { netnsAt } from './net/netns';
import { procNetFile } from './net/proc-net';

/** /proc/sys/net/ipv4/ip_forward ⇄ net.ipv4.ip_forward */
export const procPath = (key: string): string => `/proc/sys/${key.replaceAll('.', '/')}`;

function readFile(path: string, ctx: Ctx): string | null {
  const world = ctx.api.world();
  if (path === '/etc/hosts') return etcHosts(world, ctx.where);
  if (path === '/etc/resolv.conf') return resolvConf(world, ctx.where);
  if (path === '/etc/hostname') {
    const c = hereContainer(world, ctx.where);
    return `${c && c.mode.kind !== 'host' ? c.id.slice(0, 12) : world.host.hostname}\n`;
  }
  for (const key of ['net.ipv4.ip_forward', 'net.bridge.bridge-nf-call-iptables'] as SysctlKey[]) {
    if (path === procPath(key)) return `${readSysctl(world, key)}\n`;
  }
  if (path.startsWith('/proc/net/'))
    return procNetFile(world, netnsAt(world, ctx.where), path.slice('/proc/net/'.length));
  if (path.startsWith('/proc/sys/')) {
    const derived = readDerived(world, path.slice('/proc/sys/'.length).replaceAll('/', '.'));
    if (derived !== null) return `${derived}\n`;
  }
  return null;
}

export function cat(args: readonly string[], ctx: Ctx): number {
  let status = 0;
  for (const path of args) {
    const text = readFile(path, ctx);
    if (text === null) {
      ctx.err(
        `cat: ${ctx.where.kind === 'container' ? "can't open '" + path + "'" : path}: No such file or directory\n`,
      );
      status = 1;
    } else ctx.out(text);
  }
  return status;
}
