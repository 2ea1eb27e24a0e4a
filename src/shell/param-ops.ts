import type { ParamPart } from './ast.ts';
import { arith, ExpansionError, expandPattern, expandString, type ExpandContext } from './expand.ts';
import { globToRegex } from './glob.ts';

/** `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`: the shortest or longest match cut from the start or end. */
export function removePattern(value: string, pattern: string, op: string): string {
  const re = new RegExp('^(?:' + globToRegex(pattern) + ')$');
  const n = value.length;
  if (op === '#') for (let i = 0; i <= n; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  if (op === '##') for (let i = n; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
  if (op === '%') for (let i = n; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  if (op === '%%') for (let i = 0; i <= n; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  return value;
}

/**
 * bash's value-editing operators (subst.c): `${x:off:len}` (negative counts from the end),
 * `${x/p/r}` (`//` every match, `/#` at the start, `/%` at the end; the longest match), and
 * `${x^}`, `${x^^}`, `${x,}`, `${x,,}` (case of the first or every character matching p).
 */
export async function editParam(p: ParamPart, value: string, ctx: ExpandContext): Promise<string> {
  const op = p.op!;
  if (op === ':') {
    const n = value.length;
    let start = arith(await expandString(p.arg!, ctx), ctx.state);
    // A negative offset counts from the end; one beyond the start gives nothing.
    if (start < 0) start += n;
    if (start < 0 || start > n) return '';
    if (!p.arg2) return value.slice(start);
    const lenText = await expandString(p.arg2, ctx);
    const len = arith(lenText, ctx.state);
    const end = len < 0 ? n + len : start + len;
    if (end < start) throw new ExpansionError(`${lenText.trim()}: substring expression < 0`);
    return value.slice(start, end);
  }
  if (op[0] === '/') {
    const pattern = await expandPattern(p.arg!, ctx);
    const rep = p.arg2 ? await expandString(p.arg2, ctx) : '';
    if (pattern === '') return value;
    const body = globToRegex(pattern);
    const re = op === '/#' ? new RegExp('^(?:' + body + ')') : op === '/%' ? new RegExp('(?:' + body + ')$') : new RegExp(body, op === '//' ? 'g' : '');
    return value.replace(re, () => rep);
  }
  // Case: every character (doubled operator) or the first, if it matches the pattern.
  const pattern = p.arg ? await expandPattern(p.arg, ctx) : '';
  const one = new RegExp('^(?:' + globToRegex(pattern) + ')$');
  const test = pattern === '' ? () => true : (c: string) => one.test(c);
  const change = op[0] === '^' ? (c: string) => c.toUpperCase() : (c: string) => c.toLowerCase();
  const all = op.length === 2;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    out += (all || i === 0) && test(c) ? change(c) : c;
  }
  return out;
}
