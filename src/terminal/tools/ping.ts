// ping in two dialects: iputils 20221126 on the host, busybox 1.35 in containers. Sends one flow.
import type { Ctx } from '../context';
import type { FlowResult, PacketTrace } from '../../sim/trace';
import {
  ARP_FAIL_MS,
  echoErrors,
  echoReplies,
  lastDrop,
  lookupUnanswered,
  type EchoError,
  type EchoReply,
} from './flow-view';
import { failedLookup, flowSource, lookupOf, resolveName } from './resolve';

/** Without -c a real ping runs until Ctrl-C; the lab sends this many, and at most MAX. */
export const DEFAULT_PING_COUNT = 4;
export const MAX_PING_COUNT = 100;

/** iputils prints less precision as the time grows. */
function iputilsTime(us: number): string {
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10000 - 5)
    return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000)
    return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

const ms3 = (us: number): string =>
  `${Math.floor(us / 1000)}.${String(Math.round(us) % 1000).padStart(3, '0')}`;

/** printf %g with six significant digits, as iputils prints the loss percentage. */
const g = (x: number): string => String(Number(x.toPrecision(6)));

/** pr_icmph's words for the errors the lab's kernel sends. */
function icmpErrorText(type: number, code: number): string {
  if (type === 11) return code === 0 ? 'Time to live exceeded' : 'Frag reassembly time exceeded';
  const unreachable = ['Net', 'Host', 'Protocol', 'Port'][code];
  return unreachable
    ? `Destination ${unreachable} Unreachable`
    : `Dest Unreachable, Bad Code: ${code}`;
}

/**
 * iputils' pipe: the most requests outstanding when an answer came. A reply is back within the
 * second; a host unreachable comes when ARP gives up, ARP_FAIL_MS after the request that started
 * asking, and the requests sent each second meanwhile wait on the same neighbour entry (so at
 * most 4: a real `-c 4` and `-c 5` both print "pipe 4").
 */
function pipeSize(sent: number, errors: readonly EchoError[]): number {
  const arp = errors.some((e) => e.type === 3 && e.code === 1);
  return arp ? Math.min(sent, 1 + ARP_FAIL_MS / 1000) : 1;
}

export function iputilsPing(
  target: string,
  ip: string,
  sent: number,
  replies: readonly EchoReply[],
  errors: readonly EchoError[] = [],
): string {
  let s = `PING ${target} (${ip}) 56(84) bytes of data.\n`;
  for (const r of replies)
    s += `64 bytes from ${ip}: icmp_seq=${r.seq + 1} ttl=${r.ttl} time=${iputilsTime(r.rttUs)} ms\n`;
  for (const e of errors)
    s += `From ${e.from} icmp_seq=${e.seq + 1} ${icmpErrorText(e.type, e.code)}\n`;
  const n = replies.length;
  const rtts = replies.map((r) => r.rttUs);
  const total = (sent - 1) * 1000 + Math.floor((rtts[rtts.length - 1] ?? 0) / 1000);
  const plusErrors = errors.length > 0 ? `, +${errors.length} errors` : '';
  s += `\n--- ${target} ping statistics ---\n`;
  s += `${sent} packets transmitted, ${n} received${plusErrors}, ${g(((sent - n) * 100) / sent)}% packet loss, time ${Math.max(0, total)}ms\n`;
  // finish(): the rtt line, then ", pipe N" on the same line, then the newline either ends.
  const tail: string[] = [];
  if (n > 0) {
    const avg = rtts.reduce((a, b) => a + b, 0) / n;
    const mdev = Math.sqrt(Math.max(0, rtts.reduce((a, b) => a + b * b, 0) / n - avg * avg));
    tail.push(
      `rtt min/avg/max/mdev = ${ms3(Math.min(...rtts))}/${ms3(Math.floor(avg))}/${ms3(Math.max(...rtts))}/${ms3(Math.floor(mdev))} ms`,
    );
  }
  const pipe = pipeSize(sent, errors);
  if (pipe > 1) tail.push(`pipe ${pipe}`);
  return `${s}${tail.join(', ')}\n`;
}

