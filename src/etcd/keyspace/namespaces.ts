import { Store } from './store.ts';

/** etcd's store namespaces (`etcdserver/server.go`): cluster metadata and user keys. */
export const STORE_CLUSTER_PREFIX = '/0';
export const STORE_KEYS_PREFIX = '/1';

/** A member's store, as `store.New(StoreClusterPrefix, StoreKeysPrefix)` creates it. */
export function newMemberStore(): Store {
  return new Store([STORE_CLUSTER_PREFIX, STORE_KEYS_PREFIX]);
}
