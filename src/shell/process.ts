import type { FileSystem } from '../host/filesystem.ts';
import type { Journal } from '../host/journal.ts';
import type { Units } from '../host/units.ts';
import type { HttpClientHandlers, HttpConnection, HttpOutgoing, HttpTarget } from '../sim/http.ts';

/** What a running command may use of the host it runs on. Implemented by the host layer. */
export interface HostContext {
  readonly name: string;
  /** The host's private address, e.g. 172.17.8.101. */
  readonly ip: string;
  readonly fs: FileSystem;
  /** The host's systemd journal (journalctl reads it); absent on bare test hosts. */
  readonly journal?: Journal;
  /** The host's systemd (systemctl drives it); absent on bare test hosts. */
  readonly units?: Units;
  /** Virtual milliseconds since the world began. */
  now(): number;
  /** Opens an HTTP connection from this host (127.0.0.1 means this host). */
  http(target: HttpTarget, out: HttpOutgoing, handlers: HttpClientHandlers): HttpConnection;
  /** Calls `fn` after `ms` virtual milliseconds; returns a canceller. */
  setTimer(fn: () => void, ms: number): () => void;
  /**
   * Settles an async continuation at the current virtual moment. Every promise a command
   * awaits that the world settles must be settled through this, so the driver lets the
   * continuation run before virtual time moves on.
   */
  wake(settle: () => void): void;
}

export interface OutputStream {
  write(s: string): void;
}

export interface InputStream {
  /** Next chunk, or null at end of input. */
  read(): Promise<string | null>;
  /** Everything up to end of input. */
  readAll(): Promise<string>;
  /** True when stdin is a terminal (nothing piped in). */
  readonly isTTY: boolean;
}

export type SignalName = 'SIGINT' | 'SIGTERM' | 'timeout';

export interface ProcessSignal {
  readonly aborted: boolean;
  readonly reason?: SignalName;
  /** Registers a callback run once when the process is interrupted; returns an unsubscriber. */
  onAbort(cb: (reason: SignalName) => void): () => void;
}

export interface Process {
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  host: HostContext;
  signal: ProcessSignal;
  /** Waits `ms` virtual ms; resolves false early if the process is interrupted. */
  sleep(ms: number): Promise<boolean>;
  /** Runs another command line (for exec-watch and shell builtins that spawn). */
  run(commandLine: string, env?: Map<string, string>): Promise<number>;
  /** exec.LookPath for a bare name: whether $PATH has that program. Absent: assume it does. */
  lookPath?(name: string): boolean;
}

/** A command: resolves with its exit code. Never throws for bad input: prints and returns. */
export type Command = (proc: Process) => Promise<number>;
