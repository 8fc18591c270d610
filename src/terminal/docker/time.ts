// Simulated wall-clock: the daemon started at a fixed instant; world.clock counts seconds since. Pure.

import { clockTime, MONTHS, two, wallTime, WEEKDAYS } from '../../sim/clock';

/** RFC 3339 as Go's RFC3339Nano prints a whole second: `2026-11-27T09:00:03Z`. */
export function clockDate(seconds: number): string {
  const t = wallTime(seconds);
  return `${t.year}-${two(t.month)}-${two(t.day)}T${clockTime(t)}Z`;
}

/** Go's time.Time.String() in UTC, as `ps --format {{.CreatedAt}}` prints it. */
export function goTimeString(seconds: number): string {
  const iso = clockDate(seconds);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** docker/go-units HumanDuration. */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.floor(s / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(s / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(s / 3600 / 24 / 365)} years`;
}

/** C's ctime layout, as iptables-save stamps its output: `Fri Nov 27 09:00:03 2026`. */
export function ctimeDate(seconds: number): string {
  const t = wallTime(seconds);
  return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month - 1]} ${String(t.day).padStart(2)} ${clockTime(t)} ${t.year}`;
}
