import type { CommandNode } from './ast.ts';
import type { SignalName } from './process.ts';

/** A background job (`cmd &`): `%n` is its number, `$!` its pid. */
export interface Job {
  readonly n: number;
  readonly pid: number;
  readonly done: Promise<number>;
  /** Its exit status once it has ended. */
  status?: number;
  signal(reason: SignalName): void;
}

/** A function call's `local` variables: what each was outside it (undefined: unset). */
export type LocalFrame = Map<string, { value: string | undefined; exported: boolean }>;

/** Puts back what a function's `local` variables hid (bash's dynamic scoping). */
export function restoreLocals(s: ShellState, frame: LocalFrame): void {
  for (const [name, was] of frame) {
    if (was.value === undefined) s.vars.delete(name);
    else s.vars.set(name, was.value);
    if (was.exported) s.exported.add(name);
    else s.exported.delete(name);
  }
}

/** Everything a shell remembers between commands; a subshell works on a copy. */
export interface ShellState {
  vars: Map<string, string>;
  exported: Set<string>;
  cwd: string;
  /** `$?` */
  status: number;
  positional: string[];
  /** `$0` */
  arg0: string;
  functions: Map<string, CommandNode>;
  /** `core`, or `root` under sudo: decides what may be written. */
  user: string;
  /** `$$` */
  pid: number;
  /** `$!` */
  lastBg?: number;
  /** The `local` variables of the functions being run, innermost last. */
  locals: LocalFrame[];
  /** Variables `readonly` (or `declare -r`) froze: assigning or unsetting them fails. */
  readonly: Set<string>;
  /** `alias` definitions (expanded only by an interactive shell). */
  aliases: Map<string, string>;
  /** The lines an interactive shell has read, for `history` (shared with its subshells). */
  history: string[];
  /** This shell's background jobs (a subshell starts with none). */
  jobs: Job[];
  /** Set by `exit`: the shell stops and returns this status. */
  exit?: number;
  /** Set by `return` inside a function. */
  returning?: number;
  /** Set by `break`/`continue`: how many enclosing loops are affected. */
  loopCtl?: { kind: 'break' | 'continue'; n: number };
  /** Set by an expansion error: the rest of the line is dropped (bash's DISCARD), status 1. */
  discard?: boolean;
  /** `set -o` options that are on (long names: errexit, xtrace...). */
  options: Set<string>;
  /** The login shell and its subshells (`i` in `$-`); not a script or `bash -c`. */
  interactive: boolean;
  /** Commands whose status is tested (if/while conditions, `&&`/`||` operands, `!`): `set -e` leaves them. */
  condDepth: number;
  /** `$(...)` nesting: `set -x` repeats PS4's first character once more per level. */
  traceDepth: number;
  /** Functions and sourced files being run (where `return` may be used). */
  callDepth: number;
  /** `$LINENO`: the line of the simple command being run, counted from `lineBase` (the text's first line). */
  lineno: number;
  lineBase: number;
  /** Loops being run (break outside a loop is an error-free no-op in bash). */
  loopDepth: number;
}

export function cloneState(s: ShellState): ShellState {
  return {
    ...s,
    vars: new Map(s.vars),
    exported: new Set(s.exported),
    positional: [...s.positional],
    functions: new Map(s.functions),
    options: new Set(s.options),
    jobs: [],
    aliases: new Map(s.aliases),
    readonly: new Set(s.readonly),
    locals: s.locals.map((f) => new Map(f)),
    exit: undefined,
    returning: undefined,
    loopCtl: undefined,
    discard: undefined,
  };
}

/** How a shell process (subshell, `$(...)`, a pipeline's element) ended: exit, a dropped line, or its last status. */
export function endStatus(state: ShellState, code: number): number {
  return state.exit ?? (state.discard ? 1 : code);
}

/** The environment a command gets: the exported variables, plus `extra` (VAR=value prefixes). */
export function environment(s: ShellState, extra?: Map<string, string>): Map<string, string> {
  // forEach: no entry array per variable (every command gets an environment).
  const env = new Map<string, string>();
  const exported = s.exported;
  s.vars.forEach((v, k) => {
    if (exported.has(k)) env.set(k, v);
  });
  if (extra) extra.forEach((v, k) => env.set(k, v));
  return env;
}

/**
 * Drops the `VAR=value` prefixes that name readonly variables, saying so as bash does; true
 * when there was one.
 */
export function refuseReadonly(s: ShellState, assigns: Map<string, string>, write: (text: string) => void): boolean {
  let refused = false;
  for (const name of assigns.keys()) {
    if (!s.readonly.has(name)) continue;
    write(`bash: ${name}: readonly variable\n`);
    assigns.delete(name);
    refused = true;
  }
  return refused;
}

export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
