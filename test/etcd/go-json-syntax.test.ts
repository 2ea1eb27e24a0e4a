import { describe, it, expect } from 'vitest';
import { goJsonSyntaxError } from '../../src/etcd/go-json-syntax.ts';

describe("Go's encoding/json syntax errors (scanner.go)", () => {
  it('accepts valid JSON', () => {
    for (const ok of ['{}', ' {"a":[1,-2.5e+3,true,false,null,"x\\u00e9\\n"]} ', '[]', '"s"', '0']) expect(goJsonSyntaxError(ok)).toBeUndefined();
  });

  it('words each error as Go does', () => {
    const cases: [string, string][] = [
      ['garbage', "invalid character 'g' looking for beginning of value"],
      ['', 'unexpected end of JSON input'],
      ['{"peerURLs":', 'unexpected end of JSON input'],
      ['{peerURLs:1}', "invalid character 'p' looking for beginning of object key string"],
      ['{"a" 1}', "invalid character '1' after object key"],
      ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
      ['[1 2]', "invalid character '2' after array element"],
      ['{} x', "invalid character 'x' after top-level value"],
      ['01', "invalid character '1' after top-level value"],
      ['-x', "invalid character 'x' in numeric literal"],
      ['1.x', "invalid character 'x' after decimal point in numeric literal"],
      ['1ex', "invalid character 'x' in exponent of numeric literal"],
      ['tru', 'unexpected end of JSON input'],
      ['trux', "invalid character 'x' in literal true (expecting 'e')"],
      ['nul1', "invalid character '1' in literal null (expecting 'l')"],
      ['"a\nb"', "invalid character '\\n' in string literal"],
      ['"\\x"', "invalid character 'x' in string escape code"],
      ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
      ["'a'", "invalid character '\\'' looking for beginning of value"],
    ];
    for (const [text, msg] of cases) expect([text, goJsonSyntaxError(text)]).toEqual([text, msg]);
  });
});
