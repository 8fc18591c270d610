// The GET that curl and wget send, as both make it: the name resolved first (its query walked in
// the same flow, or alone when nothing answers the name), then the request to the address found.
import type { IPv4 } from '../../sim/addr';
import type { PacketTrace, SimResult } from '../../sim/trace';
import type { World } from '../../sim/types';
import type { Ctx } from '../context';
import { SYN_GIVE_UP_S } from '../../sim/syn-tries';
import { lookupUnanswered } from './flow-view';
import { failedLookup, flowSource, lookupOf, resolveName } from './resolve';

export interface HttpSent {
  /** The address the name resolved to; null when it did not resolve. */
  readonly ip: IPv4 | null;
  /** The flow sent: the lookup and the request, the lookup alone, or null when nothing was sent. */
  readonly sim: SimResult<World> | null;
  /** The query went out and nobody answered (a dropped query): the tools fail as on a timeout. */
  readonly unanswered: boolean;
}

export function sendHttpGet(
  ctx: Ctx,
  url: { readonly host: string; readonly port: number; readonly path: string },
  /** How long the tool waits for its connection (curl -m), if it says. */
  wait: number | null = null,
): HttpSent {
  const world = ctx.api.world();
  const ip = resolveName(world, ctx.where, url.host);
  const from = ctx.source ?? flowSource(world, ctx.where);
  const asked = ip ? null : failedLookup(world, from, url.host);
  const sim = ip
    ? ctx.api.sendFlow({
        from,
        to: ip,
        ...lookupOf(world, from, url.host),
        kind: 'http',
        port: url.port,
        path: url.path,
        ...(wait === null ? {} : { wait: Math.min(wait, SYN_GIVE_UP_S) }),
      })
    : asked && ctx.api.sendFlow(asked);
  return { ip, sim, unanswered: sim !== null && lookupUnanswered(sim.packets) };
}

/**
 * The answer's status line and header lines as they crossed the wire (without CR LF), or null when
 * the flow carried no HTTP answer with a head (the lab's simple servers send the body alone).
 */
export function answerHeadLines(packets: readonly PacketTrace[]): readonly string[] | null {
  const answer = packets.findLast((p) => p.label.startsWith('HTTP ') && p.label !== 'HTTP GET');
  const payload = answer?.hops[0]?.frame.payload;
  if (payload === undefined || !payload.startsWith('HTTP/')) return null;
  const end = payload.indexOf('\r\n\r\n');
  return payload.slice(0, end < 0 ? undefined : end).split('\r\n');
}
