import type { Process, SignalName } from '../../process.ts';
import { ClusterError, type GoError } from './client/errors.ts';

/** etcdctl/command/error.go's exit codes. */
export const ExitSuccess = 0;
export const ExitBadArgs = 1;
export const ExitBadConnection = 2;
export const ExitBadAuth = 3;
export const ExitServerError = 4;
export const ExitClusterNotHealthy = 5;

/** Thrown to end the command with a code, as os.Exit does in etcdctl; caught by the entry point. */
export class Exit {
  constructor(readonly code: number) {}
}

/** Shell exit status of a Go program killed by a signal it does not handle (128 + signo). */
const KILLED_BY: Record<SignalName, number> = { SIGINT: 130, SIGTERM: 143, timeout: 143 };

/** One etcdctl invocation: its process and how it reacts to signals. */
export class Runtime {
  /**
   * watch, exec-watch and `cluster-health --forever` catch os.Interrupt and exit 0
   * (signal.Notify + os.Exit(0)); everything else dies of the signal.
   */
  exitZeroOnInterrupt = false;

  constructor(readonly proc: Process) {}

  out(s: string): void {
    this.proc.stdout.write(s);
  }

  err(s: string): void {
    this.proc.stderr.write(s);
  }

  exit(code: number): never {
    throw new Exit(code);
  }

  /** The Exit for an interruption. */
  interrupted(reason: SignalName): Exit {
    if (reason === 'SIGINT' && this.exitZeroOnInterrupt) return new Exit(0);
    return new Exit(KILLED_BY[reason]);
  }

  /** handleError: `Error:  <err>` (Fprintln's space plus the one in "Error: "), cluster detail, exit. */
  fail(code: number, err: GoError | string): never {
    const msg = typeof err === 'string' ? err : err.message;
    this.err(`Error:  ${msg}\n`);
    if (err instanceof ClusterError) this.err(`${err.detail()}\n`);
    throw new Exit(code);
  }
}
