import type { ProcessSignal, SignalName } from './process.ts';

/** The sending side of a ProcessSignal: Ctrl-C, a timeout, the host going down. */
export interface SignalController {
  readonly signal: ProcessSignal;
  interrupt(reason: SignalName): void;
}

/**
 * A signal that fires once. A child signal (a process inside a pipeline, a background job)
 * also fires when its parent does, unless `ignore` lists the parent's reason — background
 * jobs do not get the terminal's SIGINT, as they are not in the foreground process group.
 */
export function createSignal(parent?: ProcessSignal, ignore: SignalName[] = []): SignalController {
  let aborted = false;
  let reason: SignalName | undefined;
  const cbs: ((r: SignalName) => void)[] = [];
  const signal: ProcessSignal = {
    get aborted() {
      return aborted;
    },
    get reason() {
      return reason;
    },
    onAbort(cb) {
      if (aborted) {
        cb(reason!);
        return () => undefined;
      }
      cbs.push(cb);
      return () => {
        const i = cbs.indexOf(cb);
        if (i >= 0) cbs.splice(i, 1);
      };
    },
  };
  const interrupt = (r: SignalName) => {
    if (aborted) return;
    aborted = true;
    reason = r;
    for (const cb of cbs.splice(0)) cb(r);
  };
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
