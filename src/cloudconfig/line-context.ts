/**
 * validate/context.go + the line search of node.go: the validator does not take line numbers
 * from the YAML parser; it scans the text for `key:` / `-` lines from the parent's position, so
 * its line numbers are approximate in the same way (and 0 when the scan finds nothing).
 */
export interface LineContext {
  readonly currentLine: string;
  readonly remainingLines: string;
  readonly lineNumber: number;
}

export function increment(c: LineContext): LineContext {
  if (c.currentLine === '' && c.remainingLines === '') return c;
  const i = c.remainingLines.indexOf('\n');
  return {
    currentLine: i < 0 ? c.remainingLines : c.remainingLines.slice(0, i),
    remainingLines: i < 0 ? '' : c.remainingLines.slice(i + 1),
    lineNumber: c.lineNumber + 1,
  };
}

/** NewContext: carriage returns dropped, positioned on line 1. */
export function newContext(content: string): LineContext {
  return increment({ currentLine: '', remainingLines: content.replace(/\r/g, ''), lineNumber: 0 });
}

export const EMPTY_CONTEXT: LineContext = { currentLine: '', remainingLines: '', lineNumber: 0 };

const YAML_KEY = /^ *-? ?(.*?):/;
const YAML_ELEM = /^ *-/;

function find(exp: RegExp, key: string | undefined, context: LineContext): [LineContext, boolean] {
  let c = context;
  while (c.currentLine.length > 0 || c.remainingLines.length > 0) {
    const m = exp.exec(c.currentLine);
    if (m && (key === undefined || m[1] === key)) return [c, true];
    c = increment(c);
  }
  return [c, false];
}

/** findKey: the first line at or after the context that reads `key:` (optionally after `- `). */
export function findKey(key: string, context: LineContext): [LineContext, boolean] {
  return find(YAML_KEY, key, context);
}

/** findElem: the first line at or after the context that starts a sequence element. */
export function findElem(context: LineContext): [LineContext, boolean] {
  return find(YAML_ELEM, undefined, context);
}
