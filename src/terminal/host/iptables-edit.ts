// `iptables [-t T] -A|-I|-D|-C|-P|-N|-X|-F|-Z …`: the words of a rule-changing command read as
// iptables 1.8.9 reads them, into an IptablesEdit, or the error iptables prints (recorded by
// scripts/record-iptables.sh). Pure: the change itself is the store's editIptables.
import {
  networkOf,
  parseIPv4,
  type Cidr,
  type CtState,
  type IptablesEdit,
  type Neg,
  type Netfilter,
  type RuleMatch,
  type RuleTarget,
  type TableName,
} from '../../sim';

export const IPT_VERSION = 'iptables v1.8.9 (nf_tables)';
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

export interface IptFailure {
  readonly text: string;
  readonly exit: number;
}
/** A usage error: iptables' name and version, the message, and where to look for help. */
export const usage = (msg: string): IptFailure => ({
  text: `${IPT_VERSION}: ${msg}\n${TRY}`,
  exit: 2,
});
/** Something the lab does not model, said plainly (never "unknown"). */
const notInLab = (what: string): IptFailure => ({
  text: `iptables: ${what} is not in this lab\n`,
  exit: 1,
});

type Command = Exclude<IptablesEdit['kind'], 'delete-at'>;

const COMMANDS: Readonly<Record<string, Command>> = {
  '-A': 'append',
  '--append': 'append',
  '-I': 'insert',
  '--insert': 'insert',
  '-D': 'delete',
  '--delete': 'delete',
  '-C': 'check',
  '--check': 'check',
  '-P': 'policy',
  '--policy': 'policy',
  '-N': 'new-chain',
  '--new-chain': 'new-chain',
  '-X': 'delete-chain',
  '--delete-chain': 'delete-chain',
  '-F': 'flush',
  '--flush': 'flush',
  '-Z': 'zero',
  '--zero': 'zero',
};

export const isEditCommand = (word: string): boolean => word in COMMANDS;

/** The few names of /etc/services a learner types. */
const SERVICES: Readonly<Record<string, number>> = {
  ssh: 22,
  domain: 53,
  http: 80,
  https: 443,
  'http-alt': 8080,
};
const PROTOS: Readonly<Record<string, RuleMatch['proto'] | null>> = {
  tcp: 'tcp',
  udp: 'udp',
  icmp: 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  all: null,
  '0': null,
};
const NAT_DROP =
  '\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n';
/** The options whose negation the lab's rules hold. */
const NEGATABLE = new Set([
  '-s',
  '--source',
  '-d',
  '--destination',
  '-i',
  '--in-interface',
  '-o',
  '--out-interface',
  '--src-type',
  '--dst-type',
]);
const CT_STATES: readonly CtState[] = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID'];
const VERDICTS = new Set(['ACCEPT', 'DROP', 'RETURN', 'DNAT', 'SNAT', 'MASQUERADE']);

function address(text: string): Cidr | IptFailure {
  const [ip, mask, ...rest] = text.split('/');
  const a = parseIPv4(ip ?? '');
  if (!a.ok || rest.length > 0) return usage(`host/network \`${ip}' not found`);
  const prefix = mask === undefined ? 32 : /^\d+$/.test(mask) ? Number(mask) : NaN;
  if (!(prefix >= 0 && prefix <= 32)) return usage(`invalid mask \`${mask}' specified`);
  return { address: networkOf(a.value, prefix), prefix };
}

/** A command's short form, as iptables names it in "Cannot use -N with -A". */
const letter = (word: string): string =>
  word.startsWith('--')
    ? (Object.keys(COMMANDS).find((k) => k.length === 2 && COMMANDS[k] === COMMANDS[word]) ?? word)
    : word;

const failed = (x: unknown): x is IptFailure => typeof x === 'object' && x !== null && 'exit' in x;

