import type { CliCommand, CliContext } from '../cli/types.ts';
import type { Runtime } from '../runtime.ts';

/**
 * Commands etcdctl 2.3.7 lists but the playground does not simulate (they need the data
 * directory on disk or the auth API). They are kept for the help output.
 */
function notSimulated(what: string): (c: CliContext) => Promise<void> {
  return async (c) => {
    const rt: Runtime = c.rt;
    rt.err(`etcdctl ${what}: not available in this playground\n`);
    rt.exit(1);
  };
}

function group(name: string, usage: string, subs: [string, string, string][]): CliCommand {
  return {
    name,
    usage,
    subcommands: subs.map(([n, u, a]) => ({ name: n, usage: u, argsUsage: a, action: notSimulated(`${name} ${n}`) })),
  };
}

export function unavailableCommands(): { backup: CliCommand; importSnap: CliCommand; user: CliCommand; role: CliCommand; auth: CliCommand } {
  return {
    backup: {
      name: 'backup',
      usage: 'backup an etcd directory',
      argsUsage: ' ',
      flags: [
        { kind: 'string', name: 'data-dir', value: '', usage: 'Path to the etcd data dir' },
        { kind: 'string', name: 'backup-dir', value: '', usage: 'Path to the backup dir' },
      ],
      action: notSimulated('backup'),
    },
    importSnap: {
      name: 'import',
      usage: 'import a snapshot to a cluster',
      argsUsage: ' ',
      flags: [
        { kind: 'string', name: 'snap', value: '', usage: 'Path to the valid etcd 0.4.x snapshot.' },
        { kind: 'int', name: 'c', value: 10, usage: 'Number of concurrent clients to import the data' },
      ],
      action: notSimulated('import'),
    },
    user: group('user', 'user add, grant and revoke subcommands', [
      ['add', 'add a new user for the etcd cluster', '<user>'],
      ['get', 'get details for a user', '<user>'],
      ['list', 'list all current users', ' '],
      ['remove', 'remove a user for the etcd cluster', '<user>'],
      ['grant', 'grant roles to an etcd user', '<user>'],
      ['revoke', 'revoke roles for an etcd user', '<user>'],
      ['passwd', 'change password for a user', '<user>'],
    ]),
    role: group('role', 'role add, grant and revoke subcommands', [
      ['add', 'add a new role for the etcd cluster', '<role>'],
      ['get', 'get details for a role', '<role>'],
      ['list', 'list all roles', ' '],
      ['remove', 'remove a role from the etcd cluster', '<role>'],
      ['grant', 'grant path matches to an etcd role', '<role>'],
      ['revoke', 'revoke path matches for an etcd role', '<role>'],
    ]),
    auth: group('auth', 'overall auth controls', [
      ['enable', 'enable auth access controls', ' '],
      ['disable', 'disable auth access controls', ' '],
    ]),
  };
}
