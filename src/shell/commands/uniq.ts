import type { Command } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { lines, readOperand } from './lib/io.ts';

/** coreutils uniq: adjacent duplicates; `-c` counts, `-d` only repeated, `-u` only unique. */
export const uniq: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (!r.ok) {
    proc.stderr.write(usageError('uniq', r.error));
    return 1;
  }
  const has = (f: string) => r.opts.some(([k]) => k === f);
  const got = await readOperand(proc, r.operands[0] ?? '-');
  if ('error' in got) {
    proc.stderr.write(`uniq: ${r.operands[0]}: ${got.error}\n`);
    return 1;
  }
  const same = (a: string, b: string) => (has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: [string, number][] = [];
  for (const l of lines(got.text)) {
    const last = groups[groups.length - 1];
    if (last && same(last[0], l)) last[1]++;
    else groups.push([l, 1]);
  }
  let out = '';
  for (const [l, n] of groups) {
    if (has('d') && n < 2) continue;
    if (has('u') && n > 1) continue;
    out += (has('c') ? String(n).padStart(7) + ' ' : '') + l + '\n';
  }
  proc.stdout.write(out);
  return 0;
};
