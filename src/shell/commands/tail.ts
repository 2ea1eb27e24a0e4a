import type { Command } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { numberShorthand } from './head.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { readOperand } from './lib/io.ts';

/** coreutils tail: `-n N`, `-n +N` (from line N), `-N`, `-c N`; `-f` waits for Ctrl-C after printing. */
export const tail: Command = async (proc) => {
  const r = getopt(numberShorthand(proc.argv.slice(1)), { flags: 'qvfF', withArg: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', verbose: 'v', follow: 'f' } });
  if (!r.ok) {
    proc.stderr.write(usageError('tail', r.error));
    return 1;
  }
  let n = 10;
  let fromStart = false;
  let bytes: number | undefined;
  for (const [k, v] of r.opts) {
    if (k !== 'n' && k !== 'c') continue;
    const s = v as string;
    if (!/^[-+]?\d+$/.test(s)) {
      proc.stderr.write(`tail: invalid number of ${k === 'n' ? 'lines' : 'bytes'}: ‘${s}’\n`);
      return 1;
    }
    if (k === 'n') {
      n = Math.abs(Number(s));
      fromStart = s.startsWith('+');
    } else bytes = Math.abs(Number(s));
  }
  const files = r.operands.length ? r.operands : ['-'];
  let status = 0;
  const headers = (files.length > 1 || r.opts.some(([k]) => k === 'v')) && !r.opts.some(([k]) => k === 'q');
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const got = await readOperand(proc, f);
    if ('error' in got) {
      proc.stderr.write(`tail: cannot open ‘${f}’ for reading: ${got.error}\n`);
      status = 1;
      continue;
    }
    if (headers) proc.stdout.write(`${i > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`);
    if (bytes !== undefined) {
      proc.stdout.write(bytes === 0 ? '' : got.text.slice(-bytes));
      continue;
    }
    const parts = got.text.split(/(?<=\n)/).filter((p) => p !== '');
    proc.stdout.write((fromStart ? parts.slice(Math.max(0, n - 1)) : n === 0 ? [] : parts.slice(-n)).join(''));
  }
  const follow = r.opts.some(([k]) => k === 'f' || k === 'F') && files.some((f) => f !== '-');
  if (follow) {
    await new Promise<void>((resolve) => proc.signal.onAbort(() => proc.host.wake(resolve)));
    return killedStatus(proc.signal.reason);
  }
  return status;
};
