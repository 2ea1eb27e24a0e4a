import type { Command } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { lines, readOperand } from './lib/io.ts';

/** A list like `1,3-5,7-` as a predicate on 1-based positions. */
function parseList(spec: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1) return undefined;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

/** coreutils cut: `-f` fields split on `-d` (tab by default), or `-c` characters. */
export const cut: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 's', withArg: 'dfcb', long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's' } });
  if (!r.ok) {
    proc.stderr.write(usageError('cut', r.error));
    return 1;
  }
  const get = (k: string) => r.opts.find(([o]) => o === k)?.[1] as string | undefined;
  const delim = get('d') ?? '\t';
  if (delim.length !== 1) {
    proc.stderr.write(usageError('cut', 'the delimiter must be a single character'));
    return 1;
  }
  const fields = get('f');
  const chars = get('c') ?? get('b');
  if (fields === undefined && chars === undefined) {
    proc.stderr.write(usageError('cut', 'you must specify a list of bytes, characters, or fields'));
    return 1;
  }
  const pick = parseList((fields ?? chars)!);
  if (!pick) {
    proc.stderr.write(usageError('cut', 'invalid byte, character or field list'));
    return 1;
  }
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    const got = await readOperand(proc, f);
    if ('error' in got) {
      proc.stderr.write(`cut: ${f}: ${got.error}\n`);
      status = 1;
      continue;
    }
    let out = '';
    for (const line of lines(got.text)) {
      if (chars !== undefined) {
        out += [...line].filter((_, i) => pick(i + 1)).join('') + '\n';
      } else if (!line.includes(delim)) {
        if (!r.opts.some(([k]) => k === 's')) out += line + '\n';
      } else out += line.split(delim).filter((_, i) => pick(i + 1)).join(delim) + '\n';
    }
    proc.stdout.write(out);
  }
  return status;
};
