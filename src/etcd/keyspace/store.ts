import {
  EcodeKeyNotFound,
  EcodeNodeExist,
  EcodeNotDir,
  EcodeNotFile,
  EcodeRootROnly,
  EcodeTestFailed,
  EtcdError,
} from './errors.ts';
import { newEvent, type Action, type StoreEvent } from './event.ts';
import { compareFailCause, KNode } from './node.ts';
import type { NodeExtern } from './node-extern.ts';
import { cleanKey, join, split } from './paths.ts';
import { StoreStats } from './stats.ts';
import { TtlKeyHeap } from './ttl-key-heap.ts';
import { WatcherHub, type WatchCallback, type Watcher } from './watcher-hub.ts';
import { WORLD_EPOCH_MS } from '../../sim/time.ts';
import { removeNode } from './node-remove.ts';
import { NodeTree } from './node-tree.ts';

/** TTL options of a write (`store.TTLOptionSet`). */
export interface TTLOptions {
  /** Expiration in virtual ms; 0 = permanent (no TTL). */
  expireTime: number;
  /** etcd 2.3 refresh: keep the value, reset the TTL, notify no watcher. */
  refresh?: boolean;
}

export const PERMANENT: TTLOptions = { expireTime: 0 };

/** etcd treats expirations before 2000-01-01 as "no TTL" (times zeroed on the way from JS). */
const MIN_EXPIRE_TIME = Date.UTC(2000, 0, 1) - WORLD_EPOCH_MS;

/** etcd keeps the last 1000 events for watchers with a waitIndex. */
export const HISTORY_CAPACITY = 1000;

/**
 * etcd's v2 store (`store/store.go`, v2.3.7): a tree of keys and directories with one global
 * index, TTLs, watchers and an event history. Pure and synchronous: every operation gets the
 * virtual time `now` (ms) it runs at, used only to render TTLs. Operations return an event or
 * an EtcdError, never throw. The object is a member's "disk": it survives a crash, its
 * watchers do not (`clearWatchers`).
 *
 * Watch callbacks run synchronously inside the operation that fires them, in etcd's order;
 * they must not call back into the store.
 */
export class Store {
  readonly stats = new StoreStats();
  private currentIndex = 0;
  private readonly hub: WatcherHub;
  private readonly ttlHeap = new TtlKeyHeap();
  private readonly readonlySet: Set<string>;
  private readonly tree = new NodeTree();

  /** `store.New(namespaces...)`: the namespaces become permanent top-level directories. */
  constructor(namespaces: readonly string[] = [], historyCapacity = HISTORY_CAPACITY) {
    for (const ns of namespaces) this.tree.link(this.root, split(ns)[1], KNode.newDir(ns, 0, this.root, 0));
    this.hub = new WatcherHub(historyCapacity);
    this.readonlySet = new Set([...namespaces, '/']);
  }

  /** The root directory. */
  get root(): KNode {
    return this.tree.root;
  }

  /** Starts an empty store at `index`, as a long-running etcd (the discovery service's) would be. */
  seedIndex(index: number): void {
    if (this.currentIndex === 0) this.currentIndex = index;
  }

  /** The etcd index: +1 per successful mutation. */
  index(): number {
    return this.currentIndex;
  }

  /** Number of registered watchers. */
  watcherCount(): number {
    return this.hub.count;
  }

  /** `/v2/stats/store` body (no trailing newline). */
  statsJson(): string {
    return this.stats.toJson(this.hub.count);
  }

  /** The leader only proposes SYNC entries while some node has a TTL. */
  hasTTLKeys(): boolean {
    return this.ttlHeap.length !== 0;
  }

  /** Drops all watchers without notifying them (the member crashed). */
  clearWatchers(): void {
    this.hub.clear();
  }

  /**
   * Reads a node; a directory comes with its children (all levels if recursive). Children are
   * always sorted by key: etcd's order is Go-map random unless `sorted`, ours is deterministic.
   */
  get(nodePath: string, recursive: boolean, _sorted: boolean, now: number): StoreEvent | EtcdError {
    nodePath = cleanKey(nodePath);
    const n = this.internalGet(nodePath);
    if (n instanceof EtcdError) {
      this.stats.getsFail++;
      return n;
    }
    const e = newEvent('get', nodePath, n.modifiedIndex, n.createdIndex, this.currentIndex);
    n.loadInto(e.node, recursive, now);
    this.stats.getsSuccess++;
    return e;
  }

