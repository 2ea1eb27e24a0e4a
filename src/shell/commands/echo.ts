import type { Command } from '../process.ts';

/** bash's `echo \e` escapes; `\c` ends all output. */
function escapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
      i += m.length;
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else if ((n === 'u' || n === 'U') && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(m, 16));
      i += m.length;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

/** bash's builtin echo: `-n`, `-e`, `-E` (only when every letter of the word is one of them). */
export const echo: Command = async (proc) => {
  const args = proc.argv.slice(1);
  let newline = true;
  let interpret = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    for (const c of args[i]!.slice(1)) {
      if (c === 'n') newline = false;
      else interpret = c === 'e';
    }
  }
  let text = args.slice(i).join(' ');
  if (interpret) {
    const r = escapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  proc.stdout.write(newline ? text + '\n' : text);
  return 0;
};
