// `uname`: the host's GNU coreutils 9.1 (Debian 12), busybox's applet in a busybox or Alpine image,
// coreutils again in the Debian-based images. A container shares the host's kernel, so it prints
// the host's release and version: only the node name (the container's UTS namespace) and, in
// Alpine, the OS name differ. Options, order, the "unknown" fields and every error text were
// recorded from coreutils 9.1 and busybox 1.35 (Debian 12's) on this project's machine; Alpine's
// busybox is built with CONFIG_UNAME_OSNAME="Linux" (aports main/busybox/busyboxconfig). Pure.
import { MACHINE } from '../machine';
import type { Outcome } from '../net/ip-route';

export type UnameFlavour =
  | { readonly kind: 'coreutils'; readonly quotes: 'utf8' | 'ascii' }
  | { readonly kind: 'busybox'; readonly osName: string };

/** The fields in the order uname prints them; p and i are "unknown" on Linux. */
const FIELDS = [
  ['s', 'kernel-name'],
  ['n', 'nodename'],
  ['r', 'kernel-release'],
  ['v', 'kernel-version'],
  ['m', 'machine'],
  ['p', 'processor'],
  ['i', 'hardware-platform'],
  ['o', 'operating-system'],
] as const;

type Field = (typeof FIELDS)[number][0];

const LONG: readonly (readonly [string, Field | 'a' | 'help' | 'version'])[] = [
  ['all', 'a'],
  ...FIELDS.map(([f, name]) => [name, f] as const),
  ['help', 'help'],
  ['version', 'version'],
];

const COREUTILS_HELP = `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type (non-portable)
  -i, --hardware-platform  print the hardware platform (non-portable)
  -o, --operating-system   print the operating system
      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/uname>
or available locally via: info '(coreutils) uname invocation'
`;

const COREUTILS_VERSION = `uname (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by David MacKenzie.
`;

const BUSYBOX_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: uname [-amnrspvio]

Print system information

\t-a\tPrint all
\t-m\tMachine (hardware) type
\t-n\tHostname
\t-r\tKernel release
\t-s\tKernel name (default)
\t-p\tProcessor type
\t-v\tKernel version
\t-i\tHardware platform
\t-o\tOS name
`;

type Parsed =
  | {
      readonly ok: true;
      readonly fields: ReadonlySet<Field>;
      readonly all: boolean;
      readonly operands: readonly string[];
    }
  | { readonly ok: false; readonly complaint: string | null }
  | { readonly ok: 'print'; readonly text: string; readonly err?: string };

/** glibc's getopt_long over uname's options: clustered short flags, unique long prefixes, `--`. */
function parse(args: readonly string[], coreutils: boolean): Parsed {
  const fields = new Set<Field>();
  let all = false;
  const operands: string[] = [];
  const take = (f: Field | 'a') => (f === 'a' ? (all = true) : fields.add(f));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0] ?? '';
      const exact = LONG.find(([l]) => l === name);
      const hits = exact ? [exact] : LONG.filter(([l]) => l.startsWith(name));
      if (hits.length > 1) {
        const list = hits.map(([l]) => `'--${l}'`).join(' ');
        return { ok: false, complaint: `option '${a}' is ambiguous; possibilities: ${list}` };
      }
      const hit = hits[0];
      // busybox has no --version; its --help is every applet's: the usage on stderr, status 0.
      if (!hit || (!coreutils && hit[1] === 'version'))
        return { ok: false, complaint: `unrecognized option '${a}'` };
      if (a.includes('='))
        return { ok: false, complaint: `option '--${hit[0]}' doesn't allow an argument` };
      if (hit[1] === 'help' && !coreutils) return { ok: 'print', text: '', err: BUSYBOX_USAGE };
      if (hit[1] === 'help') return { ok: 'print', text: COREUTILS_HELP };
      if (hit[1] === 'version') return { ok: 'print', text: COREUTILS_VERSION };
      take(hit[1]);
    } else if (a.startsWith('-') && a !== '-') {
      for (const c of a.slice(1)) {
        if (c !== 'a' && !FIELDS.some(([f]) => f === c))
          return { ok: false, complaint: `invalid option -- '${c}'` };
        take(c as Field | 'a');
      }
    } else operands.push(a);
  }
  return { ok: true, fields, all, operands };
}

function values(nodename: string, osName: string): Record<Field, string> {
  return {
    s: 'Linux',
    n: nodename,
    r: MACHINE.kernelRelease,
    v: MACHINE.kernelVersion,
    m: MACHINE.architecture,
    p: 'unknown',
    i: 'unknown',
    o: osName,
  };
}

/** `uname ARGS` on a machine named `nodename`. */
export function uname(args: readonly string[], nodename: string, flavour: UnameFlavour): Outcome {
  const coreutils = flavour.kind === 'coreutils';
  const r = parse(args, coreutils);
  const tryHelp = "Try 'uname --help' for more information.\n";
  if (r.ok === 'print') return { out: r.text, err: r.err ?? '', exit: 0 };
  if (r.ok === false) {
    const line = r.complaint === null ? '' : `uname: ${r.complaint}\n`;
    return { out: '', err: line + (coreutils ? tryHelp : BUSYBOX_USAGE), exit: 1 };
  }
  if (r.operands.length > 0) {
    if (!coreutils) return { out: '', err: BUSYBOX_USAGE, exit: 1 };
    const op = r.operands[0] ?? '';
    const quoted = flavour.quotes === 'utf8' ? `‘${op}’` : `'${op}'`;
    return { out: '', err: `uname: extra operand ${quoted}\n${tryHelp}`, exit: 1 };
  }
  const v = values(nodename, coreutils ? 'GNU/Linux' : flavour.osName);
  const wanted = (f: Field): boolean => {
    // -a prints p and i only where they are known (never on Linux); asked for alone, "unknown".
    if (r.all) return v[f] !== 'unknown';
    return r.fields.size === 0 ? f === 's' : r.fields.has(f);
  };
  const out = FIELDS.filter(([f]) => wanted(f)).map(([f]) => v[f]);
  return { out: `${out.join(' ')}\n`, err: '', exit: 0 };
}
