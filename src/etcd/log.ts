import type { Journal } from '../host/journal.ts';
import { PRIORITY } from '../host/journal.ts';

/** What an etcd process needs from its host to log: the journal and a PID per start. */
export interface EtcdProcessHost {
  readonly journal: Journal;
  allocPid(): number;
}

/**
 * etcd 2.3's capnslog under systemd: its parent is PID 1, so capnslog's default formatter is the
 * journald one, which sends the bare message (no timestamp, no `pkg:` prefix; raft adds its own
 * `raft.node: ` to some lines) with SYSLOG_IDENTIFIER `etcd2` (the binary's name).
 */
export class EtcdLog {
  pid = 0;

  constructor(
    private readonly host: EtcdProcessHost | undefined,
    private readonly identifier = 'etcd2',
    private readonly unit = 'etcd2.service',
    /** How the line reaches the journal (etcd 0.4 writes formatted lines to stdout: src/etcd/v04/log.ts). */
    private readonly format?: (priority: number, message: string) => { priority: number; message: string },
  ) {}

  private write(priority: number, message: string): void {
    if (this.format) ({ priority, message } = this.format(priority, message));
    this.host?.journal.append({ unit: this.unit, identifier: this.identifier, pid: this.pid, message, priority });
  }

  info(msg: string): void {
    this.write(PRIORITY.info, msg);
  }

  notice(msg: string): void {
    this.write(PRIORITY.notice, msg);
  }

  warning(msg: string): void {
    this.write(PRIORITY.warning, msg);
  }

  error(msg: string): void {
    this.write(PRIORITY.err, msg);
  }

  /** capnslog Fatalf: CRITICAL, then the process exits 1. */
  fatal(msg: string): void {
    this.write(PRIORITY.crit, msg);
  }
}

/** Go's time.Duration String() for whole seconds: 2s, 1m4s, 4m16s. */
export function goSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return `${m}m${rest}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${rest}s`;
}
