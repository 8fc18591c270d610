// A command's redirections (`2>/dev/null`, `2>&1`, `>/dev/null`, `&>/dev/null`, `1>&2`), applied
// as bash and busybox sh apply them: left to right over a table of descriptors, each pointing at
// the terminal's stdout (or the pipe), its stderr, or /dev/null. The lab has no files to write:
// any other target is refused before the command runs, as a failed redirection is. Pure.
import type { Chunk } from './api';
import type { Redirect } from './parse';

/** Where a descriptor writes: the command's stdout (terminal or pipe), its stderr, or nowhere. */
type Sink = 'stdout' | 'stderr' | 'null';

/** Descriptor → sink, after the redirections; or the shell's words for the one that failed. */
export type Routing =
  | { readonly ok: true; readonly fds: ReadonlyMap<number, Sink> }
  | { readonly ok: false; readonly error: string };

const DEVICES: { readonly [path: string]: (fds: ReadonlyMap<number, Sink>) => Sink | undefined } = {
  '/dev/null': () => 'null',
  '/dev/stdout': (fds) => fds.get(1),
  '/dev/stderr': (fds) => fds.get(2),
};

/** The descriptor table after `redirects`, or why the shell refuses them (exit status 1). */
export function routeOf(redirects: readonly Redirect[], busybox: boolean): Routing {
  const fds = new Map<number, Sink>([
    [1, 'stdout'],
    [2, 'stderr'],
  ]);
  const sh = busybox ? 'sh' : 'bash';
  for (const r of redirects) {
    if (r.op === '<')
      return { ok: false, error: `${sh}: ${r.target}: input redirection is not in this lab\n` };
    // `>&M` duplicates descriptor M; `>&FILE` (not a number) is bash's `&>FILE`.
    if (r.op === '>&' && /^\d+$/.test(r.target)) {
      const to = fds.get(Number(r.target));
      if (to === undefined)
        return { ok: false, error: `${sh}: ${r.target}: Bad file descriptor\n` };
      fds.set(r.fd, to);
      continue;
    }
    const device = Object.hasOwn(DEVICES, r.target) ? DEVICES[r.target] : undefined;
    const sink = device?.(fds);
    if (sink === undefined)
      return {
        ok: false,
        error: busybox
          ? `sh: can't create ${r.target}: not in this lab (it writes only to /dev/null)\n`
          : `bash: ${r.target}: files are not in this lab (a redirection writes only to /dev/null)\n`,
      };
    const both = r.op === '&>' || (r.op === '>&' && r.fd === 1);
    for (const fd of both ? [1, 2] : [r.fd]) fds.set(fd, sink);
  }
  return { ok: true, fds };
}

/** The command's chunks as they leave through the descriptor table (in their original order). */
export function routeChunks(chunks: readonly Chunk[], fds: ReadonlyMap<number, Sink>): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const sink = fds.get(c.stream === 'stdout' ? 1 : 2) ?? 'null';
    if (sink !== 'null') out.push({ stream: sink, text: c.text });
  }
  return out;
}
