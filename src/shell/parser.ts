import type {
  AndOrNode,
  Assign,
  CommandNode,
  ForNode,
  GroupNode,
  IfNode,
  ListNode,
  LoopNode,
  PipelineNode,
  Redir,
  RedirOp,
  SimpleNode,
  Word,
  WordPart,
} from './ast.ts';
import { parseDoubleQuotedText as parseDq, WORD_QUOTING, type LexSource } from './lexer.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { endsWord, literalText, REDIR_OPS, TokenStream, type Token } from './tokens.ts';

export { ShellSyntaxError, literalText };

const eofError = (matching?: string) => ShellSyntaxError.eof(matching);

/** Reserved words that end a list when they come where a command would start. */
const TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}', 'esac']);

/**
 * ASCII characters a plain line cannot have: what ends a word (operators, newline; blanks are
 * taken apart before), what quotes or expands, and `#` (a comment at a word's start).
 */
const PLAIN_SPECIAL = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (endsWord(ch) || WORD_QUOTING.includes(ch) || ch === '#') PLAIN_SPECIAL[c] = 1;
}

/** Words that mean something to the grammar where a command starts (`!` negates a pipeline). */
const COMMAND_START_WORDS = new Set(['!', 'if', 'while', 'until', 'for', '{', ...TERMINATORS]);

/**
 * A line that is only plain words (no quote, escape, expansion, operator or comment; blanks
 * between words), as the grammar parses it: one simple command of literal words. Most command
 * lines are like this (`etcdctl set /foo bar`), and a headless caller's every command is a fresh
 * line to parse: the interpreter takes these without a parser. Undefined for anything else,
 * including a first word that is reserved or an assignment (for the full parser).
 */
export function plainLine(src: string): ListNode | undefined {
  const words: Word[] = [];
  let first: string | undefined;
  let start = -1;
  // The newline that ends a typed line ends the command.
  const n = src.charCodeAt(src.length - 1) === 10 ? src.length - 1 : src.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? src.charCodeAt(i) : 32;
    if (c === 32 || c === 9) {
      if (start >= 0) {
        const text = src.slice(start, i);
        first ??= text;
        words.push({ parts: [{ kind: 'lit', text }] });
      }
      start = -1;
      continue;
    }
    if (c < 128 && PLAIN_SPECIAL[c] === 1) return undefined;
    if (start < 0) start = i;
  }
  if (first === undefined || COMMAND_START_WORDS.has(first) || first.includes('=')) return undefined;
  const node: SimpleNode = { type: 'simple', assigns: [], words, redirs: [], line: 0 };
  return { type: 'list', items: [{ node: { type: 'andor', first: { type: 'pipeline', bang: false, cmds: [node] }, rest: [] }, background: false }] };
}

/** A recursive-descent parser of bash's grammar (the subset the playground runs). */
export class Parser extends TokenStream {
  /** Parses the whole input. */
  parseProgram(): ListNode {
    const items: ListNode['items'] = [];
    for (let l = this.nextLine(); l; l = this.nextLine()) items.push(...l.items);
    return { type: 'list', items };
  }

  /**
   * Parses the next complete command line (up to a newline outside any construct), or null at
   * the end. bash reads and runs input this way, so an error on line 2 does not stop line 1.
   */
  nextLine(): ListNode | null {
    this.skipNewlines();
    if (this.peek().t === 'eof') return null;
    const items: ListNode['items'] = [];
    for (;;) {
      const node = this.parseAndOr();
      const tok = this.peek();
      if (tok.t === 'eof') {
        items.push({ node, background: false });
        break;
      }
      if (tok.t === 'op' && (tok.v === ';' || tok.v === '&')) {
        this.take();
        items.push({ node, background: tok.v === '&' });
        const after = this.peek();
        if (after.t === 'eof') break;
        if (after.t === 'op' && after.v === '\n') {
          this.take();
          break;
        }
        continue;
      }
      if (tok.t === 'op' && tok.v === '\n') {
        this.take();
        items.push({ node, background: false });
        break;
      }
      throw this.unexpected(tok);
    }
    return { type: 'list', items };
  }

  // ---- grammar ----

