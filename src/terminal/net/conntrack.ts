// `conntrack -L` (conntrack-tools 1.4.7): one line per entry, the count on stderr. Pure formatting.
import type { ConntrackEntry, Tuple, World } from '../../sim';

const PROTO_NUM = { tcp: 6, udp: 17, icmp: 1 } as const;

function tuple(e: ConntrackEntry, t: Tuple, reply: boolean): string {
  if (e.proto === 'icmp') {
    return `src=${t.src} dst=${t.dst} type=${reply ? 0 : 8} code=0 id=${t.sport}`;
  }
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

export function conntrackLine(e: ConntrackEntry, clock: number): string {
  const head = `${e.proto.padEnd(8)} ${PROTO_NUM[e.proto]} ${Math.max(0, e.expires - clock)} `;
  const st = e.proto === 'tcp' && e.tcpState ? `${e.tcpState} ` : '';
  const unreplied = e.seenReply ? '' : ' [UNREPLIED]';
  const assured = e.assured ? ' [ASSURED]' : '';
  return `${head}${st}${tuple(e, e.orig, false)}${unreplied} ${tuple(e, e.reply, true)}${assured} mark=0 use=1\n`;
}

export function conntrackList(world: World): { out: string; err: string } {
  const live = world.conntrack.filter((e) => e.ns === 'host' && e.expires > world.clock);
  return {
    out: live.map((e) => conntrackLine(e, world.clock)).join(''),
    err: `conntrack v1.4.7 (conntrack-tools): ${live.length} flow entries have been shown.\n`,
  };
}
