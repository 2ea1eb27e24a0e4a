import type { JobResult, Units } from '../../host/units.ts';
import { unitFilePath, dropInPaths } from '../../host/unit-files.ts';
import type { Command, Process } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { getopt } from './lib/getopt.ts';
import { changedOnDisk, displayPath, mangle, UNIT_TYPES } from './systemctl/format.ts';
import { listUnitFiles, listUnits } from './systemctl/list.ts';
import { unitStatus } from './systemctl/status.ts';

interface Opts {
  all: boolean;
  types: string[];
  /** --state= / --failed: load, active or sub states to list. */
  states: string[];
  legend: boolean;
  quiet: boolean;
  lines: number;
  now: boolean;
}

/** Verbs that queue a job, and the word their errors use (method_to_verb). */
const JOB_VERBS = new Set(['start', 'stop', 'restart', 'try-restart', 'reload-or-restart', 'reload', 'condrestart', 'force-reload', 'reload-or-try-restart', 'try-reload-or-restart']);
const FILE_VERBS = new Set(['enable', 'disable', 'mask', 'unmask', 'reenable']);
const NEEDS_UNIT = new Set([...JOB_VERBS, ...FILE_VERBS, 'is-active', 'is-enabled', 'is-failed', 'cat', 'reset-failed']);
/** Without polkit's agent an unprivileged D-Bus call is refused with this text. */
const AUTH = 'Interactive authentication required.';

const STATIC_WARNING = `The unit files have no [Install] section. They are not meant to be enabled
using systemctl.
Possible reasons for having this kind of units are:
1) A unit may be statically enabled by being symlinked from another unit's
   .wants/ or .requires/ directory.
2) A unit's purpose may be to act as a helper for some other unit which has
   a requirement dependency on it.
3) A unit may be started when needed via activation (socket, path, timer,
   D-Bus, udev, scripted systemctl call, ...).
`;

/**
 * systemctl of systemd 229 (CoreOS 1010) over the host's systemd (`Units`): status, start, stop,
 * restart, enable, disable, mask, unmask, is-active, is-enabled, is-failed, cat, list-units,
 * list-unit-files, daemon-reload, reset-failed. As `core` (no polkit agent) the verbs that
 * change something are refused; under sudo they run. start waits for the job, as systemctl does
 * without --no-block: a notify service (etcd2) is started once it says it is ready.
 */
export const systemctl: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), {
    flags: 'alqfhr',
    withArg: 'tnoHMsp',
    long: {
      all: 'a',
      'type=': 't',
      'state=': 'S',
      full: 'l',
      'no-pager': 'P',
      'no-legend': 'L',
      quiet: 'q',
      'lines=': 'n',
      'output=': 'o',
      now: 'N',
      runtime: 'R',
      'no-block': 'B',
      'no-reload': 'X',
      'no-ask-password': 'A',
      force: 'f',
      system: 'Y',
      help: 'h',
      version: 'V',
      plain: 'p',
      recursive: 'r',
      failed: 'F',
      user: 'U',
    },
  });
  if (!r.ok) {
    proc.stderr.write(`systemctl: ${r.error}\n`);
    return 1;
  }
  const o: Opts = { all: false, types: [], states: [], legend: true, quiet: false, lines: 10, now: false };
  let user = false;
  for (const [k, v] of r.opts) {
    if (k === 'a') o.all = true;
    else if (k === 'L') o.legend = false;
    else if (k === 'q') o.quiet = true;
    else if (k === 'N') o.now = true;
    else if (k === 'F') o.states.push('failed');
    else if (k === 'S') o.states.push(...(v as string).split(','));
    else if (k === 'U') user = true;
    else if (k === 'h') {
      proc.stdout.write('systemctl [OPTIONS...] {COMMAND} ...\n\nQuery or send control commands to the systemd manager.\n');
      return 0;
    } else if (k === 'V') {
      // UNSURE: the compile-time feature line of CoreOS' build.
      proc.stdout.write('systemd 229\n+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK -SYSVINIT +UTMP +LIBCRYPTSETUP +GCRYPT -GNUTLS -ACL +XZ -LZ4 +SECCOMP +BLKID -ELFUTILS +KMOD -IDN\n');
      return 0;
    } else if (k === 'n') {
      if (!/^\d+$/.test(v as string)) {
        proc.stderr.write(`Failed to parse lines '${v as string}'\n`);
        return 1;
      }
      o.lines = Number(v);
    } else if (k === 't') {
      for (const t of (v as string).split(',')) {
        if (t === 'help') {
          proc.stdout.write(`Available unit types:\n${UNIT_TYPES.join('\n')}\n`);
          return 0;
        }
        if (!UNIT_TYPES.includes(t)) {
          proc.stderr.write(`Unknown unit type or load state '${t}'.\nUse -t help to see a list of allowed values.\n`);
          return 1;
        }
        o.types.push(t);
      }
    }
  }
  const units = proc.host.units;
  // CoreOS runs no per-user systemd (coreos/bugs#675); UNSURE: 219 said "Failed to get D-Bus connection".
  if (user) return fail(proc, 'Failed to connect to bus: Connection refused');
  if (!units) {
    proc.stderr.write('Failed to connect to bus: No such file or directory\n');
    return 1;
  }
  const [verb = 'list-units', ...rest] = r.operands;
  const names = rest.map(mangle);
  if (NEEDS_UNIT.has(verb) && names.length === 0) {
    proc.stderr.write('Too few arguments.\n');
    return 1;
  }
  const root = proc.env.get('USER') === 'root';
  switch (verb) {
    case 'list-units':
      proc.stdout.write(listUnits(units, { all: o.all, types: o.types, states: o.states, legend: o.legend, patterns: rest }));
      return 0;
    case 'list-unit-files':
      proc.stdout.write(listUnitFiles(units, proc.host.fs, { types: o.types, legend: o.legend, patterns: rest }));
      return 0;
    case 'status':
      return status(proc, units, names, o);
    case 'is-active':
    case 'is-failed':
      return isState(proc, units, names, verb, o.quiet);
    case 'is-enabled':
      return isEnabled(proc, units, names, o.quiet);
    case 'cat':
      return cat(proc, units, names);
    case 'daemon-reload':
      if (!root) return fail(proc, `Failed to reload daemon: ${AUTH}`);
      units.daemonReload();
      return 0;
    case 'reset-failed':
      if (!root) return fail(proc, `Failed to reset failed state of unit ${names[0]}: ${AUTH}`);
      for (const n of names) if (units.state(n) === 'failed') Object.assign(units.runtime(n), { active: 'inactive', sub: 'dead', result: 'success' });
      return 0;
  }
  if (FILE_VERBS.has(verb)) {
    if (!root) return fail(proc, `Failed to execute operation: ${AUTH}`);
    const code = unitFiles(proc, units, verb, names);
    if (code !== 0 || !o.now || (verb !== 'enable' && verb !== 'disable')) return code;
    return jobs(proc, units, verb === 'enable' ? 'start' : 'stop', names);
  }
  if (JOB_VERBS.has(verb)) {
    if (!root) {
      for (const n of names) proc.stderr.write(`Failed to ${verb} ${n}: ${AUTH}\n`);
      return 1;
    }
    return jobs(proc, units, verb, names);
  }
  proc.stderr.write(`Unknown operation '${verb}'.\n`);
  return 1;
};

