import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import { ExitBadArgs, type Runtime } from '../runtime.ts';
import { orFail, requireKey } from './args.ts';

/** etcdctl/command/get_command.go: a directory is refused with `<key>: is a directory`, exit 1. */
export function getCommand(): CliCommand {
  return {
    name: 'get',
    usage: 'retrieve the value of a key',
    argsUsage: '<key>',
    flags: [
      { kind: 'bool', name: 'sort', usage: 'returns result in sorted order' },
      { kind: 'bool', name: 'quorum, q', usage: 'require quorum for get request' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const resp = orFail(rt, await ki.get(key, { sort: c.bool('sort'), quorum: c.bool('quorum') }, totalDeadline(rt, c)));
      if (resp.node?.dir) {
        rt.err(`${resp.node.key}: is a directory\n`);
        rt.exit(ExitBadArgs);
      }
      printResponseKey(rt, resp, c.globalString('output'));
    },
  };
}
