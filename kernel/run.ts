// `npm run test:kernel`: every scenario × profile built in real namespaces and compared with the engine.
// Usage: tsx kernel/run.ts [scenario-id…] [--profile docker-27|docker-29] [--dump DIR] [--extra]
// (--profile also takes 27|29 and the old names classic|current)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES, profileNamed, type Profile } from '../src/sim';
import { SCENARIOS } from '../src/scenarios';
import { RACE_ATTEMPTS, RACES, live, runCase, type CaseResult } from './case';
import { BREAK_FIX_SCENARIOS } from './break-fix';
import { KNOWN_WIRE_GAPS, challengeCases, goalProblems } from './challenges';
import { EXTRA_SCENARIOS } from './extra';
import { INTERNET_SCENARIOS } from './internet';
import {
  MATRIX_ATTEMPTS,
  matrixTable,
  readCells,
  selectedMatrix,
  type MatrixRow,
} from './matrix-run';
import { deleteNamespacesSync, ownNamespaces, removeStaleNamespaces } from './netns';
import { stopServers } from './servers';
import { embeddedDnsCase } from './embedded-dns';

const TOOLS = [
  'ip',
  'tcpdump',
  'iptables',
  'iptables-restore',
  'iptables-save',
  'python3',
  'busybox',
  'curl',
  'nc',
  'ping',
  'ss',
  'sysctl',
  'setpriv',
  'taskset',
  'chrt',
  'conntrack',
];

function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why the suite cannot run here, or null. */
function cannotRun(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0)
    return 'not root (network namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN)';
  const missing = TOOLS.filter((t) => !has(t));
  if (missing.length > 0) return `missing tools: ${missing.join(', ')}`;
  return null;
}

function cleanupAndExit(signal: string, code = 130): void {
  if (live.servers) stopServers(live.servers);
  deleteNamespacesSync([...new Set([...live.namespaces, ...ownNamespaces()])]);
  process.stderr.write(`\nkernel conformance: interrupted by ${signal}, namespaces removed\n`);
  process.exit(code);
}

function parseArgs(argv: readonly string[]) {
  const ids: string[] = [];
  let profile: Profile | null = null;
  let dump: string | null = null;
  let extra = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--profile') {
      profile = profileNamed(argv[++i]);
      if (!profile)
        throw new Error(`--profile: no profile "${argv[i] ?? ''}" (docker-27, docker-29)`);
    } else if (a === '--dump') dump = argv[++i] ?? null;
    else if (a === '--extra') extra = true;
    else ids.push(a);
  }
  return { ids, profile, dump, extra };
}

/** --dump: each interface's raw tcpdump text of a case, one file per (namespace, interface). */
function dumpRaw(root: string, id: string, profile: Profile, raw: CaseResult['raw']): void {
  const dir = join(root, `${id.replaceAll(':', '-')}.${profile}`);
  mkdirSync(dir, { recursive: true });
  for (const c of raw)
    writeFileSync(join(dir, `${c.ns.replace(/^dnl-\d+-/, '')}.${c.iface}.txt`), c.raw);
}

