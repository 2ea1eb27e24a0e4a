import { defaultRegistry } from './commands/index.ts';
import { complete } from './completion.ts';
import { Interpreter } from './interpreter.ts';
import { freshProcessState, nextPid, setBashVariables } from './runtime.ts';
import { Parser, ShellSyntaxError } from './parser.ts';
import { LOGIN_OPTIONS } from './options.ts';
import { HOME } from './paths.ts';
import type { HostContext, InputStream, OutputStream, ProcessSignal } from './process.ts';
import type { CommandRegistry } from './registry.ts';
import { createSignal, toSignal, type SignalController } from './signal.ts';
import type { ShellState } from './state.ts';
import { StringInput, TerminalInput } from './streams.ts';

export interface ShellOptions {
  /** Extra or overriding environment variables (exported). */
  env?: Record<string, string> | Map<string, string>;
  /** The commands this shell knows; the default registry when absent. */
  registry?: CommandRegistry;
  cwd?: string;
}

export interface RunIO {
  /** A string (a here-string, `exec`'s stdin) or a stream; absent: the terminal (reads wait for Ctrl-C). */
  stdin?: string | InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Interrupts the line: Ctrl-C (`SIGINT`), the host going down (`SIGTERM`), exec's timeout. */
  signal?: ProcessSignal | SignalController;
}

/** A login environment's names and values, in order (arrays: copied into a Map with a plain loop). */
interface LoginVars {
  readonly names: readonly string[];
  readonly values: readonly string[];
}

/**
 * The login environment by /etc/environment's text (undefined: no file), to copy: every
 * command a headless caller runs logs in afresh.
 */
const loginEnvCache = new Map<string | undefined, LoginVars>();

function loginVars(host: HostContext): LoginVars {
  const etcEnv = host.fs.read('/etc/environment');
  let base = loginEnvCache.get(etcEnv);
  if (base === undefined) {
    if (loginEnvCache.size >= 64) loginEnvCache.clear();
    // Through a Map: a name /etc/environment sets again keeps its first place.
    const vars = new Map(loginEnvironment(etcEnv));
    loginEnvCache.set(etcEnv, (base = { names: [...vars.keys()], values: [...vars.values()] }));
  }
  return base;
}

/** What a `vagrant ssh` login on coreos-vagrant has in its environment. */
function loginEnvironment(etcEnv: string | undefined): [string, string][] {
  const env: [string, string][] = [
    ['HOME', HOME],
    ['USER', 'core'],
    ['LOGNAME', 'core'],
    ['SHELL', '/bin/bash'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/bin'],
    ['PWD', HOME],
    ['LANG', 'en_US.UTF-8'],
    ['TERM', 'xterm-256color'],
    ['SHLVL', '1'],
  ];
  // pam_env reads /etc/environment at login: COREOS_PUBLIC_IPV4 and COREOS_PRIVATE_IPV4.
  if (etcEnv) for (const kv of parseEtcEnvironment(etcEnv)) env.push([kv[0], kv[1]]);
  return env;
}

/** /etc/environment files parsed (every command a headless caller runs logs in afresh). */
const etcEnvCache = new Map<string, readonly (readonly [string, string])[]>();

function parseEtcEnvironment(text: string): readonly (readonly [string, string])[] {
  let vars = etcEnvCache.get(text);
  if (vars) return vars;
  const parsed: [string, string][] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) parsed.push([m[1]!, m[2]!.replace(/^"(.*)"$/, '$1')]);
  }
  // One file per machine; a learner editing it only ever adds a few.
  if (etcEnvCache.size >= 64) etcEnvCache.clear();
  etcEnvCache.set(text, (vars = parsed));
  return vars;
}

/** bash's default history size. */
const HISTSIZE = 500;

/**
 * The login shell of one host (bash as `vagrant ssh` gives it): keeps its variables, working
 * directory and `$?` from one line to the next.
 */
export class Shell {
  readonly state: ShellState;
  readonly registry: CommandRegistry;
  private interp: Interpreter;
  private linesRead = 0;

