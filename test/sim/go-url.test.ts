import { describe, it, expect } from 'vitest';
import { canonicalURLPath, escapePath, isRequestURI } from '../../src/sim/go-url.ts';

describe('isRequestURI (url.ParseRequestURI)', () => {
  it('accepts absolute URLs and paths', () => {
    expect(isRequestURI('https://discovery.etcd.io/abc')).toBe(true);
    expect(isRequestURI('http://10.0.0.1:4001/v2/keys/x')).toBe(true);
    expect(isRequestURI('/just/a/path')).toBe(true);
  });
  it('rejects relative, opaque and malformed ones', () => {
    expect(isRequestURI('')).toBe(false);
    expect(isRequestURI('discovery.etcd.io/abc')).toBe(false);
    expect(isRequestURI('foo bar')).toBe(false);
    expect(isRequestURI('mailto:a@b')).toBe(false);
    expect(isRequestURI('http://host:port/')).toBe(false);
    expect(isRequestURI('http://a b/')).toBe(false);
  });
});

describe('request paths (ServeMux cleanPath / etcd CanonicalURLPath, URL.EscapedPath)', () => {
  it('cleans a path and keeps a trailing slash', () => {
    expect(canonicalURLPath('/v2/keys/a/')).toBe('/v2/keys/a/');
    expect(canonicalURLPath('/v2/keys/./a')).toBe('/v2/keys/a');
    expect(canonicalURLPath('v2//keys/../x')).toBe('/v2/x');
  });

  it('escapes what Go escapes in a path', () => {
    expect(escapePath('/a b?c/é')).toBe('/a%20b%3Fc/%C3%A9');
  });
});
