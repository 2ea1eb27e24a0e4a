import type { AndOrNode, CommandNode, ListNode, PipelineNode, SimpleNode, Word } from './ast.ts';
import { ExpansionError, expandAssignment, expandWords, type ExpandContext } from './expand.ts';
import { Parser, plainLine, ShellSyntaxError } from './parser.ts';
import { resolvePath } from './paths.ts';
import { runFile } from './script.ts';
import type { Command, HostContext, Process, ProcessSignal } from './process.ts';
import { applyRedirs, RedirectError, type IO } from './redirect.ts';
import { BASH_BUILTINS, type BuiltinContext, type CommandRegistry } from './registry.ts';
import { interruptedStatus, runCase, runFor, runIf, runWhile } from './compound.ts';
import { runPipe } from './pipeline.ts';
import { childState, nextPid, sleepFor } from './runtime.ts';
import { createSignal } from './signal.ts';
import { cloneState, endStatus, environment, refuseReadonly, restoreLocals, type Job, type LocalFrame, type ShellState } from './state.ts';
import { CaptureOutput, StringInput } from './streams.ts';
import { traceLines } from './trace.ts';

/** One running shell context: its state, streams and signal. Subshells get their own. */
export interface Ctx {
  state: ShellState;
  io: IO;
  signal: ProcessSignal;
}

/** Directories whose programs are the registry's (`/usr/bin/etcdctl` is `etcdctl`). */
const BIN_DIRS = new Set(['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/opt/bin', '/usr/local/bin']);
/** Builtins whose `NAME=value` arguments are not split (bash's declaration commands). */
const DECLARATION = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);

/** Runs syntax trees: lists, pipelines, compound commands and simple commands. */
export class Interpreter {
  constructor(
    readonly host: HostContext,
    readonly registry: CommandRegistry,
  ) {}

  stopped(ctx: Ctx): boolean {
    const s = ctx.state;
    return ctx.signal.aborted || s.exit !== undefined || s.returning !== undefined || s.loopCtl !== undefined || s.discard === true;
  }

  /** Parses and runs shell text line by line, printing syntax errors as bash does. */
  async runText(text: string, ctx: Ctx): Promise<number> {
    // An alias can stand for anything: such a line needs the parser.
    const aliases = ctx.state.interactive && ctx.state.aliases.size > 0 ? ctx.state.aliases : undefined;
    const plain = aliases ? undefined : plainLine(text);
    if (plain !== undefined) {
      // A line of plain words (most lines): the loop below with its one line, without a parser.
      const status = await this.runLine(plain, ctx);
      return ctx.state.exit ?? status;
    }
    const parser = new Parser(text, aliases);
    let status = ctx.state.status;
    for (;;) {
      let list: ListNode | null;
      try {
        list = parser.nextLine();
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        for (const l of e.lines) ctx.io.stderr.write(`bash: ${l}\n`);
        ctx.state.status = 2;
        return 2;
      }
      if (parser.warnings.length > 0) for (const w of parser.warnings.splice(0)) ctx.io.stderr.write(`bash: ${w}\n`);
      if (!list) break;
      status = await this.runLine(list, ctx);
      if (ctx.state.discard) {
        // subst.c's exp_jump_to_top_level(DISCARD): the line is dropped, the next one is read.
        ctx.state.discard = undefined;
        status = ctx.state.status = 1;
      }
      if (ctx.state.exit !== undefined || ctx.state.returning !== undefined || ctx.signal.aborted) break;
    }
    return ctx.state.exit ?? status;
  }

  /**
   * One parsed line. The common line, one simple command, goes straight to it: no list, and-or
   * and pipeline layers (three promises) around it.
   */
  private runLine(list: ListNode, ctx: Ctx): Promise<number> {
    const simple = singleCommand(list);
    // Under `set -e` the pipeline layer decides whether the shell exits.
    const direct = simple && !this.stopped(ctx) && !ctx.state.options.has('errexit');
    return direct ? this.runSimple(simple, ctx) : this.runList(list, ctx);
  }

