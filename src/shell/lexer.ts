import type { ListNode, Word, WordPart } from './ast.ts';
import { ShellSyntaxError } from './syntax-error.ts';

/** What the word reader needs of the parser: the text, a cursor, and nested parsing. */
export interface LexSource {
  readonly src: string;
  pos: number;
  /** Parses a command list up to `)`; the cursor is just after `$(`. */
  parseSubstitution(): ListNode;
  /** Parses a separate text as a program (the inside of backquotes). */
  parseNested(text: string): ListNode;
  /** A reader over another text (the word inside `${x:-word}`, arithmetic). */
  sub(text: string): LexSource;
  /** Set when the text ends in an unquoted backslash-newline: the next line continues it. */
  continued?: boolean;
}

const eof = (matching: string) => ShellSyntaxError.eof(matching);

/** Appends a part, merging neighbours of the same literal kind. */
function push(parts: WordPart[], part: WordPart): void {
  // Not parts[-1] on an empty array: V8 looks a negative index up as a named property (slow).
  const last = parts.length > 0 ? parts[parts.length - 1] : undefined;
  if (last && (part.kind === 'lit' || part.kind === 'sq') && last.kind === part.kind) {
    parts[parts.length - 1] = { kind: part.kind, text: last.text + part.text };
    return;
  }
  if ((part.kind === 'lit' || part.kind === 'sq') && part.text === '') return;
  parts.push(part);
}

/** What starts a quoted part or an expansion inside a word (the characters `readWordParts` stops a plain run at). */
export const WORD_QUOTING = '\\\'"$`';

/** Reads a word's parts until an unquoted character for which `stop` is true. */
export function readWordParts(p: LexSource, stop: (c: string) => boolean): WordPart[] {
  const s = p.src;
  const parts: WordPart[] = [];
  while (p.pos < s.length) {
    const c = s[p.pos]!;
    if (stop(c)) break;
    if (c === '\\') {
      const n = s[p.pos + 1];
      if (n === undefined) {
        push(parts, { kind: 'lit', text: '\\' });
        p.pos++;
      } else {
        if (n !== '\n') push(parts, { kind: 'sq', text: n });
        else if (p.pos + 2 === s.length) p.continued = true;
        p.pos += 2;
      }
    } else if (c === "'") {
      const end = s.indexOf("'", p.pos + 1);
      if (end < 0) throw eof("'");
      push(parts, { kind: 'sq', text: s.slice(p.pos + 1, end) });
      // '' still makes a word: keep an empty quoted part when nothing else is there.
      if (end === p.pos + 1) parts.push({ kind: 'dq', parts: [] });
      p.pos = end + 1;
    } else if (c === '"') {
      parts.push(readDoubleQuoted(p));
    } else if (c === '$' || c === '`') {
      const part = readDollar(p, false);
      if (part) parts.push(part);
      else {
        push(parts, { kind: 'lit', text: c });
        p.pos++;
      }
    } else {
      // A run of plain characters is one literal (push would merge them one by one).
      let end = p.pos + 1;
      while (end < s.length) {
        const d = s[end]!;
        if (d === '\\' || d === "'" || d === '"' || d === '$' || d === '`' || stop(d)) break;
        end++;
      }
      push(parts, { kind: 'lit', text: s.slice(p.pos, end) });
      p.pos = end;
    }
  }
  return parts;
}

/** What a backslash escapes inside double quotes (backslash-newline joins lines), and in here-documents. */
const DQ_ESCAPES = '$`"\\\n';
const HEREDOC_ESCAPES = '$`\\';

/** One step through double-quote-like text: `\` escapes only `escapes`; `$` and `` ` `` expand. */
function readQuotedStep(p: LexSource, parts: WordPart[], escapes: string): void {
  const s = p.src;
  const c = s[p.pos]!;
  if (c === '\\') {
    const n = s[p.pos + 1];
    if (n !== undefined && escapes.includes(n)) {
      if (n !== '\n') push(parts, { kind: 'sq', text: n });
      p.pos += 2;
      return;
    }
  } else if (c === '$' || c === '`') {
    const part = readDollar(p, true);
    if (part) {
      parts.push(part);
      return;
    }
  }
  push(parts, { kind: 'sq', text: c });
  p.pos++;
}

/** Reads `"..."`; the cursor is on the opening quote. */
function readDoubleQuoted(p: LexSource): WordPart {
  const s = p.src;
  const parts: WordPart[] = [];
  p.pos++;
  for (;;) {
    if (p.pos >= s.length) throw eof('"');
    const c = s[p.pos]!;
    if (c === '"') {
      p.pos++;
      return { kind: 'dq', parts };
    }
    readQuotedStep(p, parts, DQ_ESCAPES);
  }
}

const SPECIAL_PARAMS = '?$#@*!-';

/**
 * Reads an expansion starting with `$` or a backquote; the cursor is on it. Returns null
 * (cursor unmoved) when the `$` is just a dollar sign.
 */
