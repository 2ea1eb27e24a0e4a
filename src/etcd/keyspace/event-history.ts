import { EcodeEventIndexCleared, EtcdError } from './errors.ts';
import { cleanKey } from './paths.ts';
import { eventIndex, type StoreEvent } from './event.ts';

/**
 * The last `capacity` events (etcd keeps 1000), a ring buffer (`store/event_history.go`,
 * `event_queue.go`). Every successful mutation adds exactly one event, so the indices in the
 * ring are consecutive and an index maps to a slot by arithmetic.
 */
export class EventHistory {
  private readonly events: (StoreEvent | undefined)[];
  private front = 0;
  private back = 0;
  private size = 0;
  lastIndex = 0;

  /** Index of the oldest event kept (0 while empty); read only by watches, so not kept up to date. */
  get startIndex(): number {
    return this.size === 0 ? 0 : eventIndex(this.events[this.front]!);
  }

  constructor(readonly capacity: number) {
    this.events = new Array<StoreEvent | undefined>(capacity);
  }

  add(e: StoreEvent): void {
    this.events[this.back] = e;
    this.back = (this.back + 1) % this.capacity;
    if (this.size === this.capacity) this.front = (this.front + 1) % this.capacity;
    else this.size++;
    this.lastIndex = eventIndex(e);
  }

  /**
   * The first event at or after `index` that a watch on `key` would see, undefined if none
   * yet, or 401 if `index` has already left the history (the error's index is set by the
   * caller). Mirrors etcd's matching exactly, quirks included: hidden keys match, and a
   * deleted/expired directory matches any key it is a string prefix of.
   */
  scan(key: string, recursive: boolean, index: number): StoreEvent | undefined | EtcdError {
    if (index < this.startIndex) {
      return new EtcdError(
        EcodeEventIndexCleared,
        `the requested history has been cleared [${this.startIndex}/${index}]`,
        0,
      );
    }
    if (index > this.lastIndex) return undefined;
    let i = (this.front + (index - this.startIndex)) % this.capacity;
    for (;;) {
      const e = this.events[i]!;
      let ok = e.node.key === key;
      if (recursive) {
        key = cleanKey(key);
        if (!key.endsWith('/')) key += '/';
        ok = ok || e.node.key.startsWith(key);
      }
      if ((e.action === 'delete' || e.action === 'expire') && e.prevNode?.dir) {
        ok = ok || key.startsWith(e.prevNode.key);
      }
      if (ok) return e;
      i = (i + 1) % this.capacity;
      if (i === this.back) return undefined;
    }
  }
}
