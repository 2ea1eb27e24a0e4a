import { SCRIPT_OPTIONS } from './options.ts';
import type { HostContext, ProcessSignal } from './process.ts';
import type { ShellState } from './state.ts';

/** Process ids for `$$` and `$!`, counted per host so every run numbers them alike. */
const pidSeqs = new WeakMap<HostContext, number>();
export function nextPid(host: HostContext): number {
  const pid = (pidSeqs.get(host) ?? 1000) + 1;
  pidSeqs.set(host, pid);
  return pid;
}

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

/** The bash the CoreOS of 2016 shipped (`help`'s first line, `$BASH_VERSION`). */
export const BASH_VERSION = '4.3.42(1)-release';

/** What bash sets itself at startup (variables.c), not exported: core is uid 500 on CoreOS. */
export function setBashVariables(vars: Map<string, string>, user: string, ppid: number): void {
  const uid = user === 'root' ? '0' : '500';
  vars.set('BASH_VERSION', BASH_VERSION);
  vars.set('UID', uid);
  vars.set('EUID', uid);
  vars.set('PPID', String(ppid));
}

/** What bash makes readonly at startup. */
export const BASH_READONLY: readonly string[] = ['UID', 'EUID', 'PPID'];

/** A new shell process (sh -c, a script, exec-watch's command): only the environment is inherited. */
export function childState(host: HostContext, parent: ShellState, env: Map<string, string>): ShellState {
  const vars = new Map(env);
  setBashVariables(vars, parent.user, parent.pid);
  return {
    vars,
    exported: new Set(env.keys()),
    cwd: parent.cwd,
    status: 0,
    positional: [],
    arg0: 'bash',
    functions: new Map(),
    user: parent.user,
    pid: nextPid(host),
    options: new Set(SCRIPT_OPTIONS),
    interactive: false,
    ...freshProcessState(),
  };
}

/** What every new bash process starts with: no jobs, aliases, history or locals, nothing nested. */
export function freshProcessState() {
  return {
    loopDepth: 0,
    condDepth: 0,
    traceDepth: 0,
    callDepth: 0,
    jobs: [],
    aliases: new Map<string, string>(),
    readonly: new Set(BASH_READONLY),
    history: [] as string[],
    locals: [],
    lineno: 0,
    lineBase: 1,
  };
}
