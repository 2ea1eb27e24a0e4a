import type { Command } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';

const decimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

/** coreutils seq: `LAST`, `FIRST LAST`, `FIRST INCREMENT LAST`; `-s SEP`, `-w`. */
export const seq: Command = async (proc) => {
  // Negative numbers are operands, not options.
  const args = proc.argv.slice(1);
  const r = getopt(
    args.map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)),
    { flags: 'w', withArg: 'sf', long: { separator: 's', 'equal-width': 'w', 'format=': 'f' } },
  );
  if (!r.ok) {
    proc.stderr.write(usageError('seq', r.error));
    return 1;
  }
  const ops = r.operands.map((o) => o.replace(/^\u0000/, ''));
  if (ops.length === 0) {
    proc.stderr.write(usageError('seq', 'missing operand'));
    return 1;
  }
  if (ops.length > 3) {
    proc.stderr.write(usageError('seq', `extra operand ‘${ops[3]}’`));
    return 1;
  }
  for (const o of ops) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(o)) {
      proc.stderr.write(usageError('seq', `invalid floating point argument: ‘${o}’`));
      return 1;
    }
  }
  const [first, incr, last] = ops.length === 1 ? ['1', '1', ops[0]!] : ops.length === 2 ? [ops[0]!, '1', ops[1]!] : (ops as [string, string, string]);
  const a = Number(first);
  const step = Number(incr);
  const b = Number(last);
  if (step === 0) {
    proc.stderr.write(usageError('seq', `invalid Zero increment value: ‘${incr}’`));
    return 1;
  }
  const sep = (r.opts.find(([k]) => k === 's')?.[1] as string | undefined) ?? '\n';
  const width = r.opts.some(([k]) => k === 'w');
  const prec = Math.max(decimals(first), decimals(incr));
  const nums: string[] = [];
  for (let i = 0; ; i++) {
    const v = a + i * step;
    if (step > 0 ? v > b + 1e-9 : v < b - 1e-9) break;
    nums.push(v.toFixed(prec));
    if (nums.length > 1_000_000) break;
  }
  const w = width ? Math.max(...nums.map((n) => n.length)) : 0;
  const out = nums.map((n) => (n.startsWith('-') ? '-' + n.slice(1).padStart(w - 1, '0') : n.padStart(w, '0')));
  if (out.length) proc.stdout.write(out.join(sep) + '\n');
  return 0;
};
