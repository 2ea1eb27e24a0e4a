import type { Command } from '../../process.ts';
import type { Completer } from '../../registry.ts';
import { runEtcdctl } from './app.ts';
import { Exit, Runtime } from './runtime.ts';

/**
 * `etcdctl` 2.3.7 (the v2 API client CoreOS shipped in 2016): codegangsta/cli argument handling,
 * etcd's Go client (sync, endpoint failover, header and total timeouts) and the commands'
 * output, errors and exit codes. argv[0] is the program name.
 */
export const etcdctl: Command = async (proc) => {
  const rt = new Runtime(proc);
  try {
    await runEtcdctl(rt, proc.argv[0] ?? 'etcdctl', proc.argv.slice(1));
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    // A bug of ours, not a behaviour of etcdctl: report it like a Go panic would end the run.
    rt.err(`panic: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
};

const COMMANDS = [
  'backup', 'cluster-health', 'mk', 'mkdir', 'rm', 'rmdir', 'get', 'ls', 'set', 'setdir', 'update',
  'updatedir', 'watch', 'exec-watch', 'member', 'import', 'user', 'role', 'auth', 'help',
];
const MEMBER = ['list', 'add', 'remove', 'update'];

/** Global flags whose value is the next argument. */
const VALUED = new Set(['-o', '--output', '-D', '--discovery-srv', '-C', '--peers', '--endpoint', '--endpoints', '--cert-file', '--key-file', '--ca-file', '-u', '--username', '--timeout', '--total-timeout']);

/** Tab completion: the command after any global flags, then `member`'s subcommands. */
export const etcdctlCompleter: Completer = (args, current) => {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (VALUED.has(a)) i++;
    } else words.push(a);
  }
  const pool = words.length === 0 ? COMMANDS : words.length === 1 && words[0] === 'member' ? MEMBER : [];
  return pool.filter((w) => w.startsWith(current));
};