  async runList(list: ListNode, ctx: Ctx): Promise<number> {
    let status = 0;
    for (const item of list.items) {
      if (this.stopped(ctx)) {
        status = interruptedStatus(ctx, status);
        break;
      }
      if (item.background) {
        this.background(item.node, ctx);
        status = 0;
        continue;
      }
      status = await this.runAndOr(item.node, ctx);
    }
    return status;
  }

  /** `cmd &`: runs on its own; the terminal's Ctrl-C does not reach it. */
  private background(node: AndOrNode, ctx: Ctx): void {
    const ctl = createSignal(ctx.signal, ['SIGINT']);
    const state = cloneState(ctx.state);
    const jobs = ctx.state.jobs;
    ctx.state.lastBg = state.pid = nextPid(this.host);
    const io = { ...ctx.io, stdin: new StringInput('') };
    const done = this.runAndOr(node, { state, io, signal: ctl.signal }).then(
      (code) => (job.status = endStatus(state, code)),
      () => (job.status = 1),
    );
    // Numbered after the highest job still running, as bash numbers them.
    let n = 1;
    for (const j of jobs) if (j.status === undefined && j.n >= n) n = j.n + 1;
    const job: Job = { n, pid: state.pid, done, signal: ctl.interrupt };
    jobs.push(job);
    // bash remembers ended jobs' statuses for `wait`, up to a limit (CHILD_MAX).
    if (jobs.length > 64) jobs.splice(0, jobs.length - 64);
  }

  private async runAndOr(node: AndOrNode, ctx: Ctx): Promise<number> {
    const rest = node.rest;
    // Every operand but the last is tested: `set -e` leaves it alone.
    let status = await this.runPipeline(node.first, ctx, rest.length > 0);
    for (let i = 0; i < rest.length; i++) {
      if (this.stopped(ctx)) break;
      const { op, node: next } = rest[i]!;
      if ((op === '&&') === (status === 0)) status = await this.runPipeline(next, ctx, i < rest.length - 1);
    }
    return status;
  }

