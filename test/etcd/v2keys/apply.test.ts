import { describe, it, expect } from 'vitest';
import { newMemberStore } from '../../../src/etcd/keyspace/namespaces.ts';
import { eventJson, isCreated, type StoreEvent } from '../../../src/etcd/keyspace/event.ts';
import type { Store } from '../../../src/etcd/keyspace/store.ts';
import { applyRequest, type ApplyResult } from '../../../src/etcd/v2keys/apply.ts';
import { newRequest, type EtcdRequest } from '../../../src/etcd/v2keys/request.ts';

// The request -> store operation table of reference A.3.
type Req = Partial<EtcdRequest> & { Method: string; Path: string };
const apply = (s: Store, r: Req, now = 0): ApplyResult => applyRequest(s, newRequest(r), now);
const ev = (r: ApplyResult): StoreEvent => {
  if ('event' in r) return r.event;
  if ('getResult' in r) return r.getResult;
  throw new Error(JSON.stringify(r));
};
const code = (r: ApplyResult) => ('error' in r ? r.error.errorCode : 0);

describe('applyRequest', () => {
  it('PUT: set (201 when new, 200 when replacing)', () => {
    const s = newMemberStore();
    const a = ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'one' }));
    expect([a.action, isCreated(a)]).toEqual(['set', true]);
    const b = ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'two' }));
    expect([b.action, isCreated(b)]).toEqual(['set', false]);
  });

  it('PUT prevExist=false: create (105 if it exists)', () => {
    const s = newMemberStore();
    const a = ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v', PrevExist: false }));
    expect([a.action, isCreated(a)]).toEqual(['create', true]);
    expect(code(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v', PrevExist: false }))).toBe(105);
  });

  it('PUT prevExist=true: update (100 if missing); with prevValue/prevIndex: compareAndSwap', () => {
    const s = newMemberStore();
    expect(code(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v', PrevExist: true }))).toBe(100);
    apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v' });
    expect(ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'w', PrevExist: true })).action).toBe('update');
    expect(ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'x', PrevExist: true, PrevValue: 'w' })).action).toBe(
      'compareAndSwap',
    );
    expect(ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'y', PrevIndex: 3 })).action).toBe('compareAndSwap');
    expect(ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'z', PrevValue: 'y' })).action).toBe('compareAndSwap');
  });

  it('prevIndex=0 always passes: a plain set', () => {
    const s = newMemberStore();
    apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v' });
    expect(ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: 'w', PrevIndex: 0 })).action).toBe('set');
  });

  it('prevExist/dir combinations on directories', () => {
    const s = newMemberStore();
    // mkdir: PUT dir=true prevExist=false
    expect(eventJson(ev(apply(s, { Method: 'PUT', Path: '/1/d', Dir: true, PrevExist: false })), '/1')).toBe(
      '{"action":"create","node":{"key":"/d","dir":true,"modifiedIndex":1,"createdIndex":1}}',
    );
    // setdir on an existing dir: 102
    expect(code(apply(s, { Method: 'PUT', Path: '/1/d', Dir: true }))).toBe(102);
    // a value on a dir: 102
    expect(code(apply(s, { Method: 'PUT', Path: '/1/d', Val: 'v' }))).toBe(102);
    expect(code(apply(s, { Method: 'PUT', Path: '/1/d', Val: 'v', PrevExist: true }))).toBe(102);
    // updatedir: refreshes the TTL, action update
    const u = ev(apply(s, { Method: 'PUT', Path: '/1/d', Dir: true, PrevExist: true, Expiration: 30_000 }, 0));
    expect(eventJson(u, '/1')).toBe(
      '{"action":"update","node":{"key":"/d","dir":true,"expiration":"2016-06-01T09:00:30Z","ttl":30,"modifiedIndex":2,"createdIndex":1},' +
        '"prevNode":{"key":"/d","dir":true,"modifiedIndex":1,"createdIndex":1}}',
    );
    // etcdctl updatedir on a key blanks it
    apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v' });
    expect(ev(apply(s, { Method: 'PUT', Path: '/1/k', Dir: true, PrevExist: true })).node.value).toBe('');
  });

  it('POST: in-order create under the directory', () => {
    const s = newMemberStore();
    const e = ev(apply(s, { Method: 'POST', Path: '/1/queue', Val: 'job' }));
    expect(eventJson(e, '/1')).toBe(
      '{"action":"create","node":{"key":"/queue/00000000000000000001","value":"job","modifiedIndex":1,"createdIndex":1}}',
    );
  });

  it('DELETE: delete; with prevValue/prevIndex compareAndDelete', () => {
    const s = newMemberStore();
    apply(s, { Method: 'PUT', Path: '/1/a', Val: 'v' });
    apply(s, { Method: 'PUT', Path: '/1/b', Val: 'v' });
    expect(ev(apply(s, { Method: 'DELETE', Path: '/1/a' })).action).toBe('delete');
    expect(code(apply(s, { Method: 'DELETE', Path: '/1/b', PrevValue: 'x' }))).toBe(101);
    expect(ev(apply(s, { Method: 'DELETE', Path: '/1/b', PrevIndex: 2 })).action).toBe('compareAndDelete');
    expect(code(apply(s, { Method: 'DELETE', Path: '/1' }))).toBe(107);
  });

  it('QGET reads through the log; SYNC expires keys up to its Time', () => {
    const s = newMemberStore();
    apply(s, { Method: 'PUT', Path: '/1/t', Val: 'v', Expiration: 1000 });
    const g = apply(s, { Method: 'QGET', Path: '/1/t' });
    expect('getResult' in g && g.getResult.action).toBe('get');
    expect(apply(s, { Method: 'SYNC', Path: '', Time: 999 }, 999)).toEqual({ none: true });
    expect(s.index()).toBe(1);
    apply(s, { Method: 'SYNC', Path: '', Time: 1000 }, 1200);
    expect(s.index()).toBe(2);
    expect(code(apply(s, { Method: 'QGET', Path: '/1/t' }))).toBe(100);
  });

  it('refresh with prevExist=true: action update, value kept', () => {
    const s = newMemberStore();
    apply(s, { Method: 'PUT', Path: '/1/k', Val: 'v', Expiration: 5000 });
    const e = ev(apply(s, { Method: 'PUT', Path: '/1/k', Val: '', PrevExist: true, Refresh: true, Expiration: 9000 }));
    expect([e.action, e.node.value, e.node.ttl]).toEqual(['update', 'v', 9]);
  });

  it('tolerates partially filled internal requests', () => {
    const s = newMemberStore();
    const r = applyRequest(s, { Method: 'PUT', Path: '/0/version', Val: '2.3.0' } as EtcdRequest, 0);
    expect(ev(r).node.key).toBe('/0/version');
    expect('error' in applyRequest(s, { Method: 'BOGUS', Path: '/1/x' } as EtcdRequest, 0)).toBe(true);
  });
});
