import type { PrevExist } from '../client/keys-api.ts';
import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand, CliContext } from '../cli/types.ts';
import type { Runtime } from '../runtime.ts';
import { orFail, requireKey } from './args.ts';

const TTL_FLAG = { kind: 'int', name: 'ttl', value: 0, usage: 'key time-to-live' } as const;

/** mkdirCommandFunc: PUT dir=true; prints nothing on success. */
async function mkdir(rt: Runtime, c: CliContext, prevExist: PrevExist): Promise<void> {
  const ki = await mustNewKeyAPI(rt, c);
  const key = requireKey(rt, c);
  orFail(rt, await ki.set(key, '', { ttl: c.int('ttl'), dir: true, prevExist }, totalDeadline(rt, c)));
}

/** etcdctl/command/mkdir_command.go: only if the key does not exist. */
export function mkdirCommand(): CliCommand {
  return {
    name: 'mkdir',
    usage: 'make a new directory',
    argsUsage: '<key>',
    flags: [TTL_FLAG],
    action: (c) => mkdir(c.rt, c, 'false'),
  };
}

/** etcdctl/command/set_dir_command.go: no prevExist, so an existing directory answers 102. */
export function setdirCommand(): CliCommand {
  return {
    name: 'setdir',
    usage: 'create a new directory or update an existing directory TTL',
    argsUsage: '<key>',
    flags: [TTL_FLAG],
    action: (c) => mkdir(c.rt, c, ''),
  };
}

/** etcdctl/command/update_dir_command.go: prevExist=true (its usage line names a value it ignores). */
export function updatedirCommand(): CliCommand {
  return {
    name: 'updatedir',
    usage: 'update an existing directory',
    argsUsage: '<key> <value>',
    flags: [TTL_FLAG],
    action: (c) => mkdir(c.rt, c, 'true'),
  };
}
