// `conntrack -E`: the events the kernel reports for the last flow (as the lab's tcpdump reads the
// last flow), then the end Ctrl-C gives it: the tty's ^C and the count on stderr. Each hop that
// created, changed (TCP state, reply seen, assured) or removed an entry is one event, printed as
// conntrack-tools 1.4.7 prints them (measured in network namespaces: a ping, a DNATed TCP
// connection, a refused one): `[NEW]`/`[UPDATE]`/`[DESTROY]` right-aligned in 9 columns, the
// entry as -L prints it without mark and use. Pure.
import type { ConntrackEntry } from '../../sim';
import type { PacketTrace } from '../../sim/trace';
import { conntrackLine } from './conntrack';
import type { Outcome } from './ip-route';

type Kind = 'NEW' | 'UPDATE' | 'DESTROY';

const changed = (a: ConntrackEntry, b: ConntrackEntry): boolean =>
  a.tcpState !== b.tcpState || a.seenReply !== b.seenReply || a.assured !== b.assured;

function eventLine(kind: Kind, e: ConntrackEntry, clock: number, extended: boolean): string {
  const line = conntrackLine(e, clock).replace(/ mark=0 use=1\n$/, '\n');
  return `${`[${kind}]`.padStart(9)} ${extended ? 'ipv4     2 ' : ''}${line}`;
}

export function conntrackEvents(
  last: { readonly packets: readonly PacketTrace[]; readonly clock: number } | undefined,
  match: (e: ConntrackEntry) => boolean,
  mask: readonly string[],
  extended: boolean,
): Outcome {
  const wanted = (k: Kind) => mask.includes('ALL') || mask.includes(k);
  const known = new Map<number, ConntrackEntry>();
  const announced = new Set<number>();
  let out = '';
  let count = 0;
  const emit = (kind: Kind, e: ConntrackEntry, clock: number) => {
    if (!wanted(kind) || !match(e)) return;
    out += eventLine(kind, e, clock, extended);
    count++;
  };
  const clock = last?.clock ?? 0;
  for (const p of last?.packets ?? []) {
    for (const hop of p.hops) {
      const ct = hop.ct;
      if (ct) {
        const before = known.get(ct.entry.id);
        // Created once, though more than one hop may say so before the entry is confirmed.
        if (ct.created && !announced.has(ct.entry.id)) emit('NEW', ct.entry, clock);
        if (ct.created) announced.add(ct.entry.id);
        else if (before && changed(before, ct.entry) && !ct.deleted)
          emit('UPDATE', ct.entry, clock);
        // A connection refused: the RST ends the entry before it counts as replied; conntrack
        // prints it CLOSE, [UNREPLIED], with the timeout it had (SYN_SENT's).
        const was = before ?? ct.entry;
        if (ct.deleted)
          emit('DESTROY', { ...ct.entry, expires: was.expires, seenReply: was.seenReply }, clock);
      }
      for (const e of hop.seen.conntrack) known.set(e.id, e);
    }
  }
  return {
    out: `${out}^C\n`,
    err: `conntrack v1.4.7 (conntrack-tools): ${count} flow events have been shown.\n`,
    exit: 0,
  };
}
