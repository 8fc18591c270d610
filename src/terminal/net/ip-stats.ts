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

/** The lines `-s` (level 1) or `-s -s` (level 2) adds after an interface's link line. */
export function statsBlock(i: Iface, level: number): string {
  const r = rows(i);
  // strlen("*X errors:"), "packets", "errors", "dropped", "heartbt", "overrun"
  const cols = [10, 7, 6, 7, 7, 7];
  const size = (values: readonly number[], from = 0) =>
    values.forEach((v, k) => {
      const c = k + from;
      cols[c] = Math.max(cols[c] ?? 0, digits(v));
    });
  size(r.rx);
  if (level > 1) size(r.rxErr, 1);
  size(r.tx);
  if (level > 1) size(r.txErr, 1);
  const w = (k: number) => cols[k] ?? 0;
  const nums = (values: readonly number[], from = 0) =>
    values.map((v, k) => `${pad(w(k + from), v)} `).join('');
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
