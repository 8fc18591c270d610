// The files of /proc/net the tools read, as the kernel (6.x) writes them for a namespace: arp
// (net-tools' arp reads it), route (net-tools' route), dev (ifconfig, netstat -i) and nf_conntrack
// (conntrack -o extended prints the same lines). Checked against the recorded corpus. Pure.
import { isValid, neighAt, type World } from '../../sim';
import { maskOf, type IPv4 } from '../../sim/addr';
import { own } from '../own';
import { conntrackLine } from './conntrack';
import type { Netns } from './netns';

/** arp_seq_show: `%-16s 0x%-10x0x%-10x%-17s     %-8s %s`; ATF_COM for a valid entry, ATF_PERM. */
function arp(world: World, ns: Netns): string {
  let s = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  for (const entry of own(world.neigh, ns.node) ?? []) {
    const e = neighAt(entry, world.clock);
    const valid = isValid(e.state) && e.mac !== null;
    const flags = (valid ? 0x2 : 0) | (e.state === 'PERMANENT' ? 0x4 : 0);
    const mac = valid ? (e.mac ?? '') : '00:00:00:00:00:00';
    s += `${e.ip.padEnd(16)} 0x${'1'.padEnd(10)}0x${flags.toString(16).padEnd(10)}${mac.padEnd(17)}     ${'*'.padEnd(8)} ${e.dev}\n`;
  }
  return s;
}

/** An address as the kernel prints a __be32 with %08X on a little-endian machine. */
function hexLE(ip: IPv4): string {
  return ip
    .split('.')
    .reverse()
    .map((b) => Number(b).toString(16).toUpperCase().padStart(2, '0'))
    .join('');
}

/** fib_route_seq_show: the main table, each line padded to 127 characters (seq_pad). */
function route(ns: Netns): string {
  const line = (s: string) => `${s.padEnd(127)}\n`;
  let s = line(
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  );
  for (const r of ns.routes) {
    const flags = r.via ? 0x0003 : 0x0001; // RTF_UP, RTF_GATEWAY
    const gw = hexLE(r.via ?? ('0.0.0.0' as IPv4));
    const cols = [
      r.dev,
      hexLE(r.dst.address),
      gw,
      flags.toString(16).toUpperCase().padStart(4, '0'),
    ];
    s += line(`${cols.join('\t')}\t0\t0\t0\t${hexLE(maskOf(r.dst.prefix))}\t0\t0\t0`);
  }
  return s;
}

/** dev_seq_show: bytes before packets, in ifindex order; the lab counts no errors or drops. */
function dev(ns: Netns): string {
  let s =
    'Inter-|   Receive                                                |  Transmit\n' +
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  const w = (n: number, width: number) => String(n).padStart(width);
  for (const i of [...ns.ifaces].sort((a, b) => a.ifindex - b.ifindex)) {
    const st = i.stats;
    const rx = `${w(st.rxBytes, 7)} ${w(st.rxPackets, 7)}    0    0    0     0          0         0`;
    const tx = `${w(st.txBytes, 8)} ${w(st.txPackets, 7)}    0    0    0     0       0          0`;
    s += `${i.name.padStart(6)}: ${rx} ${tx}\n`;
  }
  return s;
}

/**
 * ct_seq_show: conntrack -L's line after the family (`ipv4     2`), with the zone, and the
 * reference the reading itself holds (use=2).
 */
function nfConntrack(world: World, ns: Netns): string {
  return world.conntrack
    .filter((e) => e.ns === ns.node && e.expires > world.clock)
    .map(
      (e) =>
        `ipv4     2 ${conntrackLine(e, world.clock).replace(/ mark=0 use=1\n$/, ' mark=0 zone=0 use=2\n')}`,
    )
    .join('');
}

/** The text of /proc/net/NAME in this namespace, or null for a file the lab does not have. */
export function procNetFile(world: World, ns: Netns, name: string): string | null {
  switch (name) {
    case 'arp':
      return arp(world, ns);
    case 'route':
      return route(ns);
    case 'dev':
      return dev(ns);
    case 'nf_conntrack':
      return nfConntrack(world, ns);
    default:
      return null;
  }
}
