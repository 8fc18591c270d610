// The prompt a line is typed after: root's bash prompt on the host, the image's shell's in a container.
import type { World } from '../sim';
import type { Location } from './api';
import { containerPrompt } from './container-shell';

/**
 * Root on the host, because the reference outputs were captured as root and iptables, conntrack
 * and `sysctl -w` need it; bash's default Debian prompt for root is `root@HOST:~# `.
 */
export function promptFor(world: World, where: Location): string {
  return where.kind === 'host' ? `root@${world.host.hostname}:~# ` : containerPrompt(world, where);
}
