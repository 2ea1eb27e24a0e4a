import type { FileSystem } from '../host/filesystem.ts';
import type { ListNode, ParamPart, Word, WordPart } from './ast.ts';
import { ArithError, evalArith } from './arith.ts';
import { escapeGlob, globPaths, globToRegex, hasGlob } from './glob.ts';
import { dollarHyphen } from './options.ts';
import { editParam, removePattern } from './param-ops.ts';
import { HOME } from './paths.ts';
import type { ShellState } from './state.ts';

/** An expansion bash refuses (`${a b}`, `${x:?}`, bad arithmetic): `bash: <message>`, status 1. */
export class ExpansionError extends Error {}

export interface ExpandContext {
  state: ShellState;
  fs: FileSystem;
  /** Runs a command substitution and resolves with its standard output. */
  substitute(body: ListNode): Promise<string>;
}

/** A run of expanded text: quoted text is neither split nor globbed; `brk` separates "$@"'s words. */
type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

interface Field {
  segs: { text: string; quoted: boolean }[];
  hasQuoted: boolean;
}

/**
 * Expands command words into fields: braces, tilde, parameters, substitutions, splitting, globs.
 * Words that all expand to themselves (most command lines) come back at once, not as a promise.
 */
export function expandWords(words: Word[], ctx: ExpandContext, noSplit?: (w: Word) => boolean): string[] | Promise<string[]> {
  return (noSplit === undefined ? plainWords(words) : undefined) ?? expandFields(words, ctx, noSplit);
}

async function expandFields(words: Word[], ctx: ExpandContext, noSplit?: (w: Word) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    if (noSplit?.(word)) {
      out.push(await expandString(word, ctx, true));
      continue;
    }
    const plain = plainLiteral(word);
    if (plain !== undefined) {
      out.push(plain);
      continue;
    }
    for (const parts of braceExpand(word.parts)) {
      const segs = await segments(tilde(parts, ctx.state), false, ctx);
      for (const f of splitFields(segs, ifs(ctx.state))) out.push(...glob(f, ctx));
    }
  }
  return out;
}

/** The words' texts when every word expands to itself (most command lines): nothing to await. */
export function plainWords(words: Word[]): string[] | undefined {
  const out: string[] = [];
  for (const word of words) {
    const plain = plainLiteral(word);
    if (plain === undefined) return undefined;
    out.push(plain);
  }
  return out;
}

/**
 * The text of a word that expands to itself: one unquoted literal, not empty, with nothing for
 * brace, tilde or pathname expansion (literals are never field-split).
 */
function plainLiteral(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const p = word.parts[0]!;
  if (p.kind !== 'lit' || p.text === '' || p.text[0] === '~' || SPECIAL_IN_LITERAL.test(p.text)) return undefined;
  return p.text;
}

