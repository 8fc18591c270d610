// One line in, its output out: word splitting, then the host's or the container's command table.
// SHELL (with tab completion) is what the store is handed; the browser fetches this module lazily.
import { own } from './own';
import type { CommandOutput, Location, Shell, ShellApi } from './api';
import { complete } from './complete';
import { createCtx, type Ctx } from './context';
import { runInContainer } from './container-commands';
import { pipeSyntaxError, splitPipeline } from './filters/split';
import { FILTERS } from './filters/text';
import { HOST_COMMANDS } from './host-commands';
import { splitWords, unterminatedQuote } from './parse';

/** Runs one command's words where the shell is; the exit status. */
function runWords(words: readonly string[], ctx: Ctx, where: Location): number {
  const [name, ...args] = words;
  if (name === undefined) return 0;
  if (where.kind === 'container') return runInContainer(words, ctx, where, false);
  const cmd = own(HOST_COMMANDS, name);
  if (cmd) return cmd(args, ctx);
  // What an interactive bash prints (a script or `bash -c` would add `line N: `).
  ctx.err(`bash: ${name}: command not found\n`);
  return 127;
}

/**
 * `cmd | grep … | head …`: the first command runs as typed (its errors show at once), its output
 * goes through the filters. A stage that is no filter runs as bash would run it: ignoring its input.
 */
function runPipeline(stages: readonly string[], api: ShellApi, where: Location, ctx: Ctx): number {
  const busybox = where.kind === 'container';
  const commands: (readonly string[])[] = [];
  for (const [i, stage] of stages.entries()) {
    const p = splitWords(stage);
    if (!p.ok) {
      ctx.err(unterminatedQuote(p.quote, busybox));
      return 2;
    }
    if (p.words.length === 0) {
      ctx.err(pipeSyntaxError(i === stages.length - 1 && i > 0, busybox));
      return 2;
    }
    commands.push(p.words);
  }
  let input = '';
  let exit = 0;
  for (const words of commands) {
    const stage = createCtx(api, where);
    const filter = own(FILTERS, words[0] ?? '');
    exit = filter ? filter(words.slice(1), input, stage.ctx) : runWords(words, stage.ctx, where);
    input = '';
    for (const c of stage.chunks) {
      if (c.stream === 'stdout') input += c.text;
      else ctx.err(c.text);
    }
  }
  ctx.out(input);
  return exit;
}

/**
 * `$?` (the only parameter the lab expands) becomes the last line's exit status, as bash and
 * busybox sh do everywhere but inside single quotes (or after a backslash).
 */
export function expandStatus(line: string, status: number): string {
  let out = '';
  let single = false;
  let double = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && !single) double = !double;
    if (ch === "'" && !double) single = !single;
    if (ch === '\\' && !single) {
      out += line.slice(i, i + 2);
      i++;
      continue;
    }
    if (!single && ch === '$' && line[i + 1] === '?') {
      out += String(status);
      i++;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Runs one typed line through the shell at the store's current location. */
export function executeLine(typed: string, api: ShellApi): CommandOutput {
  const where = api.location();
  const line = typed.includes('$?') ? expandStatus(typed, api.lastExit()) : typed;
  const { ctx, chunks } = createCtx(api, where);
  const pipeline = splitPipeline(line);
  if (pipeline) return { chunks, exit: runPipeline(pipeline, api, where, ctx) };
  const parsed = splitWords(line);
  if (!parsed.ok) {
    ctx.err(unterminatedQuote(parsed.quote, where.kind === 'container'));
    return { chunks, exit: 2 };
  }
  return { chunks, exit: runWords(parsed.words, ctx, where) };
}

/** The shell the store runs: every command behind executeLine, and Tab completion over them. */
export const SHELL: Shell = { executeLine, complete };
