import { exists, isDir, resolvePath } from '../paths.ts';
import type { Builtin } from '../registry.ts';

/** bash's cd: no argument goes home, `-` goes back (and prints where); sets PWD and OLDPWD. */
export const cd: Builtin = async (proc, sh) => {
  const st = sh.state;
  const args = proc.argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = st.vars.get('HOME');
    if (target === undefined) {
      proc.stderr.write('bash: cd: HOME not set\n');
      return 1;
    }
    if (target === '') return 0;
  } else if (target === '-') {
    target = st.vars.get('OLDPWD');
    if (target === undefined) {
      proc.stderr.write('bash: cd: OLDPWD not set\n');
      return 1;
    }
    print = true;
  }
  const fs = proc.host.fs;
  const abs = resolvePath(st.cwd, target!);
  if (!isDir(fs, abs)) {
    proc.stderr.write(`bash: cd: ${target}: ${exists(fs, abs) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  if (abs === '/root' && st.user !== 'root') {
    proc.stderr.write(`bash: cd: ${target}: Permission denied\n`);
    return 1;
  }
  st.vars.set('OLDPWD', st.cwd);
  st.exported.add('OLDPWD');
  st.cwd = abs;
  st.vars.set('PWD', abs);
  if (print) proc.stdout.write(abs + '\n');
  return 0;
};
