import type { FileSystem } from './filesystem.ts';
import { PRIORITY } from './journal.ts';
import { MESSAGE_ID } from './journal-message-ids.ts';
import { exitStatusName } from './exit-status.ts';
import { loadUnit, type LoadedUnit } from './unit-load.ts';
import { unitFilePath, unitFilesText, unitSettings, type UnitSection } from './unit-files.ts';
import type { JobResult, SystemdHost, UnitBackend, UnitRuntime, UnitState } from './unit-runtime.ts';

export type { ExecStatus, JobResult, SystemdHost, UnitBackend, UnitRuntime, UnitState } from './unit-runtime.ts';

/** The job lines' MESSAGE_ID and RESULT= (job_log_status_message), for journalctl -x. */
const DONE_STARTED = { messageId: MESSAGE_ID.unitStarted, result: 'done' };
const DONE_STOPPED = { messageId: MESSAGE_ID.unitStopped, result: 'done' };

/** `10s`, `5`, `100ms`, `1min` -> ms (systemd time spans; a bare number is seconds). */
export function parseTimeSpan(v: string): number | undefined {
  const units: Record<string, number> = { '': 1000, s: 1000, sec: 1000, ms: 1, m: 60_000, min: 60_000, h: 3_600_000 };
  let total = 0;
  const parts = v.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)([a-z]*)$/.exec(p);
    if (!m || units[m[2]!] === undefined) return undefined;
    total += Number(m[1]) * units[m[2]!]!;
  }
  return total;
}

/**
 * The host's systemd: unit states with their timestamps and main PIDs, start/stop jobs, the
 * Restart= loop, enabled/masked unit files, and the `systemd[1]` lines it writes to the journal
 * (systemd 229 wording). A unit without a simulated process (fleet, flannel, sockets) just
 * becomes active.
 */
export class Units {
  private backends = new Map<string, UnitBackend>();
  private rts = new Map<string, UnitRuntime>();
  private jobs = new Map<string, ((r: JobResult) => void)[]>();
  private restartTimers = new Map<string, () => void>();
  /** Units as PID 1 loaded them: the definition they run with until daemon-reload. */
  private loaded = new Map<string, LoadedUnit>();
  readonly enabled = new Set<string>();
  readonly masked = new Set<string>();

  constructor(
    private fs: FileSystem,
    private host?: SystemdHost,
  ) {}

  provide(name: string, backend: UnitBackend): void {
    this.backends.set(name, backend);
  }

  /** The unit's run-time record (a live object: read it, do not keep it). */
  runtime(name: string): UnitRuntime {
    let rt = this.rts.get(name);
    if (!rt) this.rts.set(name, (rt = { active: 'inactive', sub: 'dead', result: 'success' }));
    return rt;
  }

  state(name: string): UnitState {
    return this.rts.get(name)?.active ?? 'inactive';
  }

  isActive(name: string): boolean {
    return this.state(name) === 'active';
  }

