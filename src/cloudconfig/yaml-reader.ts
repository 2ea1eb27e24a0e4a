/**
 * libyaml's input buffer and the scanners of single tokens (go-yaml v1/v2's readerc.go and the
 * scan_* functions of scannerc.go, 2015-2016): directives, anchors, tags and scalars, read only
 * far enough to find where they end or what is wrong with them. The token queue, indentation
 * and simple keys are in yaml-scan.ts.
 */

export interface Mark {
  index: number;
  line: number;
  column: number;
}

/** A reader, scanner or parser error: libyaml's problem and its two marks. */
export class YamlProblem extends Error {
  constructor(
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly contextMark: Mark | undefined,
  ) {
    super(problem);
  }
}

export type TokenType =
  | 'STREAM_START' | 'STREAM_END' | 'VERSION_DIRECTIVE' | 'TAG_DIRECTIVE' | 'DOCUMENT_START' | 'DOCUMENT_END'
  | 'BLOCK_SEQUENCE_START' | 'BLOCK_MAPPING_START' | 'BLOCK_END' | 'FLOW_SEQUENCE_START' | 'FLOW_SEQUENCE_END'
  | 'FLOW_MAPPING_START' | 'FLOW_MAPPING_END' | 'BLOCK_ENTRY' | 'FLOW_ENTRY' | 'KEY' | 'VALUE'
  | 'ALIAS' | 'ANCHOR' | 'TAG' | 'SCALAR';

export interface Token {
  type: TokenType;
  start: Mark;
  /** TAG and TAG_DIRECTIVE: the handle (`!!`, `!`; empty for a verbatim or lone `!` tag). */
  value?: string;
}

const BREAKS = new Set(['\r', '\n', '\u0085', '\u2028', '\u2029']);
export const isBreak = (c: string) => BREAKS.has(c);
export const isZ = (c: string) => c === '';
export const isBlank = (c: string) => c === ' ' || c === '\t';
export const isBreakZ = (c: string) => isBreak(c) || isZ(c);
export const isBlankZ = (c: string) => isBlank(c) || isBreakZ(c);
const isAlpha = (c: string) => /^[0-9A-Za-z_-]$/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => /^[0-9A-Fa-f]$/.test(c);
const URI_CHARS = ";/?:@&=+$,.!~*'()[]%";

