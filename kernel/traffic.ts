// Sends one engine Flow with the real tool (ping, curl, nc) in the source namespace; reads the tool's verdict.
import { nodeId, type Flow, type NodeId } from '../src/sim';
import { ON_TOOL_CPU } from './cpu';
import { nsRun, type ExecResult } from './netns';

/** What the tool saw, in the engine's FlowResult vocabulary. */
export type ToolOutcome =
  | {
      readonly kind: 'connected';
      readonly http?: { readonly status: number; readonly body: string };
    }
  | {
      readonly kind: 'replied';
      readonly replies: number;
      readonly sent: number;
      /** iputils' "+N errors": ICMP errors about the echo requests. */
      readonly errors: number;
    }
  | { readonly kind: 'refused' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'udp-sent' }
  | { readonly kind: 'error'; readonly detail: string };

export function sourceNode(flow: Flow): NodeId {
  switch (flow.from.kind) {
    case 'host':
      return 'host';
    case 'container':
      return nodeId.container(flow.from.name);
    case 'remote':
      return nodeId.remote(flow.from.name);
  }
}

/**
 * The command line for a flow (argv, plus stdin for nc -u). `localPort` binds the client's source
 * port (curl --local-port, nc -p): the engine's, where a case needs two clients on the same port.
 */
export function toolCommand(
  flow: Flow,
  localPort?: number,
  wait = 4,
): { argv: string[]; input?: string } {
  const port = String(flow.port ?? 80);
  const w = String(wait);
  const bind = (opt: string) => (localPort === undefined ? [] : [opt, String(localPort)]);
  switch (flow.kind) {
    case 'ping':
      // -i 1: the engine sends a request a second, and when they leave decides what the wire
      // shows: requests sent while ARP is still asking wait for it (3 probes, 1 s apart), one
      // sent after it gave up asks anew. -W 4: longer than ARP takes to give up, so ping waits
      // for the kernel's host unreachable (it stops as soon as every request is answered, by a
      // reply or an error).
      // `-e ID` (iputils): the engine's echo id, where a case needs two pings with one id.
      return {
        argv: [
          'ping',
          '-n',
          '-c',
          String(flow.count ?? 1),
          '-i',
          '1',
          '-W',
          w,
          ...bind('-e'),
          flow.to,
        ],
      };
    case 'http': {
      const path = flow.path?.startsWith('/') ? flow.path : '/';
      // --max-time 4: longer than ARP takes to give up (3 probes, 1 s apart), as nc's -w 4, so an
      // unresolvable neighbour ends as the kernel's host unreachable (kernelOutcome reads it off
      // the wire: curl 7.88 -sS prints the same "Couldn't connect to server" for both).
      return {
        argv: [
          'curl',
          '-s',
          '-S',
          '--max-time',
          w,
          '-w',
          '\n%{http_code}',
          ...bind('--local-port'),
          `http://${flow.to}:${port}${path}`,
        ],
      };
    }
    case 'tcp':
      // -w 4: longer than ARP takes to give up (3 probes, 1 s apart), so an unresolvable
      // neighbour ends as the kernel's EHOSTUNREACH, not as the tool's own timeout.
      return { argv: ['nc', '-z', '-v', '-n', '-w', w, ...bind('-p'), flow.to, port] };
    case 'udp':
      // No -v: with -v netcat-openbsd first probes UDP "connectivity" with extra datagrams.
      return { argv: ['nc', '-u', '-n', '-w', '1', ...bind('-p'), flow.to, port], input: 'query' };
    case 'dns':
      // busybox nslookup itself (walk/dns.ts models its A and AAAA queries, kernel/fixtures/dns).
      return { argv: ['busybox', 'nslookup', flow.lookup ?? '', flow.to] };
  }
}

function pingOutcome(r: ExecResult): ToolOutcome {
  const m = /(\d+) packets transmitted, (\d+) received/.exec(r.stdout);
  if (/unreachable/i.test(r.stderr) && !m) return { kind: 'unreachable' };
  if (!m) return { kind: 'error', detail: r.stderr.trim() || `exit ${r.code}` };
  const errors = Number(/\+(\d+) errors/.exec(r.stdout)?.[1] ?? 0);
  return { kind: 'replied', replies: Number(m[2]), sent: Number(m[1]), errors };
}

function curlOutcome(r: ExecResult): ToolOutcome {
  if (r.code === 0) {
    const cut = r.stdout.lastIndexOf('\n');
    return {
      kind: 'connected',
      http: { status: Number(r.stdout.slice(cut + 1)), body: r.stdout.slice(0, cut) },
    };
  }
  if (r.code === 28) return { kind: 'timeout' };
  // "Empty reply from server": connected, and the server closed without answering.
  if (r.code === 52) return { kind: 'connected' };
  if (/refused/i.test(r.stderr)) return { kind: 'refused' };
  if (/no route|unreachable/i.test(r.stderr)) return { kind: 'unreachable' };
  // curl 7.88 says only "Couldn't connect to server" for ECONNREFUSED under -sS.
  if (r.code === 7) return { kind: 'refused' };
  return { kind: 'error', detail: `curl exit ${r.code}: ${r.stderr.trim()}` };
}

function ncOutcome(r: ExecResult): ToolOutcome {
  if (r.code === 0) return { kind: 'connected' };
  if (/refused/i.test(r.stderr)) return { kind: 'refused' };
  if (/timed out/i.test(r.stderr)) return { kind: 'timeout' };
  if (/no route|unreachable/i.test(r.stderr)) return { kind: 'unreachable' };
  return { kind: 'error', detail: `nc exit ${r.code}: ${r.stderr.trim()}` };
}

export async function sendFlow(
  ns: string,
  flow: Flow,
  localPort?: number,
  wait?: number,
): Promise<{ outcome: ToolOutcome; raw: ExecResult }> {
  const cmd = toolCommand(flow, localPort, wait);
  const raw = await nsRun(ns, [...ON_TOOL_CPU, ...cmd.argv], cmd.input);
  switch (flow.kind) {
    case 'ping':
      return { outcome: pingOutcome(raw), raw };
    case 'http':
      return { outcome: curlOutcome(raw), raw };
    case 'tcp':
      return { outcome: ncOutcome(raw), raw };
    case 'dns':
      // Exit 1 is NXDOMAIN as much as silence: the capture tells what came back.
      return { outcome: { kind: 'udp-sent' }, raw };
    case 'udp':
      // nc -u has nothing to report about a datagram; the capture tells what came back.
      return { outcome: raw.code === 0 ? { kind: 'udp-sent' } : ncOutcome(raw), raw };
  }
}
