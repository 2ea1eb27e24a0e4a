import { exists, isDir, mkdirError, resolvePath } from '../paths.ts';
import type { Builtin } from '../registry.ts';
import { getopt, usageError } from './lib/getopt.ts';

/** coreutils mkdir, `-p` for parents; only where the user may write. */
export const mkdir: Builtin = async (proc, sh) => {
  const r = getopt(proc.argv.slice(1), { flags: 'pv', withArg: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
  if (!r.ok) {
    proc.stderr.write(usageError('mkdir', r.error));
    return 1;
  }
  if (r.operands.length === 0) {
    proc.stderr.write(usageError('mkdir', 'missing operand'));
    return 1;
  }
  const parents = r.opts.some(([k]) => k === 'p');
  const fs = proc.host.fs;
  let status = 0;
  for (const name of r.operands) {
    const abs = resolvePath(proc.cwd, name);
    if (exists(fs, abs)) {
      if (parents && isDir(fs, abs)) continue;
      proc.stderr.write(`mkdir: cannot create directory ‘${name}’: File exists\n`);
      status = 1;
      continue;
    }
    const chain: string[] = [];
    for (let d = abs; !exists(fs, d); d = d.slice(0, d.lastIndexOf('/')) || '/') chain.unshift(d);
    const todo = parents ? chain : [abs];
    for (const d of todo) {
      const err = mkdirError(fs, d, sh.state.user);
      if (err) {
        proc.stderr.write(`mkdir: cannot create directory ‘${name}’: ${err}\n`);
        status = 1;
        break;
      }
      fs.mkdir(d);
    }
  }
  return status;
};
