// The host shell's background servers: netcat-openbsd `nc -l …` with a trailing `&`, bash's `jobs`
// and `kill %N`. What bash and nc print was recorded in an interactive bash 5.2 on Debian 12
// (src/sim/__fixtures__/servers/host-jobs.txt, scripts/servers/record-jobs.sh): `[1] PID` on
// starting, `[N]±  Running                 CMD &` in jobs, `[N]±  Terminated              CMD` once
// killed. The jobs live in the world (`host.jobs`), so ss, netstat and the packet walk see them.
import { listeningAt, type HostJob, type Listener } from '../../sim';
import type { Ctx } from '../context';

const USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;
/** netcat-openbsd's options that take a value (its getopt string). */
const VALUED = 'IiMmOPpqsTVWwXx';

type Parsed = { readonly listener: Listener } | { readonly error: string };

/** `nc -l [-k] [-u] [-p PORT | PORT] [-s ADDR | ADDR PORT]` as netcat-openbsd 1.219 reads it. */
export function parseNcListen(args: readonly string[]): Parsed {
  let udp = false;
  let port: string | null = null;
  let addr: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k] ?? '';
      if (VALUED.includes(c)) {
        const v = a.slice(k + 1) || args[++i];
        if (v === undefined)
          return { error: `nc: option requires an argument -- '${c}'\n${USAGE}` };
        if (c === 'p') port = v;
        if (c === 's') addr = v;
        break;
      }
      if (!'46CDdFhklNnrStUuvZz'.includes(c))
        return { error: `nc: invalid option -- '${c}'\n${USAGE}` };
      udp ||= c === 'u';
    }
  }
  if (rest.length === 2) addr = rest[0] ?? null;
  const p = port ?? rest[rest.length - 1] ?? null;
  if (p === null) return { error: 'nc: missing port number\n' };
  if (!/^\d+$/.test(p)) return { error: `nc: port number invalid: ${p}\n` };
  const n = Number(p);
  if (n < 1 || n > 65535)
    return { error: `nc: port number too ${n < 1 ? 'small' : 'large'}: ${p}\n` };
  if (addr !== null && !/^\d+\.\d+\.\d+\.\d+$/.test(addr))
    return { error: `(lab) nc -l: the lab binds nc to an IPv4 address or to all of them\n` };
  return {
    listener: {
      proto: udp ? 'udp' : 'tcp',
      port: n,
      ...(addr && addr !== '0.0.0.0' ? { ip: addr } : {}),
      silent: true,
      process: 'nc',
    },
  };
}

/** The jobs bash holds: the world's servers and the running captures, by number. */
function allJobs(ctx: Ctx): { job: number; command: string }[] {
  const servers = ctx.api.world().host.jobs ?? [];
  const captures = ctx.api.captures().map((c) => ({ job: c.job, command: c.command }));
  return [...servers, ...captures].sort((a, b) => a.job - b.job);
}

/** bash's job marks: `+` the newest, `-` the one before. */
function mark(jobs: readonly { job: number }[], job: number): string {
  const n = jobs.length;
  return jobs[n - 1]?.job === job ? '+' : jobs[n - 2]?.job === job ? '-' : ' ';
}

const line = (job: number, m: string, state: string, command: string) =>
  `[${job}]${m}  ${state.padEnd(24)}${command}\n`;

/** `nc -l …` typed on the host: a background job with `&`, otherwise the lab's note. */
export function hostNcListen(args: readonly string[], ctx: Ctx): number {
  const background = args[args.length - 1] === '&';
  const argv = background ? args.slice(0, -1) : args;
  const parsed = parseNcListen(argv);
  if ('error' in parsed) {
    ctx.err(parsed.error);
    return 1;
  }
  if (!background) {
    ctx.err(
      `(lab) nc -l would hold this terminal until Ctrl-C, which the lab's terminal cannot do: start it in the background instead: nc ${argv.join(' ')} &\n`,
    );
    return 1;
  }
  const world = ctx.api.world();
  const job = Math.max(0, ...allJobs(ctx).map((j) => j.job)) + 1;
  const pid = 4200 + job;
  ctx.err(`[${job}] ${pid}\n`);
  const l = parsed.listener;
  // netcat-openbsd sets SO_REUSEPORT: a second nc binds the same port; anything else holds it.
  const taken = listeningAt(world, 'host').some(
    (s) =>
      s.proto === l.proto &&
      s.port === l.port &&
      s.process !== 'nc' &&
      (s.ip === null || l.ip === undefined || s.ip === l.ip),
  );
  const reserved = world.containers.some((c) =>
    c.bindings.some((b) => b.proto === l.proto && b.hostPort === l.port),
  );
  if (taken || reserved) {
    ctx.err(`nc: Address already in use\n${line(job, '+', 'Exit 1', `nc ${argv.join(' ')}`)}`);
    return 0;
  }
  const entry: HostJob = { job, pid, command: ['nc', ...argv].join(' '), listener: l };
  const r = ctx.api.setHostJobs([...(world.host.jobs ?? []), entry]);
  if (!r.ok) {
    ctx.err(`${r.error.message}\n`);
    return 1;
  }
  return 0;
}

/** `jobs`: each job bash holds, as it lists them. */
export function jobsCommand(_args: readonly string[], ctx: Ctx): number {
  const jobs = allJobs(ctx);
  ctx.out(jobs.map((j) => line(j.job, mark(jobs, j.job), 'Running', `${j.command} &`)).join(''));
  return 0;
}

/** `kill [-SIG] %N|PID…`: ends a server job (its socket closes); bash then says it terminated. */
export function killCommand(args: readonly string[], ctx: Ctx): number {
  const targets = args.filter((a) => !/^-/.test(a));
  if (targets.length === 0) {
    ctx.err(
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
    );
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    const jobs = allJobs(ctx);
    const servers = ctx.api.world().host.jobs ?? [];
    const byJob = /^%(\d+)$/.exec(t);
    const server = servers.find((s) => (byJob ? s.job === Number(byJob[1]) : String(s.pid) === t));
    if (!server) {
      const capture = byJob && jobs.some((j) => j.job === Number(byJob[1]));
      ctx.err(
        capture
          ? `(lab) ${t} is a capture: stop it with the Stop control or Ctrl+C\n`
          : byJob
            ? `bash: kill: ${t}: no such job\n`
            : /^\d+$/.test(t)
              ? `bash: kill: (${t}) - No such process\n`
              : `bash: kill: ${t}: arguments must be process or job IDs\n`,
      );
      status = 1;
      continue;
    }
    ctx.api.setHostJobs(servers.filter((s) => s !== server));
    ctx.err(line(server.job, mark(jobs, server.job), 'Terminated', server.command));
  }
  return status;
}
