import type { ListNode, Redir, Word } from './ast.ts';
import { readWordParts, type LexSource } from './lexer.ts';
import { ShellSyntaxError } from './syntax-error.ts';

export type Token =
  | { t: 'op'; v: string; fd?: number }
  | { t: 'word'; word: Word; plain?: string }
  | { t: 'eof' };

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '&>>', '&>', '>>', '>&', '>|', '<<<', '<<-', '<<', '<&', ';', '&', '|', '(', ')', '<', '>', '\n'];
/** First characters of the operators, by code (most tokens are words: skip the operator scan). */
const OP_START = new Uint8Array(128);
for (const o of OPERATORS) OP_START[o.charCodeAt(0)] = 1;
/** Unquoted characters that end a word. */
export function endsWord(c: string): boolean {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case ';':
    case '&':
    case '|':
    case '<':
    case '>':
    case '(':
    case ')':
      return true;
  }
  return false;
}
/** Reserved words that end a list when they come where a command would start. */
export const TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}', 'esac']);

export const REDIR_OPS = new Set(['>', '>>', '<', '>&', '<&', '&>', '&>>', '<<<', '<<', '<<-', '>|']);

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  strip: boolean;
  line: number;
}

/** Lexing the token had no side effect but moving the position (see TokenStream.peek). */
function isPure(tok: Token): boolean {
  if (tok.t === 'op') return true;
  if (tok.t !== 'word') return false;
  for (const p of tok.word.parts) if (p.kind !== 'lit' && p.kind !== 'sq') return false;
  return true;
}

/** The word's text after quote removal, ignoring expansions (here-doc delimiters, names). */
export function literalText(word: Word): string {
  return word.parts
    .map((p) => (p.kind === 'lit' || p.kind === 'sq' ? p.text : p.kind === 'dq' ? literalText({ parts: p.parts }) : ''))
    .join('');
}

/**
 * Tokens for the parser, read straight from the characters on demand (bash's grammar is too
 * context-dependent for a separate tokenizer pass: reserved words only count where a command
 * starts, and `$(...)` nests whole programs inside words). Here-document bodies are read
 * after the newline that ends their line.
 */
export abstract class TokenStream implements LexSource {
  pos = 0;
  protected pending: PendingHeredoc[] = [];
  /** Warnings bash prints without failing (a here-document cut short by the end of input). */
  readonly warnings: string[] = [];
  /** Set when the text ends in an unquoted backslash-newline: the next line continues it. */
  continued = false;
  /** Set when a here-document ran to the end of the text without its delimiter. */
  heredocCut = false;

  /** `aliases`: an interactive shell's, expanded where a command starts. */
  constructor(
    public src: string,
    private readonly aliases?: ReadonlyMap<string, string>,
  ) {}

  /** Aliases being expanded, with where their text ends: one is not expanded inside itself. */
  private activeAliases: { name: string; end: number }[] = [];

  /**
   * Replaces an alias at a command's start with its text, as bash's reader does (parse.y
   * alias_expand_token), and again for the first word of that text unless it is the same alias.
   */
  protected expandAlias(): void {
    const aliases = this.aliases;
    if (!aliases || aliases.size === 0) return;
    for (;;) {
      const tok = this.peek();
      // A plain word is its own source text (no quote or escape in it).
      const name = tok.t === 'word' ? tok.plain : undefined;
      const value = name === undefined ? undefined : aliases.get(name);
      if (name === undefined || value === undefined) return;
      this.skipBlanks();
      const start = this.pos;
      this.activeAliases = this.activeAliases.filter((a) => a.end > start);
      if (this.activeAliases.some((a) => a.name === name)) return;
      this.src = this.src.slice(0, start) + value + this.src.slice(start + name.length);
      const delta = value.length - name.length;
      for (const a of this.activeAliases) a.end += delta;
      this.activeAliases.push({ name, end: start + value.length });
      // Positions after the alias moved.
      this.peekedAt = -1;
      this.lineCountPos = this.lineCount = 0;
    }
  }

  abstract parseSubstitution(): ListNode;
  abstract parseNested(text: string): ListNode;
  abstract sub(text: string): LexSource;