async function main(): Promise<number> {
  const reason = cannotRun();
  if (reason !== null) {
    if (process.env.CI === 'true') {
      console.error(`kernel conformance: FAILED, cannot run in CI: ${reason}`);
      return 1;
    }
    console.log(`kernel conformance: NOT RUN (${reason})`);
    return 0;
  }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => cleanupAndExit(sig));
  process.on('uncaughtException', (e) => {
    console.error(`kernel conformance: crashed: ${e.stack ?? e.message}`);
    cleanupAndExit('uncaughtException', 1);
  });
  // Last line of defence: whatever path ends the process, our namespaces go with it.
  process.on('exit', () => deleteNamespacesSync(ownNamespaces()));
  const stale = removeStaleNamespaces();
  if (stale.length > 0) console.log(`removed stale namespaces: ${stale.join(' ')}`);
  const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
  const iptablesVersion = execFileSync('iptables', ['-V'], { encoding: 'utf8' }).trim();
  console.log(
    `kernel ${execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim()}, ${iptablesVersion}`,
  );

  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const all = [
    ...SCENARIOS,
    ...BREAK_FIX_SCENARIOS,
    ...INTERNET_SCENARIOS,
    ...(args.extra ? EXTRA_SCENARIOS : []),
  ];
  for (const scenario of all) {
    if (args.ids.length > 0 && !args.ids.includes(scenario.id)) continue;
    for (const profile of PROFILES) {
      if (scenario.profiles && !scenario.profiles.includes(profile)) continue;
      if (args.profile && args.profile !== profile) continue;
      const t0 = Date.now();
      let r = await runCase(scenario, profile, python);
      const race = RACES[scenario.id];
      for (let n = 2; !r.ok && race && n <= RACE_ATTEMPTS; n++) {
        console.log(`RACE ${r.summary}: the kernel took the other order (${race}); try ${n}`);
        r = await runCase(scenario, profile, python);
      }
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.summary} (${secs}s)`);
      if (!r.ok || process.env.KERNEL_VERBOSE === '1') for (const d of r.details) console.log(d);
      if (args.dump) dumpRaw(args.dump, scenario.id, profile, r.raw);
      if (r.ok) passed++;
      else failed++;
    }
  }
  // The conformance matrix (matrix.ts): one case per profile × configuration, a cell per flow.
  const rows: MatrixRow[] = [];
  let matrixMs = 0;
  for (const mc of args.extra ? [] : selectedMatrix(args.ids, args.profile)) {
    const t0 = Date.now();
    let r = await runCase(mc.scenario, mc.profile, python);
    let row = readCells(mc, r);
    const failing = () => [...row.cells].filter(([, c]) => c.kind === 'fail').map(([k]) => k);
    // A case of ten flows meets the suite's known timer races (a FIN acknowledged at once instead
    // of on the delayed ACK riding on its own FIN, README): one more try, the failed one printed.
    for (let n = 2; failing().length > 0 && n <= MATRIX_ATTEMPTS; n++) {
      console.log(`RACE ${r.summary}: ${failing().join(', ')} differed; try ${n}`);
      for (const d of [...r.details, ...row.problems]) console.log(d);
      r = await runCase(mc.scenario, mc.profile, python);
      row = readCells(mc, r);
    }
    rows.push(row);
    if (args.dump) dumpRaw(args.dump, mc.scenario.id, mc.profile, r.raw);
    const ok = failing().length === 0;
    matrixMs += Date.now() - t0;
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`${ok ? 'PASS' : 'FAIL'} ${r.summary} ${mc.scenario.title} (${secs}s)`);
    for (const s of mc.skipped) console.log(`  skipped ${s.kind}: ${s.reason}`);
    if (!ok || process.env.KERNEL_VERBOSE === '1')
      for (const d of [...r.details, ...row.problems]) console.log(d);
    if (ok) passed++;
    else failed++;
  }
  // Break-fix challenges: each broken lab and each fix, compared like a scenario, goals read on both sides.
  for (const c of args.extra ? [] : challengeCases()) {
    if (args.ids.length > 0 && !args.ids.some((id) => c.scenario.id.startsWith(id))) continue;
    if (args.profile && args.profile !== c.profile) continue;
    const t0 = Date.now();
    let r = await runCase(c.scenario, c.profile, python);
    const race = RACES[c.scenario.id];
    for (let n = 2; !r.ok && race && n <= RACE_ATTEMPTS; n++) {
      console.log(`RACE ${r.summary}: the kernel took the other order (${race}); try ${n}`);
      r = await runCase(c.scenario, c.profile, python);
    }
    if (args.dump) dumpRaw(args.dump, c.scenario.id, c.profile, r.raw);
    const goals = goalProblems(c, r.outcomes);
    const gap = KNOWN_WIRE_GAPS[c.scenario.id];
    if (gap && r.ok) goals.push(`  known wire gap no longer there: remove it (${gap})`);
    const ok = (r.ok || gap !== undefined) && goals.length === 0;
    if (gap && ok) console.log(`  known wire gap: ${gap}`);
    const seen = r.outcomes.map((o) => o.kernel).join(', ');
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`${ok ? 'PASS' : 'FAIL'} ${r.summary} goals: ${seen} (${secs}s)`);
    if (!ok || process.env.KERNEL_VERBOSE === '1')
      for (const d of [...r.details, ...goals]) console.log(d);
    if (ok) passed++;
    else failed++;
  }
  // Docker's embedded DNS inside a container's namespace (embedded-dns.ts): one namespace, ~2 s.
  if (!args.extra && (args.ids.length === 0 || args.ids.includes('embedded-dns'))) {
    const t0 = Date.now();
    const r = await embeddedDnsCase(python);
    console.log(
      `${r.ok ? 'PASS' : 'FAIL'} ${r.summary} (${((Date.now() - t0) / 1000).toFixed(1)}s)`,
    );
    for (const d of r.details) console.log(d);
    if (r.ok) passed++;
    else failed++;
  }
  if (rows.length > 0)
    for (const l of [...matrixTable(rows), `(matrix: ${(matrixMs / 1000).toFixed(1)}s)`])
      console.log(l);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)}s)`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    deleteNamespacesSync(ownNamespaces());
    console.error(
      `kernel conformance: crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