export function readDollar(p: LexSource, inDq: boolean): WordPart | null {
  const s = p.src;
  const start = p.pos;
  if (s[start] === '`') return readBackquoted(p);
  const n = s[start + 1];
  if (n === '(') {
    if (s[start + 2] === '(') {
      const end = matchArith(s, start + 3);
      if (end >= 0) {
        p.pos = end + 2;
        return { kind: 'arith', expr: parseDoubleQuotedText(p.sub(s.slice(start + 3, end))) };
      }
    }
    p.pos = start + 2;
    return { kind: 'cmd', body: p.parseSubstitution() };
  }
  if (n === '{') {
    const end = matchBrace(s, start + 2, inDq);
    const inner = s.slice(start + 2, end);
    p.pos = end + 1;
    return braceParam(p, inner);
  }
  if (n === "'" && !inDq) {
    p.pos = start + 1;
    return { kind: 'sq', text: readAnsiC(p) };
  }
  if (n === '"' && !inDq) {
    p.pos = start + 1;
    return readDoubleQuoted(p);
  }
  if (n !== undefined && /[A-Za-z_]/.test(n)) {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(start + 1))!;
    p.pos = start + 1 + m[0].length;
    return { kind: 'param', name: m[0] };
  }
  if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.includes(n))) {
    p.pos = start + 2;
    return { kind: 'param', name: n };
  }
  return null;
}

function readBackquoted(p: LexSource): WordPart {
  const s = p.src;
  let i = p.pos + 1;
  let text = '';
  for (;;) {
    if (i >= s.length) throw eof('`');
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && '$`\\'.includes(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') break;
    text += c;
    i++;
  }
  p.pos = i + 1;
  return { kind: 'cmd', body: p.parseNested(text) };
}

/**
 * Index of the `))` closing `$((`, or -1 when a single `)` closes it (a command substitution
 * of a subshell). Input that ends first is bash's parse_matched_pair EOF error.
 */
function matchArith(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return s[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  throw eof(')');
}

/** Index of the `}` closing `${`, skipping quotes and nested expansions. */
function matchBrace(s: string, from: number, inDq: boolean): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'" && !inDq) {
      const e = s.indexOf("'", i + 1);
      if (e < 0) break;
      i = e;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && --depth === 0) return i;
  }
  throw eof('}');
}

function braceParam(p: LexSource, inner: string): WordPart {
  const bad: WordPart = { kind: 'bad', text: '${' + inner + '}' };
  const nameRe = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/;
  if (inner.startsWith('#') && inner.length > 1) {
    const m = nameRe.exec(inner.slice(1));
    if (m && m[0].length === inner.length - 1) return { kind: 'param', name: m[0], length: true };
  }
  const m = nameRe.exec(inner);
  if (!m) return bad;
  const name = m[0];
  const rest = inner.slice(name.length);
  if (rest === '') return { kind: 'param', name };
  const om = /^(:[-=+?]|[-=+?]|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|:)/.exec(rest);
  if (!om) return bad;
  const op = om[0];
  const text = rest.slice(op.length);
  const word = (t: string): Word => ({ parts: readWordParts(p.sub(t), () => false) });
  // `${x/pattern/replacement}` and `${x:offset:length}`: two words, split where unquoted.
  const two = op[0] === '/' ? '/' : op === ':' ? ':' : undefined;
  if (two === undefined) return { kind: 'param', name, op, arg: word(text) };
  const cut = unquotedIndex(text, two);
  if (cut < 0) return { kind: 'param', name, op, arg: word(text) };
  return { kind: 'param', name, op, arg: word(text.slice(0, cut)), arg2: word(text.slice(cut + 1)) };
}

/** Where `c` first appears outside quotes and escapes, or -1. */
function unquotedIndex(s: string, c: string): number {
  for (let i = 0; i < s.length; i++) {
    const d = s[i];
    if (d === c) return i;
    if (d === '\\') i++;
    else if (d === "'") {
      const end = s.indexOf("'", i + 1);
      i = end < 0 ? s.length : end;
    } else if (d === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    }
  }
  return -1;
}

/** `$'...'`: ANSI-C escapes; the cursor is on the quote. */
function readAnsiC(p: LexSource): string {
  const s = p.src;
  let i = p.pos + 1;
  let out = '';
  for (;;) {
    if (i >= s.length) throw eof("'");
    const c = s[i]!;
    if (c === "'") break;
    if (c === '\\' && i + 1 < s.length) {
      const [text, len] = ansiEscape(s, i + 1);
      out += text;
      i += 1 + len;
      continue;
    }
    out += c;
    i++;
  }
  p.pos = i + 1;
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** One escape after a backslash at `i`: its text and how many characters it used. */
export function ansiEscape(s: string, i: number): [string, number] {
  const c = s[i]!;
  if (c in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[c]!, 1];
  let m = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
  if (m) return [String.fromCharCode(parseInt(m[0], 8) & 0xff), m[0].length];
  if (c === 'x') {
    m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1, i + 3));
    if (m) return [String.fromCharCode(parseInt(m[0], 16)), 1 + m[0].length];
  }
  return ['\\' + c, 1];
}

/** Parses a text as the inside of double quotes (here-document bodies, arithmetic). */
export function parseDoubleQuotedText(p: LexSource): Word {
  const text = p.src;
  const parts: WordPart[] = [];
  while (p.pos < text.length) readQuotedStep(p, parts, HEREDOC_ESCAPES);
  return { parts };
}
