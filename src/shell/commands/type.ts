import { BASH_BUILTINS, type Builtin } from '../registry.ts';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'in', 'case', 'esac', '{', '}', '!', 'function', 'time', '[[', ']]', 'select']);

/** bash's `type`: keyword, function, builtin, or the file a name runs. */
export const type: Builtin = async (proc, sh) => {
  let status = 0;
  for (const name of proc.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (KEYWORDS.has(name)) proc.stdout.write(`${name} is a shell keyword\n`);
    else if (sh.state.functions.has(name)) proc.stdout.write(`${name} is a function\n`);
    else if (BASH_BUILTINS.has(name) || (sh.registry.isBuiltin(name) && !['env', 'sudo', 'mkdir', 'touch', 'rm', 'whoami', 'sh', 'bash', 'which'].includes(name))) {
      proc.stdout.write(`${name} is a shell builtin\n`);
    } else if (sh.registry.has(name)) proc.stdout.write(`${name} is /usr/bin/${name}\n`);
    else {
      proc.stderr.write(`bash: type: ${name}: not found\n`);
      status = 1;
    }
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
