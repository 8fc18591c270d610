// `tcpdump … &`: a capture running beside the flows. It starts after the flow on screen (that one
// is in the past: a real capture never prints what it did not see); as playback passes a hop at
// its interface, the frame prints, once: stepping back prints nothing again, jumping ahead prints
// every hop jumped over. A new flow starts from its first hop. -c N ends it after N packets; the
// Stop control (SIGINT) ends it with the statistics tcpdump prints on the way out.
import { namespacesOf, type World } from '../../../sim';
import type { PacketTrace } from '../../../sim/trace';
import type { Chunk, LiveCapture } from '../../api';
import type { Match } from './filter';
import { receivedBy, renderCapture, type Rendered } from './render';
import { plural, stampOf } from './stamp';
import type { Args } from './tcpdump';

type Flow = { readonly packets: readonly PacketTrace[]; readonly clock: number };

interface State {
  readonly job: number;
  readonly command: string;
  readonly args: Args;
  readonly iface: string;
  readonly match: Match;
  /** The flow being printed and the first hop (flattened index) not passed yet. */
  readonly packets: readonly PacketTrace[];
  readonly from: number;
  readonly captured: number;
  readonly received: number;
}

const stats = (s: State): Chunk[] => [
  {
    stream: 'stderr',
    text:
      plural(s.captured, 'captured') +
      plural(s.received, 'received by filter') +
      plural(0, 'dropped by kernel'),
  },
];

/** The flow's frames at the interface, rendered once per flow (the TCP printer's memory spans it). */
type Render = (world: World, packets: readonly PacketTrace[]) => Rendered[];

function rendering(s: State): Render {
  let key: readonly PacketTrace[] | null = null;
  let cached: Rendered[] = [];
  return (world, packets) => {
    if (packets === key) return cached;
    const host = namespacesOf(world).get('host');
    key = packets;
    cached = host
      ? renderCapture(packets, host, s.iface, s.args.print, s.args.promiscuous, s.match)
      : [];
    return cached;
  };
}

function capture(s: State, render: Render): LiveCapture {
  return {
    job: s.job,
    iface: s.iface,
    command: s.command,
    advance(world, flow: Flow, cursor) {
      const r = render;
      // A new flow: none of its hops has been passed yet.
      const from = flow.packets === s.packets ? s.from : 0;
      if (cursor < from)
        return { next: capture({ ...s, packets: flow.packets, from }, r), chunks: [] };
      let { captured, received } = s;
      let out = '';
      let ended = false;
      for (const f of r(world, flow.packets)) {
        if (f.seen.order < from || f.seen.order > cursor) continue;
        received += receivedBy(f);
        if (f.text === null) continue;
        captured++;
        out += `${stampOf(s.args.stamp, flow.clock, f.seen.t)}${f.text}\n`;
        if (s.args.count !== null && captured >= s.args.count) {
          ended = true;
          break;
        }
      }
      const next: State = { ...s, packets: flow.packets, from: cursor + 1, captured, received };
      const chunks: Chunk[] = out === '' ? [] : [{ stream: 'stdout', text: out }];
      if (ended) return { next: null, chunks: [...chunks, ...stats(next)] };
      return { next: capture(next, r), chunks };
    },
    stop: () => stats(s),
  };
}

/** A capture started now, beside the flow `now` (already past: nothing of it prints). */
export function startLive(
  job: number,
  command: string,
  args: Args,
  iface: string,
  match: Match,
  now: Flow,
): LiveCapture {
  const from = now.packets.reduce((n, p) => n + p.hops.length, 0);
  const s: State = {
    ...{ job, command, args, iface, match },
    ...{ packets: now.packets, from, captured: 0, received: 0 },
  };
  return capture(s, rendering(s));
}
