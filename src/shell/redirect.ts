import type { Redir, Word } from './ast.ts';
import { expandString, expandWords, type ExpandContext } from './expand.ts';
import { parseDoubleQuotedText } from './parser.ts';
import { readFile, resolvePath, writeError, writeFile } from './paths.ts';
import type { HostContext, InputStream, OutputStream } from './process.ts';
import { NullOutput, StringInput, type ShellOutput } from './streams.ts';

export interface IO {
  stdin: InputStream;
  stdout: ShellOutput;
  stderr: ShellOutput;
}

/** Output into a file of the host, opened once (truncated or not) and appended to. */
class FileOutput implements ShellOutput {
  readonly isTTY = false;
  constructor(
    private host: HostContext,
    private path: string,
  ) {}
  write(s: string): void {
    writeFile(this.host.fs, this.path, s, true);
  }
}

/** An error bash prints for a redirection (`bash: x: No such file or directory`), status 1. */
export class RedirectError extends Error {}

/** Rebuilds roughly what the user typed, for `ambiguous redirect`. */
function wordSource(w: Word): string {
  return w.parts
    .map((p) => {
      switch (p.kind) {
        case 'lit':
        case 'sq':
          return p.text;
        case 'dq':
          return '"' + wordSource({ parts: p.parts }) + '"';
        case 'param':
          return '$' + (p.op || p.length ? '{…}' : p.name);
        case 'cmd':
          return '$(…)';
        case 'arith':
          return '$((…))';
        default:
          return p.text;
      }
    })
    .join('');
}

/**
 * Applies redirections in order (so `>f 2>&1` sends both to f and `2>&1 >f` does not).
 * Throws RedirectError with bash's message.
 */
export async function applyRedirs(redirs: Redir[], io: IO, host: HostContext, ctx: ExpandContext): Promise<IO> {
  if (redirs.length === 0) return io;
  const fds = new Map<number, InputStream | OutputStream>([
    [0, io.stdin],
    [1, io.stdout],
    [2, io.stderr],
  ]);
  const fs = host.fs;
  const target = async (r: Redir): Promise<string> => {
    const fields = await expandWords([r.target], ctx);
    if (fields.length !== 1) throw new RedirectError(`${wordSource(r.target)}: ambiguous redirect`);
    return fields[0]!;
  };
  const openOut = (name: string, append: boolean): OutputStream => {
    const abs = resolvePath(ctx.state.cwd, name);
    if (abs === '/dev/null') return new NullOutput();
    if (abs === '/dev/stdout') return fds.get(1) as OutputStream;
    if (abs === '/dev/stderr') return fds.get(2) as OutputStream;
    const err = writeError(fs, abs, ctx.state.user);
    if (err) throw new RedirectError(`${name}: ${err}`);
    if (!append) writeFile(fs, abs, '', false);
    else if (!fs.isFile(abs)) writeFile(fs, abs, '', false);
    return new FileOutput(host, abs);
  };
  for (const r of redirs) {
    switch (r.op) {
      case '<': {
        const name = await target(r);
        const abs = resolvePath(ctx.state.cwd, name);
        if (abs === '/dev/stdin') break;
        const f = readFile(fs, abs);
        if ('error' in f) throw new RedirectError(`${name}: ${f.error}`);
        fds.set(r.fd, new StringInput(f.text));
        break;
      }
      case '>':
      case '>|':
      case '>>':
        fds.set(r.fd, openOut(await target(r), r.op === '>>'));
        break;
      case '&>':
      case '&>>': {
        const out = openOut(await target(r), r.op === '&>>');
        fds.set(1, out);
        fds.set(2, out);
        break;
      }
      case '>&':
      case '<&': {
        const t = await target(r);
        if (t === '-') {
          fds.set(r.fd, r.op === '>&' ? new NullOutput() : new StringInput(''));
        } else if (/^[0-9]+$/.test(t)) {
          const src = fds.get(Number(t));
          if (!src) throw new RedirectError(`${t}: Bad file descriptor`);
          fds.set(r.fd, src);
        } else if (r.op === '>&' && r.fd === 1) {
          const out = openOut(t, false);
          fds.set(1, out);
          fds.set(2, out);
        } else throw new RedirectError(`${t}: ambiguous redirect`);
        break;
      }
      case '<<<':
        fds.set(r.fd, new StringInput((await expandString(r.target, ctx)) + '\n'));
        break;
      case '<<': {
        const h = r.heredoc!;
        const text = h.quoted ? h.body : await expandString(parseDoubleQuotedText(h.body), ctx);
        fds.set(r.fd, new StringInput(text));
        break;
      }
    }
  }
  return {
    stdin: fds.get(0) as InputStream,
    stdout: fds.get(1) as ShellOutput,
    stderr: fds.get(2) as ShellOutput,
  };
}
