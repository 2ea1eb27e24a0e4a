import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey, requireValue } from './args.ts';

/** etcdctl/command/update_command.go: PUT prevExist=true. */
export function updateCommand(): CliCommand {
  return {
    name: 'update',
    usage: 'update an existing key with a given value',
    argsUsage: '<key> <value>',
    flags: [{ kind: 'int', name: 'ttl', value: 0, usage: 'key time-to-live' }],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const value = await requireValue(rt, c, 1);
      const resp = await ki.set(key, value, { ttl: c.int('ttl'), prevExist: 'true' }, totalDeadline(rt, c));
      printResponseKey(rt, orFail(rt, resp), c.globalString('output'));
    },
  };
}
