// The text filters a pipeline may end in: grep, head, tail, wc, sort. Each reads its input as a
// string and writes through the same context as any command. GNU coreutils/grep on the host,
// busybox in containers: same results, their own error words. Pure.
import type { Ctx } from '../context';

export type Filter = (args: readonly string[], input: string, ctx: Ctx) => number;

const linesOf = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};
const joinLines = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
const busy = (ctx: Ctx) => ctx.where.kind === 'container';

/** An option outside the lab's set: said plainly, with the set, rather than called invalid. */
function notHere(prog: string, opt: string, have: string, ctx: Ctx): number {
  ctx.err(`${prog}: ${opt}: not in this lab's ${prog} (it has ${have})\n`);
  return 2;
}

/** A POSIX basic regular expression as a JS one: \( \) \{ \} \| \+ \? are the operators there. */
function fromBre(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i] ?? '';
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else out += '(){}|+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

const GREP_HAS = '-i -v -c -n -w -x -o -q -E -F -e';

export const grep: Filter = (args, input, ctx) => {
  const flags = new Set<string>();
  const patterns: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let k = 1; k < a.length; k++) {
      const f = a[k] ?? '';
      if (f === 'e') {
        const v = a.slice(k + 1) || args[++i];
        if (v === undefined) {
          ctx.err(
            busy(ctx)
              ? "grep: option requires an argument -- 'e'\n"
              : "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
          );
          return 2;
        }
        patterns.push(v);
        break;
      }
      if (!'ivcnwxoqEF'.includes(f)) return notHere('grep', `-${f}`, GREP_HAS, ctx);
      flags.add(f);
    }
  }
  if (patterns.length === 0) {
    const p = args[i++];
    if (p === undefined) {
      ctx.err(
        busy(ctx)
          ? 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n'
          : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      );
      return 2;
    }
    patterns.push(...p.split('\n'));
  }
  const file = args[i];
  if (file !== undefined) {
    ctx.err(`grep: ${file}: No such file or directory\n`);
    return 2;
  }
  const source = patterns
    .map((p) =>
      flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? p : fromBre(p),
    )
    .map((p) =>
      flags.has('x') ? `^(?:${p})$` : flags.has('w') ? `(?<![\\w])(?:${p})(?![\\w])` : p,
    )
    .join('|');
  let re: RegExp;
  try {
    re = new RegExp(source, flags.has('i') ? 'gi' : 'g');
  } catch {
    ctx.err(
      busy(ctx) ? `grep: bad regex '${patterns.join('\n')}'\n` : 'grep: Unmatched ( or \\(\n',
    );
    return 2;
  }
  const hits: string[] = [];
  let selected = 0;
  linesOf(input).forEach((line, n) => {
    re.lastIndex = 0;
    if (re.test(line) === flags.has('v')) return;
    selected++;
    const at = flags.has('n') ? `${n + 1}:` : '';
    if (flags.has('o') && !flags.has('v')) {
      re.lastIndex = 0; // matchAll starts where test() left off
      for (const m of line.matchAll(re)) if (m[0] !== '') hits.push(`${at}${m[0]}`);
    } else hits.push(`${at}${line}`);
  });
  const any = selected > 0;
  if (flags.has('q')) return any ? 0 : 1;
  // -c counts the lines selected, with or without -o.
  ctx.out(flags.has('c') ? `${selected}\n` : joinLines(hits));
  return any ? 0 : 1;
};

/** `-n N`, `-nN`, `-N`, `--lines=N` (and tail's `+N`): the count, or an error already written. */
function lineCount(
  prog: 'head' | 'tail',
  args: readonly string[],
  ctx: Ctx,
): { n: number; from: boolean } | null {
  let n = 10;
  let from = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    let v: string | undefined;
    if (a === '-n') v = args[++i];
    else if (a.startsWith('--lines=')) v = a.slice(8);
    else if (a.startsWith('-n')) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a.startsWith('-') && a !== '-') {
      notHere(prog, a, '-n N, -N', ctx);
      return null;
    } else {
      ctx.err(
        busy(ctx)
          ? `${prog}: can't open '${a}': No such file or directory\n`
          : `${prog}: cannot open '${a}' for reading: No such file or directory\n`,
      );
      return null;
    }
    if (v === undefined) {
      ctx.err(`${prog}: option requires an argument -- 'n'\n`);
      return null;
    }
    from = prog === 'tail' && v.startsWith('+');
    const digits = v.replace(/^[+-]/, '');
    if (!/^\d+$/.test(digits)) {
      ctx.err(
        busy(ctx)
          ? `${prog}: invalid number '${v}'\n`
          : `${prog}: invalid number of lines: ‘${v}’\n`,
      );
      return null;
    }
    n = Number(digits);
  }
  return { n, from };
}

export const head: Filter = (args, input, ctx) => {
  const c = lineCount('head', args, ctx);
  if (!c) return 1;
  ctx.out(joinLines(linesOf(input).slice(0, c.n)));
  return 0;
};

export const tail: Filter = (args, input, ctx) => {
  const c = lineCount('tail', args, ctx);
  if (!c) return 1;
  const lines = linesOf(input);
  ctx.out(
    joinLines(c.from ? lines.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : lines.slice(-c.n)),
  );
  return 0;
};

export const wc: Filter = (args, input, ctx) => {
  const want = new Set<string>();
  for (const a of args) {
    if (!/^-[lwcm]+$/.test(a)) return notHere('wc', a, '-l -w -c -m', ctx);
    for (const f of a.slice(1)) want.add(f === 'm' ? 'c' : f);
  }
  const counts = {
    l: (input.match(/\n/g) ?? []).length,
    w: input.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(input).length,
  };
  const cols = (want.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((k) => want.has(k))).map(
    (k) => counts[k as 'l' | 'w' | 'c'],
  );
  // One column prints bare; several are padded: GNU to 7 on stdin, busybox to 9, one space apart.
  const width = cols.length === 1 ? 0 : busy(ctx) ? 9 : 7;
  ctx.out(`${cols.map((n) => String(n).padStart(width)).join(' ')}\n`);
  return 0;
};

export const sort: Filter = (args, input, ctx) => {
  const f = new Set<string>();
  for (const a of args) {
    if (!/^-[nru]+$/.test(a)) return notHere('sort', a, '-n -r -u', ctx);
    for (const c of a.slice(1)) f.add(c);
  }
  const num = (s: string) => Number.parseFloat(s) || 0;
  let lines = linesOf(input).sort((a, b) =>
    f.has('n') ? num(a) - num(b) || (a < b ? -1 : a > b ? 1 : 0) : a < b ? -1 : a > b ? 1 : 0,
  );
  if (f.has('r')) lines = lines.reverse();
  if (f.has('u'))
    lines = lines.filter(
      (l, i) => i === 0 || (f.has('n') ? num(l) !== num(lines[i - 1] ?? '') : l !== lines[i - 1]),
    );
  ctx.out(joinLines(lines));
  return 0;
};

export const FILTERS: { readonly [name: string]: Filter } = { grep, head, tail, wc, sort };
