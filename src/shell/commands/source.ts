import { readFile, resolvePath } from '../paths.ts';
import type { Builtin } from '../registry.ts';

/** bash's `source` / `.`: runs a file in this shell (its variables and cd stay). */
export const source: Builtin = async (proc, sh) => {
  const name = proc.argv[0]!;
  const file = proc.argv[1];
  if (file === undefined) {
    proc.stderr.write(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const got = readFile(proc.host.fs, resolvePath(proc.cwd, file));
  if ('error' in got) {
    proc.stderr.write(`bash: ${file}: ${got.error}\n`);
    return 1;
  }
  return sh.runScript(got.text, { arg0: sh.state.arg0, args: proc.argv.slice(2), inherit: true });
};