function fail(proc: Process, msg: string): number {
  proc.stderr.write(msg + '\n');
  return 1;
}

function status(proc: Process, units: Units, names: string[], o: Opts): number {
  if (names.length === 0) {
    // UNSURE: the whole-system tree is not drawn; the header lines only.
    proc.stdout.write(`● ${proc.host.name}\n    State: running\n     Jobs: 0 queued\n   Failed: ${units.list().filter((u) => u.state === 'failed').length} units\n   CGroup: /\n`);
    return 0;
  }
  let code = 0;
  names.forEach((n, i) => {
    const s = unitStatus(proc.host, units, n, o.lines);
    proc.stdout.write((i > 0 ? '\n' : '') + s.out);
    if (s.warning) proc.stderr.write(s.warning);
    if (!s.active && code === 0) code = 3;
  });
  return code;
}

function isState(proc: Process, units: Units, names: string[], verb: string, quiet: boolean): number {
  let hit = false;
  for (const n of names) {
    const s = units.exists(n) ? units.state(n) : 'unknown';
    if (verb === 'is-active' ? s === 'active' : s === 'failed') hit = true;
    if (!quiet) proc.stdout.write(s + '\n');
  }
  // LSB: 3 "program is not running"; is-failed answers 1.
  return hit ? 0 : verb === 'is-active' ? 3 : 1;
}

function isEnabled(proc: Process, units: Units, names: string[], quiet: boolean): number {
  let ok = false;
  for (const n of names) {
    if (!units.exists(n)) {
      proc.stderr.write(`Failed to get unit file state for ${n}: No such file or directory\n`);
      return 1;
    }
    const s = units.unitFileState(n);
    if (['enabled', 'enabled-runtime', 'static', 'indirect', 'generated'].includes(s)) ok = true;
    if (!quiet) proc.stdout.write(s + '\n');
  }
  return ok ? 0 : 1;
}

function cat(proc: Process, units: Units, names: string[]): number {
  const fs = proc.host.fs;
  let code = 0;
  let first = true;
  for (const n of names) {
    const path = unitFilePath(fs, n);
    if (!path) {
      proc.stderr.write(`No files found for ${n}.\n`);
      code = 1;
      continue;
    }
    if (!first) proc.stdout.write('\n');
    first = false;
    proc.stdout.write(`# ${displayPath(path)}\n${fs.read(path) ?? ''}`);
    // cat_file(dropin, newline = first drop-in): a blank line before the first one only.
    dropInPaths(fs, n).forEach((d, i) => proc.stdout.write(`${i === 0 ? '\n' : ''}# ${displayPath(d)}\n${fs.read(d) ?? ''}`));
    if (units.needsReload(n)) proc.stderr.write(changedOnDisk(n));
  }
  return code;
}

