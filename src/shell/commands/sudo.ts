import type { Builtin } from '../registry.ts';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]
usage: sudo [-AbEHknPS] [-C num] [-g group] [-h host] [-p prompt] [-u user] [VAR=value] [-i|-s] [<command>]
usage: sudo -e [-AknS] [-C num] [-g group] [-h host] [-p prompt] [-u user] file ...
`;

/**
 * sudo as the `core` user has it on CoreOS (no password): runs the command as root. Like the real
 * one, redirections in `sudo cmd > file` are still done by the user's shell.
 */
export const sudo: Builtin = async (proc, sh) => {
  const args = proc.argv.slice(1);
  let user = 'root';
  let keepEnv = false;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-u') user = args[++i] ?? 'root';
    else if (a === '-E') keepEnv = true;
    else if (/^-[HnSk]+$/.test(a)) continue;
    else if (a === '-i' || a === '-s') {
      proc.stderr.write('sudo: an interactive root shell is not available in the playground\n');
      return 1;
    } else {
      proc.stderr.write(`sudo: invalid option -- '${a.slice(1, 2)}'\n${USAGE}`);
      return 1;
    }
  }
  const env = new Map<string, string>();
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]!); i++) {
    const a = args[i]!;
    env.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  }
  const argv = args.slice(i);
  if (argv.length === 0) {
    proc.stderr.write(USAGE);
    return 1;
  }
  if (user !== 'root' && user !== 'core') {
    proc.stderr.write(`sudo: unknown user: ${user}\nsudo: unable to initialize policy plugin\n`);
    return 1;
  }
  const name = argv[0]!;
  if (!sh.registry.has(name) && !name.includes('/')) {
    proc.stderr.write(`sudo: ${name}: command not found\n`);
    return 1;
  }
  // env_reset keeps a few variables and names the invoking user.
  const base = keepEnv ? new Map(proc.env) : new Map([...proc.env].filter(([k]) => ['PATH', 'TERM', 'HOME', 'LANG', 'SHELL'].includes(k)));
  base.set('USER', user);
  base.set('LOGNAME', user);
  base.set('SUDO_USER', 'core');
  base.set('SUDO_UID', '500');
  base.set('SUDO_GID', '500');
  for (const [k, v] of env) base.set(k, v);
  return sh.exec(argv, { user, env: base });
};
