import { flagHelp, type FlagDef } from './flag.ts';
import { tabwrite } from './tabwriter.ts';
import type { CliApp, CliCommand } from './types.ts';

/**
 * codegangsta/cli's help templates (AppHelpTemplate, CommandHelpTemplate, SubcommandHelpTemplate
 * of the 2016 v1 line), rendered through tabwriter as cli's printHelp does. Written out by hand
 * from the Go templates; the odd "   " lines are the templates' indentation before `{{end}}`.
 */

function commandLines(app: CliApp): string {
  return app.commands.map(({ cmd }) => `   ${[cmd.name, ...(cmd.aliases ?? [])].join(', ')}\t${cmd.usage}\n`).join('');
}

function flagLines(flags: readonly FlagDef[]): string {
  return flags.map((f) => `   ${flagHelp(f)}\n`).join('');
}

function argsUsage(a: string | undefined): string {
  return a ? a : '[arguments...]';
}

export function appHelp(app: CliApp): string {
  let t = `NAME:\n   ${app.name} - ${app.usage}\n\nUSAGE:\n   ${app.helpName} `;
  if (app.flags.length) t += '[global options]';
  if (app.commands.length) t += ' command [command options]';
  t += ` [arguments...]\n   `;
  if (app.version) t += `\nVERSION:\n   ${app.version}\n   `;
  if (app.commands.length) t += `\nCOMMANDS:\n${commandLines(app)}   `;
  if (app.flags.length) t += `\nGLOBAL OPTIONS:\n${flagLines(app.flags)}   `;
  return tabwrite(t + '\n');
}

export function commandHelp(cmd: CliCommand, helpName: string): string {
  const flags = cmd.flags ?? [];
  let t = `NAME:\n   ${helpName} - ${cmd.usage}\n\nUSAGE:\n   ${helpName}`;
  if (flags.length) t += ' [command options]';
  t += ` ${argsUsage(cmd.argsUsage)}`;
  if (cmd.description) t += `\n\nDESCRIPTION:\n   ${cmd.description}`;
  if (flags.length) t += `\n\nOPTIONS:\n${flagLines(flags)}   `;
  return tabwrite(t + '\n');
}

export function subcommandHelp(app: CliApp): string {
  let t = `NAME:\n   ${app.helpName} - ${app.usage}\n\nUSAGE:\n   ${app.helpName} command`;
  if (app.flags.length) t += ' [command options]';
  t += ` [arguments...]\n\nCOMMANDS:\n${commandLines(app)}   `;
  if (app.flags.length) t += `\nOPTIONS:\n${flagLines(app.flags)}   `;
  return tabwrite(t + '\n');
}

/** What cli's ShowCommandHelp prints: a command of `app` by name or alias, else "No help topic". */
export function commandHelpFor(app: CliApp, name: string): string {
  if (name === '') return subcommandHelp(app);
  const found = app.commands.find(({ cmd }) => cmd.name === name || (cmd.aliases ?? []).includes(name));
  return found ? commandHelp(found.cmd, found.helpName) : `No help topic for '${name}'\n`;
}
