import type { JournalEntry } from '../../host/journal.ts';
import { wallMs } from '../../sim/time.ts';
import type { Command } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { getopt } from './lib/getopt.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `-o short`'s time: `Jun 01 09:00:04` (CoreOS machines run in UTC). */
function shortTime(t: number): string {
  const d = new Date(wallMs(t));
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
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

/**
 * journalctl (systemd 229 as in CoreOS 1010): the short output `Mmm dd hh:mm:ss host ident[pid]:
 * message`, the `-- Logs begin at ... --` header, `-- Reboot --` between boots, `-u UNIT`,
 * `-n N`, `-b [ID]`, `-r`, `-q`, `-f` (follow until Ctrl-C), `--no-pager` (we never page).
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
    }
  }
  const r = getopt(args, {
    flags: 'fbrqlae',
    withArg: 'un',
    long: { 'unit=': 'u', 'lines=': 'n', follow: 'f', boot: 'b', reverse: 'r', quiet: 'q', 'no-pager': 'P', full: 'l', all: 'a', 'pager-end': 'e', 'no-tail': 'T' },
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
  const operands = [...r.operands];
  for (const [k, v] of r.opts) {
    if (k === 'u') units.push(unitName(v as string));
    else if (k === 'n') {
      if (!/^\d+$/.test(v as string)) {
        proc.stderr.write(`Failed to parse lines '${v as string}'\n`);
        return 1;
      }
      lines = Number(v);
    } else if (k === 'f') follow = true;
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
  if (follow) lines ??= 10;

  const journal = proc.host.journal;
  const all = journal?.entries() ?? [];
  const host = proc.host.name;
  const current = journal?.boot ?? 0;
  const match = (e: JournalEntry) =>
    (units.length === 0 || (e.unit !== undefined && units.includes(e.unit))) && (boot === undefined || e.boot === current + Math.min(0, boot));
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
    out.write(`${shortTime(e.t)} ${host} ${e.identifier}[${e.pid}]: ${e.message}\n`);
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
