import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { newMemberStore } from '../../../src/etcd/keyspace/namespaces.ts';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';
import { eventJson, type StoreEvent } from '../../../src/etcd/keyspace/event.ts';
import { PERMANENT } from '../../../src/etcd/keyspace/store.ts';

// TTLs (reference A.7). Virtual time 0 is 2016-06-01T09:00:00Z.
const json = (r: StoreEvent | EtcdError) => (r instanceof EtcdError ? r.toJson() : eventJson(r, '/1'));

describe('TTL display', () => {
  it('ttl is the remaining seconds rounded up, with the RFC3339Nano expiration', () => {
    const s = newMemberStore();
    // ttl=5 set at t=0.25 s: expires at 5.25 s.
    expect(json(s.set('/1/t', false, 'bar', { expireTime: 5250 }, 250))).toBe(
      '{"action":"set","node":{"key":"/t","value":"bar","expiration":"2016-06-01T09:00:05.25Z","ttl":5,"modifiedIndex":1,"createdIndex":1}}',
    );
    // 1.2 s later: 3.8 s left -> 4.
    expect(json(s.get('/1/t', false, false, 1450))).toBe(
      '{"action":"get","node":{"key":"/t","value":"bar","expiration":"2016-06-01T09:00:05.25Z","ttl":4,"modifiedIndex":1,"createdIndex":1}}',
    );
    expect((s.get('/1/t', false, false, 5249) as StoreEvent).node.ttl).toBe(1);
    expect(s.hasTTLKeys()).toBe(true);
  });

  it('a write without ttl makes the node permanent again', () => {
    const s = newMemberStore();
    s.set('/1/t', false, 'a', { expireTime: 5000 }, 0);
    s.update('/1/t', 'b', PERMANENT, 0);
    expect(s.hasTTLKeys()).toBe(false);
    expect(json(s.get('/1/t', false, false, 0))).toBe(
      '{"action":"get","node":{"key":"/t","value":"b","modifiedIndex":2,"createdIndex":1}}',
    );
    s.deleteExpiredKeys(60_000);
    expect(s.index()).toBe(2);
  });
  // Go counts whole nanoseconds: a key read at the instant it was written shows exactly its ttl,
  // k whole seconds later ttl - k, k seconds after expiring -k. Virtual ms are floats, and
  // `now + ttl * 1000` rounds: the remainder must not come out as a sliver that rounds up.
  it('ttl is never off by one from float rounding, at any write time (property)', () => {
    const ttlOf = (s: ReturnType<typeof newMemberStore>, at: number) => ((s.get('/1/t', false, false, at) as StoreEvent).node.ttl ?? 0) + 0; // -0 is 0 (omitted alike)
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 1e9 })),
        fc.integer({ min: 0, max: 600 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 999.999, noNaN: true })),
        (now, ttl, k, frac) => {
          const s = newMemberStore();
          const expireTime = now + ttl * 1000; // request.ts expirationOf
          expect((s.set('/1/t', false, 'v', { expireTime }, now) as StoreEvent).node.ttl).toBe(ttl);
          if (k < ttl) expect(ttlOf(s, now + k * 1000 + frac)).toBe(ttl - k);
          expect(ttlOf(s, expireTime + k * 1000 + frac)).toBe(-k + 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('deleteExpiredKeys', () => {
  it('emits the observed expire event shape and consumes an index (A.7)', () => {
    const s = newMemberStore();
    for (let i = 0; i < 30; i++) s.set(`/1/f${i}`, false, 'v', PERMANENT, 0);
    s.set('/1/t', false, 'bar', { expireTime: 5277.273298 }, 277.273298); // index 31
    const seen: string[] = [];
    s.watch('/1/t', false, false, 0, (e) => seen.push(eventJson(e, '/1')));
    expect(s.deleteExpiredKeys(5000)).toEqual([]);
    const events = s.deleteExpiredKeys(5500, 5500);
    const expected =
      '{"action":"expire","node":{"key":"/t","modifiedIndex":32,"createdIndex":31},' +
      '"prevNode":{"key":"/t","value":"bar","expiration":"2016-06-01T09:00:05.277273298Z","modifiedIndex":31,"createdIndex":31}}';
    expect(events.map((e) => eventJson(e, '/1'))).toEqual([expected]);
    expect(seen).toEqual([expected]);
    expect(s.index()).toBe(32);
    expect(json(s.get('/1/t', false, false, 5500))).toBe(
      '{"errorCode":100,"message":"Key not found","cause":"/1/t","index":32}',
    );
    expect(s.hasTTLKeys()).toBe(false);
    expect(JSON.parse(s.statsJson()).expireCount).toBe(1);
  });

  it('expires soonest first, one index each', () => {
    const s = newMemberStore();
    s.set('/1/late', false, 'v', { expireTime: 3000 }, 0);
    s.set('/1/early', false, 'v', { expireTime: 1000 }, 0);
    s.set('/1/mid', false, 'v', { expireTime: 2000 }, 0);
    const ev = s.deleteExpiredKeys(10_000);
    expect(ev.map((e) => [e.node.key, e.node.modifiedIndex])).toEqual([
      ['/1/early', 4],
      ['/1/mid', 5],
      ['/1/late', 6],
    ]);
  });

  it('a directory TTL takes the whole subtree; watchers below get the expire event', () => {
    const s = newMemberStore();
    s.set('/1/d', true, '', { expireTime: 2000 }, 0); // 1
    s.set('/1/d/k', false, 'v', PERMANENT, 0); // 2
    const below: StoreEvent[] = [];
    s.watch('/1/d/k', false, false, 0, (e) => below.push(e));
    s.deleteExpiredKeys(2000);
    expect(below.map((e) => eventJson(e, '/1'))).toEqual([
      '{"action":"expire","node":{"key":"/d","modifiedIndex":3,"createdIndex":1},' +
        '"prevNode":{"key":"/d","dir":true,"expiration":"2016-06-01T09:00:02Z","modifiedIndex":1,"createdIndex":1}}',
    ]);
    expect((s.get('/1/d/k', false, false, 2000) as EtcdError).errorCode).toBe(100);
  });

  it('a TTL key inside an expiring directory leaves the heap with it', () => {
    const s = newMemberStore();
    s.set('/1/d', true, '', { expireTime: 1000 }, 0);
    s.set('/1/d/k', false, 'v', { expireTime: 5000 }, 0);
    expect(s.deleteExpiredKeys(1000)).toHaveLength(1);
    expect(s.hasTTLKeys()).toBe(false);
    expect(s.deleteExpiredKeys(10_000)).toHaveLength(0);
  });

  it('ttl=0 expires at the next sweep; the write shows no ttl field', () => {
    const s = newMemberStore();
    expect(json(s.set('/1/z', false, 'v', { expireTime: 1000 }, 1000))).toBe(
      '{"action":"set","node":{"key":"/z","value":"v","expiration":"2016-06-01T09:00:01Z","modifiedIndex":1,"createdIndex":1}}',
    );
    expect(s.deleteExpiredKeys(1000)).toHaveLength(1);
  });

  it('refresh keeps the value and moves the expiration (set without prevExist: action set, 200)', () => {
    const s = newMemberStore();
    s.set('/1/k', false, 'v', { expireTime: 1000 }, 0);
    const e = s.set('/1/k', false, '', { expireTime: 9000, refresh: true }, 500) as StoreEvent;
    expect(e.action).toBe('set');
    expect(e.node.value).toBe('v');
    expect(s.deleteExpiredKeys(5000)).toHaveLength(0);
    expect(s.deleteExpiredKeys(9000)).toHaveLength(1);
    // Refresh of a missing key: 100.
    expect((s.set('/1/nope', false, '', { expireTime: 9000, refresh: true }, 0) as EtcdError).errorCode).toBe(100);
  });
});
