import { describe, expect, it } from 'vitest';
import { tabwrite } from '../../../../src/shell/commands/etcdctl/cli/tabwriter.ts';
import { parseGoDuration, parseGoInt } from '../../../../src/shell/commands/etcdctl/cli/go-parse.ts';
import { FlagSet } from '../../../../src/shell/commands/etcdctl/cli/flag.ts';
import { TestWorld } from './harness.ts';
import { etcdctlCompleter } from '../../../../src/shell/commands/etcdctl/index.ts';

/**
 * Expected help texts are written out from codegangsta/cli's templates and Go's tabwriter rules
 * (cell width + 1 rounded up to 8, padded with tabs) — the same columns a real etcdctl 2.2.1 prints
 * (`backup\t\tbackup an etcd directory`, `--output, -o 'simple'\toutput ...`), with 2.3's
 * double-quoted defaults and template.
 */
const APP_HELP = `NAME:
   etcdctl - A simple command line client for etcd.

USAGE:
   etcdctl [global options] command [command options] [arguments...]
   
VERSION:
   2.3.7
   
COMMANDS:
   backup\t\tbackup an etcd directory
   cluster-health\tcheck the health of the etcd cluster
   mk\t\t\tmake a new key with a given value
   mkdir\t\tmake a new directory
   rm\t\t\tremove a key or a directory
   rmdir\t\tremoves the key if it is an empty directory or a key-value pair
   get\t\t\tretrieve the value of a key
   ls\t\t\tretrieve a directory
   set\t\t\tset the value of a key
   setdir\t\tcreate a new directory or update an existing directory TTL
   update\t\tupdate an existing key with a given value
   updatedir\t\tupdate an existing directory
   watch\t\twatch a key for changes
   exec-watch\t\twatch a key for changes and exec an executable
   member\t\tmember add, remove and list subcommands
   import\t\timport a snapshot to a cluster
   user\t\t\tuser add, grant and revoke subcommands
   role\t\t\trole add, grant and revoke subcommands
   auth\t\t\toverall auth controls
   help, h\t\tShows a list of commands or help for one command
   
GLOBAL OPTIONS:
   --debug\t\t\toutput cURL commands which can be used to reproduce the request
   --no-sync\t\t\tdon't synchronize cluster information before sending request
   --output, -o "simple"\toutput response in the given format (\`simple\`, \`extended\` or \`json\`)
   --discovery-srv, -D \t\tdomain name to query for SRV records describing cluster endpoints
   --peers, -C \t\t\tDEPRECATED - "--endpoints" should be used instead
   --endpoint \t\t\tDEPRECATED - "--endpoints" should be used instead
   --endpoints \t\t\ta comma-delimited list of machine addresses in the cluster (default: "http://127.0.0.1:2379,http://127.0.0.1:4001")
   --cert-file \t\t\tidentify HTTPS client using this SSL certificate file
   --key-file \t\t\tidentify HTTPS client using this SSL key file
   --ca-file \t\t\tverify certificates of HTTPS-enabled servers using this CA bundle
   --username, -u \t\tprovide username[:password] and prompt if password is not supplied.
   --timeout "1s"\t\tconnection timeout per request
   --total-timeout "5s"\t\ttimeout for the command execution (except watch)
   --help, -h\t\t\tshow help
   --version, -v\t\tprint the version
   
`;

const SET_HELP = `NAME:
   etcdctl set - set the value of a key

USAGE:
   etcdctl set [command options] <key> <value>

DESCRIPTION:
   Set sets the value of a key.

   When <value> begins with '-', <value> is interpreted as a flag.
   Insert '--' for workaround:

   $ set -- <key> <value>

OPTIONS:
   --ttl "0"\t\t\tkey time-to-live
   --swap-with-value \t\tprevious value
   --swap-with-index "0"\tprevious index
   
`;

const MEMBER_HELP = `NAME:
   etcdctl member - member add, remove and list subcommands

USAGE:
   etcdctl member command [command options] [arguments...]

COMMANDS:
   list\t\tenumerate existing cluster members
   add\t\tadd a new member to the etcd cluster
   remove\tremove an existing member from the etcd cluster
   update\tupdate an existing member in the etcd cluster
   help, h\tShows a list of commands or help for one command
   
OPTIONS:
   --help, -h\tshow help
   
`;

function offline() {
  const t = new TestWorld();
  t.addHost('core-01', '172.17.8.101');
  return t;
}

