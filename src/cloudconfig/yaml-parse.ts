import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import { INVALID, resolvePlain, type GoValue } from './go-value.ts';

/** A YAML syntax error as go-yaml (coreos fork) words it; `line` is what it prints after `line `. */
export interface GoYamlError {
  line: number;
  message: string;
}

export type YamlResult = { value: GoValue } | { error: GoYamlError };

/** A judge of YAML syntax that words its errors as go-yaml does (see yaml-exact.ts). */
export type YamlCheck = (text: string) => GoYamlError | undefined;

/**
 * Parses user-data the way yaml.Unmarshal into map[interface{}]interface{} does: YAML 1.1 scalar
 * resolution (yes/no/on/off are bools, 0644 is octal), duplicate keys allowed. A document whose
 * root is not a mapping decodes to an empty map (go-yaml v1 ignores the type mismatch).
 */
export function parseYaml(text: string, check?: YamlCheck): YamlResult {
  // With `check` (the port of go-yaml's scanner and parser) the syntax is judged exactly as
  // go-yaml judges it; without, from the yaml package's errors, mapped to go-yaml's wording.
  const exact = check?.(text);
  if (exact) return { error: exact };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, schema: 'failsafe', prettyErrors: false });
  } catch {
    return { error: { line: 0, message: 'unknown problem parsing YAML content' } };
  }
  if (check) {
    const root = toGo(doc.contents, doc, 0);
    return { value: root.kind === 'map' ? root : { kind: 'map', entries: [] } };
  }
  // go-yaml decodes the first document only; later ones are not its concern.
  const errors = doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS');
  const syntax = errors.length > 0 ? goError(errors[0]!, text) : undefined;
  const tab = tabIndent(text);
  // libyaml stops at whichever problem comes first in the text.
  if (tab && (!syntax || tab.line <= syntax.line)) return { error: tab };
  if (syntax) return { error: syntax };
  const root = toGo(doc.contents, doc, 0);
  return { value: root.kind === 'map' ? root : { kind: 'map', entries: [] } };
}

function toGo(node: unknown, doc: Document.Parsed, depth: number): GoValue {
  if (depth > 100 || node == null) return INVALID;
  if (isAlias(node)) return toGo(node.resolve(doc), doc, depth + 1);
  if (isScalar(node)) {
    const raw = String(node.value ?? '');
    if (node.type === 'PLAIN' && !node.tag) return resolvePlain(raw);
    if (node.tag === 'tag:yaml.org,2002:int' || node.tag === '!!int') return resolvePlain(raw);
    return { kind: 'string', value: raw, raw };
  }
  if (isMap(node)) {
    const entries: [GoValue, GoValue][] = [];
    for (const pair of node.items) {
      const key = toGo(pair.key, doc, depth + 1);
      const value = toGo(pair.value, doc, depth + 1);
      if (isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<') merge(entries, value);
      else setEntry(entries, key, value);
    }
    return { kind: 'map', entries };
  }
  if (isSeq(node)) return { kind: 'slice', items: node.items.map((i) => toGo(i, doc, depth + 1)) };
  return INVALID;
}

/** A Go map: a repeated key keeps its first place and takes the last value. */
function setEntry(entries: [GoValue, GoValue][], key: GoValue, value: GoValue): void {
  const same = entries.find(([k]) => sameKey(k, key));
  if (same) same[1] = value;
  else entries.push([key, value]);
}

function sameKey(a: GoValue, b: GoValue): boolean {
  if (a.kind !== b.kind) return false;
  if ('value' in a && 'value' in b) return a.value === b.value;
  return a.kind === 'invalid';
}

/** `<<: *anchor` (or a list of them): the anchored mappings' keys, unless already set. */
function merge(entries: [GoValue, GoValue][], v: GoValue): void {
  const maps = v.kind === 'slice' ? v.items : [v];
  for (const m of maps) {
    if (m.kind !== 'map') continue;
    for (const [k, x] of m.entries) if (!entries.some(([e]) => sameKey(e, k))) entries.push([k, x]);
  }
}

/**
 * go-yaml v1 reports the 0-based line of libyaml's problem mark (so one less than the editor's
 * line). libyaml rejects a tab where block indentation is expected before anything else.
 */
function tabIndent(text: string): GoYamlError | undefined {
  const lines = text.split('\n');
  let blockIndent = -1; // inside a `|` / `>` scalar: lines indented deeper than its key are text
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    // At a line start, and after `key:` or `- `, libyaml only skips spaces in block context.
    if (line[indent] === '\t' || /^ *(- +)*(- ?\t|[^\s#'"{[][^#]*?:\t)/.test(line)) {
      return { line: i, message: 'found character that cannot start any token' };
    }
    if (/(^|[:\-]\s+)[|>][-+0-9]*\s*(#.*)?$/.test(line.trimEnd())) blockIndent = indent;
  }
  return undefined;
}

function goError(e: YAMLError, text: string): GoYamlError {
  const line1 = lineOf(text, e.pos[0]);
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return { line: line1 - 1, message: 'found character that cannot start any token' };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // libyaml's mark is on the offending `:` (over-indented keys: on the next line).
      const colon = text.slice(e.pos[0]).search(/:(?=[ \t\r\n]|$)/);
      const at = colon < 0 ? e.pos[0] : e.pos[0] + colon;
      return { line: lineOf(text, at) - 1, message: 'mapping values are not allowed in this context' };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      // libyaml notices the missing ':' at the next token, on a later line.
      return { line: nextContentLine(text, line1), message: "could not find expected ':'" };
    case 'MISSING_CHAR':
      if (/quote/i.test(e.message)) return { line: countNewlines(text), message: 'found unexpected end of stream' };
      return { line: line1 - 1, message: 'did not find expected key' };
    case 'BAD_INDENT':
      if (/sequence/i.test(e.message)) return { line: line1 - 1, message: "did not find expected '-' indicator" };
      return { line: line1 - 1, message: 'did not find expected key' };
    default:
      return { line: line1 - 1, message: 'did not find expected key' };
  }
}

/** 0-based index of the first non-blank, non-comment line after 1-based line `after`. */
function nextContentLine(text: string, after: number): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t !== '' && !t.startsWith('#')) return i;
  }
  return countNewlines(text);
}

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  return countNewlines(text.slice(0, Math.max(0, offset))) + 1;
}

function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}
