// Seeded fuzzer for share links and scenario files: mutated #lab= links and .json files through
// src/share's decoders. Each must resolve (never throw) to { ok: false, error } with a specific reason,
// or to a lab the engine and the terminal can use; a refused import leaves the current lab as it was.
//   npx tsx scripts/fuzz-import.ts [--cases N] [--seed S] [--show K]
import { pathToFileURL } from 'node:url';
import { SCENARIOS, buildScenario } from '../src/scenarios';
import { simulate, type World } from '../src/sim';
import {
  checkAddresses,
  checkBindings,
  checkIdentity,
} from '../src/sim/properties/invariants-world';
import { decodeFile, decodeFragment, encodeFile, encodeFragment, toStored } from '../src/share';
import type { LabDocument, ParseResult } from '../src/share';
import type { Flow } from '../src/sim/trace';
import { toBase64Url } from '../src/share/codec';
import { createAppStore, type AppStore } from '../src/store';
import { Prng } from './fuzz-terminal';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The rule a loader must follow, as the store has no import action yet: replace the world only on ok. */
export function importInto(store: AppStore, r: ParseResult<LabDocument>): void {
  if (r.ok) store.setState({ world: r.value.world });
}

const deflate = async (text: string): Promise<Uint8Array> =>
  new Uint8Array(
    await new Response(
      new Blob([new TextEncoder().encode(text)])
        .stream()
        .pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
const linkOf = async (text: string) => `#lab=${toBase64Url(await deflate(text))}`;

const labs: readonly { readonly world: World; readonly flow?: Flow }[] = SCENARIOS.map((s, i) => {
  const world = buildScenario(s, i % 2 ? 'docker-29' : 'docker-27');
  const flow = s.flows[0];
  return flow ? { world: simulate(world, flow).world, flow } : { world };
});

const ANY_FLOW = labs.find((l) => l.flow)?.flow;

const JUNK: readonly Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0,
  1e308,
  1e20,
  4294967296,
  '',
  'x',
  'NaN',
  'undefined',
  '<script>alert(1)</script>',
  '__proto__',
  '1.2.3.4',
  '256.0.0.1',
  '10.0.0.0/33',
  '02:42:ac:11:00:02',
  'ff:ff:ff:ff:ff:ff',
  'a'.repeat(300),
  [],
  [null],
  {},
  { __proto__: 1 },
  'bridge',
  'host',
  'none',
  '\u202E\u200B🐳',
];
const EVIL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'x'];

/** Every path to a value in a JSON tree (bounded), to aim mutations anywhere in the document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  if (out.length > 4000 || at.length > 8) return out;
  out.push(at);
  if (Array.isArray(v)) v.slice(0, 6).forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** One structural edit of a stored document: wrong types, removed or foreign keys, huge or deep values. */
function mutateJson(r: Prng, doc: Json): string {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = r.pick(all);
  let parent = copy as { [k: string]: Json };
  for (const k of path.slice(0, -1))
    parent = (parent as Record<string | number, Json>)[k] as { [k: string]: Json };
  const key = path[path.length - 1] as string;
  const k = r.int(8);
  if (k <= 2) parent[key] = r.pick(JUNK);
  else if (k === 3) delete parent[key];
  else if (k === 4) {
    // Keys JSON.parse turns into own properties, "__proto__" included: the parser must refuse them.
    const text = JSON.stringify(copy);
    const at = text.indexOf('{', r.int(text.length));
    const evil = `"${r.pick(EVIL_KEYS)}":${JSON.stringify(r.pick(JUNK))},`;
    return at < 0 ? text : `${text.slice(0, at + 1)}${evil}${text.slice(at + 1)}`;
  } else if (k === 5)
    parent[key] = Array.from({ length: r.pick([1001, 5000, 70_000]) }, () => parent[key] ?? 0);
  else if (k === 6) parent[key] = 'DEEP-NESTING';
  else {
    const v = parent[key];
    if (typeof v === 'number') parent[key] = r.pick([v + 1, v - 1, -v, v * 65536, 0.5]);
    else if (typeof v === 'string')
      parent[key] = r.chance(0.5) ? `${v}x` : v.slice(0, r.int(v.length + 1));
    else if (typeof v === 'boolean') parent[key] = !v;
    else parent[key] = r.pick(JUNK);
  }
  // Deep nesting is spliced in as text: JSON.stringify itself would overflow the stack on it.
  const depth = r.pick([100, 5000, 100_000]);
  return JSON.stringify(copy).replace(
    '"DEEP-NESTING"',
    `${'['.repeat(depth)}1${']'.repeat(depth)}`,
  );
}

