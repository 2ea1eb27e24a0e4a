import { describe, it, expect } from 'vitest';
import { goJsonString } from '../../../src/etcd/keyspace/go-json.ts';

describe('goJsonString (Go 1.6 encoding/json)', () => {
  it('escapes HTML characters and U+2028/9 like Go', () => {
    expect(goJsonString('a<b>&c')).toBe('"a\\u003cb\\u003e\\u0026c"');
    expect(goJsonString('\u2028\u2029')).toBe('"\\u2028\\u2029"');
  });
  it('uses \\n \\r \\t and \\u00XX for other control characters', () => {
    expect(goJsonString('a\nb\rc\td\b\f\u0001')).toBe('"a\\nb\\rc\\td\\u0008\\u000c\\u0001"');
  });
  it('escapes quotes and backslashes; leaves DEL and non-ASCII alone', () => {
    expect(goJsonString('"\\\u007fé😀')).toBe('"\\"\\\\\u007fé😀"');
  });
  it('turns a lone surrogate into U+FFFD', () => {
    expect(goJsonString('x\ud800y')).toBe('"x\ufffdy"');
  });
});
