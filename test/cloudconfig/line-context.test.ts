import { describe, it, expect } from 'vitest';
import { findElem, findKey, increment, newContext } from '../../src/cloudconfig/line-context.ts';

describe('line context (validate/context.go, node.go find)', () => {
  it('starts on line 1 and drops CRs', () => {
    const c = newContext('a\r\nb\n');
    expect(c).toEqual({ currentLine: 'a', remainingLines: 'b\n', lineNumber: 1 });
    expect(increment(increment(c)).lineNumber).toBe(3);
  });
  it('finds `key:` lines, also after `- `', () => {
    const c = newContext('#cloud-config\nusers:\n  - name: core\n    groups: [a]\n');
    expect(findKey('users', c)[0].lineNumber).toBe(2);
    expect(findKey('name', c)[0].lineNumber).toBe(3);
    expect(findKey('groups', c)[0].lineNumber).toBe(4);
    expect(findKey('nope', c)[1]).toBe(false);
    expect(findElem(c)[0].lineNumber).toBe(3);
  });
});