describe('etcdctl help and version (codegangsta/cli)', () => {
  it('prints the app help with no arguments, help, -h and --help, exit 0', async () => {
    const t = offline();
    for (const args of [[], ['help'], ['h'], ['-h'], ['--help'], ['--help', 'set']]) {
      const r = await t.run('core-01', args);
      expect(r).toMatchObject({ stdout: APP_HELP, stderr: '', code: 0 });
    }
  });

  it('--version and -v print "etcdctl version 2.3.7"', async () => {
    const t = offline();
    for (const v of ['--version', '-v']) {
      expect(await t.run('core-01', [v])).toMatchObject({ stdout: 'etcdctl version 2.3.7\n', stderr: '', code: 0 });
    }
  });

  it('an unknown command prints "No help topic" on stdout and exits 0 (B.1)', async () => {
    const t = offline();
    expect(await t.run('core-01', ['bogus'])).toMatchObject({ stdout: "No help topic for 'bogus'\n", stderr: '', code: 0 });
    expect(await t.run('core-01', ['help', 'bogus'])).toMatchObject({ stdout: "No help topic for 'bogus'\n", code: 0 });
  });

  it('prints a command help for `<cmd> --help`, `<cmd> -h` and `help <cmd>`', async () => {
    const t = offline();
    for (const args of [['set', '--help'], ['set', '/k', '-h'], ['help', 'set']]) {
      expect(await t.run('core-01', args)).toMatchObject({ stdout: SET_HELP, stderr: '', code: 0 });
    }
  });

  it('a command without flags has no OPTIONS section', async () => {
    const t = offline();
    const r = await t.run('core-01', ['rmdir', '--help']);
    expect(r.stdout).toBe(
      'NAME:\n   etcdctl rmdir - removes the key if it is an empty directory or a key-value pair\n\nUSAGE:\n   etcdctl rmdir <key>\n',
    );
  });

  it('member alone (and member --help) print the subcommand help', async () => {
    const t = offline();
    expect(await t.run('core-01', ['member'])).toMatchObject({ stdout: MEMBER_HELP, code: 0 });
    expect(await t.run('core-01', ['member', '--help'])).toMatchObject({ stdout: MEMBER_HELP, code: 0 });
    expect(await t.run('core-01', ['member', 'bogus'])).toMatchObject({ stdout: "No help topic for 'bogus'\n", code: 0 });
  });

  it('member list --help names the full path', async () => {
    const t = offline();
    const r = await t.run('core-01', ['member', 'list', '--help']);
    expect(r.stdout).toBe('NAME:\n   etcdctl member list - enumerate existing cluster members\n\nUSAGE:\n   etcdctl member list  \n');
  });

  it('an undefined flag gives "Incorrect Usage." and the help on stdout, exit 0 (main ignores cli errors)', async () => {
    const t = offline();
    expect(await t.run('core-01', ['--bogus'])).toMatchObject({ stdout: 'Incorrect Usage.\n\n' + APP_HELP, stderr: '', code: 0 });
    expect(await t.run('core-01', ['set', '/k', '-v'])).toMatchObject({ stdout: 'Incorrect Usage.\n\n' + SET_HELP, stderr: '', code: 0 });
    expect(await t.run('core-01', ['set', '/k', 'v', '--ttl', 'abc'])).toMatchObject({ stdout: 'Incorrect Usage.\n\n' + SET_HELP, code: 0 });
    expect(await t.run('core-01', ['--timeout', '3', 'ls'])).toMatchObject({ stdout: 'Incorrect Usage.\n\n' + APP_HELP, code: 0 });
  });

  it('two forms of one flag are refused by normalizeFlags', async () => {
    const t = offline();
    const r = await t.run('core-01', ['-o', 'json', '--output', 'simple', 'ls']);
    expect(r.stdout).toBe('Cannot use two forms of the same flag: o output\n' + APP_HELP);
  });
});

describe('tabwriter (Go text/tabwriter, minwidth 0, tabwidth 8, padding 1, tab padded)', () => {
  it('aligns a column block and ends it at a line without tabs', () => {
    expect(tabwrite('a\tx\nlonger-cell\ty\nend\nb\tz\n')).toBe('a\t\tx\nlonger-cell\ty\nend\nb\tz\n');
  });
  it('pads an exact multiple of 8 with one more tab (padding 1)', () => {
    expect(tabwrite('12345678\tx\n')).toBe('12345678\tx\n');
    expect(tabwrite('1234567\tx\n12345678\ty\n')).toBe('1234567\t\tx\n12345678\ty\n');
  });
});

describe('Go flag parsing', () => {
  it('parses -x, --x, -x=v, and bool flags without values; stops at the first argument', () => {
    const s = new FlagSet([
      { kind: 'bool', name: 'recursive, r', usage: '' },
      { kind: 'int', name: 'ttl', value: 0, usage: '' },
      { kind: 'string', name: 'output, o', value: 'simple', usage: '' },
    ]);
    expect(s.parse(['-r', '--ttl=5', '-o', 'json', '/a', '--ttl', '6'])).toBeUndefined();
    expect(s.get('recursive')).toBe(true);
    expect(s.get('ttl')).toBe(5);
    expect(s.get('output')).toBe('json');
    expect(s.args).toEqual(['/a', '--ttl', '6']);
  });
  it('reports Go errors', () => {
    const s = new FlagSet([{ kind: 'int', name: 'ttl', value: 0, usage: '' }]);
    expect(s.parse(['-x'])).toBe('flag provided but not defined: -x');
    expect(s.parse(['--ttl'])).toBe('flag needs an argument: -ttl');
    expect(s.parse(['---ttl'])).toBe('bad flag syntax: ---ttl');
  });
  it('parses Go ints and durations', () => {
    expect(parseGoInt('0x10')).toBe(16);
    expect(parseGoInt('010')).toBe(8);
    expect(parseGoInt('-5')).toBe(-5);
    expect(parseGoInt('5s')).toBeUndefined();
    expect(parseGoDuration('1s')).toBe(1000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('300ms')).toBe(300);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('3')).toBeUndefined();
  });
});

describe('tab completion', () => {
  const complete = etcdctlCompleter as (args: string[], current: string) => string[];
  it('offers the commands after the global flags, then member subcommands', () => {
    expect(complete([], 'm')).toEqual(['mk', 'mkdir', 'member']);
    expect(complete(['--endpoints', 'http://x:2379'], 'se')).toEqual(['set', 'setdir']);
    expect(complete(['member'], 'r')).toEqual(['remove']);
    expect(complete(['get'], '')).toEqual([]);
  });
});
