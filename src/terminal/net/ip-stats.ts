// `ip -s` and `ip -s -s`: the interface counters iproute2 6.1 prints under a link (print_link_stats64).
// Packets and bytes are the lab's own counts; the lab drops nothing and sees no errors, so those
// columns are 0. Each column is as wide as its header or its widest number (size_columns).
import type { Iface } from './netns';

interface Row {
  readonly rx: readonly number[];
  readonly tx: readonly number[];
  readonly rxErr: readonly number[];
  readonly txErr: readonly number[];
}

function rows(i: Iface): Row {
  const s = i.stats;
  return {
    // bytes packets errors dropped missed|carrier mcast|collsns
    rx: [s.rxBytes, s.rxPackets, 0, 0, 0, 0],
    tx: [s.txBytes, s.txPackets, 0, 0, 0, 0],
    // length crc frame fifo overrun | aborted fifo window heartbt transns: carrier changes, the
    // carrier-off a device is created with, and the carrier-on if it came (lo has no carrier)
    rxErr: [0, 0, 0, 0, 0],
    txErr: [0, 0, 0, 0, i.kind === 'loopback' ? 0 : i.lowerUp ? 2 : 1],
  };
}

const pad = (w: number, s: string | number): string => String(s).padStart(w);
const digits = (n: number): number => String(n).length;

/**
 * `-h` (base 1000) or `-iec` (1024, `Ki`): print_num's readable form of a counter of at least one
 * base, with 2 decimals, or 1, or none as its integer part grows.
 */
export function humanCount(count: number, base: 1000 | 1024): string {
  if (count < base) return String(count);
  const prefixes = 'kMGTPE';
  let k = 0;
  let powi = 1;
  for (;;) {
    powi *= base;
    if (Math.floor(count / base) < powi || k === prefixes.length - 1) break;
    k++;
  }
  let precision = 2;
  let powj = 1;
  for (; precision > 0; precision--) {
    powj *= 10;
    if (Math.floor(count / powi) < powj) break;
  }
  return `${(count / powi).toFixed(precision)}${prefixes[k] ?? ''}${base === 1024 ? 'i' : ''}`;
}

/**
 * The lines `-s` (level 1) or `-s -s` (level 2) adds after an interface's link line; `human`: the
 * base of `-h`/`-iec`, whose columns keep their header widths.
 */
export function statsBlock(i: Iface, level: number, human?: 1000 | 1024): string {
  const r = rows(i);
  // strlen("*X errors:"), "packets", "errors", "dropped", "heartbt", "overrun"
  const cols = [10, 7, 6, 7, 7, 7];
  const size = (values: readonly number[], from = 0) =>
    values.forEach((v, k) => {
      if (human) return;
      const c = k + from;
      cols[c] = Math.max(cols[c] ?? 0, digits(v));
    });
  size(r.rx);
  if (level > 1) size(r.rxErr, 1);
  size(r.tx);
  if (level > 1) size(r.txErr, 1);
  const w = (k: number) => cols[k] ?? 0;
  const nums = (values: readonly number[], from = 0) =>
    values.map((v, k) => `${pad(w(k + from), human ? humanCount(v, human) : v)} `).join('');
  const head = (dir: 'RX' | 'TX', names: readonly string[]) =>
    `    ${dir}: ${pad(w(0) - 4, names[0] ?? '')} ${names
      .slice(1)
      .map((n, k) => pad(w(k + 1), n))
      .join(' ')} ${''.padStart(10)}\n`;
  const errs = (dir: 'RX' | 'TX', names: readonly string[], values: readonly number[]) =>
    `    ${dir} errors:${pad(w(0) - 10, '')} ${names.map((n, k) => pad(w(k + 1), n)).join(' ')}\n` +
    `    ${pad(w(0), '')} ${nums(values, 1)}\n`;
  let out = head('RX', ['bytes', 'packets', 'errors', 'dropped', 'missed', 'mcast']);
  out += `    ${nums(r.rx)}\n`;
  if (level > 1) out += errs('RX', ['length', 'crc', 'frame', 'fifo', 'overrun'], r.rxErr);
  out += head('TX', ['bytes', 'packets', 'errors', 'dropped', 'carrier', 'collsns']);
  out += `    ${nums(r.tx)}\n`;
  if (level > 1) out += errs('TX', ['aborted', 'fifo', 'window', 'heartbt', 'transns'], r.txErr);
  return out;
}