/** Edits of the link's text itself: flipped and cut characters, garbage, foreign wrappers. */
function mutateLink(r: Prng, link: string): string {
  const body = link.slice('#lab='.length);
  const at = r.int(body.length);
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  switch (r.int(7)) {
    case 0:
      return `#lab=${body.slice(0, at)}${r.pick([...B64])}${body.slice(at + 1)}`;
    case 1:
      return `#lab=${body.slice(0, at)}`;
    case 2:
      return `#lab=${body}${Array.from({ length: 1 + r.int(20) }, () => r.pick([...B64])).join('')}`;
    case 3:
      return `#lab=${body.slice(0, at)}${r.pick(['=', '+', '/', '%', ' ', '\u00e9', '%00', '&', '#'])}${body.slice(at)}`;
    case 4:
      return r.pick([
        `lab=${body}`,
        `#x=1&lab=${body}`,
        `#lab=&lab=${body}`,
        `#LAB=${body}`,
        `##lab=${body}`,
        '#lab',
        '',
        '#',
      ]);
    case 5:
      return `#lab=${toBase64Url(Uint8Array.from({ length: 1 + r.int(200) }, () => r.int(256)))}`;
    default:
      return `#lab=${'A'.repeat(r.pick([199_999, 200_001]))}`;
  }
}

export interface Case {
  readonly kind: 'link' | 'file';
  readonly what: string;
  readonly input: string;
}

export async function nextCase(r: Prng): Promise<Case> {
  const lab = r.pick(labs);
  const stored = toStored(lab) as Json;
  const k = r.int(10);
  if (k === 0)
    return {
      kind: 'link',
      what: 'link text edit',
      input: mutateLink(r, await encodeFragment(lab)),
    };
  if (k === 1) {
    const text = r.pick([
      '{',
      '[]',
      'null',
      '"lab"',
      '{"format":"docker-network-lab"}',
      '\u0000',
      '🐳',
      `{"a":${'['.repeat(3000)}`,
    ]);
    return { kind: 'link', what: 'deflate of invalid JSON', input: await linkOf(text) };
  }
  if (k <= 5)
    return {
      kind: 'link',
      what: 'deflate of a mutated document',
      input: await linkOf(mutateJson(r, stored)),
    };
  if (k === 6) {
    const text = encodeFile(lab);
    const at = r.int(text.length);
    const cut = r.chance(0.5)
      ? text.slice(0, at)
      : `${text.slice(0, at)}${r.pick(['"', '}', ',', '\\', '\u0000', 'é'])}${text.slice(at + 1)}`;
    return { kind: 'file', what: 'file text edit', input: cut };
  }
  return { kind: 'file', what: 'mutated document', input: mutateJson(r, stored) };
}

// ---- checking one case -------------------------------------------------------------------------

