// nc: netcat-openbsd 1.219 on the host, busybox nc in containers; -z port probes over TCP or UDP.
import type { Ctx } from '../context';
import { ncListen } from '../docker/servers';
import { flowSource, resolveName } from './resolve';
import { connectFailsAfterMs } from './flow-view';
import { SYN_GIVE_UP_S } from '../../sim/syn-tries';

const SERVICES: { readonly [key: string]: string } = {
  'tcp/22': 'ssh',
  'tcp/53': 'domain',
  'udp/53': 'domain',
  'udp/5353': 'mdns',
  'tcp/80': 'http',
  'tcp/443': 'https',
  'tcp/5000': '*',
  'tcp/6379': 'redis',
  'tcp/8080': 'http-alt',
};

export function nc(args: readonly string[], ctx: Ctx): number {
  const listened = ncListen(args, ctx);
  if (listened !== null) return listened;
  const busybox = ctx.where.kind === 'container';
  let udp = false;
  let verbose = false;
  let probe = false;
  let timeout: number | null = null;
  const rest: string[] = [];
  const usage = busybox
    ? 'BusyBox v1.35.0 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n'
    : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n';
  const bad = (line: string): number => {
    ctx.err(`nc: ${line}\n${usage}`);
    return 1;
  };
  // getopt, as both read their words: bundled flags (-zv, -zvw2, -zvw 2).
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (a.startsWith('--')) return bad(`unrecognized option '${a}'`);
    for (let k = 1; k < a.length; k++) {
      const c = a[k] ?? '';
      if (c === 'w') {
        const v = a.slice(k + 1) || args[++i];
        if (v === undefined) return bad("option requires an argument -- 'w'");
        timeout = Number(v);
        break;
      }
      if (!'zvun'.includes(c)) return bad(`invalid option -- '${c}'`);
      udp ||= c === 'u';
      verbose ||= c === 'v';
      probe ||= c === 'z';
    }
  }
  const [host, portText] = rest;
  if (host === undefined || portText === undefined || !/^\d+$/.test(portText)) {
    ctx.err(
      busybox
        ? usage
        : portText === undefined
          ? 'nc: missing port number\n'
          : `nc: port number invalid: ${portText}\n`,
    );
    return 1;
  }
  // netcat-openbsd reads the port with strtonum(port, 1, 65535); busybox takes 0 and connects.
  const range =
    Number(portText) > 65535 ? 'large' : Number(portText) < 1 && !busybox ? 'small' : '';
  if (range !== '') {
    ctx.err(busybox ? usage : `nc: port number too ${range}: ${portText}\n`);
    return 1;
  }
  const port = Number(portText);
  const proto = udp ? 'udp' : 'tcp';
  const world = ctx.api.world();
  const ip = resolveName(world, ctx.where, host);
  if (!ip) {
    ctx.err(
      busybox
        ? `nc: bad address '${host}'\n`
        : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`,
    );
    return 1;
  }
  const sim = ctx.api.sendFlow({
    from: ctx.source ?? flowSource(world, ctx.where),
    to: ip,
    kind: udp ? 'udp' : 'tcp',
    port,
    // -w bounds the connect too: the SYNs the kernel sends again before it are walked.
    ...(timeout !== null && !udp ? { wait: Math.min(timeout, SYN_GIVE_UP_S) } : {}),
  });
  const r = sim.result;
  // netcat-openbsd's udptest() writes four bytes; the ICMP port unreachable the first one earns
  // fails the next write (ECONNREFUSED) and nc gives up without a word, exit 1 (measured, 1.219-1).
  if (udp && !busybox && r.kind === 'port-unreachable') return 1;
  // A UDP "connect" succeeds locally; only an ICMP port unreachable would tell otherwise.
  const ok = r.kind === 'connected' || (udp && r.kind !== 'unreachable');
  if (ok) {
    if (verbose)
      ctx.err(
        busybox
          ? `${host} (${ip}:${port}) open\n`
          : `Connection to ${host} ${port} port [${proto}/${SERVICES[`${proto}/${port}`] ?? '*'}] succeeded!\n`,
      );
    // A server that speaks first (sshd's identification line) is printed as it comes; the lab's
    // nc has no stdin to send and closes, where a real one waits for input or Ctrl-C.
    if (!probe && r.kind === 'connected' && r.banner !== undefined) ctx.out(r.banner);
    return 0;
  }
  // Nobody answering ARP on a connected subnet: the kernel gives up on the neighbour after 3 s
  // (EHOSTUNREACH), unless -w ends the connect first (recorded: scripts/clients/).
  const failsAfter = connectFailsAfterMs(r, sim.packets);
  const arpFailed = r.kind === 'unreachable' && failsAfter > 0;
  const timedOut =
    r.kind === 'timeout' || (arpFailed && timeout !== null && timeout * 1000 < failsAfter);
  const why =
    r.kind === 'refused'
      ? 'Connection refused'
      : timedOut
        ? 'Connection timed out'
        : arpFailed
          ? 'No route to host'
          : 'Network is unreachable';
  if (!verbose && !busybox && r.kind !== 'refused') return 1;
  if (busybox) ctx.err(`nc: ${host} (${ip}:${port}): ${why}\n`);
  else if (timedOut && timeout !== null)
    ctx.err(
      `nc: connect to ${host} port ${port} (${proto}) timed out: Operation now in progress\n`,
    );
  else ctx.err(`nc: connect to ${host} port ${port} (${proto}) failed: ${why}\n`);
  return 1;
}