  /** Newlines before `lineCountPos`: lines are counted on from the last position asked about. */
  private lineCountPos = 0;
  private lineCount = 0;

  /** The line (from 0) that `pos` is on. */
  protected lineAt(pos: number): number {
    if (pos < this.lineCountPos) this.lineCountPos = this.lineCount = 0;
    const s = this.src;
    for (let i = this.lineCountPos; i < pos; i++) if (s.charCodeAt(i) === 10) this.lineCount++;
    this.lineCountPos = pos;
    return this.lineCount;
  }

  protected addHeredoc(redir: Redir, delim: string, strip: boolean): void {
    const line = this.lineAt(this.pos) + 1;
    this.pending.push({ redir, delim, strip, line });
  }

  protected skipNewlines(): void {
    for (let tok = this.peek(); tok.t === 'op' && tok.v === '\n'; tok = this.peek()) this.take();
  }

  /**
   * The parser peeks at the same position many times: the last peeked token is kept, with the
   * position after it, when lexing it had no effect but moving `pos` (an operator, or a word of
   * plain and single-quoted text: no substitution parsed, no here-document read).
   */
  private peekedAt = -1;
  private peekedEnd = 0;
  private peeked: Token | undefined;

  protected peek(): Token {
    const save = this.pos;
    if (this.peekedAt === save) return this.peeked!;
    const tok = this.lex();
    if (isPure(tok)) {
      this.peekedAt = save;
      this.peekedEnd = this.pos;
      this.peeked = tok;
    }
    this.pos = save;
    return tok;
  }

  protected take(): Token {
    let tok: Token;
    if (this.peekedAt === this.pos) {
      tok = this.peeked!;
      this.pos = this.peekedEnd;
    } else tok = this.lex();
    if (tok.t === 'op' && tok.v === '\n') this.readHeredocs();
    return tok;
  }

  protected lex(): Token {
    this.skipBlanks();
    const s = this.src;
    if (this.pos >= s.length) {
      if (this.pending.length > 0) this.readHeredocs();
      return { t: 'eof' };
    }
    const c0 = s.charCodeAt(this.pos);
    const fdm = c0 >= 48 && c0 <= 57 ? /^(\d+)(?=[<>])/.exec(s.slice(this.pos, this.pos + 12)) : null;
    if (fdm) {
      const after = this.pos + fdm[1]!.length;
      const op = OPERATORS.find((o) => s.startsWith(o, after) && REDIR_OPS.has(o));
      if (op) {
        this.pos = after + op.length;
        return { t: 'op', v: op, fd: Number(fdm[1]) };
      }
    }
    if (c0 < 128 && OP_START[c0] === 1) {
      for (const op of OPERATORS) {
        if (s.startsWith(op, this.pos)) {
          this.pos += op.length;
          return { t: 'op', v: op };
        }
      }
    }
    const parts = readWordParts(this, endsWord);
    const word: Word = { parts };
    const first = parts[0];
    const plain = parts.length === 1 && first!.kind === 'lit' ? first!.text : undefined;
    return { t: 'word', word, plain };
  }

  protected skipBlanks(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        if (this.pos === s.length) this.continued = true;
      }
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }

  protected readHeredocs(): void {
    const s = this.src;
    for (const h of this.pending.splice(0)) {
      let body = '';
      let found = false;
      while (this.pos < s.length) {
        const nl = s.indexOf('\n', this.pos);
        const end = nl < 0 ? s.length : nl;
        let line = s.slice(this.pos, end);
        this.pos = nl < 0 ? s.length : nl + 1;
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          found = true;
          break;
        }
        body += line + '\n';
      }
      if (!found) this.heredocCut = true;
      if (!found) this.warnings.push(`warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delim}')`);
      h.redir.heredoc!.body = body;
    }
  }


  protected unexpected(tok: Token): ShellSyntaxError {
    if (tok.t === 'eof') return ShellSyntaxError.eof();
    const text = tok.t === 'op' ? (tok.v === '\n' ? 'newline' : (tok.fd !== undefined ? String(tok.fd) : '') + tok.v) : literalText(tok.word);
    return ShellSyntaxError.unexpected(text);
  }
}
