import type { JournalEntry } from '../../host/journal.ts';
import { catalogLines } from '../../host/journal-catalog.ts';
import { wallMs } from '../../sim/time.ts';
import type { Command } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { getopt } from './lib/getopt.ts';
import { parseTimestamp } from './journalctl/timestamp.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `-o short`'s time: `Jun 01 09:00:04` (CoreOS machines run in UTC). */
function shortTime(t: number): string {
  const d = new Date(wallMs(t));
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/**
 * The time of a short line per output mode. UNSURE: verbose, export, json and short-monotonic
 * are not drawn; they print as short.
 */
function stamp(t: number, mode: string): string {
  if (mode === 'short-iso') return new Date(wallMs(t)).toISOString().slice(0, 19) + '+0000';
  if (mode === 'short-precise') return `${shortTime(t)}.${String(Math.floor((wallMs(t) % 1000) * 1000)).padStart(6, '0')}`;
  return shortTime(t);
}

/** format_timestamp in the header: `Wed 2016-06-01 09:00:04 UTC`. */
function headerTime(t: number): string {
  const d = new Date(wallMs(t));
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC`;
}

/** A unit name as journalctl mangles it: `etcd2` means `etcd2.service`. */
function unitName(u: string): string {
  return /\.(service|socket|target|timer|mount|path|slice|scope|device|swap|automount)$/.test(u) ? u : `${u}.service`;
}

/** log_level_from_string: a name or a number 0-7. */
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
function logLevel(s: string): number | undefined {
  if (/^[0-7]$/.test(s)) return Number(s);
  const i = LEVELS.indexOf(s);
  return i < 0 ? undefined : i;
}

/** The output modes of v229's -o; short, short-iso, short-precise and cat are drawn. */
const OUTPUT_MODES = ['short', 'short-iso', 'short-precise', 'short-monotonic', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'cat'];

/**
 * journalctl (systemd 229 as in CoreOS 1010): the short output `Mmm dd hh:mm:ss host ident[pid]:
 * message`, the `-- Logs begin at ... --` header, `-- Reboot --` between boots, `-u UNIT`,
 * `-n [N]`, `-b [ID]`, `-r`, `-q`, `-f` (follow until Ctrl-C), `-e`, `-x` (catalog texts),
 * `-p LEVEL[..LEVEL]`, `-S/--since`, `-U/--until`, `-o short|short-iso|short-precise|cat`,
 * `--no-pager` (we never page).
 */
export const journalctl: Command = async (proc) => {
  // `-b -1` / `--boot=-1`: the boot offset is taken out before getopt sees it as an option.
  const args = proc.argv.slice(1);
  let bootOffset: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const m = /^--boot=([-+]?\d+)$/.exec(args[i]!);
    if (m) {
      bootOffset = Number(m[1]);
      args[i] = '-b';
    } else if ((args[i] === '-b' || args[i] === '--boot') && /^[-+]?\d+$/.test(args[i + 1] ?? '')) {
      bootOffset = Number(args.splice(i + 1, 1)[0]);
    } else if (/^-[a-zA-Z]*n$/.test(args[i]!) || args[i] === '--lines') {
      // `n::` without its value: the next word is the value if it is a number or `all`; else 10.
      const next = args[i + 1] ?? '';
      const v = /^\d+$/.test(next) || next === 'all' ? args.splice(i + 1, 1)[0]! : '10';
      args[i] = args[i] === '--lines' ? `--lines=${v}` : args[i] + v;
    }
  }
  const r = getopt(args, {
    flags: 'fbrqlaex',
    withArg: 'unpoSU',
    long: {
      'unit=': 'u', 'lines=': 'n', follow: 'f', boot: 'b', reverse: 'r', quiet: 'q', 'no-pager': 'P', full: 'l', all: 'a', 'pager-end': 'e', 'no-tail': 'T',
      catalog: 'x', 'priority=': 'p', 'output=': 'o', 'since=': 'S', 'until=': 'U', utc: 'Z',
    },
  });
  if (!r.ok) {
    proc.stderr.write(`journalctl: ${r.error}\n`);
    return 1;
  }
  const units: string[] = [];
  let lines: number | undefined;
  let follow = false;
  let boot: number | undefined;
  let reverse = false;
  let quiet = false;
  let catalog = false;
  let output = 'short';
  let priorities: Set<number> | undefined;
  let since: number | undefined;
  let until: number | undefined;
  const nowWall = wallMs(proc.host.now());
  const operands = [...r.operands];
  const fail = (msg: string) => (proc.stderr.write(msg + '\n'), 1);
  for (const [k, v] of r.opts) {
    const arg = v as string;
    if (k === 'u') units.push(unitName(arg));
    else if (k === 'n') {
      if (arg === 'all') lines = undefined;
      else if (!/^\d+$/.test(arg)) return fail(`Failed to parse lines '${arg}'`);
      else lines = Number(arg);
    } else if (k === 'p') {
      const dots = arg.indexOf('..');
      if (dots >= 0) {
        const from = logLevel(arg.slice(0, dots));
        const to = logLevel(arg.slice(dots + 2));
        if (from === undefined || to === undefined) return fail(`Failed to parse log level range ${arg}`);
        priorities = new Set(LEVELS.map((_, i) => i).filter((i) => i >= Math.min(from, to) && i <= Math.max(from, to)));
      } else {
        const p = logLevel(arg);
        if (p === undefined) return fail(`Unknown log level ${arg}`);
        priorities = new Set(LEVELS.map((_, i) => i).filter((i) => i <= p));
      }
    } else if (k === 'S' || k === 'U') {
      const t = parseTimestamp(arg, nowWall);
      if (t === undefined) return fail(`Failed to parse timestamp: ${arg}`);
      if (k === 'S') since = t;
      else until = t;
    } else if (k === 'o') {
      if (!OUTPUT_MODES.includes(arg)) return fail(`Unknown output format '${arg}'.`);
      output = arg;
    } else if (k === 'x') catalog = true;
    else if (k === 'f') follow = true;
    else if (k === 'r') reverse = true;
    else if (k === 'q') quiet = true;
    else if (k === 'e') lines ??= 1000;
    else if (k === 'b') boot = bootOffset ?? 0;
  }
  if (operands.length > 0) {
    // Matches such as _SYSTEMD_UNIT=x are not supported; plain words are invalid matches.
    const m = /^(\w+)=(.*)$/.exec(operands[0]!);
    if (!m) {
      proc.stderr.write(`Failed to add match '${operands[0]}': Invalid argument\n`);
      return 1;
    }
    if (m[1] === '_SYSTEMD_UNIT' || m[1] === 'UNIT') units.push(m[2]!);
  }
  if (since !== undefined && until !== undefined && since > until) return fail('--since= must be before --until=.');
  if (follow) lines ??= 10;

  const journal = proc.host.journal;
  const all = journal?.entries() ?? [];
  const host = proc.host.name;
  const current = journal?.boot ?? 0;
  const match = (e: JournalEntry) =>
    (units.length === 0 || (e.unit !== undefined && units.includes(e.unit))) &&
    (boot === undefined || e.boot === current + Math.min(0, boot)) &&
    (priorities === undefined || priorities.has(e.priority)) &&
    (since === undefined || wallMs(e.t) >= since) &&
    (until === undefined || wallMs(e.t) <= until);
  let shown = all.filter(match);
  if (lines !== undefined) shown = lines === 0 ? [] : shown.slice(-lines);
  if (reverse) shown = [...shown].reverse();

  const out = proc.stdout;
  if (!quiet && all.length > 0) {
    out.write(follow ? `-- Logs begin at ${headerTime(all[0]!.t)}. --\n` : `-- Logs begin at ${headerTime(all[0]!.t)}, end at ${headerTime(all[all.length - 1]!.t)}. --\n`);
  }
  let lastBoot: number | undefined;
  const print = (e: JournalEntry) => {
    if (lastBoot !== undefined && e.boot !== lastBoot) out.write('-- Reboot --\n');
    lastBoot = e.boot;
    out.write(output === 'cat' ? `${e.message}\n` : `${stamp(e.t, output)} ${host} ${e.identifier}[${e.pid}]: ${e.message}\n`);
    if (catalog) out.write(catalogLines(e) ?? '');
  };
  if (shown.length === 0 && !follow && !quiet) out.write('-- No entries --\n');
  for (const e of shown) print(e);
  if (!follow) return 0;

  const off = journal?.subscribe((e) => {
    if (match(e)) print(e);
  });
  await new Promise<void>((resolve) => proc.signal.onAbort(() => proc.host.wake(resolve)));
  off?.();
  return killedStatus(proc.signal.reason);
};
