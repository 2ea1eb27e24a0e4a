import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey, requireValue } from './args.ts';

/** etcdctl/command/set_command.go: PUT, a compare-and-swap when a swap flag is given. */
export function setCommand(): CliCommand {
  return {
    name: 'set',
    usage: 'set the value of a key',
    argsUsage: '<key> <value>',
    description:
      "Set sets the value of a key.\n\n   When <value> begins with '-', <value> is interpreted as a flag.\n   Insert '--' for workaround:\n\n   $ set -- <key> <value>",
    flags: [
      { kind: 'int', name: 'ttl', value: 0, usage: 'key time-to-live' },
      { kind: 'string', name: 'swap-with-value', value: '', usage: 'previous value' },
      { kind: 'int', name: 'swap-with-index', value: 0, usage: 'previous index' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      // Go evaluates mustNewKeyAPI (and its sync) before the command looks at its arguments.
      const ki = await mustNewKeyAPI(rt, c);
      const key = requireKey(rt, c);
      const value = await requireValue(rt, c, 1);
      const resp = await ki.set(
        key,
        value,
        { ttl: c.int('ttl'), prevValue: c.string('swap-with-value'), prevIndex: c.int('swap-with-index') },
        totalDeadline(rt, c),
      );
      printResponseKey(rt, orFail(rt, resp), c.globalString('output'));
    },
  };
}
