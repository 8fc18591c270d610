// `conntrack -L` of the host namespace against the engine's table, after each flow. Pure.
import type { World } from '../src/sim';
import { conntrackLine } from '../src/terminal/net/conntrack';

/** One line of `conntrack -L`, split into what is compared and the seconds left. */
export interface CtLine {
  readonly proto: string;
  readonly state: string | null;
  /** `key=value` of the original direction, as printed. */
  readonly orig: readonly string[];
  readonly reply: readonly string[];
  readonly unreplied: boolean;
  readonly assured: boolean;
  readonly timeout: number;
}

/** Parses conntrack-tools' default output (the lab prints the same format). */
export function parseConntrack(text: string): CtLine[] {
  const out: CtLine[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim().split(/\s+/);
    const [proto, , secs, fourth] = t;
    if (proto === undefined || secs === undefined || !/^\d+$/.test(secs)) continue;
    const state = fourth !== undefined && /^[A-Z_0-9]+$/.test(fourth) ? fourth : null;
    const orig: string[] = [];
    const reply: string[] = [];
    let unreplied = false;
    let assured = false;
    for (const tok of t.slice(state === null ? 3 : 4)) {
      if (tok === '[UNREPLIED]') unreplied = true;
      else if (tok === '[ASSURED]') assured = true;
      else if (/^(mark|use|zone|secctx|labels)=/.test(tok) || !tok.includes('=')) continue;
      // The reply tuple starts at the second src=.
      else if (reply.length > 0 || (tok.startsWith('src=') && orig.length > 0)) reply.push(tok);
      else orig.push(tok);
    }
    out.push({ proto, state, orig, reply, unreplied, assured, timeout: Number(secs) });
  }
  return out;
}

/** The engine's table as `conntrack -L` in the host namespace would print it (the lab's printer). */
export function engineConntrack(world: World): CtLine[] {
  const live = world.conntrack.filter((e) => e.ns === 'host' && e.expires > world.clock);
  return parseConntrack(live.map((e) => conntrackLine(e, world.clock)).join(''));
}

export interface CtNormalise {
  /** Kernel `address:port` → engine port (the flows' ephemeral-port mapping). */
  readonly ports: ReadonlyMap<string, number>;
  /**
   * Entries (`side key`) an earlier flow of the case already reported as one side's only: the
   * table outlives the flow, and a later flow must not fail again for it (a matrix case sends ten).
   */
  readonly known?: ReadonlySet<string>;
}

/**
 * The comparable text of an entry: protocol, TCP state, both tuples, [UNREPLIED], [ASSURED].
 * Ephemeral ports are mapped (address and port together, from the same tuple); ICMP echo ids are
 * random, so not compared, as on the wire, only whether NAT moved one (`id=moved`).
 */
export function ctKey(e: CtLine, n: CtNormalise): string {
  const origId = e.orig.find((x) => x.startsWith('id='));
  const tuple = (kv: readonly string[]) => {
    const get = (k: string) => kv.find((x) => x.startsWith(`${k}=`))?.slice(k.length + 1) ?? '';
    const port = (ip: string, p: string) => String(n.ports.get(`${ip}:${p}`) ?? p);
    return kv
      .map((x) => {
        const [k = '', v = ''] = x.split('=');
        if (k === 'sport') return `sport=${port(get('src'), v)}`;
        if (k === 'dport') return `dport=${port(get('dst'), v)}`;
        // Random, but whether NAT moved it (the reply's id differs from the request's) is not.
        if (k === 'id' && e.proto === 'icmp') return x === origId ? 'id=*' : 'id=moved';
        return x;
      })
      .join(' ');
  };
  const flags = `${e.unreplied ? ' [UNREPLIED]' : ''}${e.assured ? ' [ASSURED]' : ''}`;
  return `${e.proto}${e.state ? ` ${e.state}` : ''} ${tuple(e.orig)} | ${tuple(e.reply)}${flags}`;
}

/** The original tuple's source port (the first `sport=` of a key) blanked. */
const anySport = (key: string): string => key.replace(/sport=\d+/, 'sport=*');

/** The kernel entry's original source endpoint was on no wire of the case (not in the mapping). */
function unseenSport(k: CtLine, n: CtNormalise): boolean {
  const raw = ctKey(k, { ports: new Map() });
  const src = /src=(\S+)/.exec(raw)?.[1];
  const sport = /sport=(\d+)/.exec(raw)?.[1];
  return src !== undefined && sport !== undefined && !n.ports.has(`${src}:${sport}`);
}

/**
 * IGMP entries (`unknown 2`) come from the bridge's own membership reports, setup noise the engine
 * does not model (the wire comparison drops the same reports).
 */
const isSetupNoise = (e: CtLine): boolean => e.proto === 'unknown';

export interface CtComparison {
  readonly ok: boolean;
  readonly lines: string[];
  /** The `side key`s of entries only one side lists (for `CtNormalise.known` of later flows). */
  readonly onlyOneSide: string[];
}

/**
 * Same entries on both sides (as multisets of ctKey), and each kernel timeout no more than the
 * engine's and no less than the engine's minus `elapsed` seconds: the engine's clock stands still
 * during a case while the kernel's runs (and it prints whole seconds, rounded down).
 */
export function compareConntrack(
  kernelText: string,
  engine: readonly CtLine[],
  n: CtNormalise,
  elapsed: number,
): CtComparison {
  const kernel = parseConntrack(kernelText).filter((e) => !isSetupNoise(e));
  const left = [...kernel];
  const lines: string[] = [];
  const onlyOneSide: string[] = [];
  let ok = true;
  let carried = 0;
  /** An entry only one side lists: a failure, unless an earlier flow already reported it. */
  const only = (side: 'engine' | 'kernel', key: string, timeout: number) => {
    onlyOneSide.push(`${side} ${key}`);
    if (n.known?.has(`${side} ${key}`)) carried++;
    else {
      ok = false;
      lines.push(`      ${side} only: ${key} (${timeout} s)`);
    }
  };
  for (const e of engine) {
    const key = ctKey(e, n);
    let i = left.findIndex((k) => ctKey(k, n) === key);
    // A client port on no wire (the host's own connection, its packets seen only after SNAT or
    // MASQUERADE moved it, or under another address): the mapping cannot name it, so the entry
    // is matched with that one port left out.
    if (i === -1)
      i = left.findIndex((k) => unseenSport(k, n) && anySport(ctKey(k, n)) === anySport(key));
    const k = left[i];
    if (!k) {
      only('engine', key, e.timeout);
      continue;
    }
    left.splice(i, 1);
    if (k.timeout > e.timeout || k.timeout < e.timeout - elapsed - 1) {
      ok = false;
      lines.push(`      timeout: ${key}: engine ${e.timeout} s, kernel ${k.timeout} s`);
    }
  }
  for (const k of left) only('kernel', ctKey(k, n), k.timeout);
  const same = engine.length - onlyOneSide.filter((k) => k.startsWith('engine ')).length;
  const also = carried > 0 ? ` (${carried} differing since an earlier flow, reported there)` : '';
  const head = ok
    ? `    conntrack -L: ${same} entr${same === 1 ? 'y' : 'ies'} identical${also}`
    : `    conntrack -L: MISMATCH (engine ${engine.length}, kernel ${kernel.length})${also}`;
  return { ok, lines: [head, ...lines], onlyOneSide };
}
