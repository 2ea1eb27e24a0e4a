import { describe, it, expect } from 'vitest';
import { handleKeys } from '../../../src/etcd/v2keys/handler.ts';
import { FakeKeysServer, FakeResponse, FORM, request } from './fake-keys-server.ts';

// The /v2/keys HTTP semantics of reference A.2-A.8 against a one-member fake cluster that
// starts at etcd index 3 (A.4: the first user write gets index 4).
function call(s: FakeKeysServer, method: string, url: string, body = ''): FakeResponse {
  const res = new FakeResponse();
  handleKeys(s, request(method, url, body, body ? FORM : undefined), res);
  return res;
}

const CID = '7e27652122e8b2ae';

describe('successful requests', () => {
  it('first write of a fresh member: 201, index 4, all five headers in Go order', () => {
    const s = new FakeKeysServer();
    const r = call(s, 'PUT', '/v2/keys/message', 'value=Hello world');
    expect(r.status).toBe(201);
    expect(r.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Etcd-Cluster-Id', CID],
      ['X-Etcd-Index', '4'],
      ['X-Raft-Index', '4'],
      ['X-Raft-Term', '2'],
    ]);
    expect(r.body).toBe('{"action":"set","node":{"key":"/message","value":"Hello world","modifiedIndex":4,"createdIndex":4}}\n');
    expect(r.ended).toBe(true);
  });

  it('replacing a key is 200 with prevNode; GET reads the local store', () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/message', 'value=one');
    const r = call(s, 'PUT', '/v2/keys/message?value=two');
    expect(r.status).toBe(200);
    expect(r.body).toBe(
      '{"action":"set","node":{"key":"/message","value":"two","modifiedIndex":5,"createdIndex":5},' +
        '"prevNode":{"key":"/message","value":"one","modifiedIndex":4,"createdIndex":4}}\n',
    );
    const before = s.proposals.length;
    const g = call(s, 'GET', '/v2/keys/message');
    expect(s.proposals.length).toBe(before);
    expect([g.status, g.header('X-Etcd-Index'), g.body]).toEqual([
      200,
      '5',
      '{"action":"get","node":{"key":"/message","value":"two","modifiedIndex":5,"createdIndex":5}}\n',
    ]);
  });

  it('the root listing has no key and hides the cluster namespace', () => {
    const s = new FakeKeysServer();
    expect(call(s, 'GET', '/v2/keys').body).toBe('{"action":"get","node":{"dir":true}}\n');
    call(s, 'PUT', '/v2/keys/a?value=1');
    expect(call(s, 'GET', '/v2/keys/?recursive=true').body).toBe(
      '{"action":"get","node":{"dir":true,"nodes":[{"key":"/a","value":"1","modifiedIndex":4,"createdIndex":4}]}}\n',
    );
  });

  it('POST creates an in-order key (201); mkdir is a create (201)', () => {
    const s = new FakeKeysServer();
    const r = call(s, 'POST', '/v2/keys/queue', 'value=job1');
    expect(r.status).toBe(201);
    expect(r.body).toBe(
      '{"action":"create","node":{"key":"/queue/00000000000000000004","value":"job1","modifiedIndex":4,"createdIndex":4}}\n',
    );
    expect(call(s, 'PUT', '/v2/keys/dir?dir=true&prevExist=false').status).toBe(201);
  });

  it('TTL: ttl shown rounded up, expiration in RFC3339Nano', () => {
    const s = new FakeKeysServer();
    s.clock = 1000;
    call(s, 'PUT', '/v2/keys/t', 'value=bar&ttl=5');
    s.clock = 2200;
    expect(call(s, 'GET', '/v2/keys/t').body).toBe(
      '{"action":"get","node":{"key":"/t","value":"bar","expiration":"2016-06-01T09:00:06Z","ttl":4,"modifiedIndex":4,"createdIndex":4}}\n',
    );
  });

  it('refresh with prevExist=true answers 200 update', () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/t', 'value=bar&ttl=5');
    const r = call(s, 'PUT', '/v2/keys/t?ttl=10&refresh=true&prevExist=true');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ action: 'update', node: { value: 'bar', ttl: 10 } });
    expect(r.body).not.toContain('refresh');
  });

  it("HEAD: the GET status, headers and body (Go's server discards the body, but sends its length)", () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/k?value=v');
    const r = call(s, 'HEAD', '/v2/keys/k');
    expect([r.status, r.header('X-Etcd-Index'), r.header('X-Raft-Term'), r.body, r.ended]).toEqual([200, '4', '2', call(s, 'GET', '/v2/keys/k').body, true]);
    const missing = call(s, 'HEAD', '/v2/keys/nope');
    expect([missing.status, missing.header('X-Etcd-Index'), missing.body]).toEqual([404, '4', '{"errorCode":100,"message":"Key not found","cause":"/nope","index":4}\n']);
  });

  it('quorum=true GET goes through Raft as QGET', () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/k?value=v');
    const r = call(s, 'GET', '/v2/keys/k?quorum=true');
    expect(s.proposals.at(-1)!.Method).toBe('QGET');
    expect(r.body).toBe('{"action":"get","node":{"key":"/k","value":"v","modifiedIndex":4,"createdIndex":4}}\n');
    // etcd turns GET+quorum into QGET before looking at wait: no watch.
    const w = call(s, 'GET', '/v2/keys/k?quorum=true&wait=true');
    expect([w.ended, JSON.parse(w.body).action]).toEqual([true, 'get']);
  });
});

