import { goFormat, reflectString, type GoValue } from './go-value.ts';
import { isRequestURI } from '../sim/go-url.ts';
import { decodeContent } from './decode.ts';
import { dir } from '../sim/go-path.ts';
import { child, isCompatible, type Node } from './node.ts';
import type { ReportBuilder } from './report.ts';
import { CLOUD_CONFIG, humanType, type SchemaField, type SchemaType } from './schema.ts';

/** A Go runtime panic inside a rule; validateCloudConfig recovers it into an error. */
export class GoPanic extends Error {}

type Rule = (cfg: Node, report: ReportBuilder) => void;

/** checkDiscoveryUrl: only coreos.etcd.discovery (etcd 0.4) is checked. */
function checkDiscoveryUrl(cfg: Node, report: ReportBuilder): void {
  const c = child(child(child(cfg, 'coreos'), 'etcd'), 'discovery');
  if (!c || c.value.kind === 'invalid') return;
  if (!isRequestURI(reflectString(c.value))) report.warning(c.line, 'discovery URL is not valid');
}

/** checkEncoding: each write_files entry with an encoding must decode under it. */
function checkEncoding(cfg: Node, report: ReportBuilder): void {
  for (const f of child(cfg, 'write_files')?.children ?? []) {
    const e = child(f, 'encoding');
    if (!e || e.value.kind === 'invalid') continue;
    const c = child(f, 'content');
    const content = c ? reflectString(c.value) : '<invalid Value>';
    const enc = reflectString(e.value);
    if (!decodeContent(content, enc)) report.error(c?.line ?? 0, `content cannot be decoded as ${goQuote(enc)}`);
  }
}

/** checkStructure: unknown keys, wrong kinds, deprecated keys. */
function checkStructure(cfg: Node, report: ReportBuilder): void {
  checkNodeStructure(cfg, CLOUD_CONFIG, report);
}

function checkNodeStructure(n: Node, g: SchemaType, r: ReportBuilder): void {
  if (n.value.kind === 'invalid' || !isCompatible(n.value.kind, g.kind)) {
    r.warning(n.line, `incorrect type for ${goQuote(n.name)} (want ${humanType(g)})`);
    return;
  }
  if (g.kind === 'struct') {
    for (const cn of n.children) {
      const field = g.fields.get(cn.name);
      if (field) {
        if (field.deprecated) r.warning(cn.line, `deprecated key ${goQuote(cn.name)} (${field.deprecated})`);
        checkNodeStructure(cn, field.type, r);
      } else {
        r.warning(cn.line, `unrecognized key ${goQuote(cn.name)}`);
      }
    }
  } else if (g.kind === 'slice') {
    for (const cn of n.children) checkNodeStructure(cn, g.elem, r);
  }
}

/** checkValidity: every field with a `valid` tag must match it (zero values always do). */
function checkValidity(cfg: Node, report: ReportBuilder): void {
  checkNodeValidity(cfg, CLOUD_CONFIG, undefined, report);
}

function checkNodeValidity(n: Node, g: SchemaType, field: SchemaField | undefined, r: ReportBuilder): void {
  if (field?.valid && !isZero(n.value) && !field.valid.test(goFormat(n.value))) {
    r.error(n.line, `invalid value ${goFormat(n.value)}`);
  }
  if (g.kind === 'struct') {
    for (const cn of n.children) {
      const f = g.fields.get(cn.name);
      if (f) checkNodeValidity(cn, f.type, f, r);
    }
  } else if (g.kind === 'slice') {
    // Elements are checked against a fresh zero element, which carries no field tags.
    for (const cn of n.children) checkNodeValidity(cn, g.elem, undefined, r);
  }
}

/** config.isZero, including the panics reflect raises on maps, slices and nil. */
function isZero(v: GoValue): boolean {
  switch (v.kind) {
    case 'string': return v.value === '';
    case 'int':
    case 'float64': return v.value === 0;
    case 'bool': return !v.value;
    case 'map': throw new GoPanic('runtime error: comparing uncomparable type map[interface {}]interface {}');
    case 'slice': throw new GoPanic('runtime error: comparing uncomparable type []interface {}');
    case 'invalid': throw new GoPanic('reflect: call of reflect.Value.Interface on zero Value');
  }
}

/** checkWriteFiles: files whose directory is under /usr cannot be written (read-only /usr). */
function checkWriteFiles(cfg: Node, report: ReportBuilder): void {
  for (const f of child(cfg, 'write_files')?.children ?? []) {
    const c = child(f, 'path');
    if (!c || c.value.kind === 'invalid') continue;
    if (dir(reflectString(c.value)).startsWith('/usr')) {
      report.error(c.line, 'file cannot be written to a read-only filesystem');
    }
  }
}

/** checkWriteFilesUnderCoreos: a common indentation mistake. */
function checkWriteFilesUnderCoreos(cfg: Node, report: ReportBuilder): void {
  const c = child(child(cfg, 'coreos'), 'write_files');
  if (c && c.value.kind !== 'invalid') report.info(c.line, "write_files doesn't belong under coreos");
}

/** validate.Rules, in order. */
export const RULES: readonly Rule[] = [
  checkDiscoveryUrl,
  checkEncoding,
  checkStructure,
  checkValidity,
  checkWriteFiles,
  checkWriteFilesUnderCoreos,
];

/** Go's %q for the strings these messages quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

