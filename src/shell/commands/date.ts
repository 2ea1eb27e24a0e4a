import { wallMs } from '../../sim/time.ts';
import type { Command } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime in UTC (CoreOS machines run in UTC), the conversions `date` users reach for. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  const conv: Record<string, () => string> = {
    a: () => DAYS[wd]!,
    A: () => LONG_DAYS[wd]!,
    b: () => MONTHS[mo]!,
    h: () => MONTHS[mo]!,
    B: () => LONG_MONTHS[mo]!,
    c: () => strftime('%a %d %b %Y %r %Z', ms),
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(day),
    D: () => strftime('%m/%d/%y', ms),
    e: () => String(day).padStart(2, ' '),
    F: () => strftime('%Y-%m-%d', ms),
    H: () => p2(H),
    I: () => p2(H % 12 || 12),
    j: () => String(yday).padStart(3, '0'),
    k: () => String(H).padStart(2, ' '),
    l: () => String(H % 12 || 12).padStart(2, ' '),
    m: () => p2(mo + 1),
    M: () => p2(M),
    n: () => '\n',
    N: () => String(Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6)).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    P: () => (H < 12 ? 'am' : 'pm'),
    r: () => strftime('%I:%M:%S %p', ms),
    R: () => strftime('%H:%M', ms),
    s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S),
    t: () => '\t',
    T: () => strftime('%H:%M:%S', ms),
    u: () => String(wd || 7),
    w: () => String(wd),
    y: () => p2(Y % 100),
    Y: () => String(Y),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return fmt.replace(/%(.)/gs, (all, c: string) => (conv[c] ? conv[c]!() : all));
}

/** coreutils date: the virtual time in UTC; `+FORMAT`, `-u`, `-R`, `-I`. */
export const date: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 'uRI', long: { utc: 'u', universal: 'u', 'rfc-2822': 'R', 'iso-8601': 'I' } });
  if (!r.ok) {
    proc.stderr.write(usageError('date', r.error));
    return 1;
  }
  const ms = wallMs(proc.host.now());
  const plus = r.operands.find((o) => o.startsWith('+'));
  const other = r.operands.find((o) => !o.startsWith('+'));
  if (other !== undefined) {
    // Setting the clock needs root, and the operand is checked first.
    proc.stderr.write(`date: invalid date ‘${other}’\n`);
    return 1;
  }
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  if (r.opts.some(([k]) => k === 'R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
  if (r.opts.some(([k]) => k === 'I')) fmt = '%Y-%m-%d';
  if (plus) fmt = plus.slice(1);
  proc.stdout.write(strftime(fmt, ms) + '\n');
  return 0;
};
