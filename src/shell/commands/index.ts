import type { Command } from '../process.ts';
import { CommandRegistry, type Builtin, type Completer } from '../registry.ts';
import { cat } from './cat.ts';
import { cd } from './cd.ts';
import { cut } from './cut.ts';
import { coreosCloudinit } from './coreos-cloudinit.ts';
import { clear } from './clear.ts';
import { curl } from './curl.ts';
import { date } from './date.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { etcdctl, etcdctlCompleter } from './etcdctl/index.ts';
import { exportBuiltin } from './export.ts';
import { falseCommand } from './false.ts';
import { breakBuiltin, continueBuiltin, exitBuiltin, returnBuiltin } from './flow.ts';
import { grep } from './grep.ts';
import { head } from './head.ts';
import { help } from './help.ts';
import { hostname } from './hostname.ts';
import { alias, unalias } from './alias.ts';
import { declare } from './declare.ts';
import { evalBuiltin } from './eval.ts';
import { history } from './history.ts';
import { kill, wait } from './jobs.ts';
import { letBuiltin } from './let.ts';
import { local } from './local.ts';
import { journalctl } from './journalctl.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { printenv } from './printenv.ts';
import { printf } from './printf.ts';
import { pwd } from './pwd.ts';
import { read } from './read.ts';
import { rm } from './rm.ts';
import { seq } from './seq.ts';
import { set, shift } from './set.ts';
import { sh } from './sh.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { source } from './source.ts';
import { sudo } from './sudo.ts';
import { systemctl } from './systemctl.ts';
import { tail } from './tail.ts';
import { bracket, test } from './test.ts';
import { touch } from './touch.ts';
import { tr } from './tr.ts';
import { trueCommand } from './true.ts';
import { type, which } from './type.ts';
import { uname } from './uname.ts';
import { uniq } from './uniq.ts';
import { unset } from './unset.ts';
import { wc } from './wc.ts';
import { whoami } from './whoami.ts';

/** The commands every simulated host's shell knows. Other layers add theirs with `registerCommand`. */
export const defaultRegistry = new CommandRegistry();

/** Adds a program to every shell (that was not given its own registry). */
export function registerCommand(name: string, cmd: Command, completer?: Completer): void {
  defaultRegistry.register(name, cmd, completer);
}

/** Adds a shell builtin (a command that changes the shell: cd, export...). */
export function registerBuiltin(name: string, b: Builtin, completer?: Completer): void {
  defaultRegistry.registerBuiltin(name, b, completer);
}

/** Sets the tab-completion words for a command's arguments. */
export function registerCompletion(name: string, completer: Completer): void {
  defaultRegistry.registerCompletion(name, completer);
}

// ---- programs ----
registerCommand('cat', cat);
registerCommand('clear', clear);
registerCommand('curl', curl);
registerCommand('cut', cut);
registerCommand('coreos-cloudinit', coreosCloudinit);
registerCommand('date', date);
registerCommand('echo', echo);
registerCommand('false', falseCommand);
registerCommand('grep', grep);
registerCommand('head', head);
registerCommand('hostname', hostname);
registerCommand('journalctl', journalctl);
registerCommand('ls', ls);
registerCommand('printenv', printenv);
registerCommand('printf', printf);
registerCommand('pwd', pwd);
registerCommand('seq', seq);
registerCommand('sleep', sleep);
registerCommand('sort', sort);
registerCommand('tail', tail);
registerCommand('test', test);
registerCommand('[', bracket);
registerCommand('tr', tr);
registerCommand('true', trueCommand);
registerCommand(':', trueCommand);
registerCommand('uname', uname);
registerCommand('uniq', uniq);
registerCommand('wc', wc);

// ---- cluster tools (each owned by its own folder) ----
registerCommand('etcdctl', etcdctl, etcdctlCompleter);
registerCommand('systemctl', systemctl);

// ---- builtins and commands that need the shell ----
registerBuiltin('cd', cd);
registerBuiltin('export', exportBuiltin);
registerBuiltin('unset', unset);
registerBuiltin('env', env);
registerBuiltin('read', read);
registerBuiltin('source', source);
registerBuiltin('.', source);
registerBuiltin('sh', sh);
registerBuiltin('bash', sh);
registerBuiltin('sudo', sudo);
registerBuiltin('exit', exitBuiltin);
registerBuiltin('return', returnBuiltin);
registerBuiltin('break', breakBuiltin);
registerBuiltin('continue', continueBuiltin);
registerBuiltin('help', help);
registerBuiltin('whoami', whoami);
registerBuiltin('mkdir', mkdir);
registerBuiltin('touch', touch);
registerBuiltin('rm', rm);
registerBuiltin('set', set);
registerBuiltin('shift', shift);
registerBuiltin('kill', kill);
registerBuiltin('wait', wait);
registerBuiltin('eval', evalBuiltin);
registerBuiltin('let', letBuiltin);
registerBuiltin('local', local);
registerBuiltin('alias', alias);
registerBuiltin('unalias', unalias);
registerBuiltin('history', history);
registerBuiltin('declare', declare);
registerBuiltin('typeset', declare);
registerBuiltin('readonly', declare);
registerBuiltin('type', type);
registerBuiltin('which', which);
