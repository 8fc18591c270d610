// `npm run -s trace -- FILE`: runs FILE's commands like the terminal and prints every packet as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { namespacesOf } from '../src/sim';
import { pcapng, type FlowCapture } from '../src/terminal/tools/tcpdump/pcapng';
import { narrate } from '../src/i18n/narrate';
import type { Hop, PacketTrace } from '../src/sim/trace';
import { createAppStore } from '../src/store';

/** One hop, flattened to the fields a reader checks: addresses, ports, MACs, TTL, the rule. */
export function hopJson(h: Hop) {
  const f = h.frame;
  const l4 = f.tcp ?? f.udp;
  return {
    node: h.node,
    iface: h.iface,
    event: h.event,
    src: f.ip?.src ?? f.arp?.senderIp ?? null,
    dst: f.ip?.dst ?? f.arp?.targetIp ?? null,
    sport: l4?.sport ?? null,
    dport: l4?.dport ?? null,
    proto: f.arp ? 'arp' : (f.ip?.proto ?? null),
    srcMac: f.eth?.src ?? null,
    dstMac: f.eth?.dst ?? null,
    ttl: f.ip?.ttl ?? null,
    ...(h.nf
      ? { table: h.nf.table, chain: h.nf.chain, ...(h.nf.rule ? { rule: h.nf.rule } : {}) }
      : {}),
    why: narrate(h.why, 'en', h.node),
  };
}

export function packetJson(command: string, p: PacketTrace) {
  return {
    command,
    label: p.label,
    direction: p.direction,
    outcome: p.outcome,
    hops: p.hops.map(hopJson),
  };
}

/** Runs a lab file and returns the packets of every flow its commands sent, as one JSON text. */
export function runTrace(text: string): string {
  const store = createAppStore();
  const packets: ReturnType<typeof packetJson>[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const before = store.getState().packets;
    store.getState().runCommand(line);
    const after = store.getState().packets;
    if (after !== before) packets.push(...after.map((p) => packetJson(line, p)));
  }
  return `${JSON.stringify({ packets }, null, 2)}\n`;
}

/** The same run's flows as pcapng (`--pcap OUT`): every capture point, its direction, its hop. */
export function runPcap(text: string): Uint8Array {
  const store = createAppStore();
  const flows: FlowCapture[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const before = store.getState().packets;
    store.getState().runCommand(line);
    const s = store.getState();
    if (s.packets !== before)
      flows.push({ packets: s.packets, clock: s.flowClock, namespaces: namespacesOf(s.world) });
  }
  return pcapng(flows);
}

const file = process.argv[2];
if (import.meta.url === `file://${process.argv[1]}`) {
  const pcapAt = process.argv.indexOf('--pcap');
  const out = pcapAt > 0 ? process.argv[pcapAt + 1] : undefined;
  if (file === undefined || (pcapAt > 0 && out === undefined)) {
    process.stderr.write('usage: npm run -s trace -- FILE [--pcap OUT]\n');
    process.exitCode = 2;
  } else if (out !== undefined) writeFileSync(out, runPcap(readFileSync(file, 'utf8')));
  else process.stdout.write(runTrace(readFileSync(file, 'utf8')));
}
