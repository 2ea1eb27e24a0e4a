import type { Command, InputStream, OutputStream } from '../process.ts';
import { getopt, usageError } from './lib/getopt.ts';
import { readOperand } from './lib/io.ts';

/** Copies a stream chunk by chunk, so a pipe from a watch shows each event as it comes. */
async function copy(input: InputStream, out: OutputStream, number: { n: number; atStart: boolean } | undefined): Promise<void> {
  for (let c = await input.read(); c !== null; c = await input.read()) out.write(number ? numbered(c, number) : c);
}

function numbered(text: string, st: { n: number; atStart: boolean }): string {
  let out = '';
  for (const ch of text) {
    if (st.atStart) out += String(st.n++).padStart(6) + '\t';
    out += ch;
    st.atStart = ch === '\n';
  }
  return out;
}

/** coreutils cat: files and `-` (standard input) in order; `-n` numbers lines. */
export const cat: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 'nAuv', long: { number: 'n', 'show-all': 'A' } });
  if (!r.ok) {
    proc.stderr.write(usageError('cat', r.error));
    return 1;
  }
  const number = r.opts.some(([k]) => k === 'n') ? { n: 1, atStart: true } : undefined;
  const files = r.operands.length ? r.operands : ['-'];
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      await copy(proc.stdin, proc.stdout, number);
      continue;
    }
    const got = await readOperand(proc, f);
    if ('error' in got) {
      proc.stderr.write(`cat: ${f}: ${got.error}\n`);
      status = 1;
      continue;
    }
    proc.stdout.write(number ? numbered(got.text, number) : got.text);
  }
  return status;
};
