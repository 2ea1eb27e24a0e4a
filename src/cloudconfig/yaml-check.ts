import { YamlProblem, type Mark, type Token, type TokenType } from './yaml-reader.ts';
import { Scanner } from './yaml-scan.ts';

/**
 * libyaml's parser (go-yaml's parserc.go, 2015-2016) run over the first document for its errors
 * only: the states that accept or reject each token, with no events built. go-yaml's Unmarshal
 * reads one document, then one more event (the next document's start, or the stream's end).
 */

type State =
  | 'STREAM_START' | 'IMPLICIT_DOCUMENT_START' | 'DOCUMENT_START' | 'DOCUMENT_CONTENT' | 'DOCUMENT_END'
  | 'BLOCK_NODE' | 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE' | 'FLOW_NODE'
  | 'BLOCK_SEQUENCE_FIRST_ENTRY' | 'BLOCK_SEQUENCE_ENTRY' | 'INDENTLESS_SEQUENCE_ENTRY'
  | 'BLOCK_MAPPING_FIRST_KEY' | 'BLOCK_MAPPING_KEY' | 'BLOCK_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_FIRST_ENTRY' | 'FLOW_SEQUENCE_ENTRY' | 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE' | 'FLOW_SEQUENCE_ENTRY_MAPPING_END'
  | 'FLOW_MAPPING_FIRST_KEY' | 'FLOW_MAPPING_KEY' | 'FLOW_MAPPING_VALUE' | 'FLOW_MAPPING_EMPTY_VALUE' | 'END';

type Event = 'STREAM_START' | 'STREAM_END' | 'DOCUMENT_START' | 'DOCUMENT_END' | 'NODE' | 'COLLECTION_END';

/** yaml_parser_set_parser_error_context: the problem is at the offending token. */
function fail(contextMark: Mark | undefined, problem: string, token: Token): never {
  throw new YamlProblem(problem, token.start, contextMark);
}

class Parser {
  private state: State = 'STREAM_START';
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private handles = new Set<string>();

  constructor(private readonly s: Scanner) {}

  private is(t: Token, ...types: TokenType[]): boolean {
    return types.includes(t.type);
  }

  private pop(): State {
    return this.states.pop() ?? 'END';
  }

