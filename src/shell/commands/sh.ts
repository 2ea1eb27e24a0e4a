import { readFile, resolvePath } from '../paths.ts';
import type { Builtin } from '../registry.ts';

/** `bash -c 'cmds' [name [args]]`, `bash script [args]`, or a script piped in: a child shell. */
export const sh: Builtin = async (proc, shell) => {
  const self = proc.argv[0]!.replace(/^.*\//, '');
  const args = proc.argv.slice(1);
  let i = 0;
  let command: string | undefined;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c') {
      command = args[++i];
      if (command === undefined) {
        proc.stderr.write(`${self}: -c: option requires an argument\n`);
        return 2;
      }
      i++;
      break;
    }
    if (a === '--') {
      i++;
      break;
    }
    if (/^[-+][exluvi]+$/.test(a) || a === '--login' || a === '--norc' || a === '--noprofile') continue;
    if (a.startsWith('-')) {
      proc.stderr.write(`${self}: ${a}: invalid option\n`);
      return 2;
    }
    break;
  }
  const rest = args.slice(i);
  if (command !== undefined) {
    return shell.runScript(command, { arg0: rest[0] ?? self, args: rest.slice(1), inherit: false });
  }
  if (rest.length > 0) {
    const got = readFile(proc.host.fs, resolvePath(proc.cwd, rest[0]!));
    if ('error' in got) {
      proc.stderr.write(`${self}: ${rest[0]}: ${got.error}\n`);
      return 127;
    }
    return shell.runScript(got.text, { arg0: rest[0]!, args: rest.slice(1), inherit: false });
  }
  // No script: commands come from standard input (an interactive nested shell is not offered).
  if (proc.stdin.isTTY) return 0;
  return shell.runScript(await proc.stdin.readAll(), { arg0: self, args: [], inherit: false });
};
