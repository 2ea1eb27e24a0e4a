import { FlagSet, HELP_FLAG, VERSION_FLAG, type FlagDef } from './flag.ts';
import { appHelp, commandHelpFor, subcommandHelp } from './help.ts';
import type { Runtime } from '../runtime.ts';
import { CliContext, type CliApp, type CliCommand } from './types.ts';

/**
 * codegangsta/cli's control flow (App.Run, Command.Run, Command.startApp + App.RunAsSubcommand),
 * as vendored by etcd 2.3. Errors cli returns from App.Run are dropped by etcdctl 2.3's main
 * (`app.Run(os.Args)`), so "Incorrect Usage." still exits 0.
 */

export interface AppSpec {
  name: string;
  helpName: string;
  usage: string;
  version: string;
  flags: FlagDef[];
  commands: CliCommand[];
}

/**
 * An app ready to run: the help command and flags appended, help names resolved. Immutable: one
 * serves every run, whose output (help, "Incorrect Usage.": cli's App.Writer) goes to its `rt`.
 */
export type PreparedApp = Readonly<CliApp>;

const helpCommand = (): CliCommand => ({
  name: 'help',
  aliases: ['h'],
  usage: 'Shows a list of commands or help for one command',
  argsUsage: '[command]',
  action: async (c) => {
    const first = c.args()[0];
    c.rt.out(first !== undefined ? commandHelpFor(c.app, first) : appHelp(c.app));
  },
});

function withHelpNames(helpName: string, cmds: CliCommand[]): CliApp['commands'] {
  return cmds.map((cmd) => ({ cmd, helpName: `${helpName} ${cmd.name}` }));
}

/** Commands by name and alias, per (immutable) command list; the first one listed wins, as cli's loop. */
const byName = new WeakMap<CliApp['commands'], ReadonlyMap<string, CliApp['commands'][number]>>();

function findCommand(app: CliApp, name: string): CliApp['commands'][number] | undefined {
  let names = byName.get(app.commands);
  if (names === undefined) {
    const m = new Map<string, CliApp['commands'][number]>();
    for (const entry of app.commands) {
      if (!m.has(entry.cmd.name)) m.set(entry.cmd.name, entry);
      for (const a of entry.cmd.aliases ?? []) if (!m.has(a)) m.set(a, entry);
    }
    byName.set(app.commands, (names = m));
  }
  return names.get(name);
}

/** Builds what App.Run derives from its spec; done once, the result serves every run. */
export function prepareApp(spec: AppSpec): PreparedApp {
  const commands = [...spec.commands, helpCommand()];
  const flags = [...spec.flags, HELP_FLAG, VERSION_FLAG];
  return { ...spec, flags, commands: withHelpNames(spec.helpName, commands) };
}

/** A leaf command's flags with cli's help flag appended, per (immutable) command. */
const leafFlags = new WeakMap<CliCommand, FlagDef[]>();

/**
 * App.Run: global flags, help/version, then the named command or the default (help) action.
 * The action's promise is handed back as it is (here and in runCommand, runSubApp): an async
 * layer per level would add promises to every command.
 */
export function runApp(app: PreparedApp, rt: Runtime, args: readonly string[]): Promise<void> | undefined {
  const set = new FlagSet(app.flags);
  const err = set.parse(args);
  const nerr = set.normalize();
  const ctx = new CliContext(app, set, rt);
  if (nerr !== undefined) {
    rt.out(`${nerr}\n`);
    rt.out(appHelp(app));
    return;
  }
  if (err !== undefined) {
    rt.out('Incorrect Usage.\n\n');
    rt.out(appHelp(app));
    return;
  }
  if (set.get('help') === true) {
    rt.out(appHelp(app));
    return;
  }
  if (set.get('version') === true) {
    rt.out(`${app.name} version ${app.version}\n`);
    return;
  }
  const name = ctx.args()[0];
  if (name !== undefined) {
    const found = findCommand(app, name);
    if (found) return runCommand(ctx, found.cmd);
  }
  // The default action is the help command's.
  rt.out(name !== undefined ? commandHelpFor(app, name) : appHelp(app));
}

/**
 * Command.Run. cli reorders the arguments so flags may follow positional ones: everything from
 * the first `-`-prefixed argument up to a `--` is parsed as flags, the positional arguments
 * before it (and the `--` and what follows) come after.
 */
function runCommand(parent: CliContext, cmd: CliCommand): Promise<void> | undefined {
  if (cmd.subcommands && cmd.subcommands.length > 0) return runSubApp(parent, cmd);
  const all = parent.args(); // [name, ...rest]
  let flags = leafFlags.get(cmd);
  if (flags === undefined) leafFlags.set(cmd, (flags = [...(cmd.flags ?? []), HELP_FLAG]));
  const set = new FlagSet(flags);
  let firstFlag = -1;
  let terminator = -1;
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    if (a === '--') {
      terminator = i;
      break;
    } else if (a === '-') {
      continue;
    } else if (a.startsWith('-') && firstFlag === -1) firstFlag = i;
  }
  let err: string | undefined;
  if (firstFlag > -1) {
    const regular = all.slice(1, firstFlag);
    let flagArgs: string[];
    if (terminator > -1) {
      flagArgs = all.slice(firstFlag, terminator);
      regular.push(...all.slice(terminator));
    } else flagArgs = all.slice(firstFlag);
    err = set.parse([...flagArgs, ...regular]);
  } else err = set.parse(all, 1);

  const app = parent.app;
  const rt = parent.rt;
  if (err !== undefined) {
    rt.out('Incorrect Usage.\n\n');
    rt.out(commandHelpFor(app, cmd.name));
    return;
  }
  const nerr = set.normalize();
  if (nerr !== undefined) {
    rt.out(`${nerr}\n\n`);
    rt.out(commandHelpFor(app, cmd.name));
    return;
  }
  const ctx = new CliContext(app, set, parent);
  if (set.get('help') === true) {
    rt.out(commandHelpFor(app, cmd.name));
    return;
  }
  return cmd.action?.(ctx);
}

/** Command.startApp + App.RunAsSubcommand: a command with subcommands runs as an app of its own. */
function runSubApp(parent: CliContext, cmd: CliCommand): Promise<void> | undefined {
  // cli's startApp tests HelpName the wrong way round, so the sub-app's help name is its name.
  const name = `${parent.app.name} ${cmd.name}`;
  // RunAsSubcommand appends the app-level help command; only the default action differs.
  const commands = [...(cmd.subcommands ?? []), helpCommand()];
  const flags = [...(cmd.flags ?? []), HELP_FLAG];
  const app: CliApp = {
    name,
    helpName: name,
    usage: cmd.description || cmd.usage,
    version: parent.app.version,
    flags,
    commands: withHelpNames(name, commands),
  };
  const rt = parent.rt;
  const set = new FlagSet(flags);
  const err = set.parse(parent.args(), 1);
  const nerr = set.normalize();
  const ctx = new CliContext(app, set, parent);
  if (nerr !== undefined) {
    rt.out(`${nerr}\n\n`);
    rt.out(subcommandHelp(app));
    return;
  }
  if (err !== undefined) {
    rt.out('Incorrect Usage.\n\n');
    rt.out(subcommandHelp(app));
    return;
  }
  if (set.get('help') === true) {
    rt.out(subcommandHelp(app));
    return;
  }
  const first = ctx.args()[0];
  if (first !== undefined) {
    const found = findCommand(app, first);
    if (found) return runCommand(ctx, found.cmd);
  }
  if (cmd.action) return cmd.action(ctx);
  rt.out(first !== undefined ? commandHelpFor(app, first) : subcommandHelp(app));
}
