/** Bash arithmetic (`$((...))`): integers, C operators, variables by name. */

export class ArithError extends Error {}

interface Vars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '?', ':', '(', ')', ','];

function tokenize(src: string): { toks: Tok[]; at: number[] } {
  const toks: Tok[] = [];
  const at: number[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    at.push(i);
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      toks.push({ t: 'num', v: parseNumber(num[0], src.slice(i)) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      toks.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`${src}: syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    toks.push({ t: 'op', v: op });
    i += op.length;
  }
  at.push(src.length);
  return { toks, at };
}

function parseNumber(text: string, rest: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text.slice(2), 16);
  const hash = text.indexOf('#');
  if (hash > 0) {
    const base = Number(text.slice(0, hash));
    const n = parseInt(text.slice(hash + 1), base);
    if (base < 2 || base > 64 || Number.isNaN(n)) throw new ArithError(`${text}: invalid number (error token is "${rest}")`);
    return n;
  }
  if (text.length > 1 && text.startsWith('0')) {
    if (/[89]/.test(text)) throw new ArithError(`${text}: value too great for base (error token is "${text}")`);
    return parseInt(text, 8);
  }
  return Number(text);
}

/** Binary operators by precedence, lowest first. */
const BINARY: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

function apply(op: string, a: number, b: number, fail: (msg: string) => never): number {
  switch (op) {
    case '||': return a || b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b === 0) fail('division by 0');
      return Math.trunc(a / b);
    case '%':
      if (b === 0) fail('division by 0');
      return a % b;
    case '**':
      if (b < 0) fail('exponent less than 0');
      return a ** b;
  }
  return 0;
}

/** Evaluates an arithmetic expression; throws ArithError worded as bash. */
export function evalArith(src: string, vars: Vars, depth = 0): number {
  if (src.trim() === '') return 0;
  if (depth > 32) throw new ArithError(`${src}: expression recursion level exceeded`);
  const { toks, at } = tokenize(src);
  let i = 0;
  // bash names the rest of the expression from a token: the one just read (an operator
  // missing its operand, a zero divisor) or the one it could not use.
  const failAt = (msg: string, tok: number): never => {
    throw new ArithError(`${src}: ${msg} (error token is "${src.slice(at[Math.max(0, Math.min(tok, at.length - 1))]!)}")`);
  };
  const fail = (msg: string): never => failAt(msg, i - 1);
  const peekOp = () => (toks[i]?.t === 'op' ? (toks[i] as { v: string }).v : undefined);
  const varValue = (name: string) => evalArith(vars.get(name) ?? '', vars, depth + 1);
  const setVar = (name: string, v: number) => vars.set(name, String(v));

  const comma = (): number => {
    let v = assign();
    while (peekOp() === ',') {
      i++;
      v = assign();
    }
    return v;
  };
  const assign = (): number => {
    const t = toks[i];
    const op = toks[i + 1]?.t === 'op' ? (toks[i + 1] as { v: string }).v : undefined;
    if (t?.t === 'name' && op && /^(=|\*=|\/=|%=|\+=|-=|<<=|>>=|&=|\^=|\|=)$/.test(op)) {
      i += 2;
      const rhs = assign();
      const v = op === '=' ? rhs : apply(op.slice(0, -1), varValue(t.v), rhs, fail);
      setVar(t.v, v);
      return v;
    }
    return ternary();
  };
  const ternary = (): number => {
    const c = binary(0);
    if (peekOp() !== '?') return c;
    i++;
    const a = assign();
    if (peekOp() !== ':') fail("`:' expected for conditional expression");
    i++;
    const b = assign();
    return c ? a : b;
  };
  const binary = (level: number): number => {
    if (level >= BINARY.length) return power();
    let v = binary(level + 1);
    for (let op = peekOp(); op && BINARY[level]!.includes(op); op = peekOp()) {
      i++;
      v = apply(op, v, binary(level + 1), fail);
    }
    return v;
  };
  const power = (): number => {
    const base = unary();
    if (peekOp() === '**') {
      i++;
      return apply('**', base, power(), fail);
    }
    return base;
  };
  const unary = (): number => {
    const op = peekOp();
    if (op === '-' || op === '+' || op === '!' || op === '~') {
      i++;
      const v = unary();
      return op === '-' ? -v : op === '+' ? v : op === '!' ? (v ? 0 : 1) : ~v;
    }
    if (op === '++' || op === '--') {
      i++;
      const t = toks[i];
      if (t?.t !== 'name') fail('syntax error: operand expected');
      i++;
      const v = varValue((t as { v: string }).v) + (op === '++' ? 1 : -1);
      setVar((t as { v: string }).v, v);
      return v;
    }
    return postfix();
  };
  const postfix = (): number => {
    const t = toks[i];
    if (t?.t === 'name') {
      i++;
      const op = peekOp();
      const v = varValue(t.v);
      if (op === '++' || op === '--') {
        i++;
        setVar(t.v, v + (op === '++' ? 1 : -1));
      }
      return v;
    }
    if (t?.t === 'num') {
      i++;
      return t.v;
    }
    if (peekOp() === '(') {
      i++;
      const v = comma();
      if (peekOp() !== ')') fail('missing `)\'');
      i++;
      return v;
    }
    return fail('syntax error: operand expected');
  };

  const v = comma();
  if (i < toks.length) failAt('syntax error in expression', i);
  return v;
}
