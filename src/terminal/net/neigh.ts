// The neighbour table as the tools print it: `ip neigh` (iproute2 6.1, busybox 1.35) and net-tools
// `arp -n`. Pure formatting over the entries' states at the world's clock.
import { inTimer, isValid, neighAt, type NeighEntry } from '../../sim';
import type { Dialect } from './ip';

/**
 * iproute2: `ADDR dev DEV lladdr MAC STATE ` (its trailing space), no lladdr for an address without
 * a valid one (INCOMPLETE, FAILED). busybox always adds its statistics: `ref 1` while a timer holds
 * the entry, then `used` (ages divided by /proc/net/psched's 10^9 "hz", so 0/0/0) and `probes`;
 * with no lladdr two spaces follow the device (measured on busybox 1.35, kernel 6.18).
 */
function neighLine(
  e: NeighEntry,
  d: Dialect,
  devShown: boolean,
  clock: number,
  stats: boolean,
): string {
  const lladdr = isValid(e.state) && e.mac !== null ? `lladdr ${e.mac}` : '';
  const dev = devShown ? `dev ${e.dev} ` : '';
  const ref = inTimer(e.state) ? ' ref 1' : '';
  if (d === 'iproute2') {
    // -s: the reference count, the ages in seconds (used/confirmed/updated), then, with no space
    // between (iproute2 6.1's own format), the probes sent.
    const age = (t: number) => Math.max(0, Math.floor(clock - t));
    const s = stats
      ? `${ref} used ${age(e.confirmed)}/${age(e.confirmed)}/${age(e.updated)}probes ${e.probes} `
      : '';
    return `${e.ip} ${dev}${lladdr ? `${lladdr} ` : ''}${s}${e.state} \n`;
  }
  return `${e.ip} dev ${e.dev} ${lladdr}${ref} used 0/0/0 probes ${e.probes} ${e.state}\n`;
}

/** `dev`: the device `ip neigh show dev X` selected, which iproute2 then does not print. */
export function ipNeigh(
  entries: readonly NeighEntry[],
  clock: number,
  d: Dialect,
  dev?: string,
  stats = false,
): string {
  return entries
    .map((e) => neighLine(neighAt(e, clock), d, dev === undefined, clock, stats))
    .join('');
}

/** `ip -br neigh`: address (39 wide), device (16 wide), then the MAC when there is a valid one. */
export function ipNeighBrief(entries: readonly NeighEntry[], clock: number): string {
  return entries
    .map((entry) => {
      const e = neighAt(entry, clock);
      const mac = isValid(e.state) && e.mac !== null ? e.mac : '';
      return `${e.ip.padEnd(39)} ${e.dev.padEnd(16)} ${mac}\n`;
    })
    .join('');
}

/**
 * net-tools `arp -n`, from /proc/net/arp: flag C (ATF_COM) for a valid entry, M for a permanent
 * one; an address without a valid MAC shows `(incomplete)` in the HWaddress column.
 */
export function arpN(entries: readonly NeighEntry[], clock: number): string {
  let s = 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
  for (const entry of entries) {
    const e = neighAt(entry, clock);
    const valid = isValid(e.state) && e.mac !== null;
    const hw = valid
      ? `${'ether'.padEnd(8)}${(e.mac ?? '').padEnd(20)}`
      : `${''.padEnd(8)}${'(incomplete)'.padEnd(20)}`;
    const fl = !valid ? '' : e.state === 'PERMANENT' ? 'CM' : 'C';
    s += `${e.ip.padEnd(25)}${hw}${fl.padEnd(6)}${''.padEnd(16)}${e.dev}\n`;
  }
  return s;
}
