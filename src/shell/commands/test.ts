import { exists, isDir, isFile, resolvePath } from '../paths.ts';
import type { Command, Process } from '../process.ts';

class TestError extends Error {}

const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-a', '-O', '-G', '-g', '-u', '-k', '-v']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function integer(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return Number(t);
}

function unary(op: string, arg: string, proc: Process): boolean {
  const fs = proc.host.fs;
  const abs = resolvePath(proc.cwd, arg);
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-a':
      return arg !== '' && exists(fs, abs);
    case '-f':
      return arg !== '' && isFile(fs, abs);
    case '-d':
      return arg !== '' && isDir(fs, abs);
    case '-s':
      return arg !== '' && (fs.read(abs) ?? '').length > 0;
    case '-r':
      return arg !== '' && exists(fs, abs);
    case '-w':
      return arg !== '' && (abs.startsWith('/home/core') || abs.startsWith('/tmp'));
    case '-x':
      return arg !== '' && (isDir(fs, abs) || (fs.read(abs) ?? '').startsWith('#!'));
    case '-t':
      return false;
    case '-v':
      return proc.env.has(arg);
    default:
      return false;
  }
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return integer(a) === integer(b);
    case '-ne':
      return integer(a) !== integer(b);
    case '-lt':
      return integer(a) < integer(b);
    case '-le':
      return integer(a) <= integer(b);
    case '-gt':
      return integer(a) > integer(b);
    case '-ge':
      return integer(a) >= integer(b);
    default:
      return false;
  }
}

/** Evaluates test's arguments: bash's rules by argument count, then -a/-o/!/( ) expressions. */
export function evaluate(args: string[], proc: Process): boolean {
  let i = 0;
  const n = args.length;
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (args[i] === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (args[i] === '!' && i + 1 < n) {
      i++;
      return !not();
    }
    return primary();
  };
  const primary = (): boolean => {
    if (i >= n) throw new TestError('argument expected');
    const a = args[i]!;
    if (i + 2 < n && BINARY.has(args[i + 1]!)) {
      const op = args[i + 1]!;
      const b = args[i + 2]!;
      i += 3;
      return binary(a, op, b);
    }
    if (a === '(' && i + 1 < n) {
      i++;
      const v = or();
      if (args[i] !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    if (UNARY.has(a) && i + 1 < n) {
      i += 2;
      return unary(a, args[i - 1]!, proc);
    }
    i++;
    return a !== '';
  };
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0]!)) return unary(args[0]!, args[1]!, proc);
    throw new TestError(`${args[0]}: unary operator expected`);
  }
  if (n === 3 && BINARY.has(args[1]!)) return binary(args[0]!, args[1]!, args[2]!);
  if (n === 3 && !['!', '('].includes(args[0]!) && !['-a', '-o'].includes(args[1]!)) {
    throw new TestError(`${args[1]}: binary operator expected`);
  }
  const v = or();
  if (i < n) throw new TestError(`${args[i]}: ${BINARY.has(args[i]!) ? 'unary' : 'binary'} operator expected`);
  return v;
}

function run(name: 'test' | '['): Command {
  return async (proc) => {
    let args = proc.argv.slice(1);
    if (name === '[') {
      if (args[args.length - 1] !== ']') {
        proc.stderr.write("bash: [: missing `]'\n");
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evaluate(args, proc) ? 0 : 1;
    } catch (e) {
      if (!(e instanceof TestError)) throw e;
      proc.stderr.write(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
  };
}

/** bash's `test` and `[` builtins. */
export const test = run('test');
export const bracket = run('[');
