import { BASH_BUILTINS, type Builtin } from '../registry.ts';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'in', 'case', 'esac', '{', '}', '!', 'function', 'time', '[[', ']]', 'select']);

/** bash's `type`: alias, keyword, function, builtin, or the file a name runs; `-t` just the kind. */
export const type: Builtin = async (proc, sh) => {
  let status = 0;
  const args = proc.argv.slice(1);
  const short = args.some((a) => /^-[a-zA-Z]*t/.test(a));
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const alias = sh.state.aliases.get(name);
    let kind: string;
    let long: string;
    if (alias !== undefined) [kind, long] = ['alias', `${name} is aliased to \`${alias}'`];
    else if (KEYWORDS.has(name)) [kind, long] = ['keyword', `${name} is a shell keyword`];
    else if (sh.state.functions.has(name)) [kind, long] = ['function', `${name} is a function`];
    else if (BASH_BUILTINS.has(name) || (sh.registry.isBuiltin(name) && !['env', 'sudo', 'mkdir', 'touch', 'rm', 'whoami', 'sh', 'bash', 'which'].includes(name))) {
      [kind, long] = ['builtin', `${name} is a shell builtin`];
    } else if (sh.registry.has(name)) [kind, long] = ['file', `${name} is /usr/bin/${name}`];
    else {
      // type -t says nothing of a name it does not know.
      if (!short) proc.stderr.write(`bash: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    proc.stdout.write((short ? kind : long) + '\n');
  }
  return status;
};

/** GNU which: the path of each program. */
export const which: Builtin = async (proc, sh) => {
  let status = 0;
  for (const name of proc.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (sh.registry.onPath(name)) proc.stdout.write(`${name === 'sh' ? '/bin' : '/usr/bin'}/${name}\n`);
    else {
      proc.stderr.write(`which: no ${name} in (${proc.env.get('PATH') ?? ''})\n`);
      status = 1;
    }
  }
  return status;
};
