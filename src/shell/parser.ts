import type {
  AndOrNode,
  Assign,
  CaseNode,
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
import { parseDoubleQuotedText as parseDq, type LexSource } from './lexer.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { literalText, REDIR_OPS, TERMINATORS, TokenStream, type Token } from './tokens.ts';

export { ShellSyntaxError, literalText };
export { plainLine } from './plain-line.ts';

/** What ends a `case` clause's list. */
const CASE_ENDS = new Set([';;', ';&', ';;&']);

const eofError = (matching?: string) => ShellSyntaxError.eof(matching);

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
      if (tok.t === 'op' && (tok.v === ')' || CASE_ENDS.has(tok.v))) break;
      if (tok.t === 'word' && tok.plain !== undefined && TERMINATORS.has(tok.plain)) break;
      const node = this.parseAndOr();
      const sep = this.peek();
      if (sep.t === 'op' && (sep.v === ';' || sep.v === '&' || sep.v === '\n')) {
        this.take();
        items.push({ node, background: sep.v === '&' });
        continue;
      }
      items.push({ node, background: false });
      if (sep.t === 'eof' || (sep.t === 'op' && (sep.v === ')' || CASE_ENDS.has(sep.v)))) break;
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
    this.expandAlias();
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
      case 'case':
        return this.withRedirs(this.parseCase());
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

  private parseCase(): CaseNode {
    this.take();
    const w = this.peek();
    if (w.t !== 'word') throw this.unexpected(w);
    this.take();
    this.skipNewlines();
    const inTok = this.peek();
    if (!(inTok.t === 'word' && inTok.plain === 'in')) throw this.unexpected(inTok);
    this.take();
    const node: CaseNode = { type: 'case', word: w.word, clauses: [], redirs: [] };
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.t === 'word' && tok.plain === 'esac') {
        this.take();
        return node;
      }
      if (tok.t === 'op' && tok.v === '(') this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.peek();
        if (p.t !== 'word') throw this.unexpected(p);
        this.take();
        patterns.push(p.word);
        const sep = this.take();
        if (sep.t === 'op' && sep.v === ')') break;
        if (!(sep.t === 'op' && sep.v === '|')) throw this.unexpected(sep);
      }
      // A body may be empty; the last one needs no `;;` before `esac`.
      const body = this.parseList();
      const end = this.peek();
      let term: CaseNode['clauses'][number]['term'] = ';;';
      if (end.t === 'op' && CASE_ENDS.has(end.v)) {
        this.take();
        term = end.v as typeof term;
      } else if (!(end.t === 'word' && end.plain === 'esac')) throw this.unexpected(end);
      node.clauses.push({ patterns, body, term });
    }
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
