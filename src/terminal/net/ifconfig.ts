// ifconfig in two dialects: net-tools 2.10 on the host, busybox 1.35 in containers. Pure formatting.
import { maskOf } from '../../sim/addr';
import { addrOf, broadcastFor, byIfName, type Iface } from './netns';

/** net-tools: `6184 (6.0 KiB)`, scaled only above 1024. */
function netToolsBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 5, 'PiB'],
    [1024 ** 4, 'TiB'],
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  const [div, unit] = units.find(([d]) => n > d) ?? [1, 'B'];
  const tenths = Math.floor((n * 10) / div);
  return `${n} (${Math.floor(tenths / 10)}.${tenths % 10} ${unit})`;
}

/** busybox: `2698 (2.6 KiB)`, scaled from 1024 up. */
function busyboxBytes(n: number): string {
  let int = n;
  let frac = 0;
  const ext = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let e = 0;
  for (let i = 0; i < 4; i++) {
    if (int >= 1024) {
      frac = Math.floor(((int % 1024) * 10) / 1024);
      int = Math.floor(int / 1024);
      e++;
    }
  }
  return `${n} (${int}.${frac} ${ext[e]}B)`;
}

function netToolsFlags(i: Iface): string {
  if (i.kind === 'loopback') return 'flags=73<UP,LOOPBACK,RUNNING>';
  return i.lowerUp
    ? 'flags=4163<UP,BROADCAST,RUNNING,MULTICAST>'
    : 'flags=4099<UP,BROADCAST,MULTICAST>';
}

/** net-tools' scopeid: the kernel's IPv6 address type bits (IPV6_ADDR_LOOPBACK, _LINKLOCAL). */
const SCOPE_ID = { host: '0x10<host>', link: '0x20<link>' } as const;

/** One interface as `ifconfig` (net-tools 2.10) prints it, blank line included. */
export function netToolsIfconfig(i: Iface): string {
  let s = `${i.name}: ${netToolsFlags(i)}  mtu ${i.mtu}\n`;
  const a = addrOf(i);
  if (a) {
    const brd = broadcastFor(i);
    s += `        inet ${a.ip}  netmask ${maskOf(a.prefix)}${brd ? `  broadcast ${brd}` : ''}\n`;
  }
  for (const x of i.addrs6)
    s += `        inet6 ${x.ip}  prefixlen ${x.prefix}  scopeid ${SCOPE_ID[x.scope]}\n`;
  s +=
    i.kind === 'loopback'
      ? `        loop  txqueuelen ${i.txqueuelen}  (Local Loopback)\n`
      : `        ether ${i.mac}  txqueuelen ${i.txqueuelen}  (Ethernet)\n`;
  s += `        RX packets ${i.stats.rxPackets}  bytes ${netToolsBytes(i.stats.rxBytes)}\n`;
  s += '        RX errors 0  dropped 0  overruns 0  frame 0\n';
  s += `        TX packets ${i.stats.txPackets}  bytes ${netToolsBytes(i.stats.txBytes)}\n`;
  s += '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n';
  return s;
}

/** One interface as busybox `ifconfig` prints it (uppercase HWaddr, old net-tools layout). */
export function busyboxIfconfig(i: Iface): string {
  const head = `${i.name.padEnd(9)} `;
  let s =
    i.kind === 'loopback'
      ? `${head}Link encap:Local Loopback  \n`
      : `${head}Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  \n`;
  const a = addrOf(i);
  if (a) {
    const brd = broadcastFor(i);
    s += `          inet addr:${a.ip}${brd ? `  Bcast:${brd}` : ''}  Mask:${maskOf(a.prefix)}\n`;
  }
  for (const x of i.addrs6)
    s += `          inet6 addr: ${x.ip}/${x.prefix} Scope:${x.scope === 'host' ? 'Host' : 'Link'}\n`;
  const flags =
    i.kind === 'loopback'
      ? 'UP LOOPBACK RUNNING'
      : i.lowerUp
        ? 'UP BROADCAST RUNNING MULTICAST'
        : 'UP BROADCAST MULTICAST';
  s += `          ${flags}  MTU:${i.mtu}  Metric:1\n`;
  s += `          RX packets:${i.stats.rxPackets} errors:0 dropped:0 overruns:0 frame:0\n`;
  s += `          TX packets:${i.stats.txPackets} errors:0 dropped:0 overruns:0 carrier:0\n`;
  s += `          collisions:0 txqueuelen:${i.txqueuelen} \n`;
  s += `          RX bytes:${busyboxBytes(i.stats.rxBytes)}  TX bytes:${busyboxBytes(i.stats.txBytes)}\n\n`;
  return s;
}

/** net-tools' flag letters (ife_print_short): Broadcast, Loopback, Multicast, Running, Up. */
function shortFlags(i: Iface): string {
  if (i.kind === 'loopback') return 'LRU';
  return i.lowerUp ? 'BMRU' : 'BMU';
}

/** One row of `ifconfig -s` / `netstat -i`: MTU and the RX/TX counters (no errors in the lab). */
export function shortRow(i: Iface): string {
  const n = (v: number, w: number) => String(v).padStart(w);
  const rx = `${n(i.stats.rxPackets, 8)} ${n(0, 6)} ${n(0, 6)} ${'0'.padEnd(6)}`;
  const tx = `${n(i.stats.txPackets, 8)} ${n(0, 6)} ${n(0, 6)} ${n(0, 6)}`;
  return `${i.name.padEnd(15)} ${n(i.mtu, 5)} ${rx} ${tx} ${shortFlags(i)}\n`;
}

export const SHORT_HEADER = 'MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

export interface IfconfigResult {
  readonly out: string;
  readonly err: string;
  readonly exit: number;
}

/** `ifconfig [-a] [-s] [-v] [IF]`: all interfaces sorted by name (all of ours are up), or one. */
export function ifconfig(
  ifaces: readonly Iface[],
  args: readonly string[],
  dialect: 'net-tools' | 'busybox',
): IfconfigResult {
  const netTools = dialect === 'net-tools';
  // -s (the short table) and -v (verbose, which only changes error messages) are net-tools'.
  const known = netTools ? ['-a', '-s', '-v'] : ['-a'];
  const short = netTools && args.includes('-s');
  const fmt = dialect === 'busybox' ? busyboxIfconfig : short ? shortRow : netToolsIfconfig;
  const names = args.filter((a) => !known.includes(a));
  const option = names.find((a) => a.startsWith('-'));
  if (option !== undefined && netTools && !['-h', '--help'].includes(option))
    return {
      out: '',
      err: `ifconfig: option \`${option}' not recognised.\nifconfig: \`--help' gives usage information.\n`,
      exit: 1,
    };
  if (option !== undefined)
    return { out: '', err: `ifconfig: ${option} is not in this lab (try -a or IF)\n`, exit: 1 };
  const head = short ? `Iface      ${SHORT_HEADER}` : '';
  if (names.length === 0)
    return { out: head + [...ifaces].sort(byIfName).map(fmt).join(''), err: '', exit: 0 };
  const name = names[0] ?? '';
  const i = ifaces.find((x) => x.name === name);
  if (i) return { out: head + fmt(i), err: '', exit: 0 };
  return {
    out: '',
    err: `${netTools ? '' : 'ifconfig: '}${name}: error fetching interface information: Device not found\n`,
    exit: 1,
  };
}
