import { describe, it, expect } from 'vitest';
import { canonicalURLPath, escapePath, isRequestURI, parseURL, urlString, type GoURL } from '../../src/sim/go-url.ts';

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

describe('url.Parse and URL.String as Go 1.6 had them (etcdctl 2.3.7 was built with it)', () => {
  const parsed = (raw: string) => parseURL(raw) as GoURL;

  it('parses host:port with no scheme as a path, which becomes a URL once a scheme is set', () => {
    // Go 1.8 added "first path segment in URL cannot contain colon"; 1.6 had no such check.
    const u = parsed('172.17.8.101:2379');
    expect(u).toMatchObject({ scheme: '', host: '', path: '172.17.8.101:2379' });
    expect(urlString({ ...u, scheme: 'http' })).toBe('http://172.17.8.101:2379');
  });

  it('reads a name before the colon as a scheme, the rest opaque', () => {
    expect(parsed('localhost:2379')).toMatchObject({ scheme: 'localhost', opaque: '2379' });
    expect(urlString(parsed('localhost:2379'))).toBe('localhost:2379');
  });

  it('still refuses a URL starting with a colon', () => {
    expect(parseURL(':2379')).toEqual({ error: 'parse :2379: missing protocol scheme' });
  });
});
