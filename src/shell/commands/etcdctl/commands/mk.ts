import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey, requireValue } from './args.ts';

/** etcdctl/command/mk_command.go: create only (prevExist=false), or an in-order key (POST). */
export function mkCommand(): CliCommand {
  return {
    name: 'mk',
    usage: 'make a new key with a given value',
    argsUsage: '<key> <value>',
    flags: [
      { kind: 'bool', name: 'in-order', usage: 'create in-order key under directory <key>' },
      { kind: 'int', name: 'ttl', value: 0, usage: 'key time-to-live' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const value = await requireValue(rt, c, 1);
      const ttl = c.int('ttl');
      const deadline = totalDeadline(rt, c);
      const resp = c.bool('in-order')
        ? await ki.createInOrder(key, value, ttl, deadline)
        : await ki.set(key, value, { ttl, prevExist: 'false' }, deadline);
      printResponseKey(rt, orFail(rt, resp), c.globalString('output'));
    },
  };
}
