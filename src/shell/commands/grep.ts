import type { Command } from '../process.ts';
import { getopt } from './lib/getopt.ts';
import { forEachLine, readOperand } from './lib/io.ts';

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f', print: ' -~', graph: '!-~',
};

/** Copies a bracket expression starting at `[`; returns [regex text, index after `]`]. */
function bracket(p: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (p[j] === '^') {
    out += '^';
    j++;
  }
  if (p[j] === ']') {
    out += '\\]';
    j++;
  }
  for (; j < p.length && p[j] !== ']'; j++) {
    const cls = /^\[:([a-z]+):\]/.exec(p.slice(j));
    if (cls && POSIX_CLASSES[cls[1]!]) {
      out += POSIX_CLASSES[cls[1]!];
      j += cls[0].length - 1;
    } else if (p[j] === '\\' || p[j] === '[') out += '\\' + p[j];
    else out += p[j];
  }
  if (j >= p.length) throw new Error('Unmatched [ or [^');
  return [out + ']', j + 1];
}

/** POSIX basic or extended regular expression to a JavaScript one. */
export function toJsRegex(p: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '[') {
      const [b, next] = bracket(p, i);
      out += b;
      i = next - 1;
    } else if (c === '\\' && i + 1 < p.length) {
      const n = p[++i]!;
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += '\\' + n;
      else out += /[A-Za-z0-9]/.test(n) ? n : '\\' + n;
    } else if (!extended && '(){}|+?'.includes(c)) out += '\\' + c;
    else if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|'))) out += '\\*';
    else if (c === '/') out += '\\/';
    else out += c;
  }
  return out;
}

/** GNU grep, the everyday part: -v -i -c -n -q -s -E -F -o -w -x -l -h -H -e; reads pipes line by line. */
export const grep: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), {
    flags: 'viycnqsEFGowxlhHr',
    withArg: 'e',
    long: { 'invert-match': 'v', 'ignore-case': 'i', count: 'c', 'line-number': 'n', quiet: 'q', silent: 'q', 'no-messages': 's', 'extended-regexp': 'E', 'fixed-strings': 'F', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', 'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H', 'regexp=': 'e', color: 'C', 'color=': 'C', colour: 'C', 'colour=': 'C' },
  });
  if (!r.ok) {
    proc.stderr.write(`grep: ${r.error}\nUsage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n`);
    return 2;
  }
  const has = (f: string) => r.opts.some(([k]) => k === f);
  const patterns = r.opts.filter(([k]) => k === 'e').map(([, v]) => v as string);
  const operands = [...r.operands];
  if (patterns.length === 0) {
    if (operands.length === 0) {
      proc.stderr.write(`Usage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n`);
      return 2;
    }
    patterns.push(operands.shift()!);
  }
  let re: RegExp;
  try {
    const alts = patterns.flatMap((p) => p.split('\n')).map((p) => (has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : toJsRegex(p, has('E'))));
    let src = alts.map((a) => `(?:${a})`).join('|');
    if (has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    if (has('x')) src = `^(?:${src})$`;
    re = new RegExp(src, has('i') || has('y') ? 'gi' : 'g');
  } catch (e) {
    proc.stderr.write(`grep: ${e instanceof Error && /Unmatched/.test(e.message) ? e.message : 'Invalid regular expression'}\n`);
    return 2;
  }
  const files = operands.length ? operands : ['-'];
  const prefixName = (files.length > 1 || has('H')) && !has('h');
  let matched = false;
  let error = false;
  for (const f of files) {
    let count = 0;
    let n = 0;
    let stop = false;
    const label = f === '-' ? '(standard input)' : f;
    const onLine = (line: string): boolean => {
      n++;
      re.lastIndex = 0;
      const hit = re.test(line) !== has('v');
      if (!hit) return true;
      matched = true;
      count++;
      if (has('q')) {
        stop = true;
        return false;
      }
      if (has('l')) return false;
      if (has('c')) return true;
      const pre = (prefixName ? `${label}:` : '') + (has('n') ? `${n}:` : '');
      if (has('o') && !has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0]) proc.stdout.write(pre + m[0] + '\n');
      } else proc.stdout.write(pre + line + '\n');
      return true;
    };
    if (f === '-') await forEachLine(proc.stdin, onLine);
    else {
      const got = await readOperand(proc, f);
      if ('error' in got) {
        if (!has('s')) proc.stderr.write(`grep: ${f}: ${got.error}\n`);
        error = true;
        continue;
      }
      const ls = got.text.split('\n');
      if (ls[ls.length - 1] === '') ls.pop();
      for (const l of ls) if (!onLine(l)) break;
    }
    if (stop) return 0;
    if (has('l') && count > 0) proc.stdout.write(label + '\n');
    else if (has('c')) proc.stdout.write((prefixName ? `${label}:` : '') + count + '\n');
  }
  if (error && !(has('q') && matched)) return 2;
  return matched ? 0 : 1;
};
