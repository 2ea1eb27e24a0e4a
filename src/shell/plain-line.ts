import type { ListNode, SimpleNode, Word } from './ast.ts';
import { WORD_QUOTING } from './lexer.ts';
import { endsWord, TERMINATORS } from './tokens.ts';

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
const COMMAND_START_WORDS = new Set(['!', 'if', 'while', 'until', 'for', 'case', '{', ...TERMINATORS]);

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
