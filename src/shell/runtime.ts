import type { HostContext, ProcessSignal } from './process.ts';
import type { ShellState } from './state.ts';

let pidSeq = 1000;
/** Process ids for `$$` and `$!`. */
export const nextPid = () => ++pidSeq;

/** Waits `ms` virtual ms; resolves false at once if the signal fires first. */
export function sleepFor(host: HostContext, signal: ProcessSignal, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    let off = () => {};
    const cancel = host.setTimer(() => {
      off();
      host.wake(() => resolve(true));
    }, ms);
    off = signal.onAbort(() => {
      cancel();
      host.wake(() => resolve(false));
    });
  });
}

/** A new shell process (sh -c, a script, exec-watch's command): only the environment is inherited. */
export function childState(parent: ShellState, env: Map<string, string>): ShellState {
  return {
    vars: new Map(env),
    exported: new Set(env.keys()),
    cwd: parent.cwd,
    status: 0,
    positional: [],
    arg0: 'bash',
    functions: new Map(),
    user: parent.user,
    pid: nextPid(),
    loopDepth: 0,
  };
}