describe('errors', () => {
  it('etcd errors: status from the code, Content-Type + cluster id + X-Etcd-Index only', () => {
    const s = new FakeKeysServer();
    const r = call(s, 'GET', '/v2/keys/foo');
    expect(r.status).toBe(404);
    expect(r.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Etcd-Cluster-Id', CID],
      ['X-Etcd-Index', '3'],
    ]);
    expect(r.body).toBe('{"errorCode":100,"message":"Key not found","cause":"/foo","index":3}\n');
  });

  it('request-parsing errors report index 0', () => {
    const s = new FakeKeysServer();
    const r = call(s, 'PUT', '/v2/keys/foo?value=v&ttl=abc');
    expect([r.status, r.header('X-Etcd-Index')]).toEqual([400, '0']);
    expect(r.body).toBe(
      '{"errorCode":202,"message":"The given TTL in POST form is not a number","cause":"invalid value for \\"ttl\\"","index":0}\n',
    );
    expect(s.proposals).toHaveLength(0);
  });

  it('root is read-only: 107, HTTP 400', () => {
    const s = new FakeKeysServer();
    for (const [m, u] of [
      ['DELETE', '/v2/keys/?dir=true'],
      ['PUT', '/v2/keys/?dir=true'],
      ['PUT', '/v2/keys?value=x&prevExist=true'],
    ] as const) {
      const r = call(s, m, u);
      expect(r.status).toBe(400);
      expect(r.body).toMatch(/^\{"errorCode":107,"message":"Root is read only","cause":"\/","index":\d+\}\n$/);
    }
  });

  it('A.3 combos: 102 (403), 108 (403), 104 (400, cause = the key in the way), 412s', () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/dir/k?value=v'); // 4
    const cases: [string, string, number, string][] = [
      ['PUT', '/v2/keys/dir?dir=true', 403, '{"errorCode":102,"message":"Not a file","cause":"/dir","index":4}'],
      ['DELETE', '/v2/keys/dir', 403, '{"errorCode":102,"message":"Not a file","cause":"/dir","index":4}'],
      ['DELETE', '/v2/keys/dir?dir=true', 403, '{"errorCode":108,"message":"Directory not empty","cause":"/dir","index":4}'],
      ['PUT', '/v2/keys/dir/k/x?value=v', 400, '{"errorCode":104,"message":"Not a directory","cause":"/dir/k","index":4}'],
      ['GET', '/v2/keys/dir/k/x', 400, '{"errorCode":104,"message":"Not a directory","cause":"/dir/k","index":4}'],
      ['PUT', '/v2/keys/dir/k?value=w&prevExist=false', 412, '{"errorCode":105,"message":"Key already exists","cause":"/dir/k","index":4}'],
      ['PUT', '/v2/keys/dir/k?value=w&prevValue=x', 412, '{"errorCode":101,"message":"Compare failed","cause":"[x != v]","index":4}'],
      ['DELETE', '/v2/keys/dir/k?prevIndex=9', 412, '{"errorCode":101,"message":"Compare failed","cause":"[9 != 4]","index":4}'],
    ];
    for (const [m, u, status, body] of cases) {
      const r = call(s, m, u);
      expect([m, u, r.status, r.body]).toEqual([m, u, status, body + '\n']);
    }
    const ok = call(s, 'DELETE', '/v2/keys/dir?recursive=true');
    expect([ok.status, ok.body]).toEqual([
      200,
      '{"action":"delete","node":{"key":"/dir","dir":true,"modifiedIndex":5,"createdIndex":4},' +
        '"prevNode":{"key":"/dir","dir":true,"modifiedIndex":4,"createdIndex":4}}\n',
    ]);
  });

  it('a proposal that times out: 500, errorCode 300 with the etcdserver error as cause, index 0', () => {
    const s = new FakeKeysServer();
    s.failWith = 'timeout';
    const r = call(s, 'PUT', '/v2/keys/k?value=v');
    expect(r.status).toBe(500);
    expect(r.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Etcd-Cluster-Id', CID],
      ['X-Etcd-Index', '0'],
    ]);
    expect(r.body).toBe('{"errorCode":300,"message":"Raft Internal Error","cause":"etcdserver: request timed out","index":0}\n');
    s.failWith = 'timeout-leader-fail';
    expect(call(s, 'DELETE', '/v2/keys/k').body).toContain(
      '"cause":"etcdserver: request timed out, possibly due to previous leader failure"',
    );
  });

  it("405 for other methods, with Allow and http.Error's text body and nosniff", () => {
    const s = new FakeKeysServer();
    const r = call(s, 'PATCH', '/v2/keys/k');
    expect(r.status).toBe(405);
    expect(r.headers).toEqual([
      ['Allow', 'HEAD,GET,PUT,POST,DELETE'],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['X-Content-Type-Options', 'nosniff'],
    ]);
    expect(r.body).toBe('Method Not Allowed\n');
  });
});