  /** Creates a node; intermediate directories are created (permanent). `unique`: in-order key. */
  create(
    nodePath: string,
    dir: boolean,
    value: string,
    unique: boolean,
    opts: TTLOptions,
    now: number,
  ): StoreEvent | EtcdError {
    const e = this.internalCreate(nodePath, dir, value, unique, false, opts.expireTime, 'create', now);
    if (e instanceof EtcdError) {
      this.stats.createFail++;
      return e;
    }
    e.etcdIndex = this.currentIndex;
    this.hub.notify(e);
    this.stats.createSuccess++;
    return e;
  }

  /** Creates or replaces a key (never a directory: 102). */
  set(nodePath: string, dir: boolean, value: string, opts: TTLOptions, now: number): StoreEvent | EtcdError {
    nodePath = cleanKey(nodePath);
    const n = this.internalGet(nodePath);
    if (n instanceof EtcdError && n.errorCode !== EcodeKeyNotFound) {
      this.stats.setsFail++;
      return n;
    }
    if (opts.refresh) {
      if (n instanceof EtcdError) {
        this.stats.setsFail++;
        return n;
      }
      value = n.value;
    }
    if (!(n instanceof EtcdError) && !dir && !n.isDir()) {
      const e = this.replaceKey(n, value, opts.expireTime, now);
      this.record(e, opts);
      this.stats.setsSuccess++;
      return e;
    }
    // The key's node, when there is one, leads straight to its directory.
    const e = this.internalCreate(nodePath, dir, value, false, true, opts.expireTime, 'set', now, n instanceof EtcdError ? undefined : n);
    if (e instanceof EtcdError) {
      this.stats.setsFail++;
      return e;
    }
    e.etcdIndex = this.currentIndex;
    if (!(n instanceof EtcdError)) {
      const prev: NodeExtern = { key: nodePath, modifiedIndex: n.modifiedIndex, createdIndex: n.createdIndex };
      n.loadInto(prev, false, now);
      e.prevNode = prev;
    }
    this.record(e, opts);
    this.stats.setsSuccess++;
    return e;
  }

  compareAndSwap(
    nodePath: string,
    prevValue: string,
    prevIndex: number,
    value: string,
    opts: TTLOptions,
    now: number,
  ): StoreEvent | EtcdError {
    nodePath = cleanKey(nodePath);
    if (this.readonlySet.has(nodePath)) {
      this.stats.compareAndSwapSuccess++; // etcd 2.3.7 counts this error as a success
      return new EtcdError(EcodeRootROnly, '/', this.currentIndex);
    }
    const n = this.internalGet(nodePath);
    if (n instanceof EtcdError) {
      this.stats.compareAndSwapFail++;
      return n;
    }
    if (n.isDir()) {
      this.stats.compareAndSwapFail++;
      return new EtcdError(EcodeNotFile, nodePath, this.currentIndex);
    }
    const which = n.compare(prevValue, prevIndex);
    if (which !== 0) {
      this.stats.compareAndSwapFail++;
      return new EtcdError(EcodeTestFailed, compareFailCause(n, which, prevValue, prevIndex), this.currentIndex);
    }
    if (opts.refresh) value = n.value;
    this.currentIndex++;
    const e = newEvent('compareAndSwap', nodePath, this.currentIndex, n.createdIndex, this.currentIndex);
    e.prevNode = n.repr(false, now);
    n.value = value;
    n.modifiedIndex = this.currentIndex;
    this.updateTTL(n, opts.expireTime);
    e.node.value = value;
    n.setExpirationOn(e.node, now);
    this.record(e, opts);
    this.stats.compareAndSwapSuccess++;
    return e;
  }

  /** Deletes a key, or a directory with `dir` (empty) or `recursive` (implies dir). */
  delete(nodePath: string, dir: boolean, recursive: boolean, now: number): StoreEvent | EtcdError {
    nodePath = cleanKey(nodePath);
    if (this.readonlySet.has(nodePath)) {
      this.stats.deleteSuccess++; // etcd 2.3.7 counts this error as a success
      return new EtcdError(EcodeRootROnly, '/', this.currentIndex);
    }
    if (recursive) dir = true;
    const n = this.internalGet(nodePath);
    if (n instanceof EtcdError) {
      this.stats.deleteFail++;
      return n;
    }
    const nextIndex = this.currentIndex + 1;
    const e = newEvent('delete', nodePath, nextIndex, n.createdIndex, nextIndex);
    e.prevNode = n.repr(false, now);
    if (n.isDir()) e.node.dir = true;
    const err = removeNode(
      n,
      dir,
      recursive,
      this.ttlHeap,
      this.currentIndex,
      (p) => this.hub.notifyWatchers(e, p, true),
      this.tree.byPath,
    );
    if (err) {
      this.stats.deleteFail++;
      return err;
    }
    this.currentIndex++;
    this.hub.notify(e);
    this.stats.deleteSuccess++;
    return e;
  }

