import type { Node } from '../client/node.ts';
import { mustNewKeyAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand, CliContext } from '../cli/types.ts';
import { printResponseKey } from '../format.ts';
import type { Runtime } from '../runtime.ts';
import { orFail } from './args.ts';

/**
 * etcdctl/command/ls_command.go: one key per line, depth first; a key lists itself. The real
 * tool lists in random order without --sort; the decoded nodes here are always sorted.
 */
export function lsCommand(): CliCommand {
  return {
    name: 'ls',
    usage: 'retrieve a directory',
    argsUsage: '[key]',
    flags: [
      { kind: 'bool', name: 'sort', usage: 'returns result in sorted order' },
      { kind: 'bool', name: 'recursive, r', usage: 'returns all key names recursively for the given path' },
      { kind: 'bool', name: 'p', usage: 'append slash (/) to directories' },
      { kind: 'bool', name: 'quorum, q', usage: 'require quorum for get request' },
    ],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const ki = await mustNewKeyAPI(rt, c);
      const key = c.args()[0] ?? '/';
      const resp = orFail(
        rt,
        await ki.get(key, { sort: c.bool('sort'), recursive: c.bool('recursive'), quorum: c.bool('quorum') }, totalDeadline(rt, c)),
      );
      const output = c.globalString('output');
      if (output !== 'simple') {
        printResponseKey(rt, resp, output);
        return;
      }
      if (resp.node && !resp.node.dir) rt.out(`${resp.node.key}\n`);
      for (const n of resp.node?.nodes ?? []) printTree(rt, c, n);
    },
  };
}

function printTree(rt: Runtime, c: CliContext, n: Node): void {
  rt.out(n.dir && c.bool('p') ? `${n.key}/\n` : `${n.key}\n`);
  for (const child of n.nodes ?? []) printTree(rt, c, child);
}
