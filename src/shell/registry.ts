import type { Command, Process } from './process.ts';
import type { ShellState } from './state.ts';

/** Builtins with no program of the same name on $PATH (`which` and exec.LookPath miss them). */
const SHELL_ONLY = new Set(['cd', 'export', 'unset', 'read', 'source', '.', 'exit', 'return', 'break', 'continue', 'help', 'type', 'eval', 'let', 'local', 'wait', 'alias', 'unalias', 'history', 'declare', 'typeset', 'readonly']);

/** Names bash runs itself rather than from /usr/bin (for `type`, and `$_` in the environment). */
export const BASH_BUILTINS = new Set([
  'echo', 'printf', 'pwd', 'test', '[', 'true', 'false', ':', 'cd', 'export', 'unset', 'read', 'source', '.',
  'exit', 'return', 'break', 'continue', 'help', 'type', 'kill', 'set', 'shift', 'eval', 'let', 'local', 'wait', 'alias', 'unalias', 'history',
  'declare', 'typeset', 'readonly',
]);

/** What a shell builtin may use beyond its process: the shell itself. */
export interface BuiltinContext {
  readonly state: ShellState;
  readonly registry: CommandRegistry;
  /**
   * Runs shell text with the builtin's standard streams: in this shell (`source`) or in a child
   * shell with its own positional parameters (`sh -c`, `bash script`).
   */
  runScript(text: string, opts: { arg0: string; args: string[]; inherit: boolean }): Promise<number>;
  /** Parses and runs text in this shell, as typed (`eval`). */
  eval(text: string): Promise<number>;
  /** Runs a command by its argument vector (`sudo cmd`, `env X=1 cmd`). */
  exec(argv: string[], opts?: { user?: string; env?: Map<string, string> }): Promise<number>;
}

/** A command that needs the shell (cd, export, read, source...): bash runs these in-process. */
export type Builtin = (proc: Process, sh: BuiltinContext) => Promise<number>;

/**
 * Tab-completion words for a command's arguments: a fixed list (offered for the first argument),
 * or a function of the arguments typed so far and the word being completed.
 */
export type Completer = readonly string[] | ((args: string[], current: string) => string[]);

/** The commands a shell can run, by name, with their completions. */
export class CommandRegistry {
  private commands = new Map<string, Command>();
  private builtins = new Map<string, Builtin>();
  private completers = new Map<string, Completer>();

  /** Adds a program (found in /usr/bin). A completer may come with it. */
  register(name: string, cmd: Command, completer?: Completer): this {
    this.commands.set(name, cmd);
    if (completer) this.completers.set(name, completer);
    return this;
  }

  /** Adds a shell builtin. */
  registerBuiltin(name: string, b: Builtin, completer?: Completer): this {
    this.builtins.set(name, b);
    if (completer) this.completers.set(name, completer);
    return this;
  }

  /** Sets the completion words of a command's arguments. */
  registerCompletion(name: string, completer: Completer): this {
    this.completers.set(name, completer);
    return this;
  }

  command(name: string): Command | undefined {
    return this.commands.get(name);
  }

  builtin(name: string): Builtin | undefined {
    return this.builtins.get(name);
  }

  has(name: string): boolean {
    return this.commands.has(name) || this.builtins.has(name);
  }

  isBuiltin(name: string): boolean {
    return this.builtins.has(name);
  }

  /** Whether a program of this name is on $PATH (what `which` and Go's exec.LookPath find). */
  onPath(name: string): boolean {
    return this.has(name) && !(this.builtins.has(name) && SHELL_ONLY.has(name));
  }

  /** Every command and builtin name, sorted. */
  names(): string[] {
    return [...new Set([...this.commands.keys(), ...this.builtins.keys()])].sort();
  }

  /** Completion candidates for the word `current` after `args` of command `name`, or undefined. */
  complete(name: string, args: string[], current: string): string[] | undefined {
    const c = this.completers.get(name);
    if (!c) return undefined;
    if (typeof c === 'function') return c(args, current);
    if (args.length > 0) return undefined;
    return (c as readonly string[]).filter((w) => w.startsWith(current));
  }

  /** A copy, so a test or a sandbox can add commands without touching the default one. */
  clone(): CommandRegistry {
    const r = new CommandRegistry();
    for (const [k, v] of this.commands) r.commands.set(k, v);
    for (const [k, v] of this.builtins) r.builtins.set(k, v);
    for (const [k, v] of this.completers) r.completers.set(k, v);
    return r;
  }
}