  private parseList(): ListNode {
    const items: ListNode['items'] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.t === 'eof') break;
      if (tok.t === 'op' && tok.v === ')') break;
      if (tok.t === 'word' && tok.plain !== undefined && TERMINATORS.has(tok.plain)) break;
      const node = this.parseAndOr();
      const sep = this.peek();
      if (sep.t === 'op' && (sep.v === ';' || sep.v === '&' || sep.v === '\n')) {
        this.take();
        items.push({ node, background: sep.v === '&' });
        continue;
      }
      items.push({ node, background: false });
      if (sep.t === 'eof' || (sep.t === 'op' && sep.v === ')')) break;
      throw this.unexpected(sep);
    }
    return { type: 'list', items };
  }

  private parseAndOr(): AndOrNode {
    const first = this.parsePipeline();
    const rest: AndOrNode['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.v !== '&&' && tok.v !== '||')) break;
      this.take();
      this.skipNewlines();
      rest.push({ op: tok.v, node: this.parsePipeline() });
    }
    return { type: 'andor', first, rest };
  }

  private parsePipeline(): PipelineNode {
    let bang = false;
    const first = this.peek();
    if (first.t === 'word' && first.plain === '!') {
      this.take();
      bang = true;
    }
    const cmds = [this.parseCommand()];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || tok.v !== '|') break;
      this.take();
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    return { type: 'pipeline', bang, cmds };
  }

  private parseCommand(): CommandNode {
    const tok = this.peek();
    if (tok.t === 'eof') throw eofError();
    if (tok.t === 'op') {
      if (REDIR_OPS.has(tok.v)) return this.parseSimple();
      if (tok.v === '(') {
        this.take();
        const body = this.parseList();
        this.expectOp(')', body);
        return this.withRedirs<GroupNode>({ type: 'subshell', body, redirs: [] });
      }
      throw this.unexpected(tok);
    }
    switch (tok.plain) {
      case 'if':
        return this.withRedirs(this.parseIf());
      case 'while':
      case 'until':
        return this.withRedirs(this.parseWhile(tok.plain === 'until'));
      case 'for':
        return this.withRedirs(this.parseFor());
      case '{': {
        this.take();
        const body = this.parseList();
        this.expectWord('}', body);
        return this.withRedirs({ type: 'group', body, redirs: [] } as GroupNode);
      }
    }
    if (tok.plain !== undefined && TERMINATORS.has(tok.plain)) throw this.unexpected(tok);
    return this.parseSimple();
  }

  private withRedirs<T extends { redirs: Redir[] }>(node: T): T {
    for (let tok = this.peek(); tok.t === 'op' && REDIR_OPS.has(tok.v); tok = this.peek()) node.redirs.push(this.parseRedir());
    return node;
  }

  private parseSimple(): CommandNode {
    const node: SimpleNode = { type: 'simple', assigns: [], words: [], redirs: [], line: this.lineAt(this.pos) };
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && REDIR_OPS.has(tok.v)) {
        node.redirs.push(this.parseRedir());
        continue;
      }
      if (tok.t !== 'word') break;
      this.take();
      const assign = node.words.length === 0 ? asAssignment(tok.word) : undefined;
      if (assign) node.assigns.push(assign);
      else node.words.push(tok.word);
    }
    const next = this.peek();
    if (next.t === 'op' && next.v === '(') {
      // `name() body`: a function definition; anything else before `(` is an error.
      const name = node.words.length === 1 && node.assigns.length === 0 && node.redirs.length === 0 ? plainText(node.words[0]!) : undefined;
      if (name === undefined) throw this.unexpected(next);
      this.take();
      this.expectOp(')');
      this.skipNewlines();
      const start = this.peek();
      const ok = start.t === 'op' ? start.v === '(' : start.t === 'word' && ['{', 'if', 'while', 'until', 'for'].includes(start.plain ?? '');
      if (!ok) throw this.unexpected(start);
      return { type: 'function', name, body: this.parseCommand() };
    }
    return node;
  }

  private parseRedir(): Redir {
    const tok = this.take() as { t: 'op'; v: string; fd?: number };
    const target = this.peek();
    if (target.t !== 'word') throw this.unexpected(target.t === 'eof' ? { t: 'op', v: '\n' } : target);
    this.take();
    const op = (tok.v === '<<-' ? '<<' : tok.v) as RedirOp;
    const dflt = op.startsWith('<') ? 0 : 1;
    const redir: Redir = { fd: tok.fd ?? dflt, op, target: target.word };
    if (op === '<<') {
      const quoted = target.word.parts.some((p) => p.kind !== 'lit');
      redir.heredoc = { body: '', quoted };
      this.addHeredoc(redir, literalText(target.word), tok.v === '<<-');
    }
    return redir;
  }

  private parseIf(): IfNode {
    this.take();
    const node: IfNode = { type: 'if', clauses: [], redirs: [] };
    for (;;) {
      const cond = this.parseList();
      this.expectWord('then', cond);
      const body = this.parseList();
      node.clauses.push({ cond, body });
      const tok = this.peek();
      if (tok.t === 'word' && tok.plain === 'elif') {
        this.requireNonEmpty(body, tok);
        this.take();
        continue;
      }
      if (tok.t === 'word' && tok.plain === 'else') {
        this.requireNonEmpty(body, tok);
        this.take();
        node.elseBody = this.parseList();
        this.expectWord('fi', node.elseBody);
        return node;
      }
      this.expectWord('fi', body);
      return node;
    }
  }

  private parseWhile(until: boolean): LoopNode {
    this.take();
    const cond = this.parseList();
    this.expectWord('do', cond);
    const body = this.parseList();
    this.expectWord('done', body);
    return { type: 'while', until, cond, body, redirs: [] };
  }

  private parseFor(): ForNode {
    this.take();
    const nameTok = this.peek();
    if (nameTok.t !== 'word') throw this.unexpected(nameTok);
    this.take();
    const name = literalText(nameTok.word);
    let words: Word[] | undefined;
    this.skipNewlines();
    const tok = this.peek();
    if (tok.t === 'word' && tok.plain === 'in') {
      this.take();
      words = [];
      for (;;) {
        const w = this.peek();
        if (w.t === 'word') {
          this.take();
          words.push(w.word);
          continue;
        }
        if (w.t === 'op' && (w.v === ';' || w.v === '\n')) {
          this.take();
          break;
        }
        throw this.unexpected(w);
      }
    } else if (tok.t === 'op' && tok.v === ';') {
      this.take();
    }
    this.skipNewlines();
    const d = this.peek();
    if (!(d.t === 'word' && d.plain === 'do')) throw this.unexpected(d);
    this.take();
    const body = this.parseList();
    this.expectWord('done', body);
    return { type: 'for', name, words, body, redirs: [] };
  }

  private requireNonEmpty(list: ListNode, tok: Token): void {
    if (list.items.length === 0) throw this.unexpected(tok);
  }

  /** Consumes the reserved word `w`, after a list that must not be empty. */
  private expectWord(w: string, before: ListNode): void {
    const tok = this.peek();
    if (tok.t === 'word' && tok.plain === w) {
      this.requireNonEmpty(before, tok);
      this.take();
      return;
    }
    throw this.unexpected(tok);
  }

  private expectOp(v: string, before?: ListNode): void {
    const tok = this.peek();
    if (tok.t === 'op' && tok.v === v) {
      if (before) this.requireNonEmpty(before, tok);
      this.take();
      return;
    }
    throw this.unexpected(tok);
  }

  override sub(text: string): LexSource {
    return new Parser(text);
  }

  /** Parses a separate text as a program (backquoted command substitution). */
  override parseNested(text: string): ListNode {
    return new Parser(text).parseProgram();
  }

  /** Parses a nested command list up to `)` (command substitution); the caller consumed `$(`. */
  override parseSubstitution(): ListNode {
    const body = this.parseList();
    const tok = this.peek();
    if (tok.t === 'eof') throw eofError(')');
    if (!(tok.t === 'op' && tok.v === ')')) throw this.unexpected(tok);
    this.take();
    return body;
  }
}

/** `NAME=value` or `NAME+=value` at the start of a word. */
function asAssignment(word: Word): Assign | undefined {
  const first = word.parts[0];
  if (!first || first.kind !== 'lit' || !first.text.includes('=')) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const restText = first.text.slice(m[0].length);
  const parts: WordPart[] = restText ? [{ kind: 'lit', text: restText }, ...word.parts.slice(1)] : word.parts.slice(1);
  return { name: m[1]!, value: { parts }, append: m[2] === '+' };
}

function plainText(word: Word): string | undefined {
  const first = word.parts[0];
  return word.parts.length === 1 && first!.kind === 'lit' && !/[$`'"\\]/.test(first!.text) ? first!.text : undefined;
}

/** Parses a string as the inside of double quotes (here-document bodies). */
export function parseDoubleQuotedText(text: string): Word {
  return parseDq(new Parser(text));
}

/** Parses a whole program; throws ShellSyntaxError. */
export function parse(src: string): ListNode {
  return new Parser(src).parseProgram();
}
