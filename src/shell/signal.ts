import type { ProcessSignal, SignalName } from './process.ts';

/** The sending side of a ProcessSignal: Ctrl-C, a timeout, the host going down. */
export interface SignalController {
  readonly signal: ProcessSignal;
  interrupt(reason: SignalName): void;
}

/** A signal's state; a class so that making one per command line is cheap. */
class OneShotSignal implements ProcessSignal {
  aborted = false;
  reason: SignalName | undefined = undefined;
  private cbs: ((r: SignalName) => void)[] = [];

  onAbort(cb: (r: SignalName) => void): () => void {
    if (this.aborted) {
      cb(this.reason!);
      return () => undefined;
    }
    const cbs = this.cbs;
    cbs.push(cb);
    return () => {
      const i = cbs.indexOf(cb);
      if (i >= 0) cbs.splice(i, 1);
    };
  }

  fire(r: SignalName): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = r;
    for (const cb of this.cbs.splice(0)) cb(r);
  }
}

/**
 * A signal that fires once. A child signal (a process inside a pipeline, a background job)
 * also fires when its parent does, unless `ignore` lists the parent's reason — background
 * jobs do not get the terminal's SIGINT, as they are not in the foreground process group.
 */
export function createSignal(parent?: ProcessSignal, ignore: SignalName[] = []): SignalController {
  const signal = new OneShotSignal();
  const interrupt = (r: SignalName) => signal.fire(r);
  if (parent) {
    parent.onAbort((r) => {
      if (!ignore.includes(r)) interrupt(r);
    });
  }
  return { signal, interrupt };
}

/** Exit status of a process killed by a signal it does not handle (128 + signal number). */
export function killedStatus(reason: SignalName | undefined): number {
  return reason === 'SIGINT' ? 130 : 143;
}

/** Accepts a bare ProcessSignal or a controller holding one. */
export function toSignal(s: ProcessSignal | SignalController | undefined): ProcessSignal | undefined {
  if (!s) return undefined;
  return 'signal' in s && typeof (s as SignalController).interrupt === 'function' ? (s as SignalController).signal : (s as ProcessSignal);
}
