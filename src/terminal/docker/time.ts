// Simulated wall-clock: the daemon started at a fixed instant; world.clock counts seconds since. Pure.

/** 2026-11-27T09:00:00Z, the lab's fixed epoch (the reference host was captured that day). */
const EPOCH_DAYS = 20784; // days from 1970-01-01 to 2026-11-27
const EPOCH_SECOND_OF_DAY = 9 * 3600;

const two = (n: number): string => String(n).padStart(2, '0');

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

/** RFC 3339 as Go's RFC3339Nano prints a whole second: `2026-11-27T09:00:03Z`. */
export function clockDate(seconds: number): string {
  const total = EPOCH_SECOND_OF_DAY + Math.floor(seconds);
  const days = EPOCH_DAYS + Math.floor(total / 86400);
  const sod = total % 86400;
  const [y, m, d] = civil(days);
  return `${y}-${two(m)}-${two(d)}T${two(Math.floor(sod / 3600))}:${two(Math.floor(sod / 60) % 60)}:${two(sod % 60)}Z`;
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

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C's ctime layout, as iptables-save stamps its output: `Fri Nov 27 09:00:03 2026`. */
export function ctimeDate(seconds: number): string {
  const total = EPOCH_SECOND_OF_DAY + Math.floor(seconds);
  const days = EPOCH_DAYS + Math.floor(total / 86400);
  const sod = total % 86400;
  const [y, m, d] = civil(days);
  const time = `${two(Math.floor(sod / 3600))}:${two(Math.floor(sod / 60) % 60)}:${two(sod % 60)}`;
  return `${DAYS[days % 7]} ${MONTHS[m - 1]} ${String(d).padStart(2)} ${time} ${y}`;
}