/** readerc.go accepts only these characters (anything else: "control characters are not allowed"). */
function printable(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The reader decodes 512 input bytes at a time; a bad character fails the read of its chunk. */
const RAW_CHUNK = 512;

function utf8Len(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The decoded input and the scanner's position in it (marks count characters, as libyaml's). */
export class Reader {
  private readonly chars: string[];
  /** Index of the first character of the chunk holding a character the reader rejects. */
  private readonly badChunkAt: number;
  readonly mark: Mark = { index: 0, line: 0, column: 0 };

  constructor(text: string) {
    // go-yaml parses "\n" for empty input.
    this.chars = Array.from(text.length === 0 ? '\n' : text);
    let bytes = 0;
    let chunk = -1;
    let chunkChar = 0;
    let bad = Infinity;
    for (let i = 0; i < this.chars.length; i++) {
      if (Math.floor(bytes / RAW_CHUNK) !== chunk) {
        chunk = Math.floor(bytes / RAW_CHUNK);
        chunkChar = i;
      }
      // A lone surrogate reaches the machine as UTF-8 does: U+FFFD, a printable character.
      const cp = this.chars[i]!.codePointAt(0)!;
      if (!printable(cp) && !(cp >= 0xd800 && cp <= 0xdfff)) {
        bad = chunkChar;
        break;
      }
      bytes += utf8Len(cp);
    }
    this.badChunkAt = bad;
  }

  ch(k = 0): string {
    const i = this.mark.index + k;
    if (i >= this.badChunkAt) throw new YamlProblem('control characters are not allowed', undefined, undefined);
    return this.chars[i] ?? '';
  }

  here(): Mark {
    return { ...this.mark };
  }

  skip(): void {
    this.mark.index++;
    this.mark.column++;
  }

  skipLine(): void {
    const c = this.ch();
    if (c === '\r' && this.ch(1) === '\n') this.mark.index += 2;
    else if (isBreak(c)) this.mark.index++;
    else return;
    this.mark.line++;
    this.mark.column = 0;
  }

  skipBlanks(): void {
    while (isBlank(this.ch())) this.skip();
  }

  /** At column 0, `---` or `...` and a blank. */
  atDocumentIndicator(): boolean {
    const three = this.ch() + this.ch(1) + this.ch(2);
    return this.mark.column === 0 && (three === '---' || three === '...') && isBlankZ(this.ch(3));
  }

  /** yaml_parser_set_scanner_error: the problem is where the scanner stands. */
  fail(contextMark: Mark, problem: string): never {
    throw new YamlProblem(problem, this.here(), contextMark);
  }
}

/** scan_directive: `%YAML 1.1` or `%TAG ! prefix`, to the end of its line. */
export function scanDirective(r: Reader): Token {
  const start = r.here();
  r.skip();
  let name = '';
  while (isAlpha(r.ch())) {
    name += r.ch();
    r.skip();
  }
  if (name === '') r.fail(start, 'could not find expected directive name');
  if (!isBlankZ(r.ch())) r.fail(start, 'found unexpected non-alphabetical character');
  let token: Token;
  if (name === 'YAML') {
    r.skipBlanks();
    versionNumber(r, start);
    if (r.ch() !== '.') r.fail(start, "did not find expected digit or '.' character");
    r.skip();
    versionNumber(r, start);
    token = { type: 'VERSION_DIRECTIVE', start };
  } else if (name === 'TAG') {
    r.skipBlanks();
    const handle = tagHandle(r, true, start);
    if (!isBlank(r.ch())) r.fail(start, 'did not find expected whitespace');
    r.skipBlanks();
    tagUri(r, '', start);
    if (!isBlankZ(r.ch())) r.fail(start, 'did not find expected whitespace or line break');
    token = { type: 'TAG_DIRECTIVE', start, value: handle };
  } else {
    r.fail(start, 'found unknown directive name');
  }
  r.skipBlanks();
  if (r.ch() === '#') while (!isBreakZ(r.ch())) r.skip();
  if (!isBreakZ(r.ch())) r.fail(start, 'did not find expected comment or line break');
  r.skipLine();
  return token;
}

function versionNumber(r: Reader, start: Mark): void {
  let digits = 0;
  while (isDigit(r.ch())) {
    if (++digits > 9) r.fail(start, 'found extremely long version number');
    r.skip();
  }
  if (digits === 0) r.fail(start, 'did not find expected version number');
}

/** scan_anchor: `&name` or `*name`. */
export function scanAnchor(r: Reader, type: 'ALIAS' | 'ANCHOR'): Token {
  const start = r.here();
  r.skip();
  let n = 0;
  while (isAlpha(r.ch())) {
    r.skip();
    n++;
  }
  if (n === 0 || !(isBlankZ(r.ch()) || '?:,]}%@`'.includes(r.ch()))) {
    r.fail(start, 'did not find expected alphabetic or numeric character');
  }
  return { type, start };
}

/** scan_tag: `!<verbatim>`, `!handle!suffix`, `!suffix` or `!`. */
export function scanTag(r: Reader): Token {
  const start = r.here();
  let handle: string;
  if (r.ch(1) === '<') {
    r.skip();
    r.skip();
    tagUri(r, '', start);
    if (r.ch() !== '>') r.fail(start, "did not find the expected '>'");
    r.skip();
    handle = '';
  } else {
    const h = tagHandle(r, false, start);
    if (h.length > 1 && h.endsWith('!')) {
      tagUri(r, '', start);
      handle = h;
    } else {
      // Not a handle after all: `!suffix` (or the lone `!`).
      handle = tagUri(r, h, start) === '' ? '' : '!';
    }
  }
  if (!isBlankZ(r.ch())) r.fail(start, 'did not find expected whitespace or line break');
  return { type: 'TAG', start, value: handle };
}

function tagHandle(r: Reader, directive: boolean, start: Mark): string {
  if (r.ch() !== '!') r.fail(start, "did not find expected '!'");
  let s = '!';
  r.skip();
  while (isAlpha(r.ch())) {
    s += r.ch();
    r.skip();
  }
  if (r.ch() === '!') {
    s += '!';
    r.skip();
  } else if (directive && s !== '!') {
    r.fail(start, "did not find expected '!'");
  }
  return s;
}

/** scan_tag_uri: the characters after the head's `!`; empty altogether is an error. */
function tagUri(r: Reader, head: string, start: Mark): string {
  let s = head.slice(1);
  let length = head.length;
  while (isAlpha(r.ch()) || (r.ch() !== '' && URI_CHARS.includes(r.ch()))) {
    if (r.ch() === '%') {
      if (!(isHex(r.ch(1)) && isHex(r.ch(2)))) r.fail(start, 'did not find URI escaped octet');
      r.skip();
      r.skip();
    }
    s += r.ch();
    r.skip();
    length++;
  }
  if (length === 0) r.fail(start, 'did not find expected tag URI');
  return s;
}

/** scan_block_scalar: `|` or `>`, its indicators, then every line at its indentation. */
export function scanBlockScalar(r: Reader, parentIndent: number): Token {
  const start = r.here();
  r.skip();
  let increment = 0;
  const indicator = (): void => {
    if (!isDigit(r.ch())) return;
    if (r.ch() === '0') r.fail(start, 'found an indentation indicator equal to 0');
    increment = Number(r.ch());
    r.skip();
  };
  if (r.ch() === '+' || r.ch() === '-') {
    r.skip();
    indicator();
  } else if (isDigit(r.ch())) {
    indicator();
    if (r.ch() === '+' || r.ch() === '-') r.skip();
  }
  r.skipBlanks();
  if (r.ch() === '#') while (!isBreakZ(r.ch())) r.skip();
  if (!isBreakZ(r.ch())) r.fail(start, 'did not find expected comment or line break');
  r.skipLine();
  let indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0;
  indent = blockScalarBreaks(r, indent, parentIndent, start);
  while (r.mark.column === indent && !isZ(r.ch())) {
    while (!isBreakZ(r.ch())) r.skip();
    r.skipLine();
    indent = blockScalarBreaks(r, indent, parentIndent, start);
  }
  return { type: 'SCALAR', start };
}

/** scan_block_scalar_breaks: indentation and empty lines; settles an auto-detected indent. */
function blockScalarBreaks(r: Reader, indent: number, parentIndent: number, start: Mark): number {
  let max = 0;
  for (;;) {
    while ((indent === 0 || r.mark.column < indent) && r.ch() === ' ') r.skip();
    if (r.mark.column > max) max = r.mark.column;
    if ((indent === 0 || r.mark.column < indent) && r.ch() === '\t') {
      r.fail(start, 'found a tab character where an indentation space is expected');
    }
    if (!isBreak(r.ch())) break;
    r.skipLine();
  }
  return indent === 0 ? Math.max(max, parentIndent + 1, 1) : indent;
}

/** scan_flow_scalar: a single- or double-quoted scalar, over as many lines as it takes. */
export function scanFlowScalar(r: Reader, double: boolean): Token {
  const start = r.here();
  r.skip();
  for (;;) {
    if (r.atDocumentIndicator()) r.fail(start, 'found unexpected document indicator');
    if (isZ(r.ch())) r.fail(start, 'found unexpected end of stream');
    let closed = false;
    while (!isBlankZ(r.ch())) {
      const c = r.ch();
      if (!double && c === "'" && r.ch(1) === "'") {
        r.skip();
        r.skip();
      } else if (c === (double ? '"' : "'")) {
        closed = true;
        break;
      } else if (double && c === '\\' && isBreak(r.ch(1))) {
        r.skip();
        r.skipLine();
        break;
      } else if (double && c === '\\') {
        escape(r, start);
      } else r.skip();
    }
    if (closed) break;
    while (isBlank(r.ch()) || isBreak(r.ch())) {
      if (isBlank(r.ch())) r.skip();
      else r.skipLine();
    }
  }
  r.skip();
  return { type: 'SCALAR', start };
}

function escape(r: Reader, start: Mark): void {
  const e = r.ch(1);
  const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (len === 0 && !(e !== '' && '0abt\tnvfre "\'/\\N_LP'.includes(e))) r.fail(start, 'found unknown escape character');
  r.skip();
  r.skip();
  if (len === 0) return;
  let hex = '';
  for (let i = 0; i < len; i++) {
    if (!isHex(r.ch(i))) r.fail(start, 'did not find expected hexdecimal number');
    hex += r.ch(i);
  }
  const v = parseInt(hex, 16);
  if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) r.fail(start, 'found invalid Unicode character escape code');
  for (let i = 0; i < len; i++) r.skip();
}