describe('watch (wait=true)', () => {
  it('flushes 200 and headers at once, then writes the event and ends', () => {
    const s = new FakeKeysServer();
    const w = call(s, 'GET', '/v2/keys/w?wait=true');
    expect([w.status, w.header('X-Etcd-Index'), w.body, w.ended]).toEqual([200, '3', '', false]);
    expect(w.headers.map(([k]) => k)).toEqual(['Content-Type', 'X-Etcd-Cluster-Id', 'X-Etcd-Index', 'X-Raft-Index', 'X-Raft-Term']);
    call(s, 'PUT', '/v2/keys/w?value=hello');
    expect(w.body).toBe('{"action":"set","node":{"key":"/w","value":"hello","modifiedIndex":4,"createdIndex":4}}\n');
    expect(w.ended).toBe(true);
    expect(s.store.watcherCount()).toBe(0);
  });

  it('waitIndex already in the history answers at once', () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/k?value=a'); // 4
    call(s, 'PUT', '/v2/keys/k?value=b'); // 5
    const w = call(s, 'GET', '/v2/keys/k?wait=true&waitIndex=5');
    expect([w.header('X-Etcd-Index'), w.ended, JSON.parse(w.body).node.value]).toEqual(['5', true, 'b']);
    expect(w.headWrites).toBe(1);
    // handleKeyWatch flushes the head before it reads the event: Go streams the body (chunked).
    expect(w.flushedAt).toBe(0);
  });

  it('a cleared waitIndex is 401 with HTTP 400', () => {
    const s = new FakeKeysServer();
    for (let i = 0; i < 1000; i++) call(s, 'PUT', '/v2/keys/k?value=' + i); // indices 4..1003
    const w = call(s, 'GET', '/v2/keys/k?wait=true&waitIndex=2');
    expect(w.status).toBe(400);
    expect(w.body).toBe(
      '{"errorCode":401,"message":"The event in requested index is outdated and cleared",' +
        '"cause":"the requested history has been cleared [4/2]","index":1003}\n',
    );
  });

  it('recursive watch sees children; deleting a parent dir notifies a watcher below', () => {
    const s = new FakeKeysServer();
    const rec = call(s, 'GET', '/v2/keys/wd?wait=true&recursive=true');
    call(s, 'PUT', '/v2/keys/wd/child?value=v1');
    expect(JSON.parse(rec.body)).toMatchObject({ action: 'set', node: { key: '/wd/child' } });
    const below = call(s, 'GET', '/v2/keys/wd/child?wait=true');
    call(s, 'DELETE', '/v2/keys/wd?recursive=true');
    expect(below.body).toBe(
      '{"action":"delete","node":{"key":"/wd","dir":true,"modifiedIndex":5,"createdIndex":4},' +
        '"prevNode":{"key":"/wd","dir":true,"modifiedIndex":4,"createdIndex":4}}\n',
    );
  });

  it('a watched key that expires delivers the expire event', () => {
    const s = new FakeKeysServer();
    call(s, 'PUT', '/v2/keys/t?value=bar&ttl=1');
    const w = call(s, 'GET', '/v2/keys/t?wait=true');
    s.store.deleteExpiredKeys(1000);
    expect(w.body).toBe(
      '{"action":"expire","node":{"key":"/t","modifiedIndex":5,"createdIndex":4},' +
        '"prevNode":{"key":"/t","value":"bar","expiration":"2016-06-01T09:00:01Z","modifiedIndex":4,"createdIndex":4}}\n',
    );
  });

  it('the client going away removes the watcher', () => {
    const s = new FakeKeysServer();
    const req = request('GET', '/v2/keys/k?wait=true');
    const res = new FakeResponse();
    handleKeys(s, req, res);
    expect(s.store.watcherCount()).toBe(1);
    req.close();
    expect(s.store.watcherCount()).toBe(0);
    call(s, 'PUT', '/v2/keys/k?value=v');
    expect(res.body).toBe('');
  });

  it('stream=true keeps writing events', () => {
    const s = new FakeKeysServer();
    const w = call(s, 'GET', '/v2/keys/s?wait=true&stream=true');
    call(s, 'PUT', '/v2/keys/s?value=1');
    call(s, 'PUT', '/v2/keys/s?value=2');
    expect(w.chunks).toHaveLength(2);
    expect(w.ended).toBe(false);
  });
});
