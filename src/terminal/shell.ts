// One line in, its output out: word splitting, then the host's or the container's command table.
// SHELL (with tab completion) is what the store is handed; the browser fetches this module lazily.
import { own } from './own';
import type { CommandOutput, Shell, ShellApi } from './api';
import { complete } from './complete';
import { createCtx } from './context';
import { runInContainer } from './container-commands';
import { HOST_COMMANDS } from './host-commands';
import { splitWords, unterminatedQuote } from './parse';

/** Runs one typed line through the shell at the store's current location. */
export function executeLine(line: string, api: ShellApi): CommandOutput {
  const where = api.location();
  const { ctx, chunks } = createCtx(api, where);
  const parsed = splitWords(line);
  if (!parsed.ok) {
    ctx.err(unterminatedQuote(parsed.quote, where.kind === 'container'));
    return { chunks, exit: 2 };
  }
  const [name, ...args] = parsed.words;
  if (name === undefined) return { chunks, exit: 0 };
  let exit: number;
  if (where.kind === 'container') {
    exit = runInContainer(parsed.words, ctx, where, false);
  } else {
    const cmd = own(HOST_COMMANDS, name);
    if (cmd) exit = cmd(args, ctx);
    else {
      ctx.err(`${name}: command not found\n`);
      exit = 127;
    }
  }
  return { chunks, exit };
}

/** The shell the store runs: every command behind executeLine, and Tab completion over them. */
export const SHELL: Shell = { executeLine, complete };