/**
 * scan_plain_scalar: words up to `: `, a comment or (in a flow collection) an indicator, going on
 * over lines indented deeper than the parent. `leadingBlanks`: it ended after a line break (so a
 * simple key may start next).
 */
export function scanPlainScalar(r: Reader, parentIndent: number, flowLevel: number): { token: Token; leadingBlanks: boolean } {
  const start = r.here();
  const indent = parentIndent + 1;
  let leadingBlanks = false;
  for (;;) {
    if (r.atDocumentIndicator() || r.ch() === '#') break;
    while (!isBlankZ(r.ch())) {
      const c = r.ch();
      // go-yaml of 2015-16 (libyaml 0.1.x) still rejects 'x:x' in a flow collection.
      if (flowLevel > 0 && c === ':' && !isBlankZ(r.ch(1))) r.fail(start, "found unexpected ':'");
      if ((c === ':' && isBlankZ(r.ch(1))) || (flowLevel > 0 && ',:?[]{}'.includes(c))) break;
      leadingBlanks = false;
      r.skip();
    }
    if (!(isBlank(r.ch()) || isBreak(r.ch()))) break;
    while (isBlank(r.ch()) || isBreak(r.ch())) {
      if (isBlank(r.ch())) {
        if (leadingBlanks && r.mark.column < indent && r.ch() === '\t') r.fail(start, 'found a tab character that violate indentation');
        r.skip();
      } else {
        r.skipLine();
        leadingBlanks = true;
      }
    }
    if (flowLevel === 0 && r.mark.column < indent) break;
  }
  return { token: { type: 'SCALAR', start }, leadingBlanks };
}