  constructor(
    readonly host: HostContext,
    opts: ShellOptions = {},
  ) {
    this.registry = opts.registry ?? defaultRegistry;
    this.interp = new Interpreter(host, this.registry);
    const login = loginVars(host);
    const vars = new Map<string, string>();
    for (let i = 0; i < login.names.length; i++) vars.set(login.names[i]!, login.values[i]!);
    const exported = new Set(login.names);
    if (opts.env !== undefined) {
      const extra = opts.env instanceof Map ? [...opts.env] : Object.entries(opts.env);
      for (const [k, v] of extra) {
        vars.set(k, v);
        exported.add(k);
      }
    }
    // bash's own variables, not exported.
    vars.set('HOSTNAME', host.name);
    const cwd = opts.cwd ?? HOME;
    vars.set('PWD', cwd);
    const pid = nextPid(host);
    // The login shell's parent is the sshd process that forked it just before.
    setBashVariables(vars, 'core', pid - 1);
    this.state = {
      vars,
      exported,
      cwd,
      status: 0,
      positional: [],
      arg0: '-bash',
      functions: new Map(),
      user: 'core',
      pid,
      options: new Set(LOGIN_OPTIONS),
      interactive: true,
      ...freshProcessState(),
    };
  }

  /** `$?` after the last line. */
  get lastExitCode(): number {
    return this.state.status;
  }

  get cwd(): string {
    return this.state.cwd;
  }

  /** The exported environment, as `env` prints it. */
  get env(): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.state.vars) if (this.state.exported.has(k)) env.set(k, v);
    return env;
  }

  /** A controller to interrupt a line: pass `.signal` (or the controller) to `run`. */
  createSignal(): SignalController {
    return createSignal();
  }

  /**
   * Runs one line (or several, separated by newlines) and resolves with its exit status.
   * Never rejects: syntax errors and failures are printed the way bash prints them.
   */
  async run(line: string, io: RunIO): Promise<number> {
    const signal = toSignal(io.signal) ?? createSignal().signal;
    const stdin = typeof io.stdin === 'string' ? new StringInput(io.stdin) : (io.stdin ?? new TerminalInput(signal, this.host));
    const ctx = { state: this.state, io: { stdin, stdout: io.stdout, stderr: io.stderr }, signal };
    // A typed line ends in a newline: `for` stops at it, a trailing backslash escapes it.
    const text = line.endsWith('\n') ? line : line + '\n';
    // What `history` lists: each line read (bash keeps none that are empty), up to HISTSIZE.
    const hist = this.state.history;
    // $LINENO counts the lines an interactive shell has read.
    this.state.lineBase = this.linesRead + 1;
    if (text.indexOf('\n') === text.length - 1) {
      // One line (most are): no splitting.
      if (line.trim() !== '') hist.push(text.slice(0, -1));
      this.linesRead++;
    } else {
      for (const l of line.split('\n')) if (l.trim() !== '') hist.push(l);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.linesRead++;
    }
    if (hist.length > HISTSIZE) hist.splice(0, hist.length - HISTSIZE);
    let status: number;
    try {
      status = await this.interp.runText(text, ctx);
    } catch (e) {
      io.stderr.write(`bash: ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    // `exit` ends the line; the playground's terminal keeps its session.
    this.state.exit = undefined;
    this.state.returning = undefined;
    this.state.loopCtl = undefined;
    this.state.discard = undefined;
    this.state.status = status;
    return status;
  }

  /** Candidates for the word before the cursor (whole words; directories end with `/`). */
  completions(lineBeforeCursor: string): string[] {
    try {
      return complete(lineBeforeCursor, this.registry, this.state, this.host.fs);
    } catch {
      return [];
    }
  }

  /**
   * True when the line is unfinished (open quote, `if` without `fi`, a trailing backslash, a
   * here-document without its delimiter yet): a terminal shows `> ` and runs the lines joined
   * by newlines.
   */
  isIncomplete(line: string): boolean {
    try {
      // As typed: the line ends in a newline, which a trailing backslash escapes.
      const parser = new Parser(line + '\n');
      parser.parseProgram();
      return parser.continued || parser.heredocCut;
    } catch (e) {
      return e instanceof ShellSyntaxError && e.atEof;
    }
  }
}