const CODEC_REASONS = [
  'not valid JSON',
  'the link has no #lab= part',
  'the link is too long',
  'the link is not valid base64url',
  'the link is corrupt or truncated',
  'the lab is too large once unpacked',
  'the link does not hold UTF-8 text',
  'the file is too large',
];
const PATH_REASON = /^[A-Za-z_$][\w$-]*(?:\.[\w$.:@-]+|\[\d+\])*: \S/;
const LEAK = /\bundefined\b|\bNaN\b|\[object Object\]|\n\s+at |\.tsx?:\d+/;
/** A value the input itself spelled ("undefined" as a string) is quoted back; only bare words leak. */
const leaks = (text: string) => LEAK.test(text.replace(/"[^"\n]*"/g, '""'));
const TERMINAL = [
  'docker ps -a',
  'docker network ls',
  'docker network inspect bridge',
  'ip addr',
  'iptables -t nat -L -n -v',
  'conntrack -L',
  'brctl show',
  'bridge fdb show',
];

export interface Finding {
  readonly case: Case;
  readonly problem: string;
}

const base = createWorld0();
function createWorld0(): World {
  const lab = labs[0];
  if (!lab) throw new Error('no scenarios');
  return lab.world;
}
const baseJson = JSON.stringify(base);

/** Decodes one case and returns what is wrong with the outcome (nothing, ideally). */
export async function checkCase(c: Case): Promise<{ problems: string[]; ok: boolean; ms: number }> {
  const problems: string[] = [];
  const t0 = performance.now();
  let r: ParseResult<LabDocument>;
  try {
    r = c.kind === 'link' ? await decodeFragment(c.input) : decodeFile(c.input);
  } catch (e) {
    return {
      problems: [`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`],
      ok: false,
      ms: performance.now() - t0,
    };
  }
  const ms = performance.now() - t0;
  if (
    Object.keys(Object.prototype).length > 0 ||
    ({} as Record<string, unknown>)['polluted'] !== undefined
  )
    problems.push('Object.prototype was polluted');
  const store = createAppStore({ world: base });
  importInto(store, r);
  if (!r.ok) {
    if (typeof r.error !== 'string' || r.error === '') problems.push('refused without a reason');
    else if (leaks(r.error)) problems.push(`reason leaks a JS value: ${r.error.slice(0, 160)}`);
    else if (!CODEC_REASONS.some((k) => r.error.startsWith(k)) && !PATH_REASON.test(r.error))
      problems.push(`reason is not specific (no path): ${r.error.slice(0, 160)}`);
    if (r.error.length > 400) problems.push(`reason is ${r.error.length} characters long`);
    if (JSON.stringify(store.getState().world) !== baseJson)
      problems.push('a refused import changed the current lab');
    return { problems, ok: false, ms };
  }
  const doc = r.value;
  if (store.getState().world !== doc.world) problems.push('an ok import did not replace the lab');
  const bad = [
    ...checkAddresses(doc.world),
    ...checkBindings(doc.world),
    ...checkIdentity(doc.world),
  ];
  if (bad.length) problems.push(`accepted an invalid world: ${bad.slice(0, 2).join('; ')}`);
  try {
    const flow = doc.flow ?? ANY_FLOW;
    if (flow) simulate(doc.world, flow);
    // A name the lab itself spells "NaN" is printed as it is: only values the lab does not hold leak.
    const inLab = JSON.stringify(doc.world);
    for (const line of TERMINAL) {
      const out = store.getState().runCommand(line);
      const text = out.chunks.map((x) => x.text).join('');
      if (leaks(text) && !inLab.includes(LEAK.exec(text)?.[0] ?? ''))
        problems.push(`\`${line}\` on the accepted lab shows ${LEAK.exec(text)?.[0] ?? ''}`);
    }
    const again = decodeFile(encodeFile(doc));
    if (!again.ok) problems.push(`an accepted lab does not share again: ${again.error}`);
  } catch (e) {
    problems.push(
      `the accepted lab breaks the engine or terminal: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return { problems, ok: true, ms };
}

export interface ImportSummary {
  readonly cases: number;
  readonly accepted: number;
  readonly refused: number;
  readonly slowestMs: number;
  readonly reasons: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
  readonly problems: number;
}

export async function fuzzImport(opts: {
  cases: number;
  seed: number;
  keep?: number;
}): Promise<ImportSummary> {
  const r = new Prng(opts.seed);
  const keep = opts.keep ?? 8;
  const findings = new Map<string, Finding>();
  const reasons = new Map<string, number>();
  let accepted = 0;
  let slowestMs = 0;
  let problems = 0;
  for (let i = 0; i < opts.cases; i++) {
    const c = await nextCase(r);
    const o = await checkCase(c);
    slowestMs = Math.max(slowestMs, o.ms);
    if (o.ok) accepted++;
    for (const p of o.problems) {
      problems++;
      const key = p.replace(/\d+|"[^"]*"/g, '#').slice(0, 80);
      if (!findings.has(key) && findings.size < keep) findings.set(key, { case: c, problem: p });
    }
    if (!o.ok) {
      const res = c.kind === 'link' ? await decodeFragment(c.input) : decodeFile(c.input);
      const reason = res.ok
        ? 'ok'
        : res.error
            .replace(/\[\d+\]|"[^"]*"|\d+/g, '#')
            .replace(/^.*?: /, (m) => (m.length > 40 ? '…: ' : m));
      reasons.set(reason.slice(0, 70), (reasons.get(reason.slice(0, 70)) ?? 0) + 1);
    }
  }
  return {
    cases: opts.cases,
    accepted,
    refused: opts.cases - accepted,
    slowestMs,
    reasons,
    findings: [...findings.values()],
    problems,
  };
}

export const describeFinding = (f: Finding) =>
  `${f.problem}\n  ${f.case.kind} (${f.case.what}): ${JSON.stringify(f.case.input.length > 300 ? `${f.case.input.slice(0, 300)}…` : f.case.input)} (${f.case.input.length} chars)`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    return Number.isFinite(n) ? n : fallback;
  };
  const cases = arg('cases', 10_000);
  const seed = arg('seed', 1);
  const t0 = performance.now();
  const s = await fuzzImport({ cases, seed, keep: arg('show', 8) });
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `fuzz-import ${s.problems ? 'FAIL' : 'ok'}: seed=${seed} cases=${s.cases} accepted=${s.accepted} refused=${s.refused} distinct-reasons=${s.reasons.size} problems=${s.problems} slowest=${s.slowestMs.toFixed(0)}ms time=${secs.toFixed(1)}s`,
  );
  if (process.argv.includes('--reasons'))
    for (const [k, n] of [...s.reasons].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(6)}  ${k}`);
  for (const f of s.findings) console.log(describeFinding(f));
  if (s.problems) process.exitCode = 1;
}