  /** One yaml_parser_parse step: the kind of event it would produce. */
  next(): Event {
    const s = this.s;
    switch (this.state) {
      case 'STREAM_START': {
        const t = s.peek();
        if (t.type !== 'STREAM_START') fail(undefined, 'did not find expected <stream-start>', t);
        this.state = 'IMPLICIT_DOCUMENT_START';
        s.skip();
        return 'STREAM_START';
      }
      case 'IMPLICIT_DOCUMENT_START': return this.documentStart(true);
      case 'DOCUMENT_START': return this.documentStart(false);
      case 'DOCUMENT_CONTENT': {
        const t = s.peek();
        if (this.is(t, 'VERSION_DIRECTIVE', 'TAG_DIRECTIVE', 'DOCUMENT_START', 'DOCUMENT_END', 'STREAM_END')) {
          this.state = this.pop();
          return 'NODE';
        }
        return this.node(true, false);
      }
      case 'DOCUMENT_END': {
        if (s.peek().type === 'DOCUMENT_END') s.skip();
        this.state = 'DOCUMENT_START';
        return 'DOCUMENT_END';
      }
      case 'BLOCK_NODE': return this.node(true, false);
      case 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE': return this.node(true, true);
      case 'FLOW_NODE': return this.node(false, false);
      case 'BLOCK_SEQUENCE_FIRST_ENTRY': return this.blockSequenceEntry(true);
      case 'BLOCK_SEQUENCE_ENTRY': return this.blockSequenceEntry(false);
      case 'INDENTLESS_SEQUENCE_ENTRY': return this.indentlessSequenceEntry();
      case 'BLOCK_MAPPING_FIRST_KEY': return this.blockMappingKey(true);
      case 'BLOCK_MAPPING_KEY': return this.blockMappingKey(false);
      case 'BLOCK_MAPPING_VALUE': return this.blockMappingValue();
      case 'FLOW_SEQUENCE_FIRST_ENTRY': return this.flowSequenceEntry(true);
      case 'FLOW_SEQUENCE_ENTRY': return this.flowSequenceEntry(false);
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY': {
        const t = s.peek();
        if (!this.is(t, 'VALUE', 'FLOW_ENTRY', 'FLOW_SEQUENCE_END')) {
          this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_VALUE');
          return this.node(false, false);
        }
        s.skip();
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE';
        return 'NODE';
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE': {
        if (s.peek().type === 'VALUE') {
          s.skip();
          if (!this.is(s.peek(), 'FLOW_ENTRY', 'FLOW_SEQUENCE_END')) {
            this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_END');
            return this.node(false, false);
          }
        }
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_END';
        return 'NODE';
      }
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_END':
        this.state = 'FLOW_SEQUENCE_ENTRY';
        return 'COLLECTION_END';
      case 'FLOW_MAPPING_FIRST_KEY': return this.flowMappingKey(true);
      case 'FLOW_MAPPING_KEY': return this.flowMappingKey(false);
      case 'FLOW_MAPPING_VALUE': return this.flowMappingValue(false);
      case 'FLOW_MAPPING_EMPTY_VALUE': return this.flowMappingValue(true);
      case 'END': return 'STREAM_END';
    }
  }

  private documentStart(implicit: boolean): Event {
    const s = this.s;
    let t = s.peek();
    if (!implicit) {
      while (t.type === 'DOCUMENT_END') {
        s.skip();
        t = s.peek();
      }
    }
    if (implicit && !this.is(t, 'VERSION_DIRECTIVE', 'TAG_DIRECTIVE', 'DOCUMENT_START', 'STREAM_END')) {
      this.handles = new Set(['!', '!!']);
      this.states.push('DOCUMENT_END');
      this.state = 'BLOCK_NODE';
      return 'DOCUMENT_START';
    }
    if (t.type === 'STREAM_END') {
      this.state = 'END';
      s.skip();
      return 'STREAM_END';
    }
    this.directives();
    t = s.peek();
    if (t.type !== 'DOCUMENT_START') fail(undefined, 'did not find expected <document start>', t);
    this.states.push('DOCUMENT_END');
    this.state = 'DOCUMENT_CONTENT';
    s.skip();
    return 'DOCUMENT_START';
  }

  /** yaml_parser_process_directives: at most one %YAML (1.1), no %TAG handle twice. */
  private directives(): void {
    const s = this.s;
    const handles = new Set<string>();
    let version = false;
    for (let t = s.peek(); this.is(t, 'VERSION_DIRECTIVE', 'TAG_DIRECTIVE'); t = s.peek()) {
      if (t.type === 'VERSION_DIRECTIVE') {
        if (version) fail(undefined, 'found duplicate %YAML directive', t);
        version = true;
      } else {
        if (handles.has(t.value!)) fail(undefined, 'found duplicate %TAG directive', t);
        handles.add(t.value!);
      }
      s.skip();
    }
    this.handles = new Set([...handles, '!', '!!']);
  }

  private node(block: boolean, indentlessSequence: boolean): Event {
    const s = this.s;
    let t = s.peek();
    if (t.type === 'ALIAS') {
      this.state = this.pop();
      s.skip();
      return 'NODE';
    }
    const start = t.start;
    let properties = false;
    let tag: Token | undefined;
    for (const first of t.type === 'ANCHOR' ? ['ANCHOR', 'TAG'] : ['TAG', 'ANCHOR']) {
      if (t.type !== first) break;
      if (t.type === 'TAG') tag = t;
      properties = true;
      s.skip();
      t = s.peek();
    }
    if (tag && tag.value !== '' && !this.handles.has(tag.value!)) {
      throw new YamlProblem('found undefined tag handle', tag.start, start);
    }
    if (indentlessSequence && t.type === 'BLOCK_ENTRY') {
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return 'NODE';
    }
    const next: Partial<Record<TokenType, State>> = {
      FLOW_SEQUENCE_START: 'FLOW_SEQUENCE_FIRST_ENTRY',
      FLOW_MAPPING_START: 'FLOW_MAPPING_FIRST_KEY',
      ...(block ? { BLOCK_SEQUENCE_START: 'BLOCK_SEQUENCE_FIRST_ENTRY', BLOCK_MAPPING_START: 'BLOCK_MAPPING_FIRST_KEY' } : {}),
    };
    if (t.type === 'SCALAR') {
      this.state = this.pop();
      s.skip();
      return 'NODE';
    }
    const collection = next[t.type];
    if (collection) {
      this.state = collection;
      return 'NODE';
    }
    if (properties) {
      this.state = this.pop();
      return 'NODE';
    }
    fail(start, 'did not find expected node content', t);
  }

  private blockSequenceEntry(first: boolean): Event {
    const s = this.s;
    if (first) {
      this.marks.push(s.peek().start);
      s.skip();
    }
    const t = s.peek();
    if (t.type === 'BLOCK_ENTRY') {
      s.skip();
      if (!this.is(s.peek(), 'BLOCK_ENTRY', 'BLOCK_END')) {
        this.states.push('BLOCK_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'BLOCK_SEQUENCE_ENTRY';
      return 'NODE';
    }
    if (t.type === 'BLOCK_END') {
      this.state = this.pop();
      this.marks.pop();
      s.skip();
      return 'COLLECTION_END';
    }
    fail(this.marks.pop(), "did not find expected '-' indicator", t);
  }

  private indentlessSequenceEntry(): Event {
    const s = this.s;
    if (s.peek().type === 'BLOCK_ENTRY') {
      s.skip();
      if (!this.is(s.peek(), 'BLOCK_ENTRY', 'KEY', 'VALUE', 'BLOCK_END')) {
        this.states.push('INDENTLESS_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return 'NODE';
    }
    this.state = this.pop();
    return 'COLLECTION_END';
  }

  private blockMappingKey(first: boolean): Event {
    const s = this.s;
    if (first) {
      this.marks.push(s.peek().start);
      s.skip();
    }
    const t = s.peek();
    if (t.type === 'KEY') {
      s.skip();
      if (!this.is(s.peek(), 'KEY', 'VALUE', 'BLOCK_END')) {
        this.states.push('BLOCK_MAPPING_VALUE');
        return this.node(true, true);
      }
      this.state = 'BLOCK_MAPPING_VALUE';
      return 'NODE';
    }
    if (t.type === 'BLOCK_END') {
      this.state = this.pop();
      this.marks.pop();
      s.skip();
      return 'COLLECTION_END';
    }
    fail(this.marks.pop(), 'did not find expected key', t);
  }

  private blockMappingValue(): Event {
    const s = this.s;
    if (s.peek().type === 'VALUE') {
      s.skip();
      if (!this.is(s.peek(), 'KEY', 'VALUE', 'BLOCK_END')) {
        this.states.push('BLOCK_MAPPING_KEY');
        return this.node(true, true);
      }
    }
    this.state = 'BLOCK_MAPPING_KEY';
    return 'NODE';
  }

  private flowSequenceEntry(first: boolean): Event {
    const s = this.s;
    if (first) {
      this.marks.push(s.peek().start);
      s.skip();
    }
    let t = s.peek();
    if (t.type !== 'FLOW_SEQUENCE_END') {
      if (!first) {
        if (t.type !== 'FLOW_ENTRY') fail(this.marks.pop(), "did not find expected ',' or ']'", t);
        s.skip();
        t = s.peek();
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY';
        s.skip();
        return 'NODE';
      }
      if (t.type !== 'FLOW_SEQUENCE_END') {
        this.states.push('FLOW_SEQUENCE_ENTRY');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    s.skip();
    return 'COLLECTION_END';
  }

  private flowMappingKey(first: boolean): Event {
    const s = this.s;
    if (first) {
      this.marks.push(s.peek().start);
      s.skip();
    }
    let t = s.peek();
    if (t.type !== 'FLOW_MAPPING_END') {
      if (!first) {
        if (t.type !== 'FLOW_ENTRY') fail(this.marks.pop(), "did not find expected ',' or '}'", t);
        s.skip();
        t = s.peek();
      }
      if (t.type === 'KEY') {
        s.skip();
        if (!this.is(s.peek(), 'VALUE', 'FLOW_ENTRY', 'FLOW_MAPPING_END')) {
          this.states.push('FLOW_MAPPING_VALUE');
          return this.node(false, false);
        }
        this.state = 'FLOW_MAPPING_VALUE';
        return 'NODE';
      }
      if (t.type !== 'FLOW_MAPPING_END') {
        this.states.push('FLOW_MAPPING_EMPTY_VALUE');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    s.skip();
    return 'COLLECTION_END';
  }

  private flowMappingValue(empty: boolean): Event {
    const s = this.s;
    if (!empty && s.peek().type === 'VALUE') {
      s.skip();
      if (!this.is(s.peek(), 'FLOW_ENTRY', 'FLOW_MAPPING_END')) {
        this.states.push('FLOW_MAPPING_KEY');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW_MAPPING_KEY';
    return 'NODE';
  }
}

/** The problem go-yaml's Unmarshal would stop on, or undefined. */
export function firstYamlProblem(text: string): YamlProblem | undefined {
  const p = new Parser(new Scanner(text));
  try {
    // newParser: the stream start; parse(): one document (or the stream's end)...
    if (p.next() !== 'STREAM_START') return undefined;
    const first = p.next();
    if (first !== 'DOCUMENT_START') return undefined;
    for (let e = p.next(); e !== 'DOCUMENT_END'; e = p.next()) if (e === 'STREAM_END') return undefined;
    // ...and document() skips past its end, reading the next event.
    p.next();
    return undefined;
  } catch (e) {
    if (e instanceof YamlProblem) return e;
    throw e;
  }
}
