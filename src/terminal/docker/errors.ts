// The docker CLI's error texts: daemon errors, `docker run` reports, argument-count and flag errors. Pure.
import type { DockerError, Profile } from '../../sim';

export function daemonText(e: DockerError): string {
  switch (e.source) {
    case 'daemon':
      return `Error response from daemon: ${e.message}`;
    case 'lab':
      return `docker: ${e.message}`;
    case 'cli':
      return e.message;
  }
}

/**
 * `docker run` reports its errors itself (cli/command/container/run.go reportError): CLI ≤ 27
 * adds a full stop and, for errors before the start, `See 'docker run --help'.`; CLI ≥ 28 adds
 * `Run 'docker run --help' for more information` after a blank line.
 */
export function runReport(profile: Profile, text: string, withHelp: boolean): string {
  if (profile === 'docker-29')
    return `docker: ${text}\n\nRun 'docker run --help' for more information\n`;
  const dotted = `${text.replace(/\.$/, '')}.`;
  return `docker: ${dotted}${withHelp ? "\nSee 'docker run --help'." : ''}\n`;
}

/** A pflag error (unknown flag, missing value): the error, then where to get help. */
export function flagError(command: string, error: string): string {
  return `${error}\nSee 'docker ${command} --help'.\n`;
}

/** cobra's argument-count check (cli.RequiresMinArgs / ExactArgs). */
export function argsError(command: string, usage: string, needs: string): string {
  return `docker: 'docker ${command}' requires ${needs}\n\nUsage:  docker ${command} ${usage}\n\nSee 'docker ${command} --help' for more information\n`;
}
