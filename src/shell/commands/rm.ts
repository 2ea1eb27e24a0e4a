import { exists, isDir, resolvePath, writeError } from '../paths.ts';
import type { Builtin } from '../registry.ts';
import { getopt, usageError } from './lib/getopt.ts';

/** coreutils rm: `-f`, `-r`. (The FileSystem cannot drop a directory entry: `-r` empties it.) */
export const rm: Builtin = async (proc, sh) => {
  const r = getopt(proc.argv.slice(1), { flags: 'frRvdi', long: { force: 'f', recursive: 'r', verbose: 'v' } });
  if (!r.ok) {
    proc.stderr.write(usageError('rm', r.error));
    return 1;
  }
  const force = r.opts.some(([k]) => k === 'f');
  const recursive = r.opts.some(([k]) => k === 'r' || k === 'R');
  if (r.operands.length === 0) {
    if (force) return 0;
    proc.stderr.write(usageError('rm', 'missing operand'));
    return 1;
  }
  const fs = proc.host.fs;
  let status = 0;
  for (const name of r.operands) {
    const abs = resolvePath(proc.cwd, name);
    if (!exists(fs, abs)) {
      if (!force) {
        proc.stderr.write(`rm: cannot remove ‘${name}’: No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (isDir(fs, abs) && !recursive) {
      proc.stderr.write(`rm: cannot remove ‘${name}’: Is a directory\n`);
      status = 1;
      continue;
    }
    const victims = isDir(fs, abs) ? fs.paths().filter((p) => p.startsWith(abs === '/' ? '/' : abs + '/')) : [abs];
    const denied = victims.find((p) => writeError(fs, p, sh.state.user) !== undefined);
    if (denied !== undefined) {
      proc.stderr.write(`rm: cannot remove ‘${name}’: ${writeError(fs, denied, sh.state.user)}\n`);
      status = 1;
      continue;
    }
    for (const p of victims) fs.remove(p);
  }
  return status;
};
