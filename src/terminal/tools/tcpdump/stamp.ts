// What tcpdump prints around a packet: the time stamp in front of it, and the statistics at the end.

export type Stamp = 'time' | 'epoch' | 'none';

/** The lab's wall clock starts 2026-11-27 09:00:00 UTC (terminal/docker/time.ts). */
const EPOCH_SECONDS = 1795770000;
const EPOCH_SECOND_OF_DAY = 9 * 3600;

const two = (n: number) => String(n).padStart(2, '0');

/** The time stamp in front of a packet: `09:00:03.000123 `, `-tt`'s epoch seconds, or none. */
export function stampOf(stamp: Stamp, clock: number, t: number): string {
  const us = Math.round(clock * 1e6) + t;
  const frac = String(us % 1e6).padStart(6, '0');
  const secs = Math.floor(us / 1e6);
  if (stamp === 'none') return '';
  if (stamp === 'epoch') return `${EPOCH_SECONDS + secs}.${frac} `;
  const sod = (EPOCH_SECOND_OF_DAY + secs) % 86400;
  return `${two(Math.floor(sod / 3600))}:${two(Math.floor(sod / 60) % 60)}:${two(sod % 60)}.${frac} `;
}

export const plural = (n: number, what: string) => `${n} packet${n === 1 ? '' : 's'} ${what}\n`;