export function busyboxPing(
  target: string,
  ip: string,
  sent: number,
  replies: readonly EchoReply[],
): string {
  let s = `PING ${target} (${ip}): 56 data bytes\n`;
  for (const r of replies)
    s += `64 bytes from ${ip}: seq=${r.seq} ttl=${r.ttl} time=${ms3(r.rttUs)} ms\n`;
  const n = replies.length;
  s += `\n--- ${target} ping statistics ---\n`;
  s += `${sent} packets transmitted, ${n} packets received, ${Math.floor(((sent - n) * 100) / sent)}% packet loss\n`;
  if (n > 0) {
    const rtts = replies.map((r) => r.rttUs);
    const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / n);
    s += `round-trip min/avg/max = ${ms3(Math.min(...rtts))}/${ms3(avg)}/${ms3(Math.max(...rtts))} ms\n`;
  }
  return s;
}

/** Replies from the packets, or from the result when the walk gives no echo-reply hops. */
function repliesOf(packets: readonly PacketTrace[], result: FlowResult): EchoReply[] {
  const fromHops = echoReplies(packets);
  if (fromHops.length > 0 || result.kind !== 'replied') return fromHops;
  return result.rttUs.map((rttUs, seq) => ({ seq, ttl: result.ttl, rttUs }));
}

export function ping(args: readonly string[], ctx: Ctx): number {
  const busybox = ctx.where.kind === 'container';
  let count = DEFAULT_PING_COUNT;
  let capped = '';
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-c' || a.startsWith('-c')) {
      const v = a === '-c' ? args[++i] : a.slice(2);
      if (v === undefined) {
        ctx.err(
          busybox
            ? "ping: option requires an argument -- 'c'\n"
            : "ping: option requires an argument -- 'c'\n",
        );
        return busybox ? 1 : 2;
      }
      if (!/^\d+$/.test(v) || Number(v) === 0) {
        ctx.err(busybox ? `ping: invalid number '${v}'\n` : `ping: invalid argument: '${v}'\n`);
        return busybox ? 1 : 2;
      }
      count = Math.min(Number(v), MAX_PING_COUNT);
      // The lab's own limit, said where it applies rather than silently.
      if (Number(v) > MAX_PING_COUNT)
        capped = `ping: the lab sends at most ${MAX_PING_COUNT} echo requests: -c ${v} runs as -c ${MAX_PING_COUNT}\n`;
    } else if (a.startsWith('-')) {
      ctx.err(
        busybox
          ? `ping: unrecognized option '${a}'\n`
          : `ping: invalid option -- '${a.slice(1)}'\n`,
      );
      return busybox ? 1 : 2;
    } else target = a;
  }
  if (target === undefined) {
    ctx.err(
      busybox
        ? 'BusyBox v1.35.0 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n'
        : 'ping: usage error: Destination address required\n',
    );
    return busybox ? 1 : 2;
  }
  if (capped) ctx.err(capped);
  const world = ctx.api.world();
  const ip = resolveName(world, ctx.where, target);
  const from = ctx.source ?? flowSource(world, ctx.where);
  if (!ip) {
    const asked = failedLookup(world, from, target);
    if (asked) ctx.api.sendFlow(asked);
    ctx.err(
      busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name or service not known\n`,
    );
    return busybox ? 1 : 2;
  }
  const sim = ctx.api.sendFlow({
    from,
    to: ip,
    ...lookupOf(world, from, target),
    kind: 'ping',
    count,
  });
  if (lookupUnanswered(sim.packets)) {
    // glibc's getaddrinfo gives EAI_AGAIN when no nameserver answered.
    ctx.err(
      busybox
        ? `ping: bad address '${target}'\n`
        : `ping: ${target}: Temporary failure in name resolution\n`,
    );
    return busybox ? 1 : 2;
  }
  if (sim.result.kind === 'unreachable' && lastDrop(sim.packets) !== 'arp-failed') {
    if (busybox) {
      ctx.out(`PING ${target} (${ip}): 56 data bytes\n`);
      ctx.err('ping: sendto: Network is unreachable\n');
      return 1;
    }
    ctx.err('ping: connect: Network is unreachable\n');
    return 2;
  }
  const replies = repliesOf(sim.packets, sim.result);
  ctx.out(
    busybox
      ? busyboxPing(target, ip, count, replies)
      : iputilsPing(target, ip, count, replies, echoErrors(sim.packets)),
  );
  return replies.length > 0 ? 0 : 1;
}
