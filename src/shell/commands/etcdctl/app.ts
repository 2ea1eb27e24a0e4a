import type { FlagDef } from './cli/flag.ts';
import { prepareApp, runApp, type PreparedApp } from './cli/run.ts';
import type { CliCommand } from './cli/types.ts';
import { clusterHealthCommand } from './commands/cluster-health.ts';
import { execWatchCommand } from './commands/exec-watch.ts';
import { getCommand } from './commands/get.ts';
import { lsCommand } from './commands/ls.ts';
import { memberCommand } from './commands/member.ts';
import { mkCommand } from './commands/mk.ts';
import { mkdirCommand, setdirCommand, updatedirCommand } from './commands/mkdir.ts';
import { rmCommand } from './commands/rm.ts';
import { rmdirCommand } from './commands/rmdir.ts';
import { setCommand } from './commands/set.ts';
import { unavailableCommands } from './commands/unavailable.ts';
import { updateCommand } from './commands/update.ts';
import { watchCommand } from './commands/watch.ts';
import type { Runtime } from './runtime.ts';

export const ETCDCTL_VERSION = '2.3.7';

/** etcdctl/main.go @v2.3.7's global flags, in its order. */
export const GLOBAL_FLAGS: FlagDef[] = [
  { kind: 'bool', name: 'debug', usage: 'output cURL commands which can be used to reproduce the request' },
  { kind: 'bool', name: 'no-sync', usage: "don't synchronize cluster information before sending request" },
  { kind: 'string', name: 'output, o', value: 'simple', usage: 'output response in the given format (`simple`, `extended` or `json`)' },
  { kind: 'string', name: 'discovery-srv, D', value: '', usage: 'domain name to query for SRV records describing cluster endpoints' },
  { kind: 'string', name: 'peers, C', value: '', usage: 'DEPRECATED - "--endpoints" should be used instead' },
  { kind: 'string', name: 'endpoint', value: '', usage: 'DEPRECATED - "--endpoints" should be used instead' },
  {
    kind: 'string',
    name: 'endpoints',
    value: '',
    usage: 'a comma-delimited list of machine addresses in the cluster (default: "http://127.0.0.1:2379,http://127.0.0.1:4001")',
  },
  { kind: 'string', name: 'cert-file', value: '', usage: 'identify HTTPS client using this SSL certificate file' },
  { kind: 'string', name: 'key-file', value: '', usage: 'identify HTTPS client using this SSL key file' },
  { kind: 'string', name: 'ca-file', value: '', usage: 'verify certificates of HTTPS-enabled servers using this CA bundle' },
  { kind: 'string', name: 'username, u', value: '', usage: 'provide username[:password] and prompt if password is not supplied.' },
  { kind: 'duration', name: 'timeout', value: 1000, usage: 'connection timeout per request' },
  { kind: 'duration', name: 'total-timeout', value: 5000, usage: 'timeout for the command execution (except watch)' },
];

/** The command tree, built once: commands reach their invocation through the context's `rt`. */
const u = unavailableCommands();
const COMMANDS: CliCommand[] = [
  u.backup,
  clusterHealthCommand(),
  mkCommand(),
  mkdirCommand(),
  rmCommand(),
  rmdirCommand(),
  getCommand(),
  lsCommand(),
  setCommand(),
  setdirCommand(),
  updateCommand(),
  updatedirCommand(),
  watchCommand(),
  execWatchCommand(),
  memberCommand(),
  u.importSnap,
  u.user,
  u.role,
  u.auth,
];

/** Prepared apps by help name (the program name as invoked: almost always `etcdctl`). */
const prepared = new Map<string, PreparedApp>();

function appFor(helpName: string): PreparedApp {
  let app = prepared.get(helpName);
  if (app === undefined) {
    app = prepareApp({
      name: 'etcdctl',
      helpName,
      usage: 'A simple command line client for etcd.',
      version: ETCDCTL_VERSION,
      flags: GLOBAL_FLAGS,
      commands: COMMANDS,
    });
    // A learner may invoke it under many names; keep the cache small.
    if (prepared.size >= 16) prepared.clear();
    prepared.set(helpName, app);
  }
  return app;
}

/** Runs etcdctl with its arguments (without the program name). */
export function runEtcdctl(rt: Runtime, programName: string, args: readonly string[]): Promise<void> | undefined {
  const helpName = programName.slice(programName.lastIndexOf('/') + 1) || 'etcdctl';
  return runApp(appFor(helpName), rt, args);
}
