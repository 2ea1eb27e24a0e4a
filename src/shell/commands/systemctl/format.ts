import type { JournalEntry } from '../../../host/journal.ts';
import { wallMs } from '../../../sim/time.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** format_timestamp: `Wed 2016-06-01 09:00:03 UTC` (CoreOS machines run in UTC). */
export function formatTimestamp(t: number): string {
  const d = new Date(wallMs(t));
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC`;
}

/** format_timestamp_relative (systemd 229 time-util.c): `2min 3s ago`, `5h 42min ago`, `now`. */
export function formatRelative(then: number, now: number): string {
  const d = Math.floor(now) - Math.floor(then);
  if (d <= 0) return 'now';
  const SEC = 1000;
  const MIN = 60 * SEC;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  const WEEK = 7 * DAY;
  const MONTH = 2_629_800 * SEC;
  const YEAR = 31_557_600 * SEC;
  const f = Math.floor;
  if (d >= YEAR) return `${f(d / YEAR)} years ${f((d % YEAR) / MONTH)} months ago`;
  if (d >= MONTH) return `${f(d / MONTH)} months ${f((d % MONTH) / DAY)} days ago`;
  if (d >= WEEK) return `${f(d / WEEK)} weeks ${f((d % WEEK) / DAY)} days ago`;
  if (d >= 2 * DAY) return `${f(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ago`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f((d % HOUR) / MIN)}min ago`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ago`;
  if (d >= MIN) return `${f(d / MIN)}min ${f((d % MIN) / SEC)}s ago`;
  if (d >= SEC) return `${f(d / SEC)}s ago`;
  return `${d}ms ago`;
}

/** journalctl's short output line: `Jun 01 09:00:04 core-01 systemd[1]: Started etcd2.` */
export function journalLine(e: JournalEntry, host: string): string {
  const d = new Date(wallMs(e.t));
  const time = `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${time} ${host} ${e.identifier}[${e.pid}]: ${e.message}`;
}

/** Unit types systemctl knows (`-t help`). */
export const UNIT_TYPES = ['service', 'socket', 'busname', 'target', 'device', 'mount', 'automount', 'swap', 'timer', 'path', 'slice', 'scope'];

/** unit_name_mangle: a name without a known suffix means `.service`. */
export function mangle(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot > 0 && UNIT_TYPES.includes(name.slice(dot + 1))) return name;
  return `${name}.service`;
}

/** Where systemd says a unit file is: CoreOS' /usr/lib/systemd is a link to /usr/lib64/systemd. */
export function displayPath(path: string): string {
  return path.startsWith('/usr/lib/systemd/') ? `/usr/lib64/systemd/${path.slice('/usr/lib/systemd/'.length)}` : path;
}

/** warn_unit_file_changed (log_warning: stderr). */
export function changedOnDisk(name: string): string {
  return `Warning: ${name} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`;
}
