import type { Units } from '../../../host/units.ts';
import { exitStatusShort } from '../../../host/exit-status.ts';
import { dropInPaths, unitFilePath } from '../../../host/unit-files.ts';
import type { HostContext } from '../../process.ts';
import { changedOnDisk, displayPath, formatRelative, formatTimestamp, journalLine } from './format.ts';

/** DefaultTasksMax of systemd 228-230. */
const TASKS_MAX = 512;
/** UNSURE: threads the daemons had; a Go daemon runs a handful. */
const TASKS: Record<string, number> = { etcd2: 8, etcd: 8, fleetd: 7 };

/** The ExecStart= command line as the unit says it (prefixes `-@+!` dropped, one space apart). */
export function execStart(units: Units, name: string): string | undefined {
  const v = units.setting(name, 'Service', 'ExecStart');
  return v?.replace(/^[-@+!]+/, '').trim().split(/\s+/).join(' ');
}

function comm(cmd: string): string {
  const first = cmd.split(' ')[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

function exitText(e: { code: 'exited' | 'killed'; status: number | string }): string {
  return e.code === 'exited' ? `code=exited, status=${exitStatusShort(e.status as number)}` : `code=killed, signal=${e.status}`;
}

/** `Listen:` lines of a socket unit: `[::]:2375 (Stream)`, `/var/run/fleet.sock (Stream)`. */
function listens(name: string, fs: HostContext['fs']): string[] {
  const out: string[] = [];
  const path = unitFilePath(fs, name);
  const texts = [path, ...dropInPaths(fs, name)].map((p) => (p ? (fs.read(p) ?? '') : ''));
  for (const t of texts) {
    let section = '';
    for (const raw of t.split('\n')) {
      const line = raw.trim();
      const sec = /^\[(.+)\]$/.exec(line);
      if (sec) section = sec[1]!;
      const m = /^ListenStream=(.+)$/.exec(line);
      if (section === 'Socket' && m) out.push(/^\d+$/.test(m[1]!.trim()) ? `[::]:${m[1]!.trim()} (Stream)` : `${m[1]!.trim()} (Stream)`);
    }
  }
  return out;
}

/**
 * `systemctl status UNIT` as systemd 229's print_status_info wrote it: the bullet line, Loaded:,
 * Drop-In:, Active:, Process:/Main PID:, Tasks:, CGroup:, then the unit's journal lines since it
 * last left the inactive state (this boot). `active` decides the exit status.
 */
export function unitStatus(host: HostContext, units: Units, name: string, lines: number): { out: string; active: boolean; warning?: string } {
  const fs = host.fs;
  const now = host.now();
  const out: string[] = [];
  const path = unitFilePath(fs, name);
  const rt = units.runtime(name);
  const active = rt.active === 'active';
  const load = units.loadState(name);
  if (load.state === 'not-found') {
    out.push(`● ${name}`, '   Loaded: not-found (Reason: No such file or directory)', '   Active: inactive (dead)');
    return { out: out.join('\n') + '\n' + journalPart(host, name, 0, lines), active: false };
  }
  const desc = units.description(name);
  out.push(`● ${name}${desc !== name ? ` - ${desc}` : ''}`);
  if (load.state === 'masked') out.push('   Loaded: masked (/dev/null)');
  else if (load.state === 'error') out.push(`   Loaded: error (Reason: ${load.reason})`);
  else if (path) out.push(`   Loaded: loaded (${displayPath(path)}; ${units.unitFileState(name)}; vendor preset: disabled)`);
  else out.push('   Loaded: loaded');
  // Drop-ins grouped by directory, the way print_status_info draws them.
  let dir: string | undefined;
  let row = '';
  for (const d of dropInPaths(fs, name)) {
    const dd = d.slice(0, d.lastIndexOf('/'));
    const base = d.slice(d.lastIndexOf('/') + 1);
    if (dd !== dir) {
      if (dir !== undefined) out.push(row);
      // A further directory is indented by 8 only (print_status_info's own quirk).
      out.push(`${dir === undefined ? '  Drop-In: ' : '        '}${dd}`);
      row = `           └─${base}`;
      dir = dd;
    } else row += `, ${base}`;
  }
  if (dir !== undefined) out.push(row);
  let act = `   Active: ${rt.active}${rt.sub !== rt.active ? ` (${rt.sub})` : ''}`;
  if (rt.result !== 'success') act += ` (Result: ${rt.result})`;
  const ts = rt.active === 'active' ? rt.activeEnter : rt.active === 'inactive' || rt.active === 'failed' ? rt.inactiveEnter : rt.active === 'activating' ? rt.inactiveExit : rt.activeExit;
  if (ts !== undefined) act += ` since ${formatTimestamp(ts)}; ${formatRelative(ts, now)}`;
  out.push(act);
  if (name.endsWith('.socket')) {
    listens(name, fs).forEach((l, i) => out.push(` ${(i === 0 ? 'Listen:' : '').padStart(9)} ${l}`));
  }
  const cmd = execStart(units, name);
  if (rt.exec && cmd !== undefined) out.push(`  Process: ${rt.exec.pid} ExecStart=${cmd} (${exitText(rt.exec)})`);
  const running = rt.mainPid !== undefined && (rt.active === 'active' || rt.active === 'activating');
  if (running) out.push(` Main PID: ${rt.mainPid} (${comm(cmd ?? '')})`);
  else if (rt.exec) out.push(` Main PID: ${rt.exec.pid} (${exitText(rt.exec)})`);
  if (running) {
    // UNSURE: Tasks as CoreOS 1010 showed it (TasksAccounting on, DefaultTasksMax=512).
    out.push(`    Tasks: ${TASKS[comm(cmd ?? '')] ?? 1} (limit: ${TASKS_MAX})`);
    out.push(`   CGroup: /system.slice/${name}`, `           └─${rt.mainPid} ${cmd ?? ''}`);
  }
  const since = rt.inactiveExit ?? 0;
  const warning = units.needsReload(name) ? changedOnDisk(name) : undefined;
  return { out: out.join('\n') + '\n' + journalPart(host, name, since, lines), active, warning };
}

/** The unit's last `lines` journal records of this boot since `since`, after a blank line. */
function journalPart(host: HostContext, name: string, since: number, lines: number): string {
  const j = host.journal;
  if (!j || lines <= 0) return '';
  const shown = j.entries().filter((e) => e.unit === name && e.boot === j.boot && e.t >= since).slice(-lines);
  if (shown.length === 0) return '';
  return '\n' + shown.map((e) => journalLine(e, host.name) + '\n').join('');
}
