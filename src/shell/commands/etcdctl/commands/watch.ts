import { mustNewKeyAPI } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey } from './args.ts';

/**
 * etcdctl/command/watch_command.go: one event (or every event with --forever); directory events
 * are skipped; with --recursive each event is headed by `[action] key`. Ctrl-C exits 0.
 */
export function watchCommand(): CliCommand {
  return {
    name: 'watch',
    usage: 'watch a key for changes',
    argsUsage: '<key>',
    flags: [
      { kind: 'bool', name: 'forever, f', usage: 'forever watch a key until CTRL+C' },
      { kind: 'int', name: 'after-index', value: 0, usage: 'watch after the given index' },
      { kind: 'bool', name: 'recursive, r', usage: 'returns all values for key and child keys' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const recursive = c.bool('recursive');
      const forever = c.bool('forever');
      const w = ki.watcher(key, c.int('after-index'), recursive);
      rt.exitZeroOnInterrupt = true;
      for (;;) {
        const resp = orFail(rt, await w.next());
        if (resp.node?.dir) continue;
        if (recursive) rt.out(`[${resp.action}] ${resp.node?.key ?? ''}\n`);
        printResponseKey(rt, resp, c.globalString('output'));
        if (!forever) return;
      }
    },
  };
}
