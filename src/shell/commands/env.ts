import type { Builtin } from '../registry.ts';

/** coreutils env: prints the environment, or runs a command with `NAME=value` added (`-i` empty, `-u` removed). */
export const env: Builtin = async (proc, sh) => {
  const vars = new Map(proc.env);
  const args = proc.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars.clear();
    else if (a === '-u' || a === '--unset') vars.delete(args[++i] ?? '');
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) {
      proc.stderr.write(`env: invalid option -- '${a[1]}'\nTry 'env --help' for more information.\n`);
      return 125;
    } else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]!); i++) {
    const a = args[i]!;
    vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  }
  if (i >= args.length) {
    for (const [k, v] of vars) proc.stdout.write(`${k}=${v}\n`);
    return 0;
  }
  const argv = args.slice(i);
  if (!sh.registry.has(argv[0]!) && !argv[0]!.includes('/')) {
    proc.stderr.write(`env: ‘${argv[0]}’: No such file or directory\n`);
    return 127;
  }
  return sh.exec(argv, { env: vars });
};
