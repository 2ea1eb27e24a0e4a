import { EtcdError } from './errors.ts';
import { EventHistory } from './event-history.ts';
import { eventIndex, type StoreEvent } from './event.ts';
import { clean } from './paths.ts';

export type WatchCallback = (e: StoreEvent) => void;

/** A registered watch (`store/watcher.go`). */
export class Watcher {
  /** True once removed from the hub (notified, removed by the client, or cleared). */
  removed = false;
  /** Set when the watcher sits in the hub's list. */
  detach: (() => void) | undefined;

  constructor(
    readonly key: string,
    readonly recursive: boolean,
    readonly stream: boolean,
    /** First event index this watcher wants. */
    readonly sinceIndex: number,
    /** The store index when the watch began: the watch response's X-Etcd-Index. */
    readonly startIndex: number,
    private readonly cb: WatchCallback,
  ) {}

  /**
   * Whether this watcher takes the event: at its own key, anywhere below it if recursive,
   * or at a key inside a directory being deleted — and only from `sinceIndex` on.
   */
  notify(e: StoreEvent, originalPath: boolean, deleted: boolean): boolean {
    if ((this.recursive || originalPath || deleted) && eventIndex(e) >= this.sinceIndex) {
      this.cb(e);
      return true;
    }
    return false;
  }

  deliver(e: StoreEvent): void {
    this.cb(e);
  }

  /** The client is gone: stop watching (safe to call more than once). */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.detach?.();
  }
}

/**
 * All watchers, by watched path, plus the event history (`store/watcher_hub.go`). Watchers on
 * one path are notified in the order they were added.
 */
export class WatcherHub {
  private watchers = new Map<string, Watcher[]>();
  readonly history: EventHistory;
  /** Current number of watchers (the `watchers` store stat). */
  count = 0;

  constructor(capacity: number) {
    this.history = new EventHistory(capacity);
  }

  /**
   * Registers a watch. If the history already holds a matching event at or after `index`,
   * the callback gets it (a copy with the current etcdIndex) before this returns and the
   * watcher is not registered at all — as in etcd, where it sits in the channel's buffer.
   */
  watch(
    key: string,
    recursive: boolean,
    stream: boolean,
    index: number,
    storeIndex: number,
    cb: WatchCallback,
  ): Watcher | EtcdError {
    const found = this.history.scan(key, recursive, index);
    if (found instanceof EtcdError) {
      found.index = storeIndex;
      return found;
    }
    const w = new Watcher(key, recursive, stream, index, storeIndex, cb);
    if (found !== undefined) {
      w.removed = true;
      w.deliver({ ...found, etcdIndex: storeIndex });
      return w;
    }
    let list = this.watchers.get(key);
    if (!list) {
      list = [];
      this.watchers.set(key, list);
    }
    list.push(w);
    this.count++;
    w.detach = () => {
      const l = this.watchers.get(key);
      if (!l) return;
      const i = l.indexOf(w);
      if (i < 0) return;
      l.splice(i, 1);
      this.count--;
      if (l.length === 0) this.watchers.delete(key);
    };
    return w;
  }

  /** Records an event without notifying anyone (TTL refreshes). */
  add(e: StoreEvent): void {
    this.history.add(e);
  }

  /** Records the event and notifies watchers on every path from the root down to its key. */
  notify(e: StoreEvent): void {
    this.history.add(e);
    if (this.count === 0) return;
    const segments = e.node.key.split('/');
    let curr = '/';
    for (const seg of segments) {
      curr = seg === '' ? curr : curr === '/' ? '/' + seg : curr + '/' + seg;
      this.notifyWatchers(e, curr, false);
    }
  }

  /** Notifies the watchers of one path; non-stream watchers are dropped once they fire. */
  notifyWatchers(e: StoreEvent, nodePath: string, deleted: boolean): void {
    const list = this.watchers.get(nodePath);
    if (!list) return;
    const originalPath = e.node.key === nodePath;
    const visible = originalPath || !isHidden(nodePath, e.node.key);
    // Iterate over a snapshot: a callback may add or remove watchers.
    for (const w of list.slice()) {
      if (w.removed) continue;
      if (visible && w.notify(e, originalPath, deleted) && !w.stream) w.remove();
    }
  }

  /** Drops every watcher without notifying it (the member crashed). */
  clear(): void {
    for (const list of this.watchers.values()) for (const w of list) w.removed = true;
    this.watchers.clear();
    this.count = 0;
  }
}

/**
 * Whether `keyPath` is hidden from a watcher on `watchPath`: some element below the watched
 * path starts with `_`. A watch path deeper than the key (a directory being deleted) never is.
 */
export function isHidden(watchPath: string, keyPath: string): boolean {
  if (watchPath.length > keyPath.length) return false;
  const after = clean('/' + keyPath.slice(watchPath.length));
  return after.includes('/_');
}
