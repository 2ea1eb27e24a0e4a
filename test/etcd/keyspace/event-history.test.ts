import { describe, it, expect } from 'vitest';
import { EventHistory } from '../../../src/etcd/keyspace/event-history.ts';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';
import type { Action, StoreEvent } from '../../../src/etcd/keyspace/event.ts';

const ev = (index: number, key: string, action: Action = 'set', prevDir = false): StoreEvent => ({
  action,
  node: { key, modifiedIndex: index, createdIndex: index },
  prevNode: prevDir ? { key, dir: true, modifiedIndex: 1, createdIndex: 1 } : undefined,
  etcdIndex: index,
});

describe('EventHistory', () => {
  it('keeps the last `capacity` events; older indices are 401', () => {
    const h = new EventHistory(3);
    for (let i = 1; i <= 5; i++) h.add(ev(i, `/k${i}`));
    expect(h.startIndex).toBe(3);
    expect(h.lastIndex).toBe(5);
    const e = h.scan('/k1', false, 2) as EtcdError;
    expect(e.errorCode).toBe(401);
    expect(e.cause).toBe('the requested history has been cleared [3/2]');
    expect((h.scan('/k4', false, 3) as StoreEvent).node.key).toBe('/k4');
    expect(h.scan('/k1', false, 3)).toBeUndefined();
    expect(h.scan('/k5', false, 6)).toBeUndefined();
  });

  it('recursive scans match keys below the watched one', () => {
    const h = new EventHistory(10);
    h.add(ev(1, '/1/dir/a'));
    expect((h.scan('/1/dir', true, 1) as StoreEvent).node.key).toBe('/1/dir/a');
    expect(h.scan('/1/di', true, 1)).toBeUndefined();
  });

  it('a deleted or expired directory matches every key it prefixes', () => {
    const h = new EventHistory(10);
    h.add(ev(1, '/1/x'));
    h.add(ev(2, '/1/dir', 'delete', true));
    expect((h.scan('/1/dir/deep/key', false, 1) as StoreEvent).node.modifiedIndex).toBe(2);
    h.add(ev(3, '/1/t', 'expire', true));
    expect((h.scan('/1/t/k', false, 3) as StoreEvent).action).toBe('expire');
  });
});
