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

/**
 * IGMP entries (`unknown 2`) come from the bridge's own membership reports, setup noise the engine
 * does not model (the wire comparison drops the same reports).
 */
const isSetupNoise = (e: CtLine): boolean => e.proto === 'unknown';

export interface CtComparison {
  readonly ok: boolean;
  readonly lines: string[];
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
  let ok = true;
  for (const e of engine) {
    const key = ctKey(e, n);
    const i = left.findIndex((k) => ctKey(k, n) === key);
    const k = left[i];
    if (!k) {
      ok = false;
      lines.push(`      engine only: ${key} (${e.timeout} s)`);
      continue;
    }
    left.splice(i, 1);
    if (k.timeout > e.timeout || k.timeout < e.timeout - elapsed - 1) {
      ok = false;
      lines.push(`      timeout: ${key}: engine ${e.timeout} s, kernel ${k.timeout} s`);
    }
  }
  for (const k of left) {
    ok = false;
    lines.push(`      kernel only: ${ctKey(k, n)} (${k.timeout} s)`);
  }
  const head = ok
    ? `    conntrack -L: ${engine.length} entr${engine.length === 1 ? 'y' : 'ies'} identical`
    : `    conntrack -L: MISMATCH (engine ${engine.length}, kernel ${kernel.length})`;
  return { ok, lines: [head, ...lines] };
}
