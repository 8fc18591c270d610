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
import {
  splitWords,
  unexpectedToken,
  unterminatedQuote,
  type ParsedLine,
  type Redirect,
} from './parse';
import { routeChunks, routeOf } from './redirect';

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
 * One command of a line: its redirections checked (a refused one stops it, status 1), then the
 * command (or, in a pipeline, a filter reading `input`) run on a fresh context, its output routed
 * through the descriptor table into `ctx` (in a pipeline, stdout is the next stage's input).
 */
function runStage(
  words: readonly string[],
  redirects: readonly Redirect[],
  input: string | null,
  api: ShellApi,
  where: Location,
  ctx: Ctx,
): number {
  const route = routeOf(redirects, where.kind === 'container');
  if (!route.ok) {
    ctx.err(route.error);
    return 1;
  }
  const stage = createCtx(api, where);
  const filter = input === null ? undefined : own(FILTERS, words[0] ?? '');
  const exit =
    filter && input !== null
      ? filter(words.slice(1), input, stage.ctx)
      : runWords(words, stage.ctx, where);
  for (const c of routeChunks(stage.chunks, route.fds))
    if (c.stream === 'stdout') ctx.out(c.text);
    else ctx.err(c.text);
  return exit;
}

/** A line's words, or what the shell says about it (an open quote, an operator with no target). */
function parsed(
  line: string,
  busybox: boolean,
  ctx: Ctx,
): Extract<ParsedLine, { ok: true }> | null {
  const p = splitWords(line);
  if (p.ok) return p;
  ctx.err(
    p.quote === null ? unexpectedToken(p.token, busybox) : unterminatedQuote(p.quote, busybox),
  );
  return null;
}

/**
 * `cmd | grep … | head …`: the first command runs as typed (its errors show at once), its output
 * goes through the filters. A stage that is no filter runs as bash would run it: ignoring its input.
 */
function runPipeline(stages: readonly string[], api: ShellApi, where: Location, ctx: Ctx): number {
  const busybox = where.kind === 'container';
  const commands: Extract<ParsedLine, { ok: true }>[] = [];
  for (const [i, stage] of stages.entries()) {
    const p = parsed(stage, busybox, ctx);
    if (!p) return 2;
    if (p.words.length === 0 && !p.redirects) {
      ctx.err(pipeSyntaxError(i === stages.length - 1 && i > 0, busybox));
      return 2;
    }
    commands.push(p);
  }
  let input = '';
  let exit = 0;
  for (const p of commands) {
    const stage = createCtx(api, where);
    exit = runStage(p.words, p.redirects ?? [], input, api, where, stage.ctx);
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
  const p = parsed(line, where.kind === 'container', ctx);
  if (!p) return { chunks, exit: 2 };
  if (!p.redirects) return { chunks, exit: runWords(p.words, ctx, where) };
  return { chunks, exit: runStage(p.words, p.redirects, null, api, where, ctx) };
}

/** The shell the store runs: every command behind executeLine, and Tab completion over them. */
export const SHELL: Shell = { executeLine, complete };
