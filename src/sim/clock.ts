// The simulated wall clock: world.clock counts seconds since the lab's fixed epoch. Pure (no Date):
// the terminal's date printers and the servers that stamp what they send (Python's `Date:` header
// and access log) read the same calendar.

/** 2026-11-27T09:00:00Z, the lab's fixed epoch (the reference host was captured that day). */
const EPOCH_DAYS = 20784; // days from 1970-01-01 to 2026-11-27
const EPOCH_SECOND_OF_DAY = 9 * 3600;

export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), without Date. */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The UTC calendar time `seconds` after the epoch (whole seconds). */
export function wallTime(seconds: number): WallTime {
  const total = EPOCH_SECOND_OF_DAY + Math.floor(seconds);
  const days = EPOCH_DAYS + Math.floor(total / 86400);
  const sod = total % 86400;
  const [year, month, day] = civil(days);
  return {
    year,
    month,
    day,
    weekday: (days + 4) % 7, // 1970-01-01 was a Thursday
    hour: Math.floor(sod / 3600),
    minute: Math.floor(sod / 60) % 60,
    second: sod % 60,
  };
}

export const two = (n: number): string => String(n).padStart(2, '0');
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `HH:MM:SS` */
export const clockTime = (t: WallTime): string =>
  `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
