import { describe, it, expect } from 'vitest';
import { newMemberStore } from '../../../src/etcd/keyspace/namespaces.ts';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';
import { eventJson, type StoreEvent } from '../../../src/etcd/keyspace/event.ts';
import { PERMANENT, type Store } from '../../../src/etcd/keyspace/store.ts';

// Expected JSON below is written from the reference (A.2-A.4, A.6), keys shown without `/1`.
const NOW = 0;
const json = (r: StoreEvent | EtcdError) => (r instanceof EtcdError ? `ERR ${r.toJson()}` : eventJson(r, '/1'));
const err = (r: StoreEvent | EtcdError): EtcdError => {
  if (!(r instanceof EtcdError)) throw new Error(`expected an error, got ${eventJson(r)}`);
  return r;
};
const set = (s: Store, k: string, v: string) => s.set('/1' + k, false, v, PERMANENT, NOW);
const mkdir = (s: Store, k: string) => s.set('/1' + k, true, '', PERMANENT, NOW);

describe('get', () => {
  it('shows the empty root as a bare dir, without key or indices', () => {
    const s = newMemberStore();
    expect(json(s.get('/1', false, false, NOW))).toBe('{"action":"get","node":{"dir":true}}');
  });

  it('lists one level of non-hidden children, sorted by key; recursive goes deeper', () => {
    const s = newMemberStore();
    set(s, '/d/b', '2');
    set(s, '/d/a', '1');
    mkdir(s, '/d/sub');
    set(s, '/d/sub/x', '3');
    set(s, '/d/_hidden', 'h');
    expect(json(s.get('/1/d', false, false, NOW))).toBe(
      '{"action":"get","node":{"key":"/d","dir":true,"nodes":[' +
        '{"key":"/d/a","value":"1","modifiedIndex":2,"createdIndex":2},' +
        '{"key":"/d/b","value":"2","modifiedIndex":1,"createdIndex":1},' +
        '{"key":"/d/sub","dir":true,"modifiedIndex":3,"createdIndex":3}],"modifiedIndex":1,"createdIndex":1}}',
    );
    expect(json(s.get('/1/d/sub', true, true, NOW))).toBe(
      '{"action":"get","node":{"key":"/d/sub","dir":true,"nodes":[{"key":"/d/sub/x","value":"3","modifiedIndex":4,"createdIndex":4}],"modifiedIndex":3,"createdIndex":3}}',
    );
    // An empty directory has no "nodes" field.
    mkdir(s, '/empty');
    expect(json(s.get('/1/empty', true, false, NOW))).toBe(
      '{"action":"get","node":{"key":"/empty","dir":true,"modifiedIndex":6,"createdIndex":6}}',
    );
  });

  it('reads hidden keys directly', () => {
    const s = newMemberStore();
    set(s, '/_h', 'secret');
    expect(json(s.get('/1/_h', false, false, NOW))).toBe(
      '{"action":"get","node":{"key":"/_h","value":"secret","modifiedIndex":1,"createdIndex":1}}',
    );
    expect(json(s.get('/1', false, false, NOW))).toBe('{"action":"get","node":{"dir":true}}');
  });

  it('100 names the first missing path element; 104 names the key in the way', () => {
    const s = newMemberStore();
    set(s, '/a/b', 'v');
    expect(err(s.get('/1/x/y', false, false, NOW)).toJson()).toBe(
      '{"errorCode":100,"message":"Key not found","cause":"/1/x","index":1}',
    );
    expect(err(s.get('/1/a/b/c', false, false, NOW)).toJson()).toBe(
      '{"errorCode":104,"message":"Not a directory","cause":"/1/a/b","index":1}',
    );
  });

  it('values are JSON-escaped the way Go does (<, >, & as \\u00XX)', () => {
    const s = newMemberStore();
    set(s, '/h', '<a href="x">&</a>\b');
    expect(json(s.get('/1/h', false, false, NOW))).toBe(
      '{"action":"get","node":{"key":"/h","value":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u0008","modifiedIndex":1,"createdIndex":1}}',
    );
  });
});

