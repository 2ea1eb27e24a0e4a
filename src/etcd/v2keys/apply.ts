import { EcodeRaftInternal, EtcdError } from '../keyspace/errors.ts';
import type { StoreEvent } from '../keyspace/event.ts';
import { PERMANENT, type Store, type TTLOptions } from '../keyspace/store.ts';
import type { EtcdRequest } from './request.ts';

/**
 * What applying one committed request produced (etcd's `Response`): the write's event, the
 * quorum read's event, the etcd error, or nothing (SYNC).
 */
export type ApplyResult =
  | { event: StoreEvent }
  | { getResult: StoreEvent }
  | { error: EtcdError }
  | { none: true };

function of(r: StoreEvent | EtcdError): ApplyResult {
  return r instanceof EtcdError ? { error: r } : { event: r };
}

/**
 * etcd's `EtcdServer.applyRequest` (v2.3.7): what every member runs for each committed keys
 * request, in log order.
 *
 * | request | store operation |
 * |---|---|
 * | POST | Create, unique (in-order key) |
 * | PUT prevExist=true, no prevValue/prevIndex | Update |
 * | PUT prevExist=true with prevValue/prevIndex | CompareAndSwap |
 * | PUT prevExist=false | Create |
 * | PUT prevValue or prevIndex>0 | CompareAndSwap |
 * | PUT | Set |
 * | DELETE prevValue or prevIndex>0 | CompareAndDelete |
 * | DELETE | Delete |
 * | QGET | Get |
 * | SYNC | DeleteExpiredKeys(Time) |
 *
 * Cluster side effects of writes under `/0` (member attributes, cluster version) are the
 * member's business; this only touches the store. Never throws: missing fields default.
 */
export function applyRequest(store: Store, r: EtcdRequest, now: number): ApplyResult {
  const path = r.Path ?? '';
  const val = r.Val ?? '';
  const prevValue = r.PrevValue ?? '';
  const prevIndex = r.PrevIndex ?? 0;
  const expireTime = r.Expiration ?? 0;
  const refresh = r.Refresh === true;
  // Most writes have no TTL: they share one options object (the store never changes it).
  const opts: TTLOptions = expireTime === 0 && !refresh ? PERMANENT : { expireTime, refresh };
  switch (r.Method) {
    case 'POST':
      return of(store.create(path, !!r.Dir, val, true, opts, now));
    case 'PUT':
      if (r.PrevExist !== undefined) {
        if (r.PrevExist) {
          if (prevIndex === 0 && prevValue === '') return of(store.update(path, val, opts, now));
          return of(store.compareAndSwap(path, prevValue, prevIndex, val, opts, now));
        }
        return of(store.create(path, !!r.Dir, val, false, opts, now));
      }
      if (prevIndex > 0 || prevValue !== '') return of(store.compareAndSwap(path, prevValue, prevIndex, val, opts, now));
      return of(store.set(path, !!r.Dir, val, opts, now));
    case 'DELETE':
      if (prevIndex > 0 || prevValue !== '') return of(store.compareAndDelete(path, prevValue, prevIndex, now));
      return of(store.delete(path, !!r.Dir, !!r.Recursive, now));
    case 'QGET': {
      const e = store.get(path, !!r.Recursive, !!r.Sorted, now);
      return e instanceof EtcdError ? { error: e } : { getResult: e };
    }
    case 'SYNC':
      store.deleteExpiredKeys(r.Time ?? now, now);
      return { none: true };
    default:
      // etcd: ErrUnknownMethod, written to clients as a Raft Internal Error.
      return { error: new EtcdError(EcodeRaftInternal, 'etcdserver: unknown method', 0) };
  }
}
