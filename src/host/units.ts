import type { FileSystem } from './filesystem.ts';
import { unitFilePath, unitList } from './unit-files.ts';

/** A process behind a unit (etcd2.service -> the etcd member). `start` false: it failed to start. */
export interface UnitBackend {
  start(): boolean;
  stop(): void;
}

export type UnitState = 'active' | 'inactive' | 'failed';

/**
 * The host's systemd, as far as booting from cloud-config needs it: which units are active,
 * enabled or masked, and the commands coreos-cloudinit sends. A unit without a simulated process
 * (fleet, flannel, docker for now) just becomes active.
 */
export class Units {
  private backends = new Map<string, UnitBackend>();
  private states = new Map<string, UnitState>();
  readonly enabled = new Set<string>();
  readonly masked = new Set<string>();

  constructor(private fs: FileSystem) {}

  provide(name: string, backend: UnitBackend): void {
    this.backends.set(name, backend);
  }

  state(name: string): UnitState {
    return this.states.get(name) ?? 'inactive';
  }

  isActive(name: string): boolean {
    return this.state(name) === 'active';
  }

  /** Units that are not inactive, sorted. */
  list(): { name: string; state: UnitState }[] {
    return [...this.states].filter(([, s]) => s !== 'inactive').map(([name, state]) => ({ name, state })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  exists(name: string): boolean {
    return unitFilePath(this.fs, name) !== undefined || this.backends.has(name);
  }

  start(name: string): { result: string } | { error: string } {
    // UNSURE: systemd 225's D-Bus error texts for a missing or masked unit.
    if (this.masked.has(name)) return { error: `Unit ${name} is masked.` };
    if (!this.exists(name)) return { error: `Unit ${name} failed to load: No such file or directory.` };
    if (this.isActive(name)) return { result: 'done' };
    for (const other of unitList(this.fs, name, 'Conflicts')) if (this.isActive(other)) this.stop(other);
    const b = this.backends.get(name);
    const ok = b ? b.start() : true;
    this.states.set(name, ok ? 'active' : 'failed');
    return { result: ok ? 'done' : 'failed' };
  }

  /** The unit's process exited by itself. */
  markFailed(name: string): void {
    if (this.isActive(name)) this.states.set(name, 'failed');
  }

  stop(name: string): { result: string } {
    if (this.isActive(name)) this.backends.get(name)?.stop();
    this.states.set(name, 'inactive');
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
        return this.isActive(name) ? { result: 'done' } : { error: `Job for ${name} canceled.` };
      default:
        return { error: `Unknown unit command ${command}` };
    }
  }

  /** Power off: every process is gone; nothing is active any more. */
  down(): void {
    for (const [name, s] of [...this.states].reverse()) if (s === 'active') this.backends.get(name)?.stop();
    this.states.clear();
    // Runtime masks live in /run, which a reboot empties; coreos-cloudinit masks at runtime.
    this.masked.clear();
  }

  /** At boot, enabled units start (before coreos-cloudinit runs). */
  bootEnabled(): void {
    for (const name of [...this.enabled].sort()) this.start(name);
  }
}
