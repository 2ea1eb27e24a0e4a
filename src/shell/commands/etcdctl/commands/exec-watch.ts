import { mustNewKeyAPI } from '../client/new-client.ts';
import type { Response } from '../client/node.ts';
import type { CliCommand } from '../cli/types.ts';
import { ExitBadArgs, type Runtime } from '../runtime.ts';
import { orFail } from './args.ts';

/** A word the shell reads back as itself. */
function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_\-+=.,/:@%]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** environResponse: the event, for the command, on top of etcdctl's own environment. */
function watchEnv(base: Map<string, string>, resp: Response): Map<string, string> {
  const env = new Map(base);
  env.set('ETCD_WATCH_ACTION', resp.action);
  env.set('ETCD_WATCH_MODIFIED_INDEX', String(resp.node?.modifiedIndex ?? 0));
  env.set('ETCD_WATCH_KEY', resp.node?.key ?? '');
  env.set('ETCD_WATCH_VALUE', resp.node?.value ?? '');
  return env;
}

/**
 * etcdctl/command/exec_watch_command.go: runs the command for every event, without waiting for
 * it (Go starts it in a goroutine). With cli's argument reordering the arguments arrive either as
 * `key -- cmd args...` or, when no flag was parsed, as `cmd... key`.
 */
export function execWatchCommand(): CliCommand {
  return {
    name: 'exec-watch',
    usage: 'watch a key for changes and exec an executable',
    argsUsage: '<key> <command> [args...]',
    flags: [
      { kind: 'int', name: 'after-index', value: 0, usage: 'watch after the given index' },
      { kind: 'bool', name: 'recursive, r', usage: 'watch all values for key and child keys' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const args = c.args();
      if (args.length < 2) rt.fail(ExitBadArgs, 'key and command to exec required');
      const sep = args.findIndex((a, i) => a === '--' && i !== 0);
      const key = sep >= 0 ? args[0]! : args[args.length - 1]!;
      const cmdArgs = sep >= 0 ? args.slice(2) : args.slice(0, -1);
      // Kept from the go-etcd days: the index is bumped here and again by the watcher.
      const after = c.int('after-index');
      const w = ki.watcher(key, after !== 0 ? after + 1 : 0, c.bool('recursive'));
      rt.exitZeroOnInterrupt = true;
      for (;;) {
        const resp = orFail(rt, await w.next());
        if (resp.node?.dir) {
          rt.err(`Ignored dir ${resp.node.key} change\n`);
          continue;
        }
        if (cmdArgs.length === 0) continue;
        // exec.Command runs the program itself, no shell: a name not on $PATH fails Start, and
        // etcdctl prints the error (Fprintf, no newline) and exits 1.
        const prog = cmdArgs[0]!;
        if (!prog.includes('/') && rt.proc.lookPath?.(prog) === false) {
          rt.err(`exec: "${prog}": executable file not found in $PATH`);
          rt.exit(1);
        }
        void rt.proc.run(cmdArgs.map(shellQuote).join(' '), watchEnv(rt.proc.env, resp)).catch(() => undefined);
      }
    },
  };
}
