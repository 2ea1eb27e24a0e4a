import { GoError } from '../client/errors.ts';
import { mustNewMembersAPI, totalDeadline } from '../client/new-client.ts';
import type { CliCommand } from '../cli/types.ts';
import type { Runtime } from '../runtime.ts';

/** Every member failure prints to stderr and exits 1. */
function die(rt: Runtime, msg: string): never {
  rt.err(msg);
  return rt.exit(1);
}

/** etcdctl/command/member_commands.go. */
export function memberCommand(): CliCommand {
  return {
    name: 'member',
    usage: 'member add, remove and list subcommands',
    subcommands: [
      {
        name: 'list',
        usage: 'enumerate existing cluster members',
        argsUsage: ' ',
        action: async (c) => {
          const rt: Runtime = c.rt;
          if (c.args().length !== 0) die(rt, 'No arguments accepted\n');
          const api = await mustNewMembersAPI(rt, c);
          const deadline = totalDeadline(rt, c);
          const members = await api.list(deadline);
          if (members instanceof GoError) return die(rt, `${members.message}\n`);
          const leader = await api.leader(deadline);
          if (leader instanceof GoError) return die(rt, `Failed to get leader:  ${leader.message}\n`);
          for (const m of members) {
            if (m.name.length === 0) rt.out(`${m.id}[unstarted]: peerURLs=${m.peerURLs.join(',')}\n`);
            else
              rt.out(
                `${m.id}: name=${m.name} peerURLs=${m.peerURLs.join(',')} clientURLs=${m.clientURLs.join(',')} isLeader=${m.id === leader.id}\n`,
              );
          }
        },
      },
      {
        name: 'add',
        usage: 'add a new member to the etcd cluster',
        argsUsage: '<name> <peerURL>',
        action: async (c) => {
          const rt: Runtime = c.rt;
          const args = c.args();
          if (args.length !== 2) die(rt, 'Provide a name and a single member peerURL\n');
          const api = await mustNewMembersAPI(rt, c);
          const deadline = totalDeadline(rt, c);
          const m = await api.add(args[1]!, deadline);
          if (m instanceof GoError) return die(rt, `${m.message}\n`);
          const newName = args[0]!;
          rt.out(`Added member named ${newName} with ID ${m.id} to cluster\n`);
          const members = await api.list(deadline);
          if (members instanceof GoError) return die(rt, `${members.message}\n`);
          const conf = members.flatMap((mb) => mb.peerURLs.map((u) => `${mb.id === m.id ? newName : mb.name}=${u}`));
          rt.out(`\nETCD_NAME=${goQuote(newName)}\n`);
          rt.out(`ETCD_INITIAL_CLUSTER=${goQuote(conf.join(','))}\n`);
          rt.out('ETCD_INITIAL_CLUSTER_STATE="existing"\n');
        },
      },
      {
        name: 'remove',
        usage: 'remove an existing member from the etcd cluster',
        argsUsage: '<memberID>',
        action: async (c) => {
          const rt: Runtime = c.rt;
          const args = c.args();
          if (args.length !== 1) die(rt, 'Provide a single member ID\n');
          const id = args[0]!;
          const api = await mustNewMembersAPI(rt, c);
          const deadline = totalDeadline(rt, c);
          const members = await api.list(deadline);
          if (members instanceof GoError) return die(rt, `Error while verifying ID against known members: ${members.message}\n`);
          let found = false;
          for (const m of members) {
            if (m.id === id) found = true;
            if (m.name === id) {
              rt.err(`Found a member named ${m.name}; if this is correct, please use its ID, eg:\n\tetcdctl member remove ${m.id}\n`);
              rt.err(
                'For more details, read the documentation at https://github.com/coreos/etcd/blob/master/Documentation/runtime-configuration.md#remove-a-member\n\n',
              );
            }
          }
          if (!found) die(rt, `Couldn't find a member in the cluster with an ID of ${id}.\n`);
          const err = await api.remove(id, deadline);
          // Spelling and the missing newline are the Go source's (2.3 branch).
          if (err) die(rt, `Recieved an error trying to remove member ${id}: ${err.message}`);
          rt.out(`Removed member ${id} from cluster\n`);
        },
      },
      {
        name: 'update',
        usage: 'update an existing member in the etcd cluster',
        argsUsage: '<memberID> <peerURLs>',
        action: async (c) => {
          const rt: Runtime = c.rt;
          const args = c.args();
          if (args.length !== 2) die(rt, 'Provide an ID and a list of comma separated peerURL (0xabcd http://example.com,http://example1.com)\n');
          const api = await mustNewMembersAPI(rt, c);
          const err = await api.update(args[0]!, args[1]!.split(','), totalDeadline(rt, c));
          if (err) die(rt, `${err.message}\n`);
          rt.out(`Updated member with ID ${args[0]} in cluster\n`);
        },
      },
    ],
  };
}

/** Go's %q for the plain strings a member name or URL list holds. */
function goQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
