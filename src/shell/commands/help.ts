import type { Builtin } from '../registry.ts';
import { globToRegex } from '../glob.ts';
import { BASH_VERSION } from '../runtime.ts';
import { columns } from './ls.ts';

/** bash 4.3's help topics: its builtins and the grammar's words (builtins.c shell_builtins). */
const TOPICS = [
  '%', '(( ... ))', '.', ':', '[', '[[ ... ]]', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'case', 'cd',
  'command', 'compgen', 'complete', 'compopt', 'continue', 'coproc', 'declare', 'dirs', 'disown', 'echo', 'enable',
  'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg', 'for', 'for ((', 'function', 'getopts', 'hash', 'help',
  'history', 'if', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read',
  'readarray', 'readonly', 'return', 'select', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'time', 'times',
  'trap', 'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'until', 'variables', 'wait', 'while', '{ ... }',
];

/** help.def: a pattern matches a topic it starts, or as a glob. */
function matchesTopic(pattern: string): boolean {
  const re = new RegExp('^(?:' + globToRegex(pattern) + ')$');
  return TOPICS.some((t) => t.startsWith(pattern) || re.test(t));
}

/**
 * What the playground's shell offers, in the voice of bash's `help`. A topic is checked as bash
 * checks it; the playground has no per-builtin help text, so a known one shows the list too.
 */
export const help: Builtin = async (proc, sh) => {
  const patterns = proc.argv.slice(1).filter((a) => !/^-[dms]+$/.test(a));
  if (patterns.length > 0 && !patterns.some(matchesTopic)) {
    // Named after the last pattern, as help.def does once none matched.
    const p = patterns[patterns.length - 1]!;
    proc.stderr.write(`bash: help: no help topics match \`${p}'.  Try \`help help' or \`man -k ${p}' or \`info ${p}'.\n`);
    return 1;
  }
  const names = sh.registry.names();
  const tools = ['etcdctl', 'curl', 'fleetctl', 'docker', 'systemctl', 'journalctl', 'locksmithctl', 'update_engine_client'].filter((n) => names.includes(n));
  const rest = names.filter((n) => !tools.includes(n));
  proc.stdout.write(
    `GNU bash, version ${BASH_VERSION} (x86_64-cros-linux-gnu)\n` +
      'This is the shell of a simulated CoreOS machine. These commands are available.\n' +
      'Type `etcdctl --help\' or `curl --help\' to find out more about the cluster tools.\n' +
      '\n' +
      'Cluster tools:\n' +
      columns(tools.map((t) => ' ' + t)) +
      '\n' +
      'Shell commands:\n' +
      columns(rest.map((t) => ' ' + t)) +
      '\n' +
      'The shell understands quotes, $VAR and ${VAR}, $(command), pipes (|), && and ||,\n' +
      'redirections (>, >>, <, 2>&1), {1..3}, if/case and for/while loops.\n',
  );
  return 0;
};
