import { readFile, resolvePath } from '../../paths.ts';
import type { Process } from '../../process.ts';

/** The content of a file operand (`-` is standard input), or the error to print. */
export async function readOperand(proc: Process, name: string): Promise<{ text: string } | { error: string }> {
  if (name === '-') return { text: await proc.stdin.readAll() };
  const abs = resolvePath(proc.cwd, name);
  if (abs === '/dev/stdin') return { text: await proc.stdin.readAll() };
  return readFile(proc.host.fs, abs);
}

/** Splits text into lines; a final line without newline still counts. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

/**
 * Calls `fn` for each line of a stream as it arrives (a pipe from a watch delivers lines over
 * time). `fn` returns false to stop reading. The last line may lack its newline.
 */
export async function forEachLine(input: Process['stdin'], fn: (line: string, newline: boolean) => boolean | void): Promise<void> {
  let buf = '';
  for (let c = await input.read(); c !== null; c = await input.read()) {
    buf += c;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (fn(line, true) === false) return;
      nl = buf.indexOf('\n');
    }
  }
  if (buf !== '') fn(buf, false);
}
