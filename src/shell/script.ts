import type { Ctx, Interpreter } from './interpreter.ts';
import { isDir } from './paths.ts';
import type { HostContext } from './process.ts';

/** What running a script file needs of the interpreter. */
type Runner = Pick<Interpreter, 'host' | 'runScript'>;

/** `./script.sh`: an executable text file runs in a child shell. */
export async function runFile(it: Runner, name: string, abs: string, argv: string[], env: Map<string, string>, ctx: Ctx): Promise<number> {
  const fs = it.host.fs;
  if (isDir(fs, abs)) {
    ctx.io.stderr.write(`bash: ${name}: Is a directory\n`);
    return 126;
  }
  const text = fs.read(abs);
  if (text === undefined) {
    ctx.io.stderr.write(`bash: ${name}: No such file or directory\n`);
    return 127;
  }
  if (!isExecutable(fs, abs, text)) {
    ctx.io.stderr.write(`bash: ${name}: Permission denied\n`);
    return 126;
  }
  return it.runScript(text, { arg0: name, args: argv.slice(1), inherit: false, env }, ctx);
}

/**
 * Whether a file may be run. The FileSystem keeps modes but has no reader for them yet; until it
 * has one (`mode(path)`), a file counts as executable when it starts with `#!`.
 */
function isExecutable(fs: HostContext['fs'], abs: string, text: string): boolean {
  const mode = (fs as { mode?: (p: string) => number | undefined }).mode?.(abs);
  if (mode !== undefined) return (mode & 0o111) !== 0;
  return text.startsWith('#!');
}
