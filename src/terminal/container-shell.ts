// Which shell a container's terminal runs, as its image really has it: busybox's ash or Debian's
// bash/dash. Decides the prompt, which programs exist and how a missing one is reported. Pure.
import { findImage, hasExecutable, type World } from '../sim';
import type { Location } from './api';
import { hereContainer, utsHostname } from './context';

export type ContainerShell = 'ash' | 'bash' | 'dash';

/** The shell a program name starts in this container's image (`sh` is dash on Debian). */
export function shellOf(world: World, where: Location, program = 'sh'): ContainerShell {
  const c = hereContainer(world, where);
  const debian = (c && findImage(c.image)?.userland) === 'debian';
  if (!debian) return 'ash';
  return program === 'bash' || program === '/bin/bash' ? 'bash' : 'dash';
}

/** Does the container's image have `program` on its PATH (busybox: an applet)? */
export function imageHas(world: World, where: Location, program: string): boolean {
  const c = hereContainer(world, where);
  const image = c && findImage(c.image);
  return image !== undefined && hasExecutable(image, program);
}

/**
 * The prompt: busybox ash prints `/ # ` (PS1 `\w \$ `); Debian's bash for root `root@HOST:/# `
 * (/etc/bash.bashrc's PS1 `${debian_chroot:+…}\u@\h:\w\$ `), dash `# `. HOST is the container's
 * hostname: its short id, or the host's in --network host (the UTS namespace is shared).
 */
export function containerPrompt(world: World, where: Location): string {
  if (where.kind !== 'container') return '';
  const shell = where.shell ?? shellOf(world, where);
  if (shell === 'ash') return '/ # ';
  if (shell === 'dash') return '# ';
  return `root@${utsHostname(world, where)}:/# `;
}

/** What the shell says about a command it cannot find (status 127). */
export function notFound(shell: ContainerShell, name: string): string {
  switch (shell) {
    case 'ash':
      return `sh: ${name}: not found\n`;
    case 'bash':
      return `bash: ${name}: command not found\n`;
    case 'dash':
      return `sh: 1: ${name}: not found\n`;
  }
}
