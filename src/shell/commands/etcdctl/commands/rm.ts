import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey } from './args.ts';

/** etcdctl/command/rm_command.go: DELETE; a removed key prints its old value, a directory nothing. */
export function rmCommand(): CliCommand {
  return {
    name: 'rm',
    usage: 'remove a key or a directory',
    argsUsage: '<key>',
    flags: [
      { kind: 'bool', name: 'dir', usage: 'removes the key if it is an empty directory or a key-value pair' },
      { kind: 'bool', name: 'recursive, r', usage: 'removes the key and all child keys(if it is a directory)' },
      { kind: 'string', name: 'with-value', value: '', usage: 'previous value' },
      { kind: 'int', name: 'with-index', value: 0, usage: 'previous index' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const resp = orFail(
        rt,
        await ki.delete(
          key,
          { prevIndex: c.int('with-index'), prevValue: c.string('with-value'), dir: c.bool('dir'), recursive: c.bool('recursive') },
          totalDeadline(rt, c),
        ),
      );
      if (!resp.node?.dir) printResponseKey(rt, resp, c.globalString('output'));
    },
  };
}
