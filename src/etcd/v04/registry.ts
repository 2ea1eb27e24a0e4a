import type { Store } from '../keyspace/store.ts';
import { STORE_KEYS_PREFIX } from '../keyspace/namespaces.ts';
import { applyRequest } from '../v2keys/apply.ts';
import type { EtcdRequest } from '../v2keys/request.ts';

/**
 * etcd 0.4's Registry (server/registry.go): every machine that joined is a key in the ordinary
 * keyspace, `/_etcd/machines/<name>` = url.Values{raft, etcd}.Encode(). The join is a raft
 * command, so it takes a store index: a fresh one-machine cluster's first key gets index 2.
 */
export const MACHINES_KEY = '/_etcd/machines';

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** url.Values.Encode sorts its keys: etcd before raft. */
export function machineValue(clientURL: string, peerURL: string): string {
  return `etcd=${queryEscape(clientURL)}&raft=${queryEscape(peerURL)}`;
}

export function registerMachine(store: Store, name: string, clientURL: string, peerURL: string, now: number): void {
  const req = { Method: 'PUT', Path: `${STORE_KEYS_PREFIX}${MACHINES_KEY}/${name}`, Val: machineValue(clientURL, peerURL), PrevExist: false } as EtcdRequest;
  applyRequest(store, req, now);
}

export function unregisterMachine(store: Store, name: string, now: number): void {
  applyRequest(store, { Method: 'DELETE', Path: `${STORE_KEYS_PREFIX}${MACHINES_KEY}/${name}` } as EtcdRequest, now);
}