describe('indices', () => {
  it('one global index, +1 per successful write; failures and reads do not bump it', () => {
    const s = newMemberStore();
    expect(s.index()).toBe(0);
    set(s, '/a', '1');
    set(s, '/b', '2');
    s.get('/1/a', false, false, NOW);
    s.create('/1/a', false, 'x', false, PERMANENT, NOW); // 105
    expect(s.index()).toBe(2);
    expect(err(s.create('/1/a', false, 'x', false, PERMANENT, NOW)).index).toBe(2);
  });

  it('intermediate directories take the index of the write that created them', () => {
    const s = newMemberStore();
    set(s, '/x', '0');
    const e = set(s, '/a/b/c', 'v') as StoreEvent;
    expect(e.etcdIndex).toBe(2);
    expect(json(s.get('/1/a', true, true, NOW))).toBe(
      '{"action":"get","node":{"key":"/a","dir":true,"nodes":[{"key":"/a/b","dir":true,"nodes":[' +
        '{"key":"/a/b/c","value":"v","modifiedIndex":2,"createdIndex":2}],"modifiedIndex":2,"createdIndex":2}],' +
        '"modifiedIndex":2,"createdIndex":2}}',
    );
  });

  it('delete, compareAndDelete and set-over report modifiedIndex = new index, createdIndex = old', () => {
    const s = newMemberStore();
    set(s, '/k', 'one');
    expect(json(set(s, '/k', 'two'))).toBe(
      '{"action":"set","node":{"key":"/k","value":"two","modifiedIndex":2,"createdIndex":2},' +
        '"prevNode":{"key":"/k","value":"one","modifiedIndex":1,"createdIndex":1}}',
    );
    expect(json(s.update('/1/k', 'three', PERMANENT, NOW))).toBe(
      '{"action":"update","node":{"key":"/k","value":"three","modifiedIndex":3,"createdIndex":2},' +
        '"prevNode":{"key":"/k","value":"two","modifiedIndex":2,"createdIndex":2}}',
    );
    expect(json(s.delete('/1/k', false, false, NOW))).toBe(
      '{"action":"delete","node":{"key":"/k","modifiedIndex":4,"createdIndex":2},' +
        '"prevNode":{"key":"/k","value":"three","modifiedIndex":3,"createdIndex":2}}',
    );
    set(s, '/c', 'v');
    expect(json(s.compareAndDelete('/1/c', 'v', 0, NOW))).toBe(
      '{"action":"compareAndDelete","node":{"key":"/c","modifiedIndex":6,"createdIndex":5},' +
        '"prevNode":{"key":"/c","value":"v","modifiedIndex":5,"createdIndex":5}}',
    );
  });
});

describe('writes (A.3)', () => {
  it('set never replaces a directory: 102', () => {
    const s = newMemberStore();
    mkdir(s, '/dir');
    expect(err(s.set('/1/dir', true, '', PERMANENT, NOW)).toJson()).toBe(
      '{"errorCode":102,"message":"Not a file","cause":"/1/dir","index":1}',
    );
    expect(err(set(s, '/dir', 'v')).errorCode).toBe(102);
  });

  it('create fails with 105 on an existing key; writing below a key is 104', () => {
    const s = newMemberStore();
    set(s, '/a/b', 'v');
    expect(err(s.create('/1/a/b', false, 'w', false, PERMANENT, NOW)).toJson()).toBe(
      '{"errorCode":105,"message":"Key already exists","cause":"/1/a/b","index":1}',
    );
    expect(err(set(s, '/a/b/c', 'w')).toJson()).toBe(
      '{"errorCode":104,"message":"Not a directory","cause":"/1/a/b","index":1}',
    );
    expect(err(s.create('/1/a/b/c/d', false, 'w', false, PERMANENT, NOW)).cause).toBe('/1/a/b');
  });

  it('update with an empty value blanks a key; a dir takes only a TTL (102 with a value)', () => {
    const s = newMemberStore();
    set(s, '/k', 'v');
    expect(json(s.update('/1/k', '', PERMANENT, NOW))).toBe(
      '{"action":"update","node":{"key":"/k","value":"","modifiedIndex":2,"createdIndex":1},' +
        '"prevNode":{"key":"/k","value":"v","modifiedIndex":1,"createdIndex":1}}',
    );
    mkdir(s, '/d');
    expect(err(s.update('/1/d', 'x', PERMANENT, NOW)).toJson()).toBe(
      '{"errorCode":102,"message":"Not a file","cause":"/1/d","index":3}',
    );
    expect(json(s.update('/1/d', '', { expireTime: 10_000 }, NOW))).toBe(
      '{"action":"update","node":{"key":"/d","dir":true,"expiration":"2016-06-01T09:00:10Z","ttl":10,"modifiedIndex":4,"createdIndex":3},' +
        '"prevNode":{"key":"/d","dir":true,"modifiedIndex":3,"createdIndex":3}}',
    );
  });

  it('updating a directory reports the new index but the directory keeps its old modifiedIndex', () => {
    // etcd 2.3.7 ignores node.Write's "Not a file" error for directories in Update.
    const s = newMemberStore();
    mkdir(s, '/d');
    expect((s.update('/1/d', '', { expireTime: 5000 }, NOW) as StoreEvent).node.modifiedIndex).toBe(2);
    expect(s.index()).toBe(2);
    expect((s.get('/1/d', false, false, NOW) as StoreEvent).node.modifiedIndex).toBe(1);
  });

  it('root and the namespaces are read-only: 107 with cause /', () => {
    const s = newMemberStore();
    const ro = '{"errorCode":107,"message":"Root is read only","cause":"/","index":0}';
    expect(err(s.set('/1', true, '', PERMANENT, NOW)).toJson()).toBe(ro);
    expect(err(s.delete('/1', true, true, NOW)).toJson()).toBe(ro);
    expect(err(s.update('/1', '', PERMANENT, NOW)).toJson()).toBe(ro);
    expect(err(s.compareAndSwap('/1', 'a', 0, 'b', PERMANENT, NOW)).toJson()).toBe(ro);
    expect(err(s.delete('/', true, true, NOW)).toJson()).toBe(ro);
    expect(err(s.set('/0', false, 'x', PERMANENT, NOW)).toJson()).toBe(ro);
  });

  it('in-order keys: <dir>/<20-digit zero-padded index>', () => {
    const s = newMemberStore();
    for (let i = 0; i < 12; i++) set(s, `/x${i}`, 'v');
    expect(json(s.create('/1/queue', false, 'job', true, PERMANENT, NOW))).toBe(
      '{"action":"create","node":{"key":"/queue/00000000000000000013","value":"job","modifiedIndex":13,"createdIndex":13}}',
    );
    expect(json(s.create('/1/queue', true, '', true, PERMANENT, NOW))).toBe(
      '{"action":"create","node":{"key":"/queue/00000000000000000014","dir":true,"modifiedIndex":14,"createdIndex":14}}',
    );
  });
});

