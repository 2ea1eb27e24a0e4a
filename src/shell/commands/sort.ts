import type { Command } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { lines, readOperand } from './lib/io.ts';

/**
 * en_US.UTF-8 collation (CoreOS's LANG), with GNU sort's last-resort byte comparison. The collator
 * is made on first use: building one takes ~20 ms, at page load otherwise.
 */
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator('en-US')).compare(a, b);

/** coreutils sort: `-n`, `-r`, `-u`, `-f`, `-k N[,M]`, `-t SEP`. */
export const sort: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 'nrufb', withArg: 'kt', long: { numeric: 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', 'key=': 'k', 'field-separator=': 't' } });
  if (!r.ok) {
    proc.stderr.write(usageError('sort', r.error));
    return 2;
  }
  const has = (f: string) => r.opts.some(([k]) => k === f);
  const sep = r.opts.find(([k]) => k === 't')?.[1] as string | undefined;
  const keySpec = r.opts.find(([k]) => k === 'k')?.[1] as string | undefined;
  const km = keySpec ? /^(\d+)(?:\.\d+)?[a-z]*(?:,(\d+))?/.exec(keySpec) : null;
  const all: string[] = [];
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    const got = await readOperand(proc, f);
    if ('error' in got) {
      proc.stderr.write(`sort: cannot read: ${f}: ${got.error}\n`);
      status = 2;
      continue;
    }
    all.push(...lines(got.text));
  }
  const key = (line: string): string => {
    if (!km) return line;
    const fields = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
    const from = Number(km[1]) - 1;
    const to = km[2] ? Number(km[2]) : fields.length;
    return fields.slice(from, to).join(sep ?? ' ').trim();
  };
  const cmp = (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    let c: number;
    if (has('n')) c = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
    else c = has('f') ? compareText(ka.toUpperCase(), kb.toUpperCase()) : compareText(ka, kb);
    if (c === 0 && !has('u')) c = a < b ? -1 : a > b ? 1 : 0;
    return has('r') ? -c : c;
  };
  let sorted = all.sort(cmp);
  if (has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1]!, l) !== 0);
  proc.stdout.write(sorted.map((l) => l + '\n').join(''));
  return status;
};