  compareAndDelete(nodePath: string, prevValue: string, prevIndex: number, now: number): StoreEvent | EtcdError {
    nodePath = cleanKey(nodePath);
    const n = this.internalGet(nodePath);
    if (n instanceof EtcdError) {
      this.stats.compareAndDeleteFail++;
      return n;
    }
    // etcd 2.3.7 counts these two errors as successes.
    if (n.isDir()) {
      this.stats.compareAndDeleteSuccess++;
      return new EtcdError(EcodeNotFile, nodePath, this.currentIndex);
    }
    const which = n.compare(prevValue, prevIndex);
    if (which !== 0) {
      this.stats.compareAndDeleteSuccess++;
      return new EtcdError(EcodeTestFailed, compareFailCause(n, which, prevValue, prevIndex), this.currentIndex);
    }
    this.currentIndex++;
    const e = newEvent('compareAndDelete', nodePath, this.currentIndex, n.createdIndex, this.currentIndex);
    e.prevNode = n.repr(false, now);
    removeNode(n, false, false, this.ttlHeap, this.currentIndex, (p) => this.hub.notifyWatchers(e, p, true), this.tree.byPath);
    this.hub.notify(e);
    this.stats.compareAndDeleteSuccess++;
    return e;
  }

  /** Updates a key's value and/or TTL, or a directory's TTL (a value on a directory: 102). */
  update(nodePath: string, newValue: string, opts: TTLOptions, now: number): StoreEvent | EtcdError {
    nodePath = cleanKey(nodePath);
    if (this.readonlySet.has(nodePath)) {
      this.stats.updateSuccess++; // etcd 2.3.7 counts this error as a success
      return new EtcdError(EcodeRootROnly, '/', this.currentIndex);
    }
    const currIndex = this.currentIndex;
    const nextIndex = currIndex + 1;
    const n = this.internalGet(nodePath);
    if (n instanceof EtcdError) {
      this.stats.updateFail++;
      return n;
    }
    if (n.isDir() && newValue.length !== 0) {
      this.stats.updateSuccess++; // etcd 2.3.7 counts this error as a success
      return new EtcdError(EcodeNotFile, nodePath, currIndex);
    }
    if (opts.refresh) newValue = n.value;
    const e = newEvent('update', nodePath, nextIndex, n.createdIndex, nextIndex);
    e.prevNode = n.repr(false, now);
    if (n.isDir()) {
      // node.Write fails on a directory and etcd ignores the error: the directory keeps its
      // old modifiedIndex although the event reports the new one.
      e.node.dir = true;
    } else {
      n.value = newValue;
      n.modifiedIndex = nextIndex;
      e.node.value = newValue;
    }
    this.updateTTL(n, opts.expireTime);
    n.setExpirationOn(e.node, now);
    this.record(e, opts);
    this.stats.updateSuccess++;
    this.currentIndex = nextIndex;
    return e;
  }

  /**
   * Watches `key` (and below it if recursive) from `sinceIndex` (0: the next index). The
   * callback may run before this returns, when the history already holds a matching event.
   * Non-stream watchers get one event and are then removed. Errors: 401 when `sinceIndex`
   * has left the 1000-event history.
   */
  watch(key: string, recursive: boolean, stream: boolean, sinceIndex: number, cb: WatchCallback): Watcher | EtcdError {
    key = cleanKey(key);
    if (sinceIndex === 0) sinceIndex = this.currentIndex + 1;
    return this.hub.watch(key, recursive, stream, sinceIndex, this.currentIndex, cb);
  }

  /**
   * Removes every node whose expiration is at or before `cutoff` (the SYNC entry's time),
   * one `expire` event and one index each, soonest first. `now` renders the prevNodes' TTLs
   * (the applying member's clock). Returns the events.
   */
  deleteExpiredKeys(cutoff: number, now: number = cutoff): StoreEvent[] {
    const out: StoreEvent[] = [];
    for (;;) {
      const node = this.ttlHeap.top();
      if (!node || node.expireTime > cutoff) break;
      this.currentIndex++;
      const e = newEvent('expire', node.path, this.currentIndex, node.createdIndex, this.currentIndex);
      e.prevNode = node.repr(false, now);
      this.ttlHeap.pop();
      removeNode(node, true, true, this.ttlHeap, this.currentIndex, (p) => this.hub.notifyWatchers(e, p, true), this.tree.byPath);
      this.stats.expireCount++;
      this.hub.notify(e);
      out.push(e);
    }
    return out;
  }