/** enable/disable/mask/unmask: the symlinks systemd makes (messages on stderr, as log_info). */
function unitFiles(proc: Process, units: Units, verb: string, names: string[]): number {
  const fs = proc.host.fs;
  for (const n of names) {
    const path = unitFilePath(fs, n);
    if (verb === 'mask') {
      // unit_file_mask: the symlink's place is taken by a real file (EEXIST); an empty one is a mask already.
      const local = `/etc/systemd/system/${n}`;
      if (fs.isFile(local) && (fs.read(local) ?? '') !== '') return fail(proc, 'Failed to execute operation: File exists');
      if (!units.masked.has(n)) proc.stderr.write(`Created symlink from ${local} to /dev/null.\n`);
      units.masked.add(n);
      continue;
    }
    if (verb === 'unmask') {
      if (units.masked.delete(n)) proc.stderr.write(`Removed symlink /etc/systemd/system/${n}.\n`);
      continue;
    }
    if (!path) return fail(proc, 'Failed to execute operation: No such file or directory');
    const wanted = [...new Set(['WantedBy', 'RequiredBy'].flatMap((k) => installList(units, n, k).map((t) => `/etc/systemd/system/${t}.${k === 'WantedBy' ? 'wants' : 'requires'}/${n}`)))];
    if (units.unitFileState(n) === 'static') {
      if (verb !== 'disable') proc.stderr.write(STATIC_WARNING);
      continue;
    }
    if (verb === 'disable' || verb === 'reenable') {
      if (units.enabled.delete(n)) for (const l of wanted) proc.stderr.write(`Removed symlink ${l}.\n`);
    }
    if (verb === 'enable' || verb === 'reenable') {
      if (!units.enabled.has(n)) for (const l of wanted) proc.stderr.write(`Created symlink from ${l} to ${displayPath(path)}.\n`);
      units.enabled.add(n);
    }
  }
  return 0;
}

function installList(units: Units, name: string, key: string): string[] {
  const v = units.setting(name, 'Install', key);
  return v ? v.split(/\s+/).filter(Boolean) : [];
}

/**
 * translate_bus_error_to_exit_status of v229: LSB codes for the D-Bus errors (load failed is
 * EXIT_NOTCONFIGURED 6, a job type not applicable EXIT_NOTIMPLEMENTED 3). UNSURE for 3.
 */
function exitFor(error: string): number {
  return error.includes('failed to load') ? 6 : error.includes('is not applicable') ? 3 : 1;
}

/** start_unit_one: once the job is queued, a unit whose files changed since they were loaded is named. */
function warnChanged(proc: Process, units: Units, name: string): void {
  if (units.needsReload(name)) proc.stderr.write(changedOnDisk(name));
}

/** Queues the jobs, then waits for each as bus_wait_for_jobs does. */
async function jobs(proc: Process, units: Units, verb: string, names: string[]): Promise<number> {
  let code = 0;
  const waits: Promise<{ name: string; r: JobResult }>[] = [];
  for (const n of names) {
    if (verb === 'stop') {
      if (!units.exists(n)) {
        proc.stderr.write(`Failed to stop ${n}: Unit ${n} not loaded.\n`);
        code ||= 5;
        continue;
      }
      units.stop(n);
      warnChanged(proc, units, n);
      continue;
    }
    if (verb === 'reload') {
      const res = units.reload(n);
      if ('error' in res) {
        proc.stderr.write(`Failed to reload ${n}: ${res.error}\n`);
        code ||= exitFor(res.error);
      } else warnChanged(proc, units, n);
      continue;
    }
    const tryOnly = verb === 'try-restart' || verb === 'condrestart' || verb === 'reload-or-try-restart' || verb === 'try-reload-or-restart' || verb === 'force-reload';
    if (tryOnly && !units.isActive(n)) continue;
    if (verb !== 'start' && units.exists(n) && !units.masked.has(n)) units.stop(n);
    let settle: ((r: JobResult) => void) | undefined;
    let early: JobResult | undefined;
    const res = units.start(n, (jr) => (settle ? proc.host.wake(() => settle!(jr)) : (early = jr)));
    if ('error' in res) {
      proc.stderr.write(`Failed to ${verb} ${n}: ${res.error}\n`);
      code ||= exitFor(res.error);
      continue;
    }
    warnChanged(proc, units, n);
    waits.push(early !== undefined ? Promise.resolve({ name: n, r: early }) : new Promise((resolve) => (settle = (jr) => resolve({ name: n, r: jr }))));
  }
  if (waits.length === 0) return code;
  let interrupted = false;
  const done = await Promise.race([
    Promise.all(waits),
    new Promise<undefined>((resolve) => proc.signal.onAbort(() => proc.host.wake(() => ((interrupted = true), resolve(undefined))))),
  ]);
  if (interrupted || !done) return killedStatus(proc.signal.reason);
  for (const { name, r } of done) {
    if (r === 'failed') {
      proc.stderr.write(`Job for ${name} failed because the control process exited with error code. See "systemctl status ${name}" and "journalctl -xe" for details.\n`);
      code ||= 1;
    } else if (r === 'canceled') {
      proc.stderr.write(`Job for ${name} canceled.\n`);
      code ||= 1;
    }
  }
  return code;
}