/** Reads the words after `iptables`; `nf` says which chains exist (a jump must name one). */
export function parseEdit(args: readonly string[], nf: Netfilter): IptablesEdit | IptFailure {
  let table: TableName = 'filter';
  let kind: Command | null = null;
  let first = '';
  let chain: string | null = null;
  let num: number | null = null;
  let policy: string | null = null;
  let jump: string | null = null;
  let toDest: string | null = null;
  let toSource: string | null = null;
  const match: { -readonly [K in keyof RuleMatch]: RuleMatch[K] } = {};
  const loaded = new Set<string>();
  let neg = false;
  const take = <T>(value: T): Neg<T> => {
    const n = { value, neg };
    neg = false;
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const next = (): string | IptFailure => {
      const v = args[++i];
      return v === undefined ? usage(`option "${a}" requires an argument`) : v;
    };
    if (a === '!') {
      neg = true;
      continue;
    }
    if (neg && !NEGATABLE.has(a)) return notInLab(`"! ${a}"`);
    if (a in COMMANDS) {
      if (kind !== null) return usage(`Cannot use ${letter(a)} with ${letter(first)}`);
      first = a;
      kind = COMMANDS[a] ?? null;
      const optional = kind === 'delete-chain' || kind === 'flush' || kind === 'zero';
      const name = args[i + 1];
      if (name === undefined || (optional && name.startsWith('-'))) {
        if (!optional) return usage(`option "${a}" requires an argument`);
        continue;
      }
      chain = name;
      i++;
      const after = args[i + 1];
      if ((kind === 'insert' || kind === 'delete') && after !== undefined && /^\d+$/.test(after)) {
        num = Number(after);
        i++;
        if (num < 1) return usage(`Invalid rule number \`${after}'`);
      } else if (kind === 'policy') {
        if (after === undefined) return usage(`option "${a}" requires an argument`);
        policy = after;
        i++;
      }
      continue;
    }
    switch (a) {
      case '-t':
      case '--table': {
        const t = next();
        if (failed(t)) return t;
        if (t !== 'filter' && t !== 'nat' && t !== 'raw') {
          if (t === 'mangle' || t === 'security') return notInLab(`the ${t} table`);
          return {
            text: `${IPT_VERSION}: table '${t}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`,
            exit: 3,
          };
        }
        table = t;
        break;
      }
      case '-s':
      case '--source':
      case '-d':
      case '--destination': {
        const v = next();
        if (failed(v)) return v;
        const c = address(v);
        if (failed(c)) return c;
        if (a === '-s' || a === '--source') match.src = take(c);
        else match.dst = take(c);
        break;
      }
      case '-i':
      case '--in-interface':
      case '-o':
      case '--out-interface': {
        const v = next();
        if (failed(v)) return v;
        if (a.startsWith('-i') || a === '--in-interface') match.inIface = take(v);
        else match.outIface = take(v);
        break;
      }
      case '-p':
      case '--protocol': {
        const v = next();
        if (failed(v)) return v;
        const p = PROTOS[v.toLowerCase()];
        if (p === undefined) return notInLab(`protocol "${v}"`);
        if (p !== null) match.proto = p;
        if (p === 'tcp' || p === 'udp') loaded.add(p);
        break;
      }
      case '-m':
      case '--match': {
        const v = next();
        if (failed(v)) return v;
        if (!['tcp', 'udp', 'conntrack', 'addrtype'].includes(v)) return notInLab(`the ${v} match`);
        // iptables keeps a second -m udp after --dport as a match of its own; the lab holds one.
        if (loaded.has(v) && match.dport !== undefined)
          return notInLab(`loading the ${v} match twice`);
        loaded.add(v);
        break;
      }
      case '--dport':
      case '--destination-port': {
        if (!loaded.has('tcp') && !loaded.has('udp')) return usage(`unknown option "${a}"`);
        const v = next();
        if (failed(v)) return v;
        const port = /^\d+$/.test(v) ? Number(v) : (SERVICES[v] ?? NaN);
        if (!(port >= 0 && port <= 65535)) return usage(`invalid port/service \`${v}' specified`);
        match.dport = port;
        break;
      }
      case '--ctstate': {
        if (!loaded.has('conntrack')) return usage(`unknown option "${a}"`);
        const v = next();
        if (failed(v)) return v;
        const states = v.split(',').map((s) => s.toUpperCase());
        const bad = states.find((s) => !CT_STATES.includes(s as CtState));
        if (bad !== undefined) return usage(`Bad ctstate "${bad}"`);
        match.ctstate = states as CtState[];
        break;
      }
      case '--src-type':
      case '--dst-type': {
        if (!loaded.has('addrtype')) return usage(`unknown option "${a}"`);
        const v = next();
        if (failed(v)) return v;
        if (v !== 'LOCAL') return notInLab(`address type ${v}`);
        if (a === '--src-type') match.srcType = take('LOCAL');
        else match.dstType = take('LOCAL');
        break;
      }
      case '-j':
      case '--jump': {
        if (jump !== null) return usage('multiple -j flags not allowed');
        const v = next();
        if (failed(v)) return v;
        jump = v;
        break;
      }
      case '--to-destination':
      case '--to-source': {
        if (jump !== (a === '--to-destination' ? 'DNAT' : 'SNAT'))
          return usage(`unknown option "${a}"`);
        const v = next();
        if (failed(v)) return v;
        if (a === '--to-destination') toDest = v;
        else toSource = v;
        break;
      }
      default:
        if (a.startsWith('-')) return usage(`unknown option "${a}"`);
        return { text: `Bad argument \`${a}'\n${TRY}`, exit: 2 };
    }
  }
  if (kind === null) return usage('no command specified');
  const at = { table, chain: chain ?? '' };
  switch (kind) {
    case 'flush':
    case 'zero':
      return { kind, table, chain };
    case 'delete-chain':
      if (chain === null) return notInLab('deleting every user chain at once (-X without a chain)');
      return { kind, ...at };
    case 'new-chain':
      return chainNameError(chain ?? '') ?? { kind, ...at };
    case 'policy':
      if (table === 'nat' && policy === 'DROP') return usage(NAT_DROP);
      return { kind, ...at, policy: policy ?? '' };
    case 'delete':
      if (num !== null) return { kind: 'delete-at', ...at, at: num };
  }
  const target = ruleTarget(jump, table, nf, toDest, toSource);
  if (failed(target)) return target;
  const rule = { match, target };
  if (kind === 'insert') return { kind, ...at, at: num ?? 1, rule };
  return { kind, ...at, rule };
}