const SPECIAL_IN_LITERAL = /[{*?[]/;

/** Expands a word to one string, without splitting or globbing (assignments, redirections, here-docs). */
export async function expandString(word: Word, ctx: ExpandContext, tildeFirst = false): Promise<string> {
  const parts = tildeFirst ? tilde(word.parts, ctx.state) : word.parts;
  const segs = await segments(parts, true, ctx);
  return segs.map((s) => ('brk' in s ? ' ' : s.text)).join('');
}

/** An assignment's value: tilde at the start, no splitting or globbing. */
export function expandAssignment(word: Word, ctx: ExpandContext): Promise<string> {
  return expandString(word, ctx, true);
}

function ifs(state: ShellState): string {
  return state.vars.get('IFS') ?? ' \t\n';
}

async function segments(parts: WordPart[], inDq: boolean, ctx: ExpandContext): Promise<Seg[]> {
  const out: Seg[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        out.push({ text: p.text, quoted: inDq, split: false });
        break;
      case 'sq':
        out.push({ text: p.text, quoted: true, split: false });
        break;
      case 'dq': {
        const onlyAt = p.parts.length === 1 && p.parts[0]!.kind === 'param' && p.parts[0]!.name === '@' && !p.parts[0]!.op;
        if (!onlyAt) out.push({ text: '', quoted: true, split: false });
        out.push(...(await segments(p.parts, true, ctx)));
        break;
      }
      case 'param':
        out.push(...(await param(p, inDq, ctx)));
        break;
      case 'cmd': {
        const text = (await ctx.substitute(p.body)).replace(/\n+$/, '');
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case 'arith': {
        const expr = await expandString(p.expr, ctx);
        out.push({ text: String(arith(expr, ctx.state)), quoted: inDq, split: !inDq });
        break;
      }
      case 'bad':
        throw new ExpansionError(`${p.text}: bad substitution`);
    }
  }
  return out;
}

export function arith(expr: string, state: ShellState): number {
  try {
    return evalArith(expr, { get: (n) => state.vars.get(n), set: (n, v) => state.vars.set(n, v) });
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message);
    throw e;
  }
}

/** The value of a parameter; undefined when unset. */
export function paramValue(name: string, state: ShellState): string | undefined {
  switch (name) {
    case '?':
      return String(state.status);
    case '$':
      return String(state.pid);
    case '#':
      return String(state.positional.length);
    case '@':
    case '*':
      return state.positional.length ? state.positional.join(' ') : undefined;
    case '0':
      return state.arg0;
    case '!':
      return state.lastBg === undefined ? undefined : String(state.lastBg);
    case '-':
      return dollarHyphen(state.options, state.interactive);
    case 'LINENO':
      return String(state.lineno);
  }
  if (/^[0-9]+$/.test(name)) return state.positional[Number(name) - 1];
  return state.vars.get(name);
}

async function param(p: ParamPart, inDq: boolean, ctx: ExpandContext): Promise<Seg[]> {
  const st = ctx.state;
  const plain = (text: string): Seg[] => [{ text, quoted: inDq, split: !inDq }];
  if (p.length) {
    if (p.name === '@' || p.name === '*') return plain(String(st.positional.length));
    return plain(String((paramValue(p.name, st) ?? unbound(p.name, st)).length));
  }
  if ((p.name === '@' || p.name === '*') && !p.op) {
    if (inDq && p.name === '@') {
      const segs: Seg[] = [];
      st.positional.forEach((a, i) => {
        if (i > 0) segs.push({ brk: true });
        segs.push({ text: a, quoted: true, split: false });
      });
      return segs;
    }
    return plain(st.positional.join(' '));
  }
  const value = paramValue(p.name, st);
  if (!p.op) return plain(value ?? unbound(p.name, st));
  if (p.op === ':' || p.op[0] === '/' || p.op[0] === '^' || p.op[0] === ',') return plain(await editParam(p, value ?? unbound(p.name, st), ctx));
  const colon = p.op.startsWith(':');
  const isNull = value === undefined || (colon && value === '');
  const arg = p.arg ?? { parts: [] };
  switch (p.op.replace(':', '')) {
    case '-':
      return isNull ? segments(arg.parts, inDq, ctx) : plain(value!);
    case '+':
      return isNull ? [] : segments(arg.parts, inDq, ctx);
    case '=': {
      if (!isNull) return plain(value!);
      if (!/^[A-Za-z_]/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
      const v = await expandString(arg, ctx);
      st.vars.set(p.name, v);
      return plain(v);
    }
    case '?': {
      if (!isNull) return plain(value!);
      const msg = await expandString(arg, ctx);
      throw new ExpansionError(`${p.name}: ${msg || 'parameter null or not set'}`);
    }
    default: {
      const pattern = await expandPattern(arg, ctx);
      return plain(removePattern(value ?? '', pattern, p.op));
    }
  }
}

/** An unset parameter's value: empty, or under `set -u` subst.c's err_unboundvar. */
function unbound(name: string, st: ShellState): string {
  if (st.options.has('nounset') && name !== '@' && name !== '*') throw new ExpansionError(`${/^[0-9]/.test(name) ? '$' : ''}${name}: unbound variable`);
  return '';
}

/** A word used as a pattern: quoted characters are escaped so they match literally. */
export async function expandPattern(word: Word, ctx: ExpandContext): Promise<string> {
  const segs = await segments(word.parts, false, ctx);
  return segs.map((s) => ('brk' in s ? ' ' : s.quoted ? escapeGlob(s.text) : s.text)).join('');
}


/** Word splitting on IFS: whitespace runs separate fields, other IFS characters each end one. */
function splitFields(segs: Seg[], ifsChars: string): Field[] {
  const fields: Field[] = [];
  let cur: Field = { segs: [], hasQuoted: false };
  let pendingBreak = false;
  const nonEmpty = (f: Field) => f.hasQuoted || f.segs.some((s) => s.text !== '');
  const finish = (force = false) => {
    if (force || nonEmpty(cur)) fields.push(cur);
    cur = { segs: [], hasQuoted: false };
  };
  const add = (text: string, quoted: boolean) => {
    if (pendingBreak) {
      finish();
      pendingBreak = false;
    }
    cur.segs.push({ text, quoted });
    if (quoted) cur.hasQuoted = true;
  };
  for (const s of segs) {
    if ('brk' in s) {
      finish(true);
      pendingBreak = false;
      continue;
    }
    if (!s.split || ifsChars === '') {
      if (s.text === '' && !s.quoted) continue;
      add(s.text, s.quoted);
      continue;
    }
    let run = '';
    for (const c of s.text) {
      if (!ifsChars.includes(c)) {
        if (pendingBreak && run === '') {
          finish();
          pendingBreak = false;
        }
        run += c;
        continue;
      }
      if (run) cur.segs.push({ text: run, quoted: false });
      run = '';
      if (/\s/.test(c)) pendingBreak = true;
      else {
        finish(true);
        pendingBreak = false;
      }
    }
    if (run) cur.segs.push({ text: run, quoted: false });
  }
  finish();
  return fields;
}

function glob(f: Field, ctx: ExpandContext): string[] {
  const value = f.segs.map((s) => s.text).join('');
  if (!f.segs.some((s) => !s.quoted && /[*?[]/.test(s.text))) return [value];
  const pattern = f.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
  if (!hasGlob(pattern)) return [value];
  const matches = globPaths(ctx.fs, ctx.state.cwd, pattern);
  return matches.length ? matches : [value];
}

/** `~`, `~/x`, `~core`: the home directory, at the start of a word. */
function tilde(parts: WordPart[], state: ShellState): WordPart[] {
  const first = parts[0];
  if (!first || first.kind !== 'lit' || !first.text.startsWith('~')) return parts;
  const slash = first.text.indexOf('/');
  if (slash < 0 && parts.length > 1) return parts;
  const user = slash < 0 ? first.text.slice(1) : first.text.slice(1, slash);
  const homes: Record<string, string | undefined> = {
    '': state.vars.get('HOME') ?? HOME,
    core: HOME,
    root: '/root',
    '+': state.cwd,
    '-': state.vars.get('OLDPWD'),
  };
  const home = homes[user];
  if (home === undefined) return parts;
  const rest = slash < 0 ? '' : first.text.slice(slash);
  const out: WordPart[] = [{ kind: 'sq', text: home }];
  if (rest) out.push({ kind: 'lit', text: rest });
  return [...out, ...parts.slice(1)];
}

// ---- brace expansion ----

type BraceTok = { c: string } | { part: WordPart };

function braceExpand(parts: WordPart[]): WordPart[][] {
  if (!parts.some((p) => p.kind === 'lit' && p.text.includes('{'))) return [parts];
  const toks: BraceTok[] = [];
  for (const p of parts) {
    if (p.kind === 'lit') for (const c of p.text) toks.push({ c });
    else toks.push({ part: p });
  }
  return expandBraceToks(toks, 0).map(toParts);
}

function toParts(toks: BraceTok[]): WordPart[] {
  const parts: WordPart[] = [];
  let lit = '';
  for (const t of toks) {
    if ('c' in t) lit += t.c;
    else {
      if (lit) parts.push({ kind: 'lit', text: lit });
      lit = '';
      parts.push(t.part);
    }
  }
  if (lit) parts.push({ kind: 'lit', text: lit });
  return parts;
}

const ch = (t: BraceTok | undefined) => (t && 'c' in t ? t.c : undefined);

function expandBraceToks(toks: BraceTok[], from: number): BraceTok[][] {
  for (let i = from; i < toks.length; i++) {
    if (ch(toks[i]) !== '{') continue;
    let depth = 0;
    let close = -1;
    const commas: number[] = [];
    for (let j = i; j < toks.length; j++) {
      const c = ch(toks[j]);
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        close = j;
        break;
      } else if (c === ',' && depth === 1) commas.push(j);
    }
    if (close < 0) return [toks];
    let alts: BraceTok[][] | undefined;
    if (commas.length > 0) {
      const bounds = [i, ...commas, close];
      alts = bounds.slice(1).map((b, k) => toks.slice(bounds[k]! + 1, b));
    } else {
      const inner = toks.slice(i + 1, close);
      const text = inner.every((t) => 'c' in t) ? inner.map((t) => (t as { c: string }).c).join('') : undefined;
      const seq = text === undefined ? undefined : sequence(text);
      if (seq) alts = seq.map((s) => [...s].map((c) => ({ c })));
    }
    if (!alts) continue;
    const pre = toks.slice(0, i);
    const post = toks.slice(close + 1);
    const out: BraceTok[][] = [];
    for (const a of alts) out.push(...expandBraceToks([...pre, ...a, ...post], i));
    return out;
  }
  return [toks];
}

/** `{1..3}`, `{01..10}`, `{a..e}`, `{10..1..2}` */
function sequence(text: string): string[] | undefined {
  let m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const step = Math.abs(Number(m[3] ?? 1)) || 1;
    const pad = /^-?0\d/.test(m[1]!) || /^-?0\d/.test(m[2]!) ? Math.max(m[1]!.length, m[2]!.length) : 0;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      const s = String(Math.abs(v)).padStart(pad - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? '-' + s : s);
    }
    return out;
  }
  m = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (m) {
    const a = m[1]!.charCodeAt(0);
    const b = m[2]!.charCodeAt(0);
    const step = Math.abs(Number(m[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}