  /** Units systemd has loaded (started at least once this boot), sorted. */
  list(): { name: string; state: UnitState }[] {
    return [...this.rts].map(([name, rt]) => ({ name, state: rt.active })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Every unit with a file or a process, sorted. */
  known(): string[] {
    const names = new Set<string>([...this.backends.keys(), ...this.rts.keys()]);
    for (const d of ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system']) {
      if (!this.fs.isDir(d)) continue;
      for (const f of this.fs.list(d)) if (/\.(service|socket|target|timer|mount|path)$/.test(f) && this.fs.isFile(`${d}/${f}`)) names.add(f);
    }
    return [...names].sort();
  }

  exists(name: string): boolean {
    return unitFilePath(this.fs, name) !== undefined || this.backends.has(name);
  }

  /**
   * The unit's settings: as loaded, while it is loaded; else as its files say now (what
   * systemctl reads for a unit PID 1 has not loaded).
   */
  settings(name: string): readonly UnitSection[] | undefined {
    return this.loaded.get(name)?.settings ?? unitSettings(this.fs, name);
  }

  /** A `[Unit]`/`[Service]` setting (last assignment wins), drop-ins included. */
  setting(name: string, section: string, key: string): string | undefined {
    let v: string | undefined;
    for (const e of this.settings(name) ?? []) if (e.section === section && e.key === key) v = e.value;
    return v;
  }

  /**
   * PID 1 loads the unit if it has not (systemctl asks for it by name: status, start...), and
   * logs what it found wrong in its files. A unit that failed to load, or that was loaded but
   * never started and is wanted by nothing, is garbage-collected at once (unit_check_gc), so
   * the next reference reads its files again.
   */
  loadState(name: string): { state: 'loaded' | 'masked' | 'not-found' } | { state: 'error'; reason: string } {
    if (this.masked.has(name)) return { state: 'masked' };
    const u = this.load(name);
    if (u?.error !== undefined) return { state: 'error', reason: u.error };
    return u !== undefined || this.backends.has(name) ? { state: 'loaded' } : { state: 'not-found' };
  }

  private load(name: string): LoadedUnit | undefined {
    const had = this.loaded.get(name);
    if (had !== undefined && !this.collectable(name, had)) return had;
    const u = loadUnit(this.fs, name);
    if (u === undefined) {
      this.loaded.delete(name);
      return undefined;
    }
    this.loaded.set(name, u);
    for (const d of u.diagnostics) this.log(name, d.message, d.priority);
    return u;
  }

  private collectable(name: string, u: LoadedUnit): boolean {
    if (u.error !== undefined) return true;
    const rt = this.rts.get(name);
    return (rt === undefined || rt.inactiveExit === undefined) && !this.enabled.has(name) && !this.jobs.has(name);
  }

  description(name: string): string {
    return this.setting(name, 'Unit', 'Description') || name;
  }

  /** enabled, disabled, static, masked (is-enabled / list-unit-files / the Loaded: line). */
  unitFileState(name: string): string {
    if (this.masked.has(name)) return 'masked';
    const install = (unitSettings(this.fs, name) ?? []).some((e) => e.section === 'Install' && ['WantedBy', 'RequiredBy', 'Alias', 'Also'].includes(e.key));
    if (!install) return 'static';
    return this.enabled.has(name) ? 'enabled' : 'disabled';
  }

  /** True when the unit's files changed since systemd loaded them (daemon-reload needed). */
  needsReload(name: string): boolean {
    const was = this.loaded.get(name);
    return was !== undefined && was.text !== this.fileText(name);
  }

  /** daemon-reload: systemd reads every loaded unit's files again (and says again what is wrong). */
  daemonReload(): void {
    this.log(undefined, 'Reloading.');
    for (const name of [...this.loaded.keys()]) {
      this.loaded.delete(name);
      this.load(name);
    }
  }

  /** Queues a start job; `onJob` hears how it ends (a notify service ends it when ready). */
  start(name: string, onJob?: (r: JobResult) => void): { result: string } | { error: string } {
    // UNSURE: systemd 229's D-Bus error texts for a missing or masked unit.
    if (this.masked.has(name)) return { error: `Unit ${name} is masked.` };
    const load = this.loadState(name);
    if (load.state === 'not-found') return { error: `Unit ${name} failed to load: No such file or directory.` };
    // transaction_add_job_and_dependencies of v229: other load errors point to the logs.
    if (load.state === 'error') return { error: `Unit ${name} failed to load: ${load.reason}. See system logs and 'systemctl status ${name}' for details.` };
    const rt = this.runtime(name);
    if (rt.active === 'active') {
      onJob?.('done');
      return { result: 'done' };
    }
    if (rt.active === 'activating' && rt.sub === 'start') {
      if (onJob) this.addJob(name, onJob);
      return { result: 'done' };
    }
    // A start during the hold-off starts it now.
    this.cancelRestart(name);
    for (const other of this.dependencies(name, 'Conflicts')) if (this.state(other) !== 'inactive' && this.state(other) !== 'failed') this.stop(other);
    this.launch(name, onJob);
    return { result: 'done' };
  }

  private launch(name: string, onJob?: (r: JobResult) => void): void {
    const rt = this.runtime(name);
    const socket = name.endsWith('.socket');
    this.log(name, socket ? `Starting ${this.description(name)}.` : `Starting ${this.description(name)}...`, PRIORITY.info, { messageId: MESSAGE_ID.unitStarting });
    const now = this.now();
    rt.active = 'activating';
    rt.sub = 'start';
    rt.result = 'success';
    rt.inactiveExit = now;
    rt.exec = undefined;
    rt.mainPid = undefined;
    if (onJob) this.addJob(name, onJob);
    const b = this.backends.get(name);
    if (!b) {
      if (this.setting(name, 'Service', 'ExecStart') !== undefined) rt.mainPid = this.host?.allocPid();
      this.becomeActive(name);
      return;
    }
    const ok = b.start();
    rt.mainPid = b.mainPid?.() ?? rt.mainPid;
    // The process may already have exited (and been noticed) inside start().
    if (rt.active !== 'activating' || rt.sub !== 'start') return;
    if (!ok) {
      this.processExited(name, 1);
      return;
    }
    if (!b.isReady || b.isReady()) this.becomeActive(name);
  }

  private becomeActive(name: string): void {
    const rt = this.runtime(name);
    rt.active = 'active';
    rt.sub = name.endsWith('.socket') ? 'listening' : name.endsWith('.target') ? 'active' : 'running';
    rt.activeEnter = this.now();
    const d = this.description(name);
    this.log(name, name.endsWith('.socket') ? `Listening on ${d}.` : name.endsWith('.target') ? `Reached target ${d}.` : `Started ${d}.`, PRIORITY.info, DONE_STARTED);
    this.finishJobs(name, 'done');
  }

  /** A Type=notify process said READY=1. */
  ready(name: string): void {
    const rt = this.rts.get(name);
    if (rt?.active === 'activating' && rt.sub === 'start') this.becomeActive(name);
  }

  /** The unit's main process exited by itself with `code`. */
  processExited(name: string, code: number): void {
    const rt = this.rts.get(name);
    if (!rt || !(rt.active === 'active' || (rt.active === 'activating' && rt.sub === 'start'))) return;
    const starting = rt.active === 'activating';
    const now = this.now();
    if (rt.mainPid !== undefined) rt.exec = { pid: rt.mainPid, code: 'exited', status: code };
    rt.mainPid = undefined;
    rt.activeExit = now;
    const failed = code !== 0;
    if (failed) this.log(name, `${name}: Main process exited, code=exited, status=${exitStatusName(code)}`, PRIORITY.notice);
    if (starting) this.log(name, `Failed to start ${this.description(name)}.`, PRIORITY.err, { messageId: MESSAGE_ID.unitFailed, result: 'failed' });
    if (failed) {
      this.log(name, `${name}: Unit entered failed state.`, PRIORITY.notice);
      this.log(name, `${name}: Failed with result 'exit-code'.`, PRIORITY.warning);
    }
    rt.active = failed ? 'failed' : 'inactive';
    rt.sub = failed ? 'failed' : 'dead';
    rt.result = failed ? 'exit-code' : 'success';
    rt.inactiveEnter = now;
    this.finishJobs(name, 'failed');
    const policy = this.setting(name, 'Service', 'Restart') ?? 'no';
    if (policy === 'always' || (policy === 'on-failure' && failed)) this.scheduleRestart(name);
  }

  /** Kept for callers of the first Units: the process ended with an error. */
  markFailed(name: string): void {
    this.processExited(name, 1);
  }

  /** Restart=: wait RestartSec in `activating (auto-restart)`, then start again. */
  private scheduleRestart(name: string): void {
    const rt = this.runtime(name);
    rt.active = 'activating';
    rt.sub = 'auto-restart';
    rt.inactiveExit = this.now();
    const sec = this.setting(name, 'Service', 'RestartSec');
    const ms = (sec !== undefined ? parseTimeSpan(sec) : undefined) ?? 100;
    if (!this.host) return;
    const cancel = this.host.context.setTimer(() => {
      this.restartTimers.delete(name);
      if (this.rts.get(name)?.sub !== 'auto-restart') return;
      this.log(name, `${name}: Service hold-off time over, scheduling restart.`);
      this.log(name, `Stopped ${this.description(name)}.`, PRIORITY.info, DONE_STOPPED);
      rt.active = 'inactive';
      rt.sub = 'dead';
      this.launch(name);
    }, ms);
    this.restartTimers.set(name, cancel);
  }

  private cancelRestart(name: string): void {
    this.restartTimers.get(name)?.();
    this.restartTimers.delete(name);
  }

  stop(name: string): { result: string } {
    const rt = this.rts.get(name);
    this.cancelRestart(name);
    if (!rt) return { result: 'done' };
    const d = this.description(name);
    const socket = name.endsWith('.socket');
    if (rt.active === 'active' || (rt.active === 'activating' && rt.sub === 'start')) {
      if (!socket) this.log(name, `Stopping ${d}...`, PRIORITY.info, { messageId: MESSAGE_ID.unitStopping });
      this.backends.get(name)?.stop();
      // etcd re-raises SIGTERM after its handlers run, so it dies of the signal.
      if (rt.mainPid !== undefined) rt.exec = { pid: rt.mainPid, code: 'killed', status: 'TERM' };
      rt.mainPid = undefined;
      rt.active = 'inactive';
      rt.sub = 'dead';
      rt.result = 'success';
      rt.activeExit = rt.inactiveEnter = this.now();
      this.log(name, socket ? `Closed ${d}.` : `Stopped ${d}.`, PRIORITY.info, DONE_STOPPED);
      this.finishJobs(name, 'canceled');
    } else if (rt.sub === 'auto-restart') {
      rt.active = rt.result === 'success' ? 'inactive' : 'failed';
      rt.sub = rt.result === 'success' ? 'dead' : 'failed';
      rt.inactiveEnter = this.now();
      this.log(name, `Stopped ${d}.`, PRIORITY.info, DONE_STOPPED);
    }
    return { result: 'done' };
  }

  /**
   * A reload job: refused, as transaction_add_job_and_dependencies refuses it, for a unit that
   * did not load or has no ExecReload= (unit_job_is_applicable); else Reloading/Reloaded.
   */
  reload(name: string): { result: string } | { error: string } {
    const load = this.loadState(name);
    if (load.state === 'masked') return { error: `Unit ${name} is masked.` };
    if (load.state === 'not-found') return { error: `Unit ${name} failed to load: No such file or directory.` };
    if (load.state === 'error') return { error: `Unit ${name} failed to load: ${load.reason}. See system logs and 'systemctl status ${name}' for details.` };
    if (!name.endsWith('.service') || !this.setting(name, 'Service', 'ExecReload')) return { error: `Job type reload is not applicable for unit ${name}.` };
    // UNSURE: v229 fails the job of an inactive unit ("Job for x invalid."); the text here is older.
    if (!this.isActive(name)) return { error: `Unit ${name} is not active.` };
    const d = this.description(name);
    this.log(name, `Reloading ${d}.`, PRIORITY.info, { messageId: MESSAGE_ID.unitReloading });
    this.log(name, `Reloaded ${d}.`, PRIORITY.info, { messageId: MESSAGE_ID.unitReloaded, result: 'done' });
    return { result: 'done' };
  }

  /** systemctl start/stop/restart/... as coreos-cloudinit issues them. */
  command(name: string, command: string): { result: string } | { error: string } {
    switch (command) {
      case 'start':
        return this.start(name);
      case 'stop':
        return this.stop(name);
      case 'restart':
      case 'reload-or-restart':
        this.stop(name);
        return this.start(name);
      case 'try-restart':
      case 'reload-or-try-restart':
        if (!this.isActive(name)) return { result: 'done' };
        this.stop(name);
        return this.start(name);
      case 'reload':
        return this.reload(name);
      default:
        return { error: `Unknown unit command ${command}` };
    }
  }

  /** Power off: every process is gone; nothing is active any more; systemd forgets its state. */
  down(): void {
    for (const [name, rt] of [...this.rts].reverse()) if (rt.active === 'active' || rt.active === 'activating') this.backends.get(name)?.stop();
    for (const name of [...this.restartTimers.keys()]) this.cancelRestart(name);
    for (const name of [...this.jobs.keys()]) this.finishJobs(name, 'canceled');
    this.rts.clear();
    this.loaded.clear();
    // Runtime masks live in /run, which a reboot empties; coreos-cloudinit masks at runtime.
    this.masked.clear();
  }

  /** At boot, enabled units start (before coreos-cloudinit runs). */
  bootEnabled(): void {
    for (const name of [...this.enabled].sort()) this.start(name);
  }

  private addJob(name: string, cb: (r: JobResult) => void): void {
    const list = this.jobs.get(name) ?? [];
    list.push(cb);
    this.jobs.set(name, list);
  }

  private finishJobs(name: string, r: JobResult): void {
    const list = this.jobs.get(name);
    if (!list) return;
    this.jobs.delete(name);
    for (const cb of list) cb(r);
  }

  /** Names listed in a `[Unit]` setting (e.g. `Conflicts=`), as loaded. */
  private dependencies(name: string, key: string): string[] {
    return (this.settings(name) ?? []).filter((e) => e.section === 'Unit' && e.key === key).flatMap((e) => e.value.split(/\s+/).filter(Boolean));
  }

  private fileText(name: string): string {
    return unitFilesText(this.fs, name);
  }

  private now(): number {
    return this.host?.context.now() ?? 0;
  }

  /** A line from systemd (PID 1); with a unit, `journalctl -u` shows it (UNIT= field). */
  private log(unit: string | undefined, message: string, priority: number = PRIORITY.info, job?: { messageId: string; result?: string }): void {
    this.host?.journal.append({ unit, identifier: 'systemd', pid: 1, message, priority, ...job });
  }
}
