import { describe, it, expect } from 'vitest';
import { formatUrl, hostHeader, parseUrl, removeDotSegments, resolveLocation, type CurlUrl } from '../../../../src/shell/commands/curl/url.ts';

describe('curl URLs', () => {
  it('splits scheme, host, port, path and query; guesses http', () => {
    expect(parseUrl('http://127.0.0.1:2379/v2/keys/foo?wait=true')).toEqual({ scheme: 'http', host: '127.0.0.1', port: 2379, path: '/v2/keys/foo', query: 'wait=true', user: undefined, password: undefined });
    expect(parseUrl('127.0.0.1:2379')).toMatchObject({ scheme: 'http', port: 2379, path: '/' });
    expect(parseUrl('https://discovery.etcd.io/new?size=3')).toMatchObject({ scheme: 'https', host: 'discovery.etcd.io', port: 443, path: '/new', query: 'size=3' });
    expect(parseUrl('http://user:pw@h/x#frag')).toMatchObject({ host: 'h', port: 80, path: '/x', user: 'user', password: 'pw' });
  });

  it('refuses what curl refuses', () => {
    expect(parseUrl('ftp://x/')).toEqual({ code: 1, message: 'Protocol "ftp" not supported or disabled in libcurl' });
    expect(parseUrl('http://')).toEqual({ code: 3, message: '<url> malformed' });
    expect(parseUrl('http://h:12a/')).toEqual({ code: 3, message: "Port number ended with 'a'" });
  });

  it('the path sent has its dot segments removed (RFC 3986 5.2.4), as real curl 7.88 sent them', () => {
    const cases: [string, string][] = [
      ['/v2/keys/./foo', '/v2/keys/foo'],
      ['/v2/keys/../0', '/v2/0'],
      ['/a/./b/../c//d/..', '/a/c//'],
      ['/..', '/'],
      ['/a/.', '/a/'],
      ['/a/..', '/'],
      ['/../../x', '/x'],
      ['/a/b/../../..', '/'],
      ['/a/%2e%2e/b', '/a/%2e%2e/b'],
      ['/a/.hidden/..x', '/a/.hidden/..x'],
      ['//foo', '//foo'],
    ];
    for (const [typed, sent] of cases) expect([typed, removeDotSegments(typed)]).toEqual([typed, sent]);
  });

  it('Host header and redirects', () => {
    const u = parseUrl('http://172.17.8.102:2379/v2/keys/a/b') as CurlUrl;
    expect(hostHeader(u)).toBe('172.17.8.102:2379');
    expect(hostHeader(parseUrl('https://discovery.etcd.io/x') as CurlUrl)).toBe('discovery.etcd.io');
    expect(formatUrl(resolveLocation(u, 'http://172.17.8.101:2379/v2/keys/a/b') as CurlUrl)).toBe('http://172.17.8.101:2379/v2/keys/a/b');
    expect(formatUrl(resolveLocation(u, '/v2/keys/c') as CurlUrl)).toBe('http://172.17.8.102:2379/v2/keys/c');
    expect(formatUrl(resolveLocation(u, 'c') as CurlUrl)).toBe('http://172.17.8.102:2379/v2/keys/a/c');
  });
});
