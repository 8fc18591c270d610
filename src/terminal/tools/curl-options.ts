// curl's command line: flags bundled as getopt bundles them (-sS, -so FILE, -sSw FMT), the options
// with a value (-m, -o, -w) and their long names. Pure.

export interface CurlOptions {
  readonly verbose: boolean;
  readonly silent: boolean;
  readonly showError: boolean;
  readonly maxTime: number | null;
  /** -o FILE: the body goes there, not to the terminal (so the progress meter shows). */
  readonly output: string | null;
  /** -w FORMAT, printed on stdout once the transfer ends (or fails). */
  readonly writeOut: string | null;
  readonly url: string | undefined;
}

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const LONG: { readonly [name: string]: string } = {
  '--verbose': 'v',
  '--silent': 's',
  '--show-error': 'S',
  '--max-time': 'm',
  '--output': 'o',
  '--write-out': 'w',
};
const HAS = '-s -S -v -m -o -w';

/** The options, or the message curl prints (with its exit status 2) when they are wrong. */
export function curlOptions(args: readonly string[]): CurlOptions | { error: string } {
  const o = { verbose: false, silent: false, showError: false, maxTime: null as number | null };
  let output: string | null = null;
  let writeOut: string | null = null;
  let url: string | undefined;
  const take = (flag: string, shown: string, v: string | undefined): string | null => {
    if (v === undefined) return `curl: option ${shown}: requires parameter\n${TRY}`;
    if (flag === 'm') {
      if (!/^\d+(\.\d+)?$/.test(v))
        return `curl: option ${shown}: expected a proper numerical parameter\n${TRY}`;
      o.maxTime = Number(v);
    } else if (flag === 'o') output = v;
    else writeOut = v;
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('-') || a === '-') {
      url = a;
      continue;
    }
    if (a.startsWith('--')) {
      const [name = '', inline] = a.split(/=(.*)/s);
      const flag = LONG[name];
      if (!flag)
        return { error: `curl: option ${a}: is not in this lab's curl (it has ${HAS})\n${TRY}` };
      if ('mow'.includes(flag)) {
        const err = take(flag, name, inline ?? args[++i]);
        if (err) return { error: err };
      } else o[flag === 'v' ? 'verbose' : flag === 's' ? 'silent' : 'showError'] = true;
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k] ?? '';
      if (c === 'v') o.verbose = true;
      else if (c === 's') o.silent = true;
      else if (c === 'S') o.showError = true;
      else if ('mow'.includes(c)) {
        const err = take(c, `-${c}`, a.slice(k + 1) || args[++i]);
        if (err) return { error: err };
        break;
      } else
        return { error: `curl: option -${c}: is not in this lab's curl (it has ${HAS})\n${TRY}` };
    }
  }
  return { ...o, output, writeOut, url };
}
