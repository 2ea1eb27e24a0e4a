import { describe, it, expect } from 'vitest';
import { decodeBase64, decodeContent } from '../../src/cloudconfig/decode.ts';

describe('decodeContent', () => {
  it('base64 as Go StdEncoding: padding required, newlines ignored', () => {
    expect(new TextDecoder().decode(decodeBase64('aGVsbG8K'))).toBe('hello\n');
    expect(new TextDecoder().decode(decodeBase64('aGVs\nbG8='))).toBe('hello');
    expect(decodeBase64('aGVsbG8')).toBeUndefined();
    expect(decodeBase64('!!!!')).toBeUndefined();
    expect(decodeBase64('aG==aGVs')).toBeUndefined();
  });
  it('by encoding name', () => {
    expect(decodeContent('plain', '')).toBeDefined();
    expect(decodeContent('aGVsbG8K', 'b64')).toBeDefined();
    expect(decodeContent('aGVsbG8K', 'gz+b64')).toBeUndefined(); // not gzip inside
    expect(decodeContent('H4sIAAAAAAAAA8tIzcnJBwCGphA2BgAAAA==', 'gzip+base64')).toBeDefined();
    expect(decodeContent('x', 'rot13')).toBeUndefined();
  });
});