  /**
   * `set` of a key over a key (most writes): what internalCreate does there, with the old
   * node's view as prevNode, but the new key takes the old node's place in the tree instead of
   * a new node taking its name. Nothing else holds a node, so this is the same tree without
   * touching the directory's map.
   */
  private replaceKey(n: KNode, value: string, expireTime: number, now: number): StoreEvent {
    const nextIndex = this.currentIndex + 1;
    if (expireTime < MIN_EXPIRE_TIME) expireTime = 0;
    // The objects are made whole (fields in the order newEvent and loadInto give them): no
    // property added later, so no extra property store per object of the 1000 kept in history.
    const prev: NodeExtern = { key: n.path, modifiedIndex: n.modifiedIndex, createdIndex: n.createdIndex, value: n.value };
    n.setExpirationOn(prev, now);
    const node: NodeExtern = { key: n.path, modifiedIndex: nextIndex, createdIndex: nextIndex, value };
    const e: StoreEvent = { action: 'set', node, etcdIndex: nextIndex, prevNode: prev };
    // The old node leaves the TTL heap before the new one (maybe) enters it, as in etcd.
    if (!n.isPermanent()) this.ttlHeap.remove(n);
    n.value = value;
    n.createdIndex = nextIndex;
    n.modifiedIndex = nextIndex;
    n.expireTime = expireTime;
    if (!n.isPermanent()) {
      this.ttlHeap.push(n);
      n.setExpirationOn(node, now);
    }
    this.currentIndex = nextIndex;
    return e;
  }

  /** Notifies watchers, or for a refresh only records the event. */
  private record(e: StoreEvent, opts: TTLOptions): void {
    if (opts.refresh) {
      e.refresh = true;
      this.hub.add(e);
    } else {
      this.hub.notify(e);
    }
  }

  private updateTTL(n: KNode, expireTime: number): void {
    if (!n.isPermanent()) {
      n.expireTime = expireTime;
      if (expireTime === 0) this.ttlHeap.remove(n);
      else this.ttlHeap.update(n);
      return;
    }
    if (expireTime === 0) return;
    n.expireTime = expireTime;
    this.ttlHeap.push(n);
  }

  private internalCreate(
    nodePath: string,
    dir: boolean,
    value: string,
    unique: boolean,
    replace: boolean,
    expireTime: number,
    action: Action,
    now: number,
    /** The node at `nodePath`, just looked up: its directory needs no walk, its repr is the caller's. */
    existingNode?: KNode,
  ): StoreEvent | EtcdError {
    const currIndex = this.currentIndex;
    const nextIndex = currIndex + 1;
    if (unique) nodePath += '/' + String(nextIndex).padStart(20, '0');
    nodePath = cleanKey(nodePath);
    if (this.readonlySet.has(nodePath)) return new EtcdError(EcodeRootROnly, '/', currIndex);
    if (expireTime < MIN_EXPIRE_TIME) expireTime = 0;
    const [dirName, nodeName] = split(nodePath);
    const d = existingNode?.parent ?? this.tree.walk(dirName, (parent, name) => this.checkDir(parent, name));
    if (d instanceof EtcdError) {
      this.stats.setsFail++; // etcd counts a setsFail here on top of the caller's failure
      d.index = currIndex;
      return d;
    }
    const e = newEvent(action, nodePath, nextIndex, nextIndex, 0);
    const existing = d.children!.get(nodeName);
    if (existing) {
      if (!replace) return new EtcdError(EcodeNodeExist, nodePath, currIndex);
      if (existing.isDir()) return new EtcdError(EcodeNotFile, nodePath, currIndex);
      if (existing !== existingNode) e.prevNode = existing.repr(false, now);
      removeNode(existing, false, false, this.ttlHeap, currIndex, undefined, this.tree.byPath);
    }
    let n: KNode;
    if (!dir) {
      e.node.value = value;
      n = KNode.newKV(nodePath, value, nextIndex, d, expireTime);
    } else {
      e.node.dir = true;
      n = KNode.newDir(nodePath, nextIndex, d, expireTime);
    }
    this.tree.link(d, nodeName, n);
    if (!n.isPermanent()) {
      this.ttlHeap.push(n);
      n.setExpirationOn(e.node, now);
    }
    this.currentIndex = nextIndex;
    return e;
  }

  /** The node at a path (cleaned by the caller), or 100 / 104. */
  private internalGet(nodePath: string): KNode | EtcdError {
    return this.tree.get(nodePath, this.currentIndex);
  }

  /** An existing directory, a new one (taking the write's index), or 104 if a key is in the way. */
  private checkDir(parent: KNode, dirName: string): KNode | EtcdError {
    const node = parent.children!.get(dirName);
    if (node) {
      if (node.isDir()) return node;
      return new EtcdError(EcodeNotDir, node.path, this.currentIndex);
    }
    const n = KNode.newDir(join(parent.path, dirName), this.currentIndex + 1, parent, 0);
    this.tree.link(parent, dirName, n);
    return n;
  }
}
