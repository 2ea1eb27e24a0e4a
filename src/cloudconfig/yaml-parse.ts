import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { INVALID, resolvePlain, type GoValue } from './go-value.ts';
import { decodeBase64 } from './decode.ts';
import { firstYamlProblem } from './yaml-check.ts';
import type { YamlProblem } from './yaml-reader.ts';

/** A YAML syntax error as go-yaml (coreos fork) words it; `line` is what it prints after `line `. */
export interface GoYamlError {
  line: number;
  message: string;
}

export type YamlResult = { value: GoValue } | { error: GoYamlError };

/**
 * Parses user-data the way yaml.Unmarshal into map[interface{}]interface{} does: YAML 1.1 scalar
 * resolution (yes/no/on/off are bools, 0644 is octal), duplicate keys allowed. A document whose
 * root is not a mapping decodes to an empty map (go-yaml v1 ignores the type mismatch).
 */
export function parseYaml(text: string): YamlResult {
  // The syntax is judged by a port of go-yaml's own scanner and parser: the yaml package's
  // errors are worded differently, and it accepts some text libyaml rejects (and the reverse).
  const problem = firstYamlProblem(text);
  if (problem) return { error: goYamlError(problem) };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, schema: 'failsafe', customTags: [BINARY_AS_TEXT], prettyErrors: false });
  } catch {
    return { error: { line: 0, message: 'unknown problem parsing YAML content' } };
  }
  let root: GoValue;
  try {
    root = toGo(doc.contents, doc, 0);
  } catch (e) {
    // go-yaml's decoder fails with no line: "YAML error: <message>".
    if (e instanceof DecodeError) return { error: { line: 0, message: e.message } };
    throw e;
  }
  return { value: root.kind === 'map' ? root : { kind: 'map', entries: [] } };
}

/** A failf of go-yaml's decoder, after the whole document parsed. */
class DecodeError extends Error {}

/** `!!binary` kept as its text, so that it is decoded as Go's base64 decodes it. */
const BINARY_AS_TEXT = { tag: 'tag:yaml.org,2002:binary', resolve: (s: string) => s };

const utf8 = new TextDecoder();

function toGo(node: unknown, doc: Document.Parsed, depth: number): GoValue {
  if (depth > 100 || node == null) return INVALID;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) throw new DecodeError(`unknown anchor '${node.source}' referenced`);
    return toGo(target, doc, depth + 1);
  }
  if (isScalar(node)) {
    const raw = String(node.value ?? '');
    if (node.tag === 'tag:yaml.org,2002:binary') {
      // decode.go: base64.StdEncoding; the bytes become a string.
      const bytes = decodeBase64(raw);
      if (!bytes) throw new DecodeError('!!binary value contains invalid base64 data');
      const text = utf8.decode(bytes);
      return { kind: 'string', value: text, raw: text };
    }
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
 * parser.fail() of go-yaml: the problem mark's line if not 0, else the context mark's; 0 means
 * no `line N: ` in the message. libyaml's lines count from 0, so this is the editor's line less one.
 */
function goYamlError(p: YamlProblem): GoYamlError {
  const line = p.problemMark?.line ? p.problemMark.line : (p.contextMark?.line ?? 0);
  return { line, message: p.problem };
}
