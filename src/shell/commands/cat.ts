import type { Command, InputStream, OutputStream } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { readOperand } from './lib/io.ts';

/** How cat shows characters: -v control characters as ^X, -T tabs as ^I, -E `$` at line ends. */
interface Show {
  v: boolean;
  t: boolean;
  e: boolean;
}

/** Line numbering (-n) carries across chunks and files. */
interface Numbering {
  n: number;
  atStart: boolean;
}

/** Copies a stream chunk by chunk, so a pipe from a watch shows each event as it comes. */
async function copy(input: InputStream, out: OutputStream, number: Numbering | undefined, show: Show | undefined): Promise<void> {
  for (let c = await input.read(); c !== null; c = await input.read()) out.write(render(c, number, show));
}

function render(text: string, number: Numbering | undefined, show: Show | undefined): string {
  if (!number && !show) return text;
  let out = '';
  for (const ch of text) {
    if (number?.atStart) out += String(number.n++).padStart(6) + '\t';
    out += show ? shown(ch, show) : ch;
    if (number) number.atStart = ch === '\n';
  }
  return out;
}

/** One character as cat.c's -v/-T/-E show it (bytes above 127 are left as they are). */
function shown(ch: string, show: Show): string {
  if (ch === '\n') return show.e ? '$\n' : ch;
  if (ch === '\t') return show.t ? '^I' : ch;
  const c = ch.charCodeAt(0);
  if (!show.v) return ch;
  if (c < 32) return '^' + String.fromCharCode(c + 64);
  return c === 127 ? '^?' : ch;
}

/** coreutils cat: files and `-` (standard input) in order; `-n` numbers lines; -A, -v, -E, -T, -e, -t show. */
export const cat: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), {
    flags: 'nAuvETet',
    long: { number: 'n', 'show-all': 'A', 'show-nonprinting': 'v', 'show-ends': 'E', 'show-tabs': 'T' },
  });
  if (!r.ok) {
    proc.stderr.write(usageError('cat', r.error));
    return 1;
  }
  const has = (k: string) => r.opts.some(([o]) => o === k);
  const number = has('n') ? { n: 1, atStart: true } : undefined;
  const v = has('A') || has('v') || has('e') || has('t');
  const e = has('A') || has('E') || has('e');
  const t = has('A') || has('T') || has('t');
  const show = v || e || t ? { v, e, t } : undefined;
  const files = r.operands.length ? r.operands : ['-'];
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      await copy(proc.stdin, proc.stdout, number, show);
      continue;
    }
    const got = await readOperand(proc, f);
    if ('error' in got) {
      proc.stderr.write(`cat: ${f}: ${got.error}\n`);
      status = 1;
      continue;
    }
    proc.stdout.write(render(got.text, number, show));
  }
  return status;
};