describe('compare-and-swap / compare-and-delete (101 causes)', () => {
  it('reports value, index or both mismatches', () => {
    const s = newMemberStore();
    for (let i = 0; i < 7; i++) set(s, `/f${i}`, 'v');
    set(s, '/k', 'two'); // index 8
    expect(err(s.compareAndSwap('/1/k', 'x', 0, 'n', PERMANENT, NOW)).toJson()).toBe(
      '{"errorCode":101,"message":"Compare failed","cause":"[x != two]","index":8}',
    );
    expect(err(s.compareAndSwap('/1/k', '', 1, 'n', PERMANENT, NOW)).cause).toBe('[1 != 8]');
    expect(err(s.compareAndSwap('/1/k', 'x', 1, 'n', PERMANENT, NOW)).cause).toBe('[x != two] [1 != 8]');
    expect(err(s.compareAndDelete('/1/k', 'x', 1, NOW)).cause).toBe('[x != two] [1 != 8]');
  });

  it('swaps when both given tests pass', () => {
    const s = newMemberStore();
    set(s, '/k', 'one');
    expect(json(s.compareAndSwap('/1/k', 'one', 1, 'two', PERMANENT, NOW))).toBe(
      '{"action":"compareAndSwap","node":{"key":"/k","value":"two","modifiedIndex":2,"createdIndex":1},' +
        '"prevNode":{"key":"/k","value":"one","modifiedIndex":1,"createdIndex":1}}',
    );
  });

  it('compare-and-* on a directory is 102', () => {
    const s = newMemberStore();
    mkdir(s, '/d');
    expect(err(s.compareAndSwap('/1/d', 'a', 0, 'b', PERMANENT, NOW)).errorCode).toBe(102);
    expect(err(s.compareAndDelete('/1/d', 'a', 0, NOW)).toJson()).toBe(
      '{"errorCode":102,"message":"Not a file","cause":"/1/d","index":1}',
    );
  });
});

describe('delete', () => {
  it('a dir needs dir=true (102), a non-empty one recursive (108); recursive implies dir', () => {
    const s = newMemberStore();
    set(s, '/d/k', 'v');
    expect(err(s.delete('/1/d', false, false, NOW)).toJson()).toBe(
      '{"errorCode":102,"message":"Not a file","cause":"/1/d","index":1}',
    );
    expect(err(s.delete('/1/d', true, false, NOW)).toJson()).toBe(
      '{"errorCode":108,"message":"Directory not empty","cause":"/1/d","index":1}',
    );
    expect(json(s.delete('/1/d', false, true, NOW))).toBe(
      '{"action":"delete","node":{"key":"/d","dir":true,"modifiedIndex":2,"createdIndex":1},' +
        '"prevNode":{"key":"/d","dir":true,"modifiedIndex":1,"createdIndex":1}}',
    );
    expect(err(s.get('/1/d/k', false, false, NOW)).errorCode).toBe(100);
  });

  it('dir=true also deletes a plain key (etcdctl rmdir on a key)', () => {
    const s = newMemberStore();
    set(s, '/k', 'v');
    expect(json(s.delete('/1/k', true, false, NOW))).toBe(
      '{"action":"delete","node":{"key":"/k","modifiedIndex":2,"createdIndex":1},' +
        '"prevNode":{"key":"/k","value":"v","modifiedIndex":1,"createdIndex":1}}',
    );
  });
});

describe('stats (A.9 order)', () => {
  it('counts operations in etcd order, watchers last', () => {
    const s = newMemberStore();
    set(s, '/a', '1');
    s.get('/1/a', false, false, NOW);
    s.get('/1/zz', false, false, NOW);
    s.create('/1/a', false, 'x', false, PERMANENT, NOW);
    s.watch('/1/a', false, false, 0, () => {});
    expect(s.statsJson()).toBe(
      '{"getsSuccess":1,"getsFail":1,"setsSuccess":1,"setsFail":0,"deleteSuccess":0,"deleteFail":0,' +
        '"updateSuccess":0,"updateFail":0,"createSuccess":0,"createFail":1,"compareAndSwapSuccess":0,' +
        '"compareAndSwapFail":0,"compareAndDeleteSuccess":0,"compareAndDeleteFail":0,"expireCount":0,"watchers":1}',
    );
  });
});
