import type { Builtin } from '../registry.ts';

/** How `alias` prints a value: in single quotes, a quote inside as '\'' (shell_quote). */
const quoted = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;

/** bash's alias: `alias name=value...` defines, `alias [-p] [name...]` prints. */
export const alias: Builtin = async (proc, sh) => {
  const aliases = sh.state.aliases;
  const args = proc.argv.slice(1).filter((a, i) => !(i === 0 && a === '-p'));
  if (args.length === 0) {
    for (const name of [...aliases.keys()].sort()) proc.stdout.write(`alias ${name}=${quoted(aliases.get(name)!)}\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      aliases.set(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    const value = aliases.get(a);
    if (value === undefined) {
      proc.stderr.write(`bash: alias: ${a}: not found\n`);
      status = 1;
    } else proc.stdout.write(`alias ${a}=${quoted(value)}\n`);
  }
  return status;
};

/** bash's unalias: `unalias name...`, or `-a` for all. */
export const unalias: Builtin = async (proc, sh) => {
  const aliases = sh.state.aliases;
  const args = proc.argv.slice(1);
  if (args[0] === '-a') {
    aliases.clear();
    return 0;
  }
  if (args.length === 0) {
    proc.stderr.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let status = 0;
  for (const a of args) {
    if (!aliases.delete(a)) {
      proc.stderr.write(`bash: unalias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
};