  private async runPipeline(p: PipelineNode, ctx: Ctx, tested: boolean): Promise<number> {
    const st = ctx.state;
    const cond = tested || p.bang;
    if (cond) st.condDepth++;
    let status: number;
    try {
      status = await (p.cmds.length === 1 ? this.runCommand(p.cmds[0]!, ctx) : runPipe(this, p.cmds, ctx));
    } finally {
      if (cond) st.condDepth--;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    st.status = status;
    // set -e: a failure nothing tests ends the shell (execute_cmd.c, exit_immediately_on_error).
    if (status !== 0 && !cond && st.condDepth === 0 && st.options.has('errexit') && !this.stopped(ctx)) st.exit = status;
    return status;
  }

  /** Not async itself: a simple command's promise is handed on as it is (no extra promise to adopt). */
  runCommand(node: CommandNode, ctx: Ctx): Promise<number> {
    return node.type === 'simple' ? this.runSimple(node, ctx) : this.runCompound(node, ctx);
  }

  private async runCompound(node: Exclude<CommandNode, SimpleNode>, ctx: Ctx): Promise<number> {
    if (node.type === 'function') {
      ctx.state.functions.set(node.name, node.body);
      return 0;
    }
    let io: IO;
    try {
      io = await applyRedirs(node.redirs, ctx.io, this.host, this.expandCtx(ctx));
    } catch (e) {
      return this.expansionFailed(e, ctx);
    }
    const inner: Ctx = { ...ctx, io };
    switch (node.type) {
      case 'if':
        return runIf(this, node, inner);
      case 'while':
        return runWhile(this, node, inner);
      case 'for':
        return runFor(this, node, inner);
      case 'case':
        return runCase(this, node, inner);
      case 'group':
        return this.runList(node.body, inner);
      case 'subshell': {
        const state = cloneState(ctx.state);
        const code = await this.runList(node.body, { ...inner, state });
        return endStatus(state, code);
      }
    }
  }

  expandCtx(ctx: Ctx): ExpandContext {
    return {
      state: ctx.state,
      fs: this.host.fs,
      substitute: async (body) => {
        // $(...) runs in a subshell; its status becomes $? for an assignment-only command.
        const out = new CaptureOutput();
        const state = cloneState(ctx.state);
        // bash 4.3's $(...) does not inherit -e (no inherit_errexit yet); its trace is one level deeper.
        state.options.delete('errexit');
        state.traceDepth++;
        const code = await this.runList(body, { state, io: { ...ctx.io, stdout: out }, signal: ctx.signal });
        ctx.state.status = endStatus(state, code);
        return out.text;
      },
    };
  }

  /** An expansion error drops the rest of the line; a redirection that fails only its command. */
  expansionFailed(e: unknown, ctx: Ctx): number {
    if (e instanceof ExpansionError || e instanceof RedirectError) {
      ctx.io.stderr.write(`bash: ${e.message}\n`);
      if (e instanceof ExpansionError) ctx.state.discard = true;
      ctx.state.status = 1;
      return 1;
    }
    throw e;
  }

  private async runSimple(node: SimpleNode, ctx: Ctx): Promise<number> {
    const st = ctx.state;
    st.lineno = st.lineBase + node.line;
    const ectx = this.expandCtx(ctx);
    let argv: string[];
    // `VAR=value cmd` prefixes; most commands have none.
    let assigns: Map<string, string> | undefined;
    let io: IO;
    try {
      const first = node.words[0];
      const decl = first && first.parts.length === 1 && first.parts[0]!.kind === 'lit' && DECLARATION.has(first.parts[0]!.text);
      const words = expandWords(node.words, ectx, decl ? isAssignmentWord : undefined);
      argv = Array.isArray(words) ? words : await words;
      for (const a of node.assigns) {
        const v = await expandAssignment(a.value, ectx);
        assigns ??= new Map();
        assigns.set(a.name, a.append ? (assigns.get(a.name) ?? st.vars.get(a.name) ?? '') + v : v);
      }
      if (node.redirs.length > 0) io = await applyRedirs(node.redirs, ctx.io, this.host, ectx);
      else io = ctx.io;
    } catch (e) {
      return this.expansionFailed(e, ctx);
    }
    if (st.options.has('xtrace')) ctx.io.stderr.write(traceLines(st, assigns, argv));
    // A readonly variable: a prefix is dropped, a plain assignment drops the line (DISCARD).
    if (assigns && st.readonly.size > 0 && refuseReadonly(st, assigns, (s) => ctx.io.stderr.write(s)) && argv.length === 0) {
      st.discard = true;
      return (st.status = 1);
    }
    if (argv.length === 0) {
      if (assigns) for (const [k, v] of assigns) st.vars.set(k, v);
      // With only assignments, $? is that of the last command substitution (or 0).
      const status = node.words.length === 0 && node.assigns.some((a) => hasSubst(a.value)) ? st.status : 0;
      st.status = status;
      return status;
    }
    const status = await this.exec(argv, { state: st, io, signal: ctx.signal }, assigns);
    st.status = status;
    return status;
  }

  /** Runs a command by its argument vector: function, builtin, program, or a script file. */
  async exec(argv: string[], ctx: Ctx, assigns?: Map<string, string>, envOverride?: Map<string, string>): Promise<number> {
    const st = ctx.state;
    const name = argv[0]!;
    const fn = st.functions.get(name);
    if (fn && !envOverride) return this.callFunction(fn, argv, ctx);
    const env = envOverride ?? environment(st, assigns);
    // bash hands a program its own path in `_` (the last line `env` prints).
    if (!envOverride && !BASH_BUILTINS.has(name)) {
      env.delete('_');
      env.set('_', name.includes('/') ? name : `/usr/bin/${name}`);
    }
    const builtin = this.registry.builtin(name);
    if (builtin) {
      const proc = this.process(argv, env, ctx);
      try {
        return await builtin(proc, this.builtinContext(ctx, env));
      } catch (e) {
        return this.died(name, e, ctx);
      }
    }
    let cmd: Command | undefined = name.includes('/') ? undefined : this.registry.command(name);
    if (!cmd && name.includes('/')) {
      const abs = resolvePath(st.cwd, name);
      const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
      const base = abs.slice(abs.lastIndexOf('/') + 1);
      if (BIN_DIRS.has(dir)) cmd = this.registry.command(base);
      if (!cmd) return runFile(this, name, abs, argv, env, ctx);
    }
    if (!cmd) {
      ctx.io.stderr.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    const proc = this.process(argv, env, ctx);
    try {
      return await cmd(proc);
    } catch (e) {
      return this.died(name, e, ctx);
    }
  }

  /** A command should never throw; if one does, it dies with a message instead of the shell. */
  private died(name: string, e: unknown, ctx: Ctx): number {
    ctx.io.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }

  /** Runs text in this shell (`source`) or a child shell with the given environment. */
  async runScript(text: string, opts: { arg0: string; args: string[]; inherit: boolean; env?: Map<string, string> }, ctx: Ctx): Promise<number> {
    if (opts.inherit) {
      const st = ctx.state;
      const saved = st.positional;
      const savedBase = st.lineBase;
      if (opts.args.length) st.positional = opts.args;
      st.callDepth++;
      st.lineBase = 1;
      try {
        const code = await this.runText(text, ctx);
        return st.returning ?? code;
      } finally {
        st.callDepth--;
        st.lineBase = savedBase;
        st.positional = saved;
        st.returning = undefined;
      }
    }
    const state = childState(this.host, ctx.state, opts.env ?? environment(ctx.state));
    state.arg0 = opts.arg0;
    state.positional = opts.args;
    const code = await this.runText(text, { ...ctx, state });
    return code;
  }

  private async callFunction(body: CommandNode, argv: string[], ctx: Ctx): Promise<number> {
    const st = ctx.state;
    const saved = st.positional;
    st.positional = argv.slice(1);
    st.callDepth++;
    const frame: LocalFrame = new Map();
    st.locals.push(frame);
    try {
      const code = await this.runCommand(body, ctx);
      return st.returning ?? code;
    } finally {
      st.callDepth--;
      st.locals.pop();
      restoreLocals(st, frame);
      st.positional = saved;
      st.returning = undefined;
    }
  }

  process(argv: string[], env: Map<string, string>, ctx: Ctx): Process {
    const host = this.host;
    return {
      argv,
      env,
      cwd: ctx.state.cwd,
      stdin: ctx.io.stdin,
      stdout: ctx.io.stdout,
      stderr: ctx.io.stderr,
      host,
      signal: ctx.signal,
      sleep: (ms) => sleepFor(host, ctx.signal, ms),
      run: (line, runEnv) => {
        const state = childState(this.host, ctx.state, runEnv ?? env);
        return this.runText(line, { state, io: ctx.io, signal: ctx.signal });
      },
      lookPath: (name) => this.registry.onPath(name),
    };
  }

  /** `env`: the builtin's environment (with its `VAR=value` prefixes), which a child shell it starts inherits. */
  private builtinContext(ctx: Ctx, env: Map<string, string>): BuiltinContext {
    return {
      state: ctx.state,
      registry: this.registry,
      runScript: (text, opts) => this.runScript(text, opts.inherit ? opts : { ...opts, env }, ctx),
      eval: (text) => this.runText(text, ctx),
      exec: (argv, opts = {}) => {
        const state = opts.user ? { ...cloneState(ctx.state), user: opts.user } : ctx.state;
        return this.exec(argv, { ...ctx, state }, undefined, opts.env);
      },
    };
  }
}

/** The line's only command when it is one simple command (no `&`, `&&`, `||`, `|` or `!`). */
function singleCommand(list: ListNode): SimpleNode | undefined {
  if (list.items.length !== 1) return undefined;
  const item = list.items[0]!;
  if (item.background || item.node.rest.length > 0) return undefined;
  const p = item.node.first;
  return !p.bang && p.cmds.length === 1 && p.cmds[0]!.type === 'simple' ? p.cmds[0] : undefined;
}

function isAssignmentWord(w: Word): boolean {
  const f = w.parts[0];
  return f?.kind === 'lit' && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(f.text);
}

function hasSubst(w: Word): boolean {
  return w.parts.some((p) => p.kind === 'cmd' || (p.kind === 'dq' && hasSubst({ parts: p.parts })));
}
