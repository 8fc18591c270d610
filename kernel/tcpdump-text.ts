// The lab's tcpdump text against the real tcpdump's, interface by interface, for one flow. Pure.
// Both sides print the capture's own flags (-nn -e -v -S, no promiscuous mode); what the kernel
// draws at random is blanked on both: IP ids (not 0), full TCP checksums (they cover the random
// numbers), absolute sequence and ack numbers (seq a:b keeps its length b-a), TS val/ecr (ecr 0
// kept), ICMP echo ids, DNS message ids; the kernel's ephemeral ports go through the flow's port mapping. IGMP
// packets and TCP retransmissions are left out as the frame comparison leaves them out.

export interface TextPacket {
  /** Seconds (the capture's -tt stamp). */
  readonly ts: number;
  /** The packet's lines without the time stamp. */
  readonly text: string;
}

/** Splits a `-tt` capture's stdout into packets (a stamped line and its continuation lines). */
export function textPackets(raw: string): TextPacket[] {
  const out: { ts: number; lines: string[] }[] = [];
  for (const line of raw.split('\n')) {
    const m = /^(\d+\.\d{6}) (.*)$/.exec(line);
    if (m) out.push({ ts: Number(m[1]), lines: [m[2] ?? ''] });
    else if (line !== '' && out.length > 0) out[out.length - 1]?.lines.push(line);
  }
  return out.map((p) => ({ ts: p.ts, text: p.lines.join('\n') }));
}

function blankTcp(line: string): string {
  if (!line.includes('Flags [')) return line;
  return line
    .replace(/seq (\d+):(\d+)/, (_, a: string, b: string) => `seq S:S+${Number(b) - Number(a)}`)
    .replace(/seq [1-9]\d*(?=,)/, 'seq S')
    .replace(/ack \d+/, 'ack A')
    .replace(/TS val \d+/, 'TS val V')
    .replace(/ecr [1-9]\d*/, 'ecr E')
    .replace(/-> 0x[0-9a-f]{4}\)/, '-> SUM)')
    .replace(/cksum 0x[0-9a-f]{4} \(correct\)/, 'cksum SUM (correct)');
}

/** One packet's text with the random parts blanked and kernel ports mapped to the engine's. */
export function blankText(text: string, ports?: ReadonlyMap<string, number>): string {
  const mapped = ports
    ? text.replace(/(\d+\.\d+\.\d+\.\d+)\.(\d+)/g, (all, ip: string, p: string) => {
        const e = ports.get(`${ip}:${p}`);
        return e === undefined ? all : `${ip}.${e}`;
      })
    : text;
  return mapped
    .split('\n')
    .map((l) =>
      blankTcp(l)
        .replace(/id [1-9]\d*, offset/, 'id N, offset')
        .replace(/echo (request|reply), id \d+/, 'echo $1, id ID')
        // A DNS message's id (busybox draws it at random): the query's `N+ `, the answer's `N `.
        .replace(/(\.53: |\.53 > \S+: )\d+(\+? )/, '$1ID$2'),
    )
    .join('\n');
}

/** A retransmission repeats a segment, absolute numbers included; its stamps and IP id are new. */
const segmentKey = (text: string) =>
  text
    .replace(/id \d+, offset/, '')
    .replace(/cksum 0x[0-9a-f]{4} \([^)]*\)/, '')
    .replace(/TS val \d+ ecr \d+/, '');

/** `-e` line of a unicast ARP request (a neighbour timer's probe): its sender MAC and target. */
const PROBE =
  /^([0-9a-f:]{17}) > (?!ff:ff:ff:ff:ff:ff)[0-9a-f:]{17}, ethertype ARP .*Request who-has (\S+) tell/;
const REPLY = /^[0-9a-f:]{17} > ([0-9a-f:]{17}), ethertype ARP .*Reply (\S+) is-at/;

/**
 * IGMP, TCP retransmissions and, where the lab's own text (`lab`) has no unicast ARP request,
 * unicast ARP probes and their replies are not the flow's (normalise.ts leaves out the same frames).
 */
export function comparable(packets: readonly TextPacket[], lab: readonly string[] = []): string[] {
  const kept: string[] = [];
  const dropProbes = !lab.some((t) => PROBE.test(t));
  const probed: string[] = [];
  for (const p of packets) {
    if (p.text.includes('proto IGMP (2)')) continue;
    const probe = dropProbes ? PROBE.exec(p.text) : null;
    if (probe) {
      probed.push(`${probe[1]}>${probe[2]}`);
      continue;
    }
    const reply = REPLY.exec(p.text);
    const answered = reply ? probed.indexOf(`${reply[1]}>${reply[2]}`) : -1;
    if (answered !== -1) {
      probed.splice(answered, 1);
      continue;
    }
    kept.push(p.text);
  }
  return withoutRepeatedSegments(kept);
}

/**
 * Texts with each TCP segment that repeats an earlier one left out: the kernel's retransmissions,
 * and the lab's own SYNs sent again (sim/syn-tries.ts), which the frame comparison leaves out too.
 */
export function withoutRepeatedSegments(texts: readonly string[]): string[] {
  const keys = new Set<string>();
  return texts.filter((text) => {
    const key = segmentKey(text);
    if (text.includes('Flags [') && keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

export interface TextComparison {
  readonly identical: number;
  readonly diffs: readonly string[];
}

/** The engine's texts (from the lab's tcpdump) against the kernel's, already split per flow. */
export function compareText(
  iface: string,
  engine: readonly string[],
  kernel: readonly string[],
  ports: ReadonlyMap<string, number>,
): TextComparison {
  const k = kernel.map((t) => blankText(t, ports));
  const e = engine.map((t) => blankText(t));
  let identical = 0;
  const diffs: string[] = [];
  if (k.length !== e.length)
    diffs.push(`${iface}: ${e.length} packet(s) in the lab's text, ${k.length} in the kernel's`);
  for (let i = 0; i < Math.min(k.length, e.length); i++) {
    if (e[i] === k[i]) identical++;
    else if (diffs.length < 6) diffs.push(`${iface} #${i}:\n  lab:    ${e[i]}\n  kernel: ${k[i]}`);
  }
  return { identical, diffs };
}
