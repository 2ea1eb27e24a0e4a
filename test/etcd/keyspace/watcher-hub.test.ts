import { describe, it, expect } from 'vitest';
import { newMemberStore } from '../../../src/etcd/keyspace/namespaces.ts';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';
import { eventJson, type StoreEvent } from '../../../src/etcd/keyspace/event.ts';
import { PERMANENT, type Store } from '../../../src/etcd/keyspace/store.ts';
import { isHidden, type Watcher } from '../../../src/etcd/keyspace/watcher-hub.ts';

// Watch semantics from the reference (A.8) and etcd's store/watcher_hub.go.
const set = (s: Store, k: string, v: string) => s.set('/1' + k, false, v, PERMANENT, 0);

function watch(s: Store, key: string, opts: { recursive?: boolean; stream?: boolean; since?: number } = {}) {
  const got: string[] = [];
  const w = s.watch('/1' + key, !!opts.recursive, !!opts.stream, opts.since ?? 0, (e: StoreEvent) =>
    got.push(eventJson(e, '/1')),
  );
  if (w instanceof EtcdError) throw new Error(w.toJson());
  return { got, w: w as Watcher };
}

describe('watch', () => {
  it('fires once for the next change at the key, then is gone', () => {
    const s = newMemberStore();
    const { got } = watch(s, '/w');
    expect(s.watcherCount()).toBe(1);
    set(s, '/other', 'x');
    set(s, '/w', 'hello');
    set(s, '/w', 'again');
    expect(got).toEqual(['{"action":"set","node":{"key":"/w","value":"hello","modifiedIndex":2,"createdIndex":2}}']);
    expect(s.watcherCount()).toBe(0);
  });

  it('recursive watches see children; plain watches do not', () => {
    const s = newMemberStore();
    const plain = watch(s, '/wd');
    const rec = watch(s, '/wd', { recursive: true });
    set(s, '/wd/child', 'v1');
    expect(plain.got).toEqual([]);
    expect(rec.got).toEqual(['{"action":"set","node":{"key":"/wd/child","value":"v1","modifiedIndex":1,"createdIndex":1}}']);
  });

  it('stream watchers stay and get every event', () => {
    const s = newMemberStore();
    const { got, w } = watch(s, '/wr', { recursive: true, stream: true });
    set(s, '/wr/x', '1');
    s.update('/1/wr/x', '2', PERMANENT, 0);
    s.delete('/1/wr/x', false, false, 0);
    expect(got.map((j) => JSON.parse(j).action)).toEqual(['set', 'update', 'delete']);
    w.remove();
    expect(s.watcherCount()).toBe(0);
  });

  it('waitIndex returns the first matching event at or after it from the history', () => {
    const s = newMemberStore();
    set(s, '/k', 'a'); // 1
    set(s, '/other', 'b'); // 2
    set(s, '/k', 'c'); // 3
    const { got, w } = watch(s, '/k', { since: 2 });
    expect(got).toEqual([
      '{"action":"set","node":{"key":"/k","value":"c","modifiedIndex":3,"createdIndex":3},' +
        '"prevNode":{"key":"/k","value":"a","modifiedIndex":1,"createdIndex":1}}',
    ]);
    expect(w.startIndex).toBe(3);
    expect(s.watcherCount()).toBe(0);
    // Nothing yet at 4: the watcher waits.
    const later = watch(s, '/k', { since: 4 });
    expect(later.got).toEqual([]);
    set(s, '/k', 'd');
    expect(later.got).toHaveLength(1);
  });

  it('a waitIndex older than the 1000-event history is 401 with the current index', () => {
    const s = newMemberStore();
    for (let i = 1; i <= 1005; i++) set(s, '/k', String(i));
    const r = s.watch('/1/k', false, false, 3, () => {});
    expect(r).toBeInstanceOf(EtcdError);
    expect((r as EtcdError).toJson()).toBe(
      '{"errorCode":401,"message":"The event in requested index is outdated and cleared",' +
        '"cause":"the requested history has been cleared [6/3]","index":1005}',
    );
    expect((r as EtcdError).status).toBe(400);
    // The oldest kept event is still reachable.
    expect(watch(s, '/k', { since: 6 }).got).toHaveLength(1);
  });

  it('deleting a directory notifies watchers on its descendants with the delete event', () => {
    const s = newMemberStore();
    set(s, '/dir/sub/key', 'v'); // 1
    const deep = watch(s, '/dir/sub/key');
    const mid = watch(s, '/dir/sub');
    s.delete('/1/dir', true, true, 0);
    const expected =
      '{"action":"delete","node":{"key":"/dir","dir":true,"modifiedIndex":2,"createdIndex":1},' +
      '"prevNode":{"key":"/dir","dir":true,"modifiedIndex":1,"createdIndex":1}}';
    expect(deep.got).toEqual([expected]);
    expect(mid.got).toEqual([expected]);
  });

  it('hidden keys do not fire recursive watches on their ancestors, but do on themselves', () => {
    const s = newMemberStore();
    const anc = watch(s, '/app', { recursive: true });
    const self = watch(s, '/app/_lock');
    set(s, '/app/_lock', 'x');
    expect(anc.got).toEqual([]);
    expect(self.got).toHaveLength(1);
    set(s, '/app/_dir/inner', 'y');
    expect(anc.got).toEqual([]);
    set(s, '/app/visible', 'z');
    expect(anc.got).toHaveLength(1);
  });

  it('refresh consumes an index and records the event but notifies no one', () => {
    const s = newMemberStore();
    s.set('/1/k', false, 'v', { expireTime: 5000 }, 0); // 1
    const { got } = watch(s, '/k');
    const e = s.update('/1/k', '', { expireTime: 10_000, refresh: true }, 1000) as StoreEvent;
    expect(eventJson(e, '/1')).toBe(
      '{"action":"update","node":{"key":"/k","value":"v","expiration":"2016-06-01T09:00:10Z","ttl":9,"modifiedIndex":2,"createdIndex":1},' +
        '"prevNode":{"key":"/k","value":"v","expiration":"2016-06-01T09:00:05Z","ttl":4,"modifiedIndex":1,"createdIndex":1}}',
    );
    expect(s.index()).toBe(2);
    expect(got).toEqual([]);
    // ...but a watch from that index finds it in the history.
    expect(watch(s, '/k', { since: 2 }).got).toHaveLength(1);
  });

  it('remove() before any event drops the watcher', () => {
    const s = newMemberStore();
    const { got, w } = watch(s, '/k');
    w.remove();
    w.remove();
    set(s, '/k', 'v');
    expect(got).toEqual([]);
    expect(s.watcherCount()).toBe(0);
  });

  it('clearWatchers drops every watcher silently (member crash); the keys stay', () => {
    const s = newMemberStore();
    set(s, '/k', 'v');
    const a = watch(s, '/k');
    const b = watch(s, '/', { recursive: true, stream: true });
    s.clearWatchers();
    set(s, '/k', 'w');
    expect(a.got).toEqual([]);
    expect(b.got).toEqual([]);
    expect(s.watcherCount()).toBe(0);
    expect(s.index()).toBe(2);
  });
});

describe('isHidden', () => {
  it('is about the part below the watched path', () => {
    expect(isHidden('/1/app', '/1/app/_lock')).toBe(true);
    expect(isHidden('/1/app', '/1/app/x/_y')).toBe(true);
    expect(isHidden('/1/_app', '/1/_app/x')).toBe(false);
    expect(isHidden('/', '/1/_x')).toBe(true);
    expect(isHidden('/1/app/_lock/deeper', '/1/app')).toBe(false);
  });
});
