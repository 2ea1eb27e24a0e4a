import { nodeExternJson, type NodeExtern } from './node-extern.ts';

/** Event actions (`store/event.go`). */
export type Action =
  | 'get'
  | 'create'
  | 'set'
  | 'update'
  | 'delete'
  | 'compareAndSwap'
  | 'compareAndDelete'
  | 'expire';

/**
 * What a store operation returns and what watchers receive. Events are kept in the store's
 * history and shared between watchers: treat them as immutable.
 */
export interface StoreEvent {
  action: Action;
  node: NodeExtern;
  prevNode?: NodeExtern;
  /** The store index after the operation (X-Etcd-Index); not part of the JSON. */
  etcdIndex: number;
  /** A TTL refresh (etcd 2.3): recorded in the history but no watcher is notified. */
  refresh?: boolean;
}

/** `Event.Index()`: the node's modifiedIndex. */
export function eventIndex(e: StoreEvent): number {
  return e.node.modifiedIndex;
}

/** `Event.IsCreated()`: the keys API answers 201 for these. */
export function isCreated(e: StoreEvent): boolean {
  return e.action === 'create' || (e.action === 'set' && e.prevNode === undefined);
}

/**
 * The event's JSON as etcd writes it, without the trailing newline: action, node, prevNode
 * (omitted when absent). The `refresh` flag never shows: etcd's HTTP layer serialises a
 * clone of the event (`trimEventPrefix`), and `Event.Clone()` does not copy it.
 */
export function eventJson(e: StoreEvent, trimPrefix = ''): string {
  const prev = e.prevNode ? `,"prevNode":${nodeExternJson(e.prevNode, trimPrefix)}` : '';
  return `{"action":"${e.action}","node":${nodeExternJson(e.node, trimPrefix)}${prev}}`;
}

/** `newEvent`: an event whose node has only its key and indices so far. */
export function newEvent(
  action: Action,
  key: string,
  modifiedIndex: number,
  createdIndex: number,
  etcdIndex: number,
): StoreEvent {
  return { action, node: { key, modifiedIndex, createdIndex }, etcdIndex };
}
