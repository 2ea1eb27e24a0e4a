import type { Command, Process } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { forEachLine, readOperand } from './lib/io.ts';

/** `-5` is `-n 5` (the traditional form). */
export function numberShorthand(args: string[]): string[] {
  return args.map((a, i) => (/^-\d+$/.test(a) && !['-n', '-c', '--lines', '--bytes'].includes(args[i - 1] ?? '') ? `-n${a.slice(1)}` : a));
}

async function headOf(proc: Process, f: string, n: number, bytes: number | undefined): Promise<string | undefined> {
  if (f === '-' && bytes === undefined && n >= 0) {
    // Stop reading after n lines: the writer of a pipe then gets SIGPIPE, as with real head.
    let left = n;
    if (left === 0) return undefined;
    await forEachLine(proc.stdin, (line, nl) => {
      proc.stdout.write(line + (nl ? '\n' : ''));
      return --left > 0;
    });
    return undefined;
  }
  const got = await readOperand(proc, f);
  if ('error' in got) return got.error;
  if (bytes !== undefined) {
    proc.stdout.write(got.text.slice(0, bytes));
    return undefined;
  }
  const parts = got.text.split(/(?<=\n)/);
  proc.stdout.write((n >= 0 ? parts.slice(0, n) : parts.slice(0, Math.max(0, parts.length + n))).join(''));
  return undefined;
}

/** coreutils head: `-n N` (negative: all but the last N), `-N`, `-c N`, headers for several files. */
export const head: Command = async (proc) => {
  const r = getopt(numberShorthand(proc.argv.slice(1)), { flags: 'qv', withArg: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', verbose: 'v' } });
  if (!r.ok) {
    proc.stderr.write(usageError('head', r.error));
    return 1;
  }
  let n = 10;
  let bytes: number | undefined;
  for (const [k, v] of r.opts) {
    if (k !== 'n' && k !== 'c') continue;
    const s = v as string;
    if (!/^-?\d+$/.test(s)) {
      proc.stderr.write(`head: invalid number of ${k === 'n' ? 'lines' : 'bytes'}: ‘${s}’\n`);
      return 1;
    }
    if (k === 'n') n = Number(s);
    else bytes = Number(s);
  }
  const files = r.operands.length ? r.operands : ['-'];
  let status = 0;
  const headers = (files.length > 1 || r.opts.some(([k]) => k === 'v')) && !r.opts.some(([k]) => k === 'q');
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (headers) proc.stdout.write(`${i > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
    const err = await headOf(proc, f, n, bytes);
    if (err) {
      proc.stderr.write(`head: cannot open ‘${f}’ for reading: ${err}\n`);
      status = 1;
    }
  }
  return status;
};
