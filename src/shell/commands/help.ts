import type { Builtin } from '../registry.ts';
import { columns } from './ls.ts';

/** What the playground's shell offers, in the voice of bash's `help`. */
export const help: Builtin = async (proc, sh) => {
  const names = sh.registry.names();
  const tools = ['etcdctl', 'curl', 'fleetctl', 'docker', 'systemctl', 'journalctl', 'locksmithctl', 'update_engine_client'].filter((n) => names.includes(n));
  const rest = names.filter((n) => !tools.includes(n));
  proc.stdout.write(
    'GNU bash, version 4.3.42(1)-release (x86_64-cros-linux-gnu)\n' +
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
      'redirections (>, >>, <, 2>&1), {1..3}, and if/for/while loops.\n',
  );
  return 0;
};
