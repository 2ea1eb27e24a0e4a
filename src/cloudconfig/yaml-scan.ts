/**
 * libyaml's scanner as go-yaml v1/v2 of 2015-2016 ported it (scannerc.go): the token queue,
 * block indentation and simple keys, which decide most of the errors a hand-edited cloud-config
 * runs into. Tokens carry their start marks, not their values; a problem is thrown as a
 * `YamlProblem` with the marks go-yaml reports. The single-token scanners are in yaml-reader.ts.
 */

import { isBlank, isBlankZ, isBreak, isBreakZ, isZ, Reader, scanAnchor, scanBlockScalar, scanDirective, scanFlowScalar, scanPlainScalar, scanTag, type Mark, type Token, type TokenType } from './yaml-reader.ts';

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

export class Scanner {
  private readonly r: Reader;
  private readonly tokens: Token[] = [];
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private flowLevel = 0;

  constructor(text: string) {
    this.r = new Reader(text);
  }

  /** The token at the head of the queue (scanning on as libyaml's fetch_more_tokens does). */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[0]!;
  }

  skip(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.tokens.shift();
  }

  // --- the token queue ------------------------------------------------------------------------

  private insert(pos: number, token: Token): void {
    if (pos < 0 || pos > this.tokens.length) this.tokens.push(token);
    else this.tokens.splice(pos, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      let need = this.tokens.length === 0;
      if (!need) {
        this.staleSimpleKeys();
        need = this.simpleKeys.some((k) => k.possible && k.tokenNumber === this.tokensParsed);
      }
      if (!need) break;
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unrollIndent(this.r.mark.column);
    const c = this.r.ch();
    if (isZ(c)) return this.fetchStreamEnd();
    if (this.r.mark.column === 0 && c === '%') return this.fetchDirective();
    if (this.r.atDocumentIndicator()) return this.fetchDocumentIndicator(c === '-' ? 'DOCUMENT_START' : 'DOCUMENT_END');
    switch (c) {
      case '[': return this.fetchFlowCollectionStart('FLOW_SEQUENCE_START');
      case '{': return this.fetchFlowCollectionStart('FLOW_MAPPING_START');
      case ']': return this.fetchFlowCollectionEnd('FLOW_SEQUENCE_END');
      case '}': return this.fetchFlowCollectionEnd('FLOW_MAPPING_END');
      case ',': return this.fetchFlowEntry();
    }
    const next = this.r.ch(1);
    if (c === '-' && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === '*' || c === '&') return this.fetchKeyable(() => scanAnchor(this.r, c === '*' ? 'ALIAS' : 'ANCHOR'));
    if (c === '!') return this.fetchKeyable(() => scanTag(this.r));
    if ((c === '|' || c === '>') && this.flowLevel === 0) return this.fetchBlockScalar();
    if (c === "'" || c === '"') return this.fetchKeyable(() => scanFlowScalar(this.r, c === '"'));
    if (!(isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) || (c === '-' && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankZ(next))) {
      return this.fetchPlainScalar();
    }
    this.r.fail(this.r.here(), 'found character that cannot start any token');
  }

  private staleSimpleKeys(): void {
    for (const k of this.simpleKeys) {
      if (k.possible && (k.mark.line < this.r.mark.line || k.mark.index + 1024 < this.r.mark.index)) {
        if (k.required) this.r.fail(k.mark, "could not find expected ':'");
        k.possible = false;
      }
    }
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.r.mark.column;
    if (!this.simpleKeyAllowed) return;
    const key = { possible: true, required, tokenNumber: this.tokensParsed + this.tokens.length, mark: this.r.here() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
  }

  private removeSimpleKey(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (k.possible && k.required) this.r.fail(k.mark, "could not find expected ':'");
    k.possible = false;
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      this.insert(number > -1 ? number - this.tokensParsed : -1, { type, start: mark });
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insert(-1, { type: 'BLOCK_END', start: this.r.here() });
      this.indent = this.indents.pop()!;
    }
  }

  private add(type: TokenType, start: Mark, value?: string): void {
    this.tokens.push(value === undefined ? { type, start } : { type, start, value });
  }

  // --- fetchers -------------------------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeyAllowed = true;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.r.here() });
    this.streamStartProduced = true;
    this.add('STREAM_START', this.r.here());
  }

  private fetchStreamEnd(): void {
    // Force a new line.
    if (this.r.mark.column !== 0) {
      this.r.mark.column = 0;
      this.r.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.add('STREAM_END', this.r.here());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.r.here();
    this.r.skip();
    this.r.skip();
    this.r.skip();
    this.add(type, start);
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.r.here() });
    this.flowLevel++;
    this.simpleKeyAllowed = true;
    const start = this.r.here();
    this.r.skip();
    this.add(type, start);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    if (this.flowLevel > 0) {
      this.flowLevel--;
      this.simpleKeys.pop();
    }
    this.simpleKeyAllowed = false;
    const start = this.r.here();
    this.r.skip();
    this.add(type, start);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.r.here();
    this.r.skip();
    this.add('FLOW_ENTRY', start);
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.r.fail(this.r.here(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.r.mark.column, -1, 'BLOCK_SEQUENCE_START', this.r.here());
    }
    // In a flow collection the parser reports the '-'.
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.r.here();
    this.r.skip();
    this.add('BLOCK_ENTRY', start);
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.r.fail(this.r.here(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.r.mark.column, -1, 'BLOCK_MAPPING_START', this.r.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.r.here();
    this.r.skip();
    this.add('KEY', start);
  }

  private fetchValue(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (k.possible) {
      this.insert(k.tokenNumber - this.tokensParsed, { type: 'KEY', start: k.mark });
      this.rollIndent(k.mark.column, k.tokenNumber, 'BLOCK_MAPPING_START', k.mark);
      k.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.r.fail(this.r.here(), 'mapping values are not allowed in this context');
        this.rollIndent(this.r.mark.column, -1, 'BLOCK_MAPPING_START', this.r.here());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.r.here();
    this.r.skip();
    this.add('VALUE', start);
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(scanDirective(this.r));
  }

  /** Anchors, aliases, tags and quoted scalars may be simple keys; nothing simple follows them. */
  private fetchKeyable(scan: () => Token): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(scan());
  }

  private fetchBlockScalar(): void {
    this.removeSimpleKey();
    // A simple key may follow a block scalar.
    this.simpleKeyAllowed = true;
    this.tokens.push(scanBlockScalar(this.r, this.indent));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const { token, leadingBlanks } = scanPlainScalar(this.r, this.indent, this.flowLevel);
    this.tokens.push(token);
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }

  /** scan_to_next_token: spaces, comments, line breaks (tabs only where no simple key may start). */
  private scanToNextToken(): void {
    for (;;) {
      while (this.r.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.r.ch() === '\t')) this.r.skip();
      if (this.r.ch() === '#') while (!isBreakZ(this.r.ch())) this.r.skip();
      if (!isBreak(this.r.ch())) break;
      this.r.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }
}
