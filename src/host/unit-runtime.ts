import type { Journal } from './journal.ts';

/* The shapes the host's systemd (`Units`) works with: a unit's process, its run-time record, PID 1's host. */

/** A process behind a unit (etcd2.service -> the etcd member). `start` false: it exited at once. */
export interface UnitBackend {
  start(): boolean;
  stop(): void;
  /** Type=notify: false until the process has said READY=1 (it then calls `Units.ready`). */
  isReady?(): boolean;
  /** PID of the running main process. */
  mainPid?(): number | undefined;
}

/** systemd's ActiveState. */
export type UnitState = 'active' | 'activating' | 'deactivating' | 'inactive' | 'failed';

/** How the main process of the unit's last run ended (systemctl status' `Process:` line). */
export interface ExecStatus {
  pid: number;
  code: 'exited' | 'killed';
  /** Exit status, or the signal's name without SIG. */
  status: number | string;
}

/** What systemd knows of a unit at run time (the D-Bus properties systemctl status reads). */
export interface UnitRuntime {
  active: UnitState;
  /** SubState: running, dead, failed, start, auto-restart, listening, exited. */
  sub: string;
  result: 'success' | 'exit-code';
  activeEnter?: number;
  activeExit?: number;
  inactiveEnter?: number;
  inactiveExit?: number;
  mainPid?: number;
  exec?: ExecStatus;
}

/** The host as systemd (PID 1) sees it: a journal, a clock, PIDs. `Host` fits this shape. */
export interface SystemdHost {
  readonly journal: Journal;
  readonly context: { now(): number; setTimer(fn: () => void, ms: number): () => void };
  allocPid(): number;
}

export type JobResult = 'done' | 'failed' | 'canceled';
