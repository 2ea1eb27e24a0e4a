import { exists, resolvePath, writeError } from '../paths.ts';
import type { Builtin } from '../registry.ts';

/** coreutils touch: creates missing files (the FileSystem keeps no times to update). */
export const touch: Builtin = async (proc, sh) => {
  const names = proc.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    proc.stderr.write(`touch: missing file operand\nTry 'touch --help' for more information.\n`);
    return 1;
  }
  const fs = proc.host.fs;
  let status = 0;
  for (const name of names) {
    const abs = resolvePath(proc.cwd, name);
    if (exists(fs, abs)) continue;
    const err = writeError(fs, abs, sh.state.user);
    if (err) {
      proc.stderr.write(`touch: cannot touch ‘${name}’: ${err}\n`);
      status = 1;
      continue;
    }
    fs.write(abs, '');
  }
  return status;
};
