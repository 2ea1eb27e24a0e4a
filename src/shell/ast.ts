/** The syntax tree of the bash subset the playground's shell understands. */

/** A piece of a word, before expansion. */
export type WordPart =
  /** Unquoted text: subject to brace expansion, tilde expansion and globbing. */
  | { kind: 'lit'; text: string }
  /** Text that was quoted or escaped: taken as is. */
  | { kind: 'sq'; text: string }
  /** A double-quoted stretch: expansions inside are not split or globbed; `""` is still a word. */
  | { kind: 'dq'; parts: WordPart[] }
  | ParamPart
  | { kind: 'cmd'; body: ListNode }
  | { kind: 'arith'; expr: Word }
  /** `${...}` bash cannot make sense of: an error when expanded, as in bash. */
  | { kind: 'bad'; text: string };

export interface ParamPart {
  kind: 'param';
  name: string;
  /** `${#name}` */
  length?: boolean;
  /** `:-`, `-`, `:=`, `=`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`; `:` (substring), `/ // /# /%` (replace), `^ ^^ , ,,` (case) */
  op?: string;
  arg?: Word;
  /** The replacement of `/`, the length of `:`. */
  arg2?: Word;
}

export interface Word {
  parts: WordPart[];
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<<' | '<<' | '>|';

export interface Redir {
  fd: number;
  op: RedirOp;
  target: Word;
  /** Here-document body (op `<<`); `quoted` when the delimiter was quoted (no expansion). */
  heredoc?: { body: string; quoted: boolean };
}

export interface Assign {
  name: string;
  value: Word;
  append: boolean;
}

export interface SimpleNode {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  /** The line it starts on, from 0 at the start of the parsed text (for `$LINENO`). */
  line: number;
}

export interface PipelineNode {
  type: 'pipeline';
  bang: boolean;
  cmds: CommandNode[];
}

export interface AndOrNode {
  type: 'andor';
  first: PipelineNode;
  rest: { op: '&&' | '||'; node: PipelineNode }[];
}

export interface ListNode {
  type: 'list';
  items: { node: AndOrNode; background: boolean }[];
}

export interface IfNode {
  type: 'if';
  clauses: { cond: ListNode; body: ListNode }[];
  elseBody?: ListNode;
  redirs: Redir[];
}

export interface LoopNode {
  type: 'while';
  until: boolean;
  cond: ListNode;
  body: ListNode;
  redirs: Redir[];
}

export interface ForNode {
  type: 'for';
  name: string;
  /** undefined: `for x; do` iterates over "$@". */
  words?: Word[];
  body: ListNode;
  redirs: Redir[];
}

export interface GroupNode {
  type: 'group' | 'subshell';
  body: ListNode;
  redirs: Redir[];
}

export interface FunctionNode {
  type: 'function';
  name: string;
  body: CommandNode;
}

/** `case word in pattern|pattern) list ;; ... esac`; `;&` falls into the next body, `;;&` tests the next patterns. */
export interface CaseNode {
  type: 'case';
  word: Word;
  clauses: { patterns: Word[]; body: ListNode; term: ';;' | ';&' | ';;&' }[];
  redirs: Redir[];
}

export type CommandNode = SimpleNode | IfNode | LoopNode | ForNode | CaseNode | GroupNode | FunctionNode;
