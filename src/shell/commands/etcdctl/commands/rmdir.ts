import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey } from './args.ts';

/** etcdctl/command/rmdir_command.go: DELETE dir=true (which also removes a plain key). */
export function rmdirCommand(): CliCommand {
  return {
    name: 'rmdir',
    usage: 'removes the key if it is an empty directory or a key-value pair',
    argsUsage: '<key>',
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const resp = orFail(rt, await ki.delete(key, { dir: true }, totalDeadline(rt, c)));
      if (!resp.node?.dir) printResponseKey(rt, resp, c.globalString('output'));
    },
  };
}
