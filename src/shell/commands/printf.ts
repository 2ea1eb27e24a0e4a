import type { Command } from '../process.ts';
import { ansiEscape } from '../lexer.ts';

/** `\` escapes of a printf format (and of %b arguments). Returns [text, stop] — `\c` stops output. */
function unescape(s: string, inB: boolean): [string, boolean] {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    if (s[i + 1] === 'c' && inB) return [out, true];
    if (inB && s[i + 1] === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
      i += 1 + m.length;
      continue;
    }
    const [t, len] = ansiEscape(s, i + 1);
    out += t;
    i += len;
  }
  return [out, false];
}

function num(arg: string | undefined, write: (s: string) => void): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const t = arg.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[-+]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[-+]?\d+$/.test(t)) return Number(t);
  const f = parseFloat(t);
  write(`bash: printf: ${arg}: invalid number\n`);
  return Number.isNaN(f) ? 0 : Math.trunc(f);
}

function pad(s: string, flags: string, width: number | undefined): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && /^[-+]?\d/.test(s)) {
    const sign = /^[-+]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** bash's printf builtin: the format is reused until the arguments run out. */
export const printf: Command = async (proc) => {
  let args = proc.argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    proc.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const fmt = args[0]!;
  const rest = args.slice(1);
  let status = 0;
  const warn = (s: string) => {
    proc.stderr.write(s);
    status = 1;
  };
  let out = '';
  let ai = 0;
  for (;;) {
    const startAi = ai;
    // An escape is one token with all its digits (`\101`, `\x41`), as printf.def reads it.
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sbdiouxXfeEgGcq%])|%|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|[^])/g;
    let last = 0;
    let stop = false;
    for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
      out += unescape(fmt.slice(last, m.index), false)[0];
      last = re.lastIndex;
      const tok = m[0];
      if (tok.startsWith('\\')) {
        out += unescape(tok, false)[0];
        continue;
      }
      if (tok === '%') {
        out += '%';
        continue;
      }
      const [, flags = '', w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? num(rest[ai++], warn) : w ? Number(w) : undefined;
      const prec = p === '*' ? num(rest[ai++], warn) : p !== undefined ? Number(p) : undefined;
      const arg = rest[ai++];
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b': {
          const [t, st] = unescape(arg ?? '', true);
          s = t;
          stop = st;
          break;
        }
        case 'q':
          s = arg === undefined || arg === '' ? "''" : /^[A-Za-z0-9_./:=@%+,-]+$/.test(arg) ? arg : arg.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&');
          break;
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i': {
          const n = num(arg, warn);
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + String(Math.abs(n)).padStart(prec ?? 0, '0');
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const n = num(arg, warn);
          const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
          s = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(base);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
          break;
        }
        default: {
          const f = arg === undefined ? 0 : parseFloat(arg);
          if (arg !== undefined && Number.isNaN(f)) warn(`bash: printf: ${arg}: invalid number\n`);
          const v = Number.isNaN(f) ? 0 : f;
          s = conv === 'f' ? v.toFixed(prec ?? 6) : conv === 'e' || conv === 'E' ? v.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(v.toPrecision(prec || 6)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (v >= 0 && flags.includes('+')) s = '+' + s;
        }
      }
      out += pad(s, flags, width);
      if (stop) break;
    }
    if (stop) break;
    out += unescape(fmt.slice(last), false)[0];
    if (ai >= rest.length || ai === startAi) break;
  }
  proc.stdout.write(out);
  return status;
};