/** `iptables -N NAME`'s own checks on NAME (recorded in a namespace). */
function chainNameError(name: string): IptFailure | null {
  if (name.length > 28) return usage(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-')) return usage("chain name not allowed to start with `-'");
  if (/\s/.test(name)) return usage(`Invalid chain name \`${name}'`);
  if (VERDICTS.has(name) || name === 'REJECT' || name === 'LOG' || name === 'QUEUE')
    return usage('chain name may not clash with target name');
  if (!/^[!-~]+$/.test(name)) return notInLab('a chain name outside printable ASCII');
  return null;
}

function ruleTarget(
  jump: string | null,
  table: TableName,
  nf: Netfilter,
  toDest: string | null,
  toSource: string | null,
): RuleTarget | IptFailure {
  if (jump === null) return notInLab('a rule without a target (-j)');
  if (jump === 'REJECT' || jump === 'LOG') return notInLab(`the ${jump} target`);
  if (!VERDICTS.has(jump)) {
    if (!nf[table].chains.some((c) => c.name === jump))
      return usage(`Chain '${jump}' does not exist`);
    return { kind: 'JUMP', chain: jump };
  }
  if (table === 'nat' && jump === 'DROP')
    return usage(
      `\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n`,
    );
  if (jump === 'DNAT') {
    if (toDest === null) return usage('DNAT: option "--to-destination" must be specified\n');
    const [ip, port] = toDest.split(':');
    const a = parseIPv4(ip ?? '');
    if (!a.ok) return usage(`Bad IP address "${ip}"`);
    const p = port === undefined ? null : Number(port);
    if (p !== null && !(p >= 1 && p <= 65535)) return usage(`Port \`${port}' not valid`);
    return { kind: 'DNAT', toIp: a.value, toPort: p };
  }
  if (jump === 'SNAT') {
    if (toSource === null) return usage('SNAT: option "--to-source" must be specified\n');
    const a = parseIPv4(toSource);
    if (!a.ok) return usage(`Bad IP address "${toSource}"`);
    return { kind: 'SNAT', toIp: a.value };
  }
  return { kind: jump as 'ACCEPT' | 'DROP' | 'RETURN' | 'MASQUERADE' };
}
