import type { Command } from '../process.ts';
import { ansiEscape } from '../lexer.ts';

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** A tr set: escapes, ranges (a-z) and [:classes:]. */
function expandSet(s: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls && CLASSES[cls[1]!]) {
      chars.push(...CLASSES[cls[1]!]!);
      i += cls[0].length - 1;
      continue;
    }
    let c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      const [t, len] = ansiEscape(s, i + 1);
      c = t.length === 1 ? t : s[i + 1]!;
      i += len;
    }
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const end = s[i + 2]!;
      for (let k = c.charCodeAt(0); k <= end.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  return chars;
}

/** coreutils tr: translate SET1 to SET2, `-d` delete, `-s` squeeze. */
export const tr: Command = async (proc) => {
  let args = proc.argv.slice(1);
  let del = false;
  let squeeze = false;
  while (args[0] && /^-[ds]+$/.test(args[0])) {
    del ||= args[0].includes('d');
    squeeze ||= args[0].includes('s');
    args = args.slice(1);
  }
  if (args.length === 0 || (!del && !squeeze && args.length < 2)) {
    proc.stderr.write(args.length === 0 ? "tr: missing operand\nTry 'tr --help' for more information.\n" : `tr: missing operand after ‘${args[0]}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = expandSet(args[0]!);
  const set2 = args[1] !== undefined ? expandSet(args[1]) : [];
  const text = await proc.stdin.readAll();
  let out = '';
  let prev: string | undefined;
  const squeezeSet = new Set(del ? set2 : set2.length ? set2 : set1);
  for (const c of text) {
    let d: string | undefined = c;
    const idx = set1.indexOf(c);
    if (del) {
      if (idx >= 0) continue;
    } else if (idx >= 0 && set2.length) d = set2[Math.min(idx, set2.length - 1)]!;
    if (squeeze && d === prev && squeezeSet.has(d)) continue;
    out += d;
    prev = d;
  }
  proc.stdout.write(out);
  return 0;
};
