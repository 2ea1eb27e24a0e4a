import type { GoValue } from './go-value.ts';
import { keyName } from './go-value.ts';
import { findElem, findKey, increment, type LineContext } from './line-context.ts';
import type { SchemaType } from './schema.ts';

/** validate/node.go's node: a key (or `name[i]` element) with its scanned line and value. */
export interface Node {
  name: string;
  line: number;
  value: GoValue;
  children: Node[];
}

/** NewNode/toNode over the decoded user-data. Map children keep document order. */
export function toNode(name: string, v: GoValue, context: LineContext, line = 0): Node {
  const n: Node = { name, line, value: v, children: [] };
  if (v.kind === 'map') {
    for (const [k, cv] of v.entries) {
      const cname = keyName(k);
      const [c, ok] = findKey(cname, context);
      n.children.push(toNode(cname, cv, c, ok ? c.lineNumber : 0));
    }
  } else if (v.kind === 'slice') {
    let c = context;
    v.items.forEach((item, i) => {
      const [found, ok] = findElem(c);
      c = found;
      n.children.push(toNode(`${name}[${i}]`, item, c, ok ? c.lineNumber : 0));
      c = increment(c);
    });
  }
  return n;
}

/** normalizeNodeNames: `-` in key names becomes `_` (silently in v1.9.3: the info is commented out). */
export function normalizeNodeNames(n: Node): Node {
  return { ...n, name: n.name.replace(/-/g, '_'), children: n.children.map(normalizeNodeNames) };
}

/** isCompatible: can a YAML value of kind `n` be decoded into a Go field of kind `g`. */
export function isCompatible(n: GoValue['kind'], g: SchemaType['kind']): boolean {
  switch (g) {
    case 'string': return n === 'string' || n === 'int' || n === 'float64' || n === 'bool';
    case 'struct': return n === 'map';
    case 'float64': return n === 'float64' || n === 'int';
    case 'bool': return n === 'bool';
    case 'slice': return n === 'slice';
    case 'int': return n === 'int';
  }
}

/**
 * coerceNodes: where the typed decoding (into config.CloudConfig) succeeded for a leaf, its value
 * wins — so `permissions: 0644` is the string "0644", not the int 420, and `proxy: off` is "off".
 */
export function coerceNodes(n: Node, schema: SchemaType | undefined): Node {
  let value = n.value;
  const leafSchema = schema && schema.kind !== 'struct' && !(schema.kind === 'slice' && n.children.length > 0);
  if (schema && leafSchema && n.children.length === 0 && value.kind !== 'invalid' && isCompatible(value.kind, schema.kind)) {
    value = strongValue(value, schema.kind);
  }
  const children = n.children.map((c) => coerceNodes(c, childSchema(schema, c.name)));
  return { ...n, value, children };
}

function strongValue(v: GoValue, kind: SchemaType['kind']): GoValue {
  if (kind === 'string' && 'raw' in v) return { kind: 'string', value: v.raw, raw: v.raw };
  if (kind === 'float64' && v.kind === 'int') return { kind: 'float64', value: v.value, raw: v.raw };
  return v;
}

/** The schema of a child node: a struct's field, or a slice's element. */
export function childSchema(schema: SchemaType | undefined, name: string): SchemaType | undefined {
  if (!schema) return undefined;
  if (schema.kind === 'struct') return schema.fields.get(name)?.type;
  if (schema.kind === 'slice') return schema.elem;
  return undefined;
}

/** node.Child: the child with that (normalized) name. */
export function child(n: Node | undefined, name: string): Node | undefined {
  return n?.children.find((c) => c.name === name);
}
