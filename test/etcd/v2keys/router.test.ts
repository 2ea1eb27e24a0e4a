import { describe, it, expect } from 'vitest';
import { routeKeys } from '../../../src/etcd/v2keys/router.ts';
import { FakeKeysServer, FakeResponse, request } from './fake-keys-server.ts';

function route(s: FakeKeysServer, method: string, url: string) {
  const res = new FakeResponse();
  const handled = routeKeys(s, request(method, url), res);
  return { handled, res };
}

describe('routeKeys', () => {
  it('serves /v2/keys and /v2/keys/...; leaves other paths to the caller', () => {
    const s = new FakeKeysServer();
    expect(route(s, 'GET', '/v2/keys').handled).toBe(true);
    expect(route(s, 'GET', '/v2/keys/').res.body).toBe('{"action":"get","node":{"dir":true}}\n');
    expect(route(s, 'GET', '/v2/keysfoo').handled).toBe(false);
    expect(route(s, 'GET', '/v2/members').handled).toBe(false);
  });

  it('decodes percent-encoded keys', () => {
    const s = new FakeKeysServer();
    route(s, 'PUT', '/v2/keys/a%20b?value=x');
    expect(route(s, 'GET', '/v2/keys/a%20b').res.body).toBe(
      '{"action":"get","node":{"key":"/a b","value":"x","modifiedIndex":4,"createdIndex":4}}\n',
    );
  });

  it('redirects unclean paths (301) like Go ServeMux, query kept', () => {
    const s = new FakeKeysServer();
    const { handled, res } = route(s, 'GET', '/v2/keys//foo?recursive=true');
    expect(handled).toBe(true);
    expect(res.status).toBe(301);
    expect(res.header('Location')).toBe('/v2/keys/foo?recursive=true');
    expect(res.body).toBe('<a href="/v2/keys/foo?recursive=true">Moved Permanently</a>.\n\n');
    const up = route(s, 'PUT', '/v2/keys/../0/version');
    expect([up.res.status, up.res.header('Location'), up.res.body]).toEqual([301, '/v2/0/version', '']);
  });
});
