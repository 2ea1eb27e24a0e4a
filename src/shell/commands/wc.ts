import type { Command } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { readOperand } from './lib/io.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  max: number;
}

function count(text: string): Counts {
  const lineList = text.split('\n');
  return {
    lines: lineList.length - 1,
    words: text.split(/\s+/).filter(Boolean).length,
    chars: [...text].length,
    bytes: new TextEncoder().encode(text).length,
    max: Math.max(0, ...lineList.map((l) => [...l].length)),
  };
}

/** coreutils wc with its column widths (one count of one input prints the bare number). */
export const wc: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } });
  if (!r.ok) {
    proc.stderr.write(usageError('wc', r.error));
    return 1;
  }
  let sel = ['l', 'w', 'm', 'c', 'L'].filter((f) => r.opts.some(([k]) => k === f));
  if (sel.length === 0) sel = ['l', 'w', 'c'];
  const files = r.operands.length ? r.operands : ['-'];
  const results: { name: string; c?: Counts; regular: boolean }[] = [];
  let status = 0;
  for (const f of files) {
    const got = await readOperand(proc, f);
    if ('error' in got) {
      proc.stderr.write(`wc: ${f}: ${got.error}\n`);
      status = 1;
      results.push({ name: f, regular: true });
      continue;
    }
    results.push({ name: f, c: count(got.text), regular: f !== '-' });
  }
  // compute_number_width: digits of the total size of regular files, at least 7 for pipes.
  let width = 1;
  if (!(files.length === 1 && sel.length === 1)) {
    const total = results.reduce((a, x) => a + (x.regular && x.c ? x.c.bytes : 0), 0);
    width = String(total).length;
    if (results.some((x) => !x.regular)) width = Math.max(width, 7);
  }
  const pick = (c: Counts, f: string) => ({ l: c.lines, w: c.words, m: c.chars, c: c.bytes, L: c.max })[f as 'l']!;
  const line = (c: Counts, name: string) =>
    sel.map((f, i) => (i ? ' ' : '') + String(pick(c, f)).padStart(width)).join('') + (name === '-' && r.operands.length === 0 ? '' : ` ${name}`);
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, max: 0 };
  for (const x of results) {
    if (!x.c) continue;
    proc.stdout.write(line(x.c, x.name) + '\n');
    total.lines += x.c.lines;
    total.words += x.c.words;
    total.chars += x.c.chars;
    total.bytes += x.c.bytes;
    total.max = Math.max(total.max, x.c.max);
  }
  if (files.length > 1) proc.stdout.write(line(total, 'total') + '\n');
  return status;
};
